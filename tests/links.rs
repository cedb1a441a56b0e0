//! The catalog against the Exchange's own documents in ../shared/reference:
//! every link lands (a file of the edition's text and one of its GitHub
//! heading anchors; a short link the Exchange's redirect list holds), and
//! every threat carries its heading's name. Without the reference folder
//! these tests fail: a link check that passes unchecked would prove nothing.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use aixa::core::catalog::Catalog;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const SOURCE_BASE: &str = "https://github.com/OWASP/www-project-ai-security-and-privacy-guide/blob/a9081e8e315dd151abc40df54e01f56c88fcdfd8/content/ai_exchange/content/";
const SOURCE_BASE_2026: &str = "https://github.com/OWASP/www-project-ai-security-and-privacy-guide/blob/5413fde06349cf25d0414a182f86181bc3941929/content/ai_exchange/content/docs/";
const GO_BASE: &str = "https://owaspai.org/go/";

/// An edition and the reference folder that holds its text.
struct Text {
    edition: &'static str,
    folder: &'static str,
    source_base: &'static str,
}

const TEXTS: [Text; 2] = [
    Text {
        edition: "2024-01",
        folder: "aix-2024-01",
        source_base: SOURCE_BASE,
    },
    Text {
        edition: "2026-08",
        folder: "aix-2026-08",
        source_base: SOURCE_BASE_2026,
    },
];

fn reference() -> PathBuf {
    common::shared_reference()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn catalog() -> &'static Catalog {
    edition("2024-01")
}

fn edition(id: &str) -> &'static Catalog {
    Catalog::by_edition(id).unwrap_or_else(|| panic!("the {id} edition is embedded"))
}

/// GitHub's anchor for a heading: lower-case; every character that is not a
/// letter, digit, space, '-' or '_' dropped; each space a '-'.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The headings of a Markdown text, outside code fences: (level, text).
fn headings(text: &str) -> Vec<(usize, String)> {
    let mut fenced = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        let level = line.chars().take_while(|&c| c == '#').count();
        if !fenced && (1..=6).contains(&level) && line[level..].starts_with(' ') {
            out.push((level, line[level..].trim().to_string()));
        }
    }
    out
}

/// Every anchor GitHub gives the headings of a text, duplicates numbered.
fn anchors(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (_, h) in headings(text) {
        let base = slug(&h);
        let mut anchor = base.clone();
        let mut n = 0;
        while out.contains(&anchor) {
            n += 1;
            anchor = format!("{base}-{n}");
        }
        out.insert(anchor);
    }
    out
}

/// The `/go/<slug>/` short links of the Exchange's redirect list.
fn go_slugs(reference: &Path) -> BTreeSet<String> {
    redirects(reference).into_keys().collect()
}

/// Every `/go/<slug>/` of the redirect list with the destinations it has.
fn redirects(reference: &Path) -> std::collections::BTreeMap<String, Vec<String>> {
    let path = reference.join("aix-2026-08/short-links.json");
    let json: serde_json::Value = serde_json::from_str(&read(&path))
        .unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()));
    let redirects = json["hosting"]["redirects"]
        .as_array()
        .unwrap_or_else(|| panic!("{}: no hosting.redirects list", path.display()));
    let mut out = std::collections::BTreeMap::<String, Vec<String>>::new();
    for r in redirects {
        let (Some(source), Some(destination)) = (r["source"].as_str(), r["destination"].as_str())
        else {
            continue;
        };
        if let Some(slug) = source
            .strip_prefix("/go/")
            .and_then(|s| s.strip_suffix('/'))
        {
            out.entry(slug.to_string())
                .or_default()
                .push(destination.to_string());
        }
    }
    out
}

/// Checks one `source` path of 2024-01; `Err` says why it does not land.
fn lands(reference: &Path, rel: &str) -> Result<(), String> {
    lands_in(reference, &TEXTS[0], rel)
}

/// Checks one `source` path against an edition's text.
fn lands_in(reference: &Path, text: &Text, rel: &str) -> Result<(), String> {
    let (file, anchor) = match rel.split_once('#') {
        Some((f, a)) => (f, Some(a)),
        None => (rel, None),
    };
    // The 2024-01 overview is _index.md on GitHub, 0_overview.md in the
    // reference; 2026-08 has the same names in both.
    let local = if file == "_index.md" && text.edition == "2024-01" {
        "0_overview.md"
    } else {
        file
    };
    let path = reference.join(text.folder).join(local);
    if !path.is_file() {
        return Err(format!("{file} is not a file of the {} text", text.edition));
    }
    match anchor {
        Some(a) if !anchors(&read(&path)).contains(a) => {
            Err(format!("#{a} is not a heading anchor of {file}"))
        }
        _ => Ok(()),
    }
}

