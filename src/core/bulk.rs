//! Step 6 in bulk: accepting every undecided threat up to a residual level,
//! and filling the approver, dates and rationale of decided threats, each
//! returning how many threats it changed. Neither ever overwrites what was
//! typed for a threat, nor touches a threat decided already (accepting) or
//! out of scope.

use super::assessment::{Acceptance, Assessment, Decision};
use super::dashboard::in_scope;
use super::engine::Selection;
use super::risk::effective_score;

/// What to write into each threat: an empty field writes nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields {
    pub approver: String,
    pub date: String,
    pub review: String,
    pub rationale: String,
}

/// Fills the empty fields of `x` from `f`; whether anything changed.
fn fill(x: &mut Acceptance, f: &Fields) -> bool {
    let mut changed = false;
    for (to, from) in [
        (&mut x.approver, &f.approver),
        (&mut x.date, &f.date),
        (&mut x.review, &f.review),
        (&mut x.rationale, &f.rationale),
    ] {
        let from = from.trim();
        if to.trim().is_empty() && !from.is_empty() {
            *to = from.to_string();
            changed = true;
        }
    }
    changed
}

/// Accepts every in-scope threat still undecided whose residual risk (its
/// effective score: see [`effective_score`]) is scored and at or below
/// `level`, filling its empty fields from `f`. Returns how many threats it
/// accepted.
pub fn accept_up_to(a: &mut Assessment, selection: &Selection, level: u8, f: &Fields) -> usize {
    let catalog = selection.catalog;
    let chosen: Vec<&'static str> = in_scope(selection)
        .into_iter()
        .filter(|&t| {
            let undecided = a
                .acceptance
                .get(catalog.threats[t].id)
                .is_none_or(|x| x.decision == Decision::Undecided);
            let residual = effective_score(a, selection, t).residual.level();
            undecided && residual.is_some_and(|r| r <= level)
        })
        .map(|t| catalog.threats[t].id)
        .collect();
    for id in &chosen {
        let x = a.acceptance.entry((*id).to_string()).or_default();
        x.decision = Decision::Accepted;
        fill(x, f);
    }
    chosen.len()
}

/// Fills the empty approver, date, review and rationale of every in-scope
/// threat decided either way, from `f`; never overwrites. Returns how many
/// threats gained anything.
pub fn fill_decided(a: &mut Assessment, selection: &Selection, f: &Fields) -> usize {
    let catalog = selection.catalog;
    in_scope(selection)
        .into_iter()
        .filter(|&t| {
            a.acceptance
                .get_mut(catalog.threats[t].id)
                .filter(|x| x.decision != Decision::Undecided)
                .is_some_and(|x| fill(x, f))
        })
        .count()
}

/// Sets one threat's decision; a decision made with no date yet is dated
/// `today`.
pub fn decide(x: &mut Acceptance, decision: Decision, today: &str) {
    x.decision = decision;
    if decision != Decision::Undecided && x.date.trim().is_empty() {
        x.date = today.to_string();
    }
}
