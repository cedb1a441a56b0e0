//! The coverage rule, clause by clause: each way to be covered and each way
//! to fail, on the fixture (a RAG + hosted LLM system).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use aixa::core::assessment::{
    Acceptance, Assessment, Assurance, ControlPlan, ControlStatus, Decision, Party, Responsibility,
};
use aixa::core::coverage::{coverage, specific_controls, Covered, Gap};
use aixa::core::date::Date;
use common::reference::fixture;

const TODAY: &str = "2026-11-25";

fn day(s: &str) -> Date {
    Date::parse(s).expect("a date")
}

fn judge(a: &Assessment, id: &str) -> (Option<Covered>, Vec<Gap>) {
    let c = a.catalog();
    let (t, _) = c.threat(id).expect("a threat");
    let found = coverage(a, day(TODAY))
        .into_iter()
        .find(|x| x.threat == t)
        .unwrap_or_else(|| panic!("{id} is not in scope"));
    (found.covered, found.gaps)
}

fn ours(a: &mut Assessment, id: &str) {
    a.responsibility.insert(
        id.into(),
        Responsibility {
            party: Party::Us,
            provider: String::new(),
        },
    );
    a.acceptance.remove(id);
}

/// 4.6 handed to a provider, with this assurance.
fn held_by_provider(a: &mut Assessment, status: Assurance) {
    a.responsibility.insert(
        "indirectpromptinjection".into(),
        Responsibility {
            party: Party::Provider,
            provider: "Acme AI".into(),
        },
    );
    a.verification
        .entry("indirectpromptinjection".into())
        .or_default()
        .status = status;
}

fn implement(a: &mut Assessment, control: &str, status: ControlStatus) {
    a.controls.insert(
        control.into(),
        ControlPlan {
            status,
            ..ControlPlan::default()
        },
    );
}

fn complete() -> Acceptance {
    Acceptance {
        decision: Decision::Accepted,
        approver: "CISO".into(),
        date: "2026-11-20".into(),
        rationale: "Within appetite.".into(),
        review: "2027-11-20".into(),
        ..Acceptance::default()
    }
}

fn index(a: &Assessment, control: &str) -> usize {
    a.catalog().control(control).expect("a control").0
}

