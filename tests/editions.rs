//! Editions side by side: every selection, report, link and command works
//! on the edition of the assessment in hand.
//!
//! `cargo test` compiles in a small test edition (tests/editions/, through
//! the `test-edition` feature). Its threat `evasion` shares an id with
//! 2024-01 but applies when the model IS generative, where 2024-01's applies
//! when it is not: anything that reads the wrong edition gives the wrong
//! verdict.
#![cfg(not(target_arch = "wasm32"))]

use aixa::core::answers::{Answers, Tri};
use aixa::core::assessment::{Assessment, LoadError};
use aixa::core::catalog::Catalog;
use aixa::core::codec::{self, DecodeError};
use aixa::core::engine::Verdict;
use aixa::core::report::{csv::csv, markdown::markdown};
use std::process::{Command, Stdio};

const TEST: &str = "test-edition";

fn edition(id: &str) -> &'static Catalog {
    Catalog::by_edition(id).unwrap_or_else(|| {
        panic!(
            "edition {id} is not compiled in (has: {}); the test edition needs the \
             `test-edition` feature, which the crate's dev-dependency on itself turns on",
            Catalog::known_editions()
        )
    })
}

/// A generative model: 2024-01 leaves evasion out, the test edition keeps it.
fn generative(catalog: &'static Catalog) -> Assessment {
    let mut a = Assessment::new(
        catalog,
        "a1".into(),
        "Chat bot".into(),
        "2026-01-02T03:04:05Z",
    );
    a.answers.set("genai", Tri::Yes);
    a
}

fn evasion_verdict(a: &Assessment) -> Verdict {
    let sel = a.selection();
    let (i, _) = sel
        .catalog
        .threat("evasion")
        .expect("both editions have evasion");
    sel.verdicts[i].verdict
}

#[test]
fn the_default_edition_is_the_one_catalog_editions_toml_names() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/catalog/editions.toml");
    let text = std::fs::read_to_string(path).expect("catalog/editions.toml is readable");
    let named = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("default = "))
        .expect("catalog/editions.toml names a default")
        .trim_matches('"');
    assert_eq!(Catalog::default_edition().edition, named);
    assert!(
        Catalog::all().len() >= 2,
        "the tests need the test edition beside the shipped ones"
    );
    // The test edition sorts last, so "the first edition" would be wrong if
    // the default were ever the test edition's id.
    assert_ne!(Catalog::default_edition().edition, TEST);
}

#[test]
fn selection_uses_the_assessments_own_edition() {
    let old = generative(edition("2024-01"));
    let test = generative(edition(TEST));
    assert_eq!(evasion_verdict(&old), Verdict::NotApplicable);
    assert_eq!(evasion_verdict(&test), Verdict::Applicable);
    // The selection lists the edition's own threats and controls, no others.
    let sel = test.selection();
    let ids: Vec<&str> = sel
        .verdicts
        .iter()
        .map(|v| sel.catalog.threats[v.threat].id)
        .collect();
    assert_eq!(ids, ["evasion", "agentescape", "promptinjection"]);
    let controls: Vec<&str> = sel
        .controls
        .iter()
        .map(|c| sel.catalog.controls[c.control].id)
        .collect();
    assert!(controls.contains(&"TESTGUARD"), "{controls:?}");
}

#[test]
fn reports_name_the_edition_and_its_verdicts() {
    let test = generative(edition(TEST));
    let md = markdown(&test, "2026-01-02");
    assert!(
        md.contains("test-edition"),
        "the report names its edition:\n{md}"
    );
    assert!(md.contains("Test-edition evasion"), "{md}");
    assert!(
        !md.contains("Evasion: model behaviour manipulation"),
        "a 2024-01 name leaked into a test-edition report:\n{md}"
    );
    let rows = csv(&test, "2026-11-28");
    let evasion = rows
        .lines()
        .find(|l| l.contains("Test-edition evasion"))
        .unwrap_or_else(|| panic!("the CSV has the test edition's evasion:\n{rows}"));
    assert!(evasion.contains("applicable"), "{evasion}");
    assert!(!rows.contains("DETECTODDINPUT"), "{rows}");
}

