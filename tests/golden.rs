//! Golden vectors for what people keep: share links already sent and JSON
//! files already exported must open as they did when they were made.
//!
//! A round trip cannot catch a change made to encoder and decoder alike;
//! these can. Each committed link under `tests/golden/links/` decodes to the
//! committed JSON beside it, field for field; the fixture encodes to the
//! committed link, byte for byte; each committed export under
//! `tests/golden/files/` loads to the committed JSON beside it; the fixture's
//! Markdown and CSV reports equal `tests/golden/reports/` (the browser test
//! of the export bar compares its downloads with the same files).
//!
//! An intended change of format gets a new version and keeps the old decoder,
//! so the link and file vectors stay as they are. Only to add a vector, after
//! a deliberate, versioned change, or when a report's wording changes on
//! purpose, rewrite the expected files with:
//!
//! ```sh
//! AIXA_BLESS=1 cargo test --test golden
//! ```
#![cfg(not(target_arch = "wasm32"))]

use aixa::core::assessment::Assessment;
use aixa::core::codec;
use aixa::core::report::{csv::csv, markdown::markdown};
use std::path::{Path, PathBuf};

const ID: &str = "golden";
const NOW: &str = "2026-11-28T00:00:00Z";

fn dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(kind)
}

fn bless() -> bool {
    std::env::var_os("AIXA_BLESS").is_some()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()))
        .trim_end()
        .to_string()
}

/// Compares with the expected file, or writes it under AIXA_BLESS.
fn expect(path: &Path, actual: &str) {
    let actual = actual.trim_end();
    if bless() {
        std::fs::write(path, format!("{actual}\n"))
            .unwrap_or_else(|e| panic!("{}: cannot write: {e}", path.display()));
        return;
    }
    let expected = read(path);
    assert!(
        expected == actual,
        "{} differs from what aixa now produces. If a kept format changed, give the change \
         a new version and keep the old decoder; if a report's wording changed on purpose, \
         rewrite the file (see tests/golden.rs).\n--- expected\n{expected}\n\
         --- actual\n{actual}",
        path.display()
    );
}

/// The inputs of one kind, sorted: files ending in `ext`.
fn inputs(kind: &str, ext: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir(kind))
        .unwrap_or_else(|e| panic!("tests/golden/{kind}: cannot read: {e}"))
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.to_string_lossy().ends_with(ext))
        .collect();
    found.sort();
    assert!(found.len() >= 3, "tests/golden/{kind}: too few vectors");
    found
}

fn expected_json(input: &Path, suffix: &str) -> PathBuf {
    let name = input.file_name().expect("a file name").to_string_lossy();
    let stem = name.strip_suffix(suffix).expect("the input suffix");
    input.with_file_name(format!("{stem}.expected.json"))
}

#[test]
fn links_already_shared_open_field_for_field() {
    for link in inputs("links", ".link") {
        let payload = read(&link);
        let a = codec::decode(&payload, ID.into(), NOW)
            .unwrap_or_else(|e| panic!("{}: no longer opens: {e}", link.display()));
        expect(&expected_json(&link, ".link"), &a.to_json_pretty());
    }
}

#[test]
fn files_already_exported_load_field_for_field() {
    for file in inputs("files", ".aixa.json") {
        let a = Assessment::from_json(&read(&file))
            .unwrap_or_else(|e| panic!("{}: no longer loads: {e}", file.display()));
        expect(&expected_json(&file, ".aixa.json"), &a.to_json_pretty());
    }
}

/// The link this version writes for the fixture. Links of earlier formats
/// (`fixture.link` is format 1) stay above as decode-only vectors: their
/// decoder is kept, never their encoder.
#[test]
fn the_fixture_encodes_to_the_committed_link_byte_for_byte() {
    let fixture = dir("files").join("fixture.aixa.json");
    let a = Assessment::from_json(&read(&fixture)).expect("the fixture loads");
    let link = format!("fixture-format-{}.link", codec::FORMAT);
    expect(&dir("links").join(link), &codec::encode(&a));
}

/// The date the golden reports are written on; the browser test fixes its
/// clock to it.
const TODAY: &str = "2026-11-28";

#[test]
fn the_fixtures_reports_equal_their_golden_files() {
    // `evidence` adds "partly implemented" and evidence links, safe and not.
    for name in ["fixture", "evidence"] {
        let file = dir("files").join(format!("{name}.aixa.json"));
        let a = Assessment::from_json(&read(&file)).expect("the file loads");
        expect(
            &dir("reports").join(format!("{name}.md")),
            &markdown(&a, TODAY),
        );
        expect(&dir("reports").join(format!("{name}.csv")), &csv(&a, TODAY));
    }
}
