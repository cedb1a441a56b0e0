//! One piece of evidence for several threats of the same provider: the
//! providers step 2 names, and applying evidence without overwriting.

mod common;

use aixa::core::assessment::{Assurance, Verification};
use aixa::core::dashboard::external;
use aixa::core::evidence::{apply_evidence, providers, Evidence};
use aixa::core::responsibility::{in_force, HOSTING_PROVIDER, MODEL_MAKER};
use common::reference::fixture;

fn evidence() -> Evidence {
    Evidence {
        status: Some(Assurance::Verified),
        note: "SOC 2 report, section 4".into(),
        link: "https://example.com/soc2".into(),
        date: "2026-11-10".into(),
    }
}

#[test]
fn providers_group_every_named_external_threat_once() {
    let a = fixture();
    let s = a.selection();
    let list = providers(&a, &s);
    let names: Vec<&str> = list.iter().map(|p| p.provider.as_str()).collect();
    assert_eq!(names, [HOSTING_PROVIDER, MODEL_MAKER, "Acme AI"]);
    let mut all: Vec<usize> = list.iter().flat_map(|p| p.threats.clone()).collect();
    all.sort_unstable();
    let mut ext = external(&a, &s);
    ext.sort_unstable();
    assert_eq!(all, ext, "every external threat, each once");
    for p in &list {
        for &t in &p.threats {
            assert_eq!(in_force(&a, t).0.provider, p.provider);
        }
    }
    let acme = &list[2];
    assert_eq!(acme.threats.len(), 1);
    assert_eq!(
        a.catalog().threats[acme.threats[0]].id,
        "directpromptinjection"
    );
}

#[test]
fn applying_fills_only_empty_fields_and_counts_changed_threats() {
    let mut a = fixture();
    a.verification.clear();
    let s = a.selection();
    let hosting = providers(&a, &s).remove(0);
    assert!(hosting.threats.len() >= 3);
    let first = a.catalog().threats[hosting.threats[0]].id;
    let second = a.catalog().threats[hosting.threats[1]].id;
    a.verification.insert(
        first.into(),
        Verification {
            status: Assurance::Requested,
            note: "Asked on 1 Nov".into(),
            ..Default::default()
        },
    );
    a.verification.insert(
        second.into(),
        Verification {
            status: Assurance::Verified,
            note: "Own audit".into(),
            link: "https://example.com/audit".into(),
            date: "2026-10-01".into(),
        },
    );
    let n = apply_evidence(&mut a, &hosting.threats, &evidence());
    assert_eq!(n, hosting.threats.len() - 1, "the full one is left alone");
    let v = &a.verification[first];
    assert_eq!(v.status, Assurance::Requested, "a status set stays");
    assert_eq!(v.note, "Asked on 1 Nov", "a note set stays");
    assert_eq!(
        (v.link.as_str(), v.date.as_str()),
        ("https://example.com/soc2", "2026-11-10")
    );
    assert_eq!(a.verification[second].note, "Own audit");
    for &t in &hosting.threats[2..] {
        let v = &a.verification[a.catalog().threats[t].id];
        assert_eq!(v.status, Assurance::Verified);
        assert_eq!(v.note, "SOC 2 report, section 4");
    }
    // Only that provider's threats: Acme's stays unverified.
    assert!(!a.verification.contains_key("directpromptinjection"));
    // Applying again changes nothing.
    assert_eq!(apply_evidence(&mut a, &hosting.threats, &evidence()), 0);
}

#[test]
fn empty_evidence_changes_nothing() {
    let mut a = fixture();
    a.verification.clear();
    let s = a.selection();
    let all: Vec<usize> = providers(&a, &s)
        .into_iter()
        .flat_map(|p| p.threats)
        .collect();
    let blank = Evidence {
        status: Some(Assurance::NotRequested),
        note: "  ".into(),
        ..Default::default()
    };
    assert_eq!(apply_evidence(&mut a, &all, &blank), 0);
    assert!(a.verification.is_empty());
}