#[test]
fn a_share_link_carries_its_edition_and_decodes_in_it() {
    let mut test = generative(edition(TEST));
    test.answers.set("agent", Tri::No);
    test.controls.insert(
        "TESTGUARD".into(),
        serde_json::from_str(r#"{"status": "implemented"}"#).expect("a control plan"),
    );
    let payload = codec::encode(&test);
    let back = codec::decode(&payload, "b1".into(), "2026-02-03T00:00:00Z").expect("decodes");
    assert_eq!(back.edition, TEST);
    assert_eq!(back.answers, test.answers);
    assert_eq!(back.controls, test.controls);
    assert_eq!(evasion_verdict(&back), Verdict::Applicable);

    // The same decisions in 2024-01 travel as 2024-01, with its verdict.
    let old = generative(edition("2024-01"));
    let back = codec::decode(&codec::encode(&old), "b2".into(), "").expect("decodes");
    assert_eq!(back.edition, "2024-01");
    assert_eq!(evasion_verdict(&back), Verdict::NotApplicable);
}

#[test]
fn decisions_are_read_by_id_within_their_own_edition() {
    // agentescape and TESTGUARD exist only in the test edition.
    let json = |edition: &str| {
        format!(
            r#"{{"schema": 2, "id": "x", "name": "x", "edition": "{edition}",
                "created": "", "updated": "",
                "risk": {{"agentescape": {{"inherent": {{"likelihood": 2, "impact": 3}}}}}}}}"#
        )
    };
    let test = Assessment::from_json(&json(TEST)).expect("the test edition has agentescape");
    assert_eq!(test.catalog().edition, TEST);
    let err = Assessment::from_json(&json("2024-01")).expect_err("2024-01 has no agentescape");
    assert!(
        err.to_string()
            .contains("\"agentescape\" is not a threat of edition 2024-01"),
        "{err}"
    );
    // An answer to a question only the test edition asks.
    let answers = Answers::from_json(edition(TEST), r#"{"agent": true}"#).expect("valid");
    assert_eq!(answers.get("agent"), Tri::Yes);
    assert!(Answers::from_json(edition("2024-01"), r#"{"agent": true}"#).is_err());
}

#[test]
fn an_unknown_edition_is_named_and_never_read_as_another() {
    let fixture = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/assessment-rag-llm.json"
    ))
    .expect("the fixture is readable");
    let future = fixture.replace("\"2024-01\"", "\"2099-01\"");
    assert_ne!(future, fixture, "the fixture names its edition");
    let err = Assessment::from_json(&future).expect_err("2099-01 is not embedded");
    assert_eq!(err, LoadError::UnknownEdition("2099-01".into()));
    let message = err.to_string();
    assert!(message.contains("\"2099-01\""), "{message}");
    assert!(
        message.contains("2024-01"),
        "names what this build has: {message}"
    );

    // A link of an unknown edition: the header names it before any body.
    let a = generative(edition("2024-01"));
    let payload = codec::encode(&a);
    let mut bytes = base64url_decode(&payload);
    let at = 2;
    assert_eq!(&bytes[at..at + 7], b"2024-01");
    bytes[at..at + 7].copy_from_slice(b"2099-01");
    let err = codec::decode(&base64url_encode(&bytes), "x".into(), "").expect_err("unknown");
    assert_eq!(err, DecodeError::UnknownEdition("2099-01".into()));
    assert!(err.to_string().contains("\"2099-01\""), "{err}");
}

#[test]
fn the_cli_works_on_the_files_edition_and_refuses_an_unknown_one() {
    let dir = std::env::temp_dir().join(format!("aixa-editions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let test = generative(edition(TEST));
    let file = dir.join("test.json");
    std::fs::write(&file, test.to_json()).expect("written");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_aixa"))
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("aixa runs")
    };
    let path = file.to_str().expect("a UTF-8 temp path");
    let out = run(&["report", path, "--format", "md"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Test-edition evasion"));
    let answers = dir.join("answers.json");
    std::fs::write(&answers, "{}").expect("written");
    let answers = answers.to_str().expect("UTF-8");
    let out = run(&["select", "--answers", answers, "--edition", TEST]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["edition"], TEST);
    assert_eq!(json["threats"][0]["id"], "evasion");
    assert_eq!(json["threats"][0]["verdict"], "unknown");

    let future = dir.join("future.json");
    std::fs::write(&future, test.to_json().replace(TEST, "2099-01")).expect("written");
    for command in ["report", "check", "share"] {
        let mut args = vec![command, future.to_str().expect("UTF-8")];
        if command == "share" {
            args.extend(["--base", "https://example.org/"]);
        }
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{command}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("\"2099-01\""), "{command}: {err}");
        assert!(out.stdout.is_empty(), "{command} printed nothing else");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

// The link's own alphabet (RFC 4648 base64url, no padding), written out here
// so the test does not trust the codec it checks.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url_decode(text: &str) -> Vec<u8> {
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for c in text.bytes() {
        let v = ALPHABET.iter().position(|&a| a == c).expect("base64url") as u32;
        bits = (bits << 6) | v;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    out
}

fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let v = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((v >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}
