//! The dashboard's action plan.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use aixa::core::assessment::{ControlPlan, ControlStatus};
use aixa::core::plan::{planned_controls, top_residual_risks};
use common::reference::fixture;

fn plan(status: ControlStatus, due: &str) -> ControlPlan {
    ControlPlan {
        status,
        due: due.into(),
        owner: "Team".into(),
        ..ControlPlan::default()
    }
}

#[test]
fn planned_controls_come_overdue_first_then_by_due_date() {
    let mut a = fixture();
    a.controls.clear();
    a.controls
        .insert("AIPROGRAM".into(), plan(ControlStatus::Planned, ""));
    a.controls.insert(
        "SECPROGRAM".into(),
        plan(ControlStatus::Planned, "2027-06-01"),
    );
    a.controls.insert(
        "MONITORUSE".into(),
        plan(ControlStatus::Planned, "2026-01-01"),
    );
    a.controls.insert(
        "DEVPROGRAM".into(),
        plan(ControlStatus::Planned, "2027-01-15"),
    );
    a.controls.insert(
        "RATELIMIT".into(),
        plan(ControlStatus::Implemented, "2025-01-01"),
    );
    let c = a.catalog();
    let got: Vec<(&str, bool)> = planned_controls(&a, "2026-11-28")
        .iter()
        .map(|p| (c.controls[p.control].id, p.overdue))
        .collect();
    assert_eq!(
        got,
        [
            ("MONITORUSE", true),
            ("DEVPROGRAM", false),
            ("SECPROGRAM", false),
            ("AIPROGRAM", false),
        ]
    );
}

#[test]
fn the_top_residual_risks_are_the_highest_scored_in_scope() {
    let a = fixture();
    let c = a.catalog();
    let top: Vec<(&str, u8)> = top_residual_risks(&a, 5)
        .iter()
        .map(|&(t, l)| (c.threats[t].id, l))
        .collect();
    // The fixture scores two threats' residual risk.
    assert_eq!(top.len(), 2, "{top:?}");
    assert!(top[0].1 >= top[1].1);
    assert!(top
        .iter()
        .any(|(id, l)| *id == "directpromptinjection" && *l == 6));
    assert_eq!(top_residual_risks(&a, 1).len(), 1);
}
