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
            Err(vec![Gap::NoControl { planned: 0 }, Gap::Undecided]),
        ),
        (
            "its own control implemented",
            |a| implement(a, "INPUTSEGREGATION", ControlStatus::Implemented),
            Ok(Covered::Controls(vec![])),
        ),
        (
            "its own control only planned",
            |a| implement(a, "INPUTSEGREGATION", ControlStatus::Planned),
            Err(vec![Gap::NoControl { planned: 1 }, Gap::Undecided]),
        ),
        (
            "a group control never covers a threat with controls of its own",
            |a| implement(a, "MONITORUSE", ControlStatus::Implemented),
            Err(vec![Gap::NoControl { planned: 0 }, Gap::Undecided]),
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
                Gap::NoControl { planned: 0 },
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
                Gap::NoControl { planned: 0 },
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
                Gap::NoControl { planned: 0 },
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
fn a_threat_with_no_specific_control_is_covered_by_its_group_controls() {
    let mut a = fixture();
    let c = a.catalog();
    let sel = a.selection();
    let lone = aixa::core::dashboard::in_scope(&sel)
        .into_iter()
        .find(|&t| specific_controls(c, t).is_empty() && c.threats[t].section.starts_with("2."))
        .expect("a threat through use with no specific control");
    let id = c.threats[lone].id;
    ours(&mut a, id);
    a.controls.clear();
    implement(&mut a, "MONITORUSE", ControlStatus::Implemented);
    let (covered, _) = judge(&a, id);
    assert_eq!(
        covered,
        Some(Covered::GroupControls(vec![index(&a, "MONITORUSE")])),
        "{id}"
    );
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
