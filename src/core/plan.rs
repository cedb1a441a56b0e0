//! The dashboard's action plan: the planned controls in the order they are
//! due, the overdue ones first, and the residual risks that matter most.

use super::assessment::{Assessment, ControlStatus};
use super::dashboard::{control_status, in_scope, overdue};
use super::date::Date;

/// One planned control: its index in the catalog, and whether it is overdue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedControl {
    pub control: usize,
    pub overdue: bool,
}

/// Selected controls that are planned (or partly done): overdue first, then
/// by due date, those without one last, in catalog order within each.
pub fn planned_controls(a: &Assessment, today: &str) -> Vec<PlannedControl> {
    let catalog = a.catalog();
    let today = Date::parse(today);
    let selection = a.selection();
    let mut planned: Vec<(bool, Option<Date>, bool, usize)> = selection
        .controls
        .iter()
        .map(|c| c.control)
        .filter(|&c| control_status(a, catalog.controls[c].id) == ControlStatus::Planned)
        .map(|c| {
            let due = a
                .controls
                .get(catalog.controls[c].id)
                .map(|p| p.due.as_str())
                .unwrap_or_default();
            let is_overdue = overdue(due, today);
            (!is_overdue, Date::parse(due), due.is_empty(), c)
        })
        .collect();
    // Overdue first; then dated, soonest first; then undated.
    crate::core::order::sort_by_key(&mut planned, |x| (x.0, x.2, x.1, x.3));
    planned
        .into_iter()
        .map(|(not_overdue, _, _, control)| PlannedControl {
            control,
            overdue: !not_overdue,
        })
        .collect()
}

/// The in-scope threats with the highest residual risk (likelihood ×
/// impact), at most `n`, highest first; unscored threats are left out.
pub fn top_residual_risks(a: &Assessment, n: usize) -> Vec<(usize, u8)> {
    let catalog = a.catalog();
    let mut scored: Vec<(usize, u8)> = in_scope(&a.selection())
        .into_iter()
        .filter_map(|t| {
            let level = a.risk.get(catalog.threats[t].id)?.residual.level()?;
            Some((t, level))
        })
        .collect();
    crate::core::order::sort_by(&mut scored, |x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    scored.truncate(n);
    scored
}
