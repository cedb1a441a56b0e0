//! The pipeline gate of `aixa check`: every in-scope threat must be covered
//! by the rule of [`super::coverage`]; each one that is not is a finding,
//! with every rule it fails.

use super::assessment::{Assessment, Party};
use super::coverage::coverage;
use super::date::Date;

/// One threat that fails the gate, and why, in one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub threat: &'static str,
    pub section: &'static str,
    pub reasons: Vec<String>,
    pub message: String,
}

/// The findings of `a`, judged on `today`.
pub fn check(a: &Assessment, today: Date) -> Vec<Finding> {
    let catalog = a.catalog();
    coverage(a, today)
        .into_iter()
        .filter(|c| c.covered.is_none())
        .map(|c| {
            let t = &catalog.threats[c.threat];
            let whose = match c.party {
                Party::Us => "yours",
                Party::Shared => "shared",
                Party::Provider => "a provider's",
            };
            let reasons: Vec<String> = c.gaps.iter().map(|g| g.describe()).collect();
            Finding {
                threat: t.id,
                section: t.section,
                message: format!("{} {} ({whose}): {}", t.section, t.name, reasons.join("; ")),
                reasons,
            }
        })
        .collect()
}