#[test]
fn each_clause_of_the_rule() {
    let base = || {
        let mut a = fixture();
        a.controls.clear();
        ours(&mut a, "indirectpromptinjection");
        a
    };
    type Case = (&'static str, fn(&mut Assessment), Result<Covered, Vec<Gap>>);
    let cases: Vec<Case> = vec![
        (
            "nothing done: no control, no acceptance",
            |_| {},
            Err(vec![
                Gap::NoControl {
                    partly: 0,
                    planned: 0,
                },
                Gap::Undecided,
            ]),
        ),
        (
            "its own control implemented",
            |a| implement(a, "INPUTSEGREGATION", ControlStatus::Implemented),
            Ok(Covered::Controls(vec![])),
        ),
        (
            "its own control only planned",
            |a| implement(a, "INPUTSEGREGATION", ControlStatus::Planned),
            Err(vec![
                Gap::NoControl {
                    partly: 0,
                    planned: 1,
                },
                Gap::Undecided,
            ]),
        ),
        (
            "its own control partly implemented: progress, not coverage",
            |a| implement(a, "INPUTSEGREGATION", ControlStatus::Partly),
            Err(vec![
                Gap::NoControl {
                    partly: 1,
                    planned: 0,
                },
                Gap::Undecided,
            ]),
        ),
        (
            "a group control never covers a threat with controls of its own",
            |a| implement(a, "MONITORUSE", ControlStatus::Implemented),
            Err(vec![
                Gap::NoControl {
                    partly: 0,
                    planned: 0,
                },
                Gap::Undecided,
            ]),
        ),
        (
            "a complete acceptance",
            |a| {
                a.acceptance
                    .insert("indirectpromptinjection".into(), complete());
            },
            Ok(Covered::Accepted),
        ),
        (
            "an acceptance without approver, date, rationale or review",
            |a| {
                a.acceptance.insert(
                    "indirectpromptinjection".into(),
                    Acceptance {
                        decision: Decision::Accepted,
                        ..Acceptance::default()
                    },
                );
            },
            Err(vec![
                Gap::NoControl {
                    partly: 0,
                    planned: 0,
                },
                Gap::AcceptanceLacks("approver"),
                Gap::AcceptanceLacks("decision date"),
                Gap::AcceptanceLacks("rationale"),
                Gap::AcceptanceLacks("review date"),
            ]),
        ),
        (
            "an acceptance whose review date has passed",
            |a| {
                let mut x = complete();
                x.review = "2025-06-01".into();
                a.acceptance.insert("indirectpromptinjection".into(), x);
            },
            Err(vec![
                Gap::NoControl {
                    partly: 0,
                    planned: 0,
                },
                Gap::ReviewPassed("2025-06-01".into()),
            ]),
        ),
        (
            "a review date that is not a date",
            |a| {
                let mut x = complete();
                x.review = "next spring".into();
                a.acceptance.insert("indirectpromptinjection".into(), x);
            },
            Err(vec![
                Gap::NoControl {
                    partly: 0,
                    planned: 0,
                },
                Gap::ReviewNotADate("next spring".into()),
            ]),
        ),
        (
            "a refused acceptance covers nothing, not even with a control",
            |a| {
                implement(a, "INPUTSEGREGATION", ControlStatus::Implemented);
                let mut x = complete();
                x.decision = Decision::NotAccepted;
                a.acceptance.insert("indirectpromptinjection".into(), x);
            },
            Err(vec![Gap::AcceptanceRefused]),
        ),
        (
            "a provider's threat with verified assurance",
            |a| {
                held_by_provider(a, Assurance::Verified);
            },
            Ok(Covered::Verified),
        ),
        (
            "a provider's threat whose assurance is only requested",
            |a| {
                held_by_provider(a, Assurance::Requested);
            },
            Err(vec![Gap::NotVerified(Assurance::Requested)]),
        ),
        (
            "a provider's threat whose assurance cannot be obtained",
            |a| {
                held_by_provider(a, Assurance::NotObtainable);
            },
            Err(vec![Gap::NotVerified(Assurance::NotObtainable)]),
        ),
    ];
    for (name, change, expected) in cases {
        let mut a = base();
        change(&mut a);
        let (covered, gaps) = judge(&a, "indirectpromptinjection");
        match expected {
            Ok(Covered::Controls(_)) => assert_eq!(
                covered,
                Some(Covered::Controls(vec![index(&a, "INPUTSEGREGATION")])),
                "{name}"
            ),
            Ok(how) => assert_eq!(covered, Some(how), "{name}"),
            Err(expected) => {
                assert_eq!(covered, None, "{name}");
                assert_eq!(gaps, expected, "{name}");
            }
        }
    }
}

#[test]
fn a_control_inherited_from_the_parent_threat_covers_the_child() {
    let mut a = fixture();
    let c = a.catalog();
    // An in-scope child whose parent has a control the child does not list.
    let sel = a.selection();
    let (child, control) = sel
        .verdicts
        .iter()
        .filter(|v| v.in_scope())
        .find_map(|v| {
            let t = &c.threats[v.threat];
            let p = t.parent?;
            let extra = c.threats[p]
                .controls
                .iter()
                .find(|k| !t.controls.contains(k))?;
            Some((v.threat, *extra))
        })
        .expect("the fixture has such a child in scope");
    let id = c.threats[child].id;
    ours(&mut a, id);
    assert!(specific_controls(c, child).contains(&control));
    implement(&mut a, c.controls[control].id, ControlStatus::Implemented);
    let (covered, _) = judge(&a, id);
    assert_eq!(covered, Some(Covered::Controls(vec![control])), "{id}");
}

#[test]
fn a_review_is_judged_on_the_day_asked() {
    let mut a = fixture();
    ours(&mut a, "indirectpromptinjection");
    let mut x = complete();
    x.review = "2026-12-01".into();
    a.acceptance.insert("indirectpromptinjection".into(), x);
    let (t, _) = a
        .catalog()
        .threat("indirectpromptinjection")
        .expect("a threat");
    let on = |d: &str| {
        coverage(&a, day(d))
            .into_iter()
            .find(|x| x.threat == t)
            .and_then(|x| x.covered)
    };
    assert_eq!(
        on("2026-12-01"),
        Some(Covered::Accepted),
        "due that day, not passed"
    );
    assert_eq!(on("2026-12-02"), None);
}

#[test]
fn general_controls_cover_no_threat_that_its_branch_group_serves() {
    let mut a = fixture();
    a.controls.clear();
    ours(&mut a, "devdataleak");
    a.answers.set("trains", aixa::core::answers::Tri::Yes);
    implement(&mut a, "SECEDUCATE", ControlStatus::Implemented);
    let (covered, _) = judge(&a, "devdataleak");
    assert_eq!(
        covered, None,
        "an awareness programme protects no data by itself"
    );
    implement(&mut a, "DEVDATAPROTECT", ControlStatus::Implemented);
    let (covered, _) = judge(&a, "devdataleak");
    assert_eq!(
        covered,
        Some(Covered::GroupControls(vec![index(&a, "DEVDATAPROTECT")]))
    );
}

#[test]
fn a_parent_without_controls_of_its_own_is_covered_by_its_sub_threats() {
    let mut a = fixture();
    a.controls.clear();
    for t in [
        "disclosureuse",
        "disclosureinoutput",
        "modelinversionandmembership",
    ] {
        ours(&mut a, t);
    }
    // A group control serves the parent, but leaves its children open.
    implement(&mut a, "RATELIMIT", ControlStatus::Implemented);
    let sel = a.selection();
    let children: Vec<&str> = ["disclosureinoutput", "modelinversionandmembership"]
        .into_iter()
        .filter(|id| {
            let (t, _) = a.catalog().threat(id).expect("a threat");
            aixa::core::dashboard::in_scope(&sel).contains(&t)
        })
        .collect();
    assert!(
        !children.is_empty(),
        "the fixture has 2.2's sub-threats in scope"
    );
    let (covered, gaps) = judge(&a, "disclosureuse");
    assert_eq!(covered, None);
    assert!(
        matches!(&gaps[0], Gap::PartsOpen(open) if !open.is_empty()),
        "{gaps:?}"
    );
    for id in &children {
        a.acceptance.insert((*id).into(), complete());
    }
    let (covered, _) = judge(&a, "disclosureuse");
    assert_eq!(covered, Some(Covered::Parts));
}

/// The golden fixture was exported (schema 2) when a group control covered
/// every threat it served and any "accepted" passed. It still loads, and
/// the rule of today judges it.
#[test]
fn a_file_exported_before_the_rule_is_judged_by_it() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/files/fixture.aixa.json");
    let text = std::fs::read_to_string(&path).expect("the golden fixture");
    assert!(text.contains(r#""schema": 2"#), "an old file");
    let a = Assessment::from_json(&text).expect("an old file loads");
    assert_eq!(a.controls["RATELIMIT"].status, ControlStatus::Implemented);
    let findings = aixa::core::check::check(&a, day("2026-11-28"));
    let line = |id: &str| {
        findings
            .iter()
            .find(|f| f.threat == id)
            .map(|f| f.reasons.join("; "))
            .unwrap_or_else(|| panic!("{id} passes"))
    };
    // RATELIMIT, a group control, no longer covers evasion...
    assert_eq!(
        line("evasion"),
        "no specific control implemented; residual risk not accepted"
    );
    // ...nor the parent 2.2, whose sub-threat 2.2.1 is open.
    assert_eq!(
        line("disclosureuse"),
        "sub-threats not covered: 2.2.1; residual risk not accepted"
    );
    assert_eq!(line("indirectpromptinjection"), "acceptance refused");
    // SECEDUCATE, a general control, no longer covers a data leak.
    assert_eq!(
        line("devdataleak"),
        "no specific control implemented; residual risk not accepted"
    );
    assert_eq!(findings.len(), 15, "{findings:#?}");
}

#[test]
fn each_gap_reads_as_the_rule_it_fails() {
    let cases = [
        (
            Gap::NoControl {
                partly: 2,
                planned: 0,
            },
            "no specific control implemented (2 partly)",
        ),
        (
            Gap::NoControl {
                partly: 1,
                planned: 3,
            },
            "no specific control implemented (1 partly, 3 planned)",
        ),
        (
            Gap::NoControl {
                partly: 0,
                planned: 0,
            },
            "no specific control implemented",
        ),
        (
            Gap::AcceptanceLacks("approver"),
            "acceptance has no approver",
        ),
        (
            Gap::ReviewPassed("2025-06-01".into()),
            "review date 2025-06-01 has passed",
        ),
        (Gap::AcceptanceRefused, "acceptance refused"),
        (
            Gap::NotVerified(Assurance::Requested),
            "the provider's assurance is not verified (requested)",
        ),
        (
            Gap::PartsOpen(vec!["2.2.1", "2.2.2"]),
            "sub-threats not covered: 2.2.1, 2.2.2",
        ),
    ];
    for (gap, line) in cases {
        assert_eq!(gap.describe(), line);
    }
}

/// 4.1's page lists SECDEVPROGRAM and SECPROGRAM as its own controls; either
/// implemented covers it, and the CSV's rows for 4.1 call them its own.
#[test]
fn threat_4_1_is_covered_by_the_controls_its_page_lists() {
    let base = || {
        let mut a = fixture();
        a.controls.clear();
        ours(&mut a, "genericsecthreats");
        a
    };
    let (t, threat) = base().catalog().threat("genericsecthreats").expect("4.1");
    let own: Vec<&str> = threat
        .controls
        .iter()
        .map(|&c| base().catalog().controls[c].id)
        .collect();
    assert_eq!(own, ["SECDEVPROGRAM", "SECPROGRAM"]);
    for id in own {
        let mut a = base();
        implement(&mut a, id, ControlStatus::Implemented);
        let (covered, gaps) = judge(&a, "genericsecthreats");
        assert_eq!(
            covered,
            Some(Covered::Controls(vec![index(&a, id)])),
            "{id}: {gaps:?}"
        );
        assert!(aixa::core::check::check(&a, day(TODAY))
            .iter()
            .all(|f| f.threat != "genericsecthreats"));
        assert!(specific_controls(a.catalog(), t).contains(&index(&a, id)));
    }
}
