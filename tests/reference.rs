//! The catalog against the Exchange's own documents in ../shared/reference:
//! every control the sources name is in the catalog or its aliases. Without
//! the reference folder these fail, naming it.

mod common;

use common::catalog;
use std::path::PathBuf;

fn reference_dir() -> PathBuf {
    common::shared_reference().join("aix-2024-01")
}

fn known(id: &str) -> bool {
    catalog().control(id).is_some()
}

/// Upper-case words of five or more characters that are not control ids.
const NOT_CONTROLS: &[&str] = &["OWASP", "MITRE", "ENISA", "CENELEC"];

#[test]
fn every_defined_control_of_the_section_documents_is_in_the_catalog() {
    let dir = reference_dir();
    let mut found = 0;
    for doc in [
        "1_general_controls.md",
        "2_threats_through_use.md",
        "3_development_time_threats.md",
        "4_runtime_application_security_threats.md",
    ] {
        let text = std::fs::read_to_string(dir.join(doc)).expect("readable");
        for part in text.split("**#").skip(1) {
            let id: String = part
                .chars()
                .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                .collect();
            assert!(!id.is_empty(), "{doc}: an empty **# marker");
            assert!(known(&id), "{doc}: #{id} is not in the catalog");
            found += 1;
        }
    }
    assert_eq!(found, 50, "the four documents define 50 controls");
}

#[test]
fn every_control_id_of_the_overview_is_in_the_catalog_or_its_aliases() {
    let dir = reference_dir();
    let text = std::fs::read_to_string(dir.join("0_overview.md")).expect("readable");
    let mut missing = Vec::new();
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        let is_id = word.len() >= 5
            && word
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && word.chars().next().is_some_and(|c| c.is_ascii_uppercase());
        if is_id && !NOT_CONTROLS.contains(&word) && !known(word) && !missing.contains(&word) {
            missing.push(word);
        }
    }
    assert!(missing.is_empty(), "not in the catalog: {missing:?}");
}