/// (what, source, go) for every section, threat and control.
fn links(c: &'static Catalog) -> Vec<(String, &'static str, &'static str)> {
    let sections = c
        .sections
        .iter()
        .map(|s| (format!("section {}", s.number), s.source, s.go));
    let threats = c
        .threats
        .iter()
        .map(|t| (format!("threat {}", t.id), t.source, t.go));
    let controls = c
        .controls
        .iter()
        .map(|k| (format!("control {}", k.id), k.source, k.go));
    sections.chain(threats).chain(controls).collect()
}

#[test]
fn every_link_lands_in_the_reference_documents() {
    let reference = reference();
    let c = catalog();
    assert_eq!(c.source_base, TEXTS[0].source_base);
    assert_eq!(c.go_base, GO_BASE);
    let go = go_slugs(&reference);
    assert!(go.len() > 100, "the redirect list looks truncated");

    let mut problems = Vec::new();
    let mut checked = 0;
    for (what, source, slug) in links(c) {
        checked += 1;
        if let Err(e) = lands(&reference, source) {
            problems.push(format!("{what}: source: {e}"));
        }
        if !slug.is_empty() {
            checked += 1;
            if !go.contains(slug) {
                problems.push(format!(
                    "{what}: go: /go/{slug}/ is not in the redirect list"
                ));
            }
            assert_eq!(
                c.go_url(slug).as_deref(),
                Some(format!("https://owaspai.org/go/{slug}/").as_str())
            );
        }
        assert_eq!(c.source_url(source), format!("{SOURCE_BASE}{source}"));
    }
    assert!(problems.is_empty(), "links that don't land:\n{problems:#?}");
    // 3 sections, 25 threats and 52 controls with their sources, and a short
    // link for all but the two controls that did not live on.
    assert_eq!(checked, 3 + 25 + 52 + 3 + 25 + 50, "links checked");
    eprintln!("{checked} links checked, all land");
}

#[test]
fn the_link_check_itself_refuses_what_does_not_land() {
    let reference = reference();
    assert!(lands(
        &reference,
        "2_threats_through_use.md#21-evasion---model-behaviour-manipulation-through-use"
    )
    .is_ok());
    assert!(lands(&reference, "_index.md").is_ok());
    assert!(lands(&reference, "2_threats_through_use.md#21-evasion").is_err());
    assert!(lands(&reference, "2_threats.md").is_err());
    assert_eq!(
        slug("4.2. Runtime model poisoning (manipulating the model itself or its input/output logic)"),
        "42-runtime-model-poisoning-manipulating-the-model-itself-or-its-inputoutput-logic"
    );
    assert_eq!(
        anchors("# A\n## A\n```\n# not a heading\n```\n### A"),
        ["a", "a-1", "a-2"].map(String::from).into()
    );
}

