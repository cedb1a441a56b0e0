//! The risk register (2026-08's "communicate and monitor"): one line per
//! threat in scope, with every decision about it, for people who read
//! rather than edit.

use super::assessment::{Assessment, ControlStatus};
use super::coverage::specific_controls;
use super::dashboard::{control_status, in_scope};
use super::responsibility::in_force;
use super::risk::effective_score;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegisterRow {
    pub threat: usize,
    pub inherent: Option<u8>,
    /// "needs treatment", "applies in theory only" or "not decided".
    pub need: &'static str,
    /// The treatment chosen, or "–".
    pub treatment: &'static str,
    pub responsible: &'static str,
    /// Its specific controls: implemented of selected.
    pub controls: (usize, usize),
    pub residual: Option<u8>,
    pub decision: &'static str,
    pub review: String,
}

pub fn register(a: &Assessment) -> Vec<RegisterRow> {
    let catalog = a.catalog();
    let sel = a.selection();
    in_scope(&sel)
        .into_iter()
        .map(|t| {
            let id = catalog.threats[t].id;
            let score = effective_score(a, &sel, t);
            let x = a.treatment.get(id);
            let acc = a.acceptance.get(id);
            let specific = specific_controls(catalog, t);
            let implemented = specific
                .iter()
                .filter(|&&c| {
                    control_status(a, catalog.controls[c].id) == ControlStatus::Implemented
                })
                .count();
            RegisterRow {
                threat: t,
                inherent: score.inherent.level(),
                need: match x.and_then(|x| x.needed) {
                    Some(true) => "needs treatment",
                    Some(false) => "applies in theory only",
                    None => "not decided",
                },
                treatment: x.and_then(|x| x.choice).map_or("–", |c| c.label()),
                responsible: in_force(a, t).0.party.label(),
                controls: (implemented, specific.len()),
                residual: score.residual.level(),
                decision: acc.map_or("Undecided", |x| x.decision.label()),
                review: acc.map(|x| x.review.clone()).unwrap_or_default(),
            }
        })
        .collect()
}