/// Every file under `dir`, recursively.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn no_catalog_file_links_into_an_owaspai_page_by_anchor() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
    let mut all = Vec::new();
    files(&root, &mut all);
    assert!(all.len() >= 8, "the catalog folder looks empty");
    let mut found = Vec::new();
    for path in all {
        let text = read(&path);
        for (at, _) in text.match_indices("owaspai.org") {
            let url: String = text[at..]
                .chars()
                .take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | ')' | '>' | '`'))
                .collect();
            if url.contains('#') {
                found.push(format!("{}: {url}", path.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "links by anchor into owaspai.org: {found:#?}"
    );
}
/// "2.1. Evasion - …" → ("2.1", "Evasion - …"); `None` for other headings.
fn numbered(heading: &str) -> Option<(String, String)> {
    let (number, name) = heading.split_once(' ')?;
    let number = number.trim_end_matches('.');
    let is_number = !number.is_empty()
        && number
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    is_number.then(|| (number.to_string(), name.trim().to_string()))
}

#[test]
fn every_threat_is_named_as_its_heading() {
    for text in &TEXTS {
        let problems = threat_name_problems(text);
        assert!(
            problems.is_empty(),
            "{}: names that are not the headings: {problems:#?}",
            text.edition
        );
    }
}

fn threat_name_problems(text: &Text) -> Vec<String> {
    let reference = reference();
    let c = edition(text.edition);
    let mut problems = Vec::new();
    for t in c.threats {
        let (file, _) = t.source.split_once('#').unwrap_or((t.source, ""));
        let text = read(&reference.join(text.folder).join(file));
        let heading = headings(&text)
            .into_iter()
            .filter_map(|(_, h)| numbered(&h))
            .find(|(number, _)| number == t.section);
        match heading {
            Some((_, name)) if name == t.name => {}
            Some((_, name)) => problems.push(format!(
                "{}: {:?}, the heading says {name:?}",
                t.section, t.name
            )),
            None => problems.push(format!("{}: no heading numbered so in {file}", t.section)),
        }
    }
    problems
}

/// 2026-08: every section, threat and control links into the edition's own
/// text, and its short link is the Exchange's for exactly that heading: the
/// redirect list leads `/go/<id>/` to the page and anchor `source` names.
#[test]
fn every_2026_link_lands_and_its_short_link_leads_to_the_same_heading() {
    let reference = reference();
    let text = &TEXTS[1];
    let c = edition(text.edition);
    assert_eq!(c.source_base, text.source_base);
    assert_eq!(c.go_base, GO_BASE);
    assert!(
        c.source_base.contains(c.source_commit),
        "pinned to its commit"
    );
    let redirects = redirects(&reference);
    let mut problems = Vec::new();
    let mut checked = 0;
    for (what, source, slug) in links(c) {
        checked += 1;
        if let Err(e) = lands_in(&reference, text, source) {
            problems.push(format!("{what}: source: {e}"));
        }
        assert_eq!(c.source_url(source), format!("{SOURCE_BASE_2026}{source}"));
        if slug.is_empty() {
            problems.push(format!("{what}: no go slug"));
            continue;
        }
        checked += 1;
        // Where the Exchange's redirect leads: "/docs/<page>/#<anchor>".
        let (file, anchor) = source.split_once('#').unwrap_or((source, ""));
        let page = file.trim_end_matches(".md");
        let want = [format!("/docs/{page}/#{anchor}"), format!("/docs/{page}/")];
        match redirects.get(slug) {
            None => problems.push(format!("{what}: /go/{slug}/ is not in the redirect list")),
            Some(dests)
                if !dests
                    .iter()
                    .any(|d| want[usize::from(anchor.is_empty())] == *d) =>
            {
                problems.push(format!(
                    "{what}: /go/{slug}/ leads to {dests:?}, not to {source}"
                ))
            }
            Some(_) => {}
        }
    }
    // Every threat and control's short link is its own id.
    for t in c.threats {
        if t.go != t.id {
            problems.push(format!("threat {}: go is {:?}", t.id, t.go));
        }
        assert_eq!(
            c.go_url(t.go).as_deref(),
            Some(format!("https://owaspai.org/go/{}/", t.id).as_str())
        );
    }
    for k in c.controls {
        if k.go != k.id.to_lowercase() {
            problems.push(format!("control {}: go is {:?}", k.id, k.go));
        }
    }
    assert!(problems.is_empty(), "links that don't land:\n{problems:#?}");
    assert_eq!(checked, 2 * (3 + 31 + 55), "links checked");
    eprintln!("{checked} links of 2026-08 checked, all land");
}

/// 2026-08: each control's name and section are its heading's, as
/// controls.tsv lists them (AGENTSANDBOXING, which has no `#` heading, is
/// named as its 4.9 heading).
#[test]
fn every_2026_control_is_named_as_its_heading() {
    let reference = reference();
    let c = edition("2026-08");
    let tsv = read(&reference.join("aix-2026-08/controls.tsv"));
    let mut listed: Vec<(String, String, String)> = Vec::new();
    for line in tsv.lines().filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "controls.tsv: {line}");
        let name = cols[2].trim().trim_start_matches('#').trim().to_string();
        let id = cols[3].trim().to_uppercase();
        // #TRAIN ADVERSARIAL comes twice; its first heading defines it.
        if !listed.iter().any(|(i, _, _)| *i == id) {
            listed.push((id, name, cols[1].trim().to_string()));
        }
    }
    assert_eq!(listed.len(), 54, "distinct headings in controls.tsv");
    let mut problems = Vec::new();
    for k in c.controls {
        match listed.iter().find(|(id, _, _)| id == k.id) {
            Some((_, name, section)) => {
                if name != k.name || section != k.section {
                    problems.push(format!(
                        "{}: {:?} in {}, the heading says {name:?} in {section}",
                        k.id, k.name, k.section
                    ));
                }
                if k.id != name.replace([' ', '/'], "") {
                    problems.push(format!("{}: not its heading without spaces", k.id));
                }
            }
            None if k.id == "AGENTSANDBOXING" => {
                let text =
                    read(&reference.join("aix-2026-08/4_runtime_application_security_threats.md"));
                let heading = headings(&text)
                    .into_iter()
                    .filter_map(|(_, h)| numbered(&h))
                    .find(|(number, _)| number == k.section);
                if heading.as_ref().map(|(_, n)| n.as_str()) != Some(k.name) {
                    problems.push(format!("{}: the 4.9 heading is {heading:?}", k.id));
                }
            }
            None => problems.push(format!("{}: no heading in controls.tsv", k.id)),
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The overview each edition's report links to is a file of its text.
#[test]
fn each_editions_overview_is_a_file_of_its_text() {
    let reference = reference();
    for text in &TEXTS {
        let c = edition(text.edition);
        assert_eq!(
            lands_in(&reference, text, c.overview),
            Ok(()),
            "{}",
            text.edition
        );
    }
    assert_eq!(edition("2026-08").overview, "ai_security_overview.md");
}
