//! The coverage rule: when a threat in scope counts as handled. `aixa check`,
//! the dashboard and the reports all apply this one rule.
//!
//! A threat that is ours (alone or shared) is covered when either holds:
//! - a control specific to it is implemented: one of its own controls, or one
//!   it inherits from a parent threat. General and branch-wide group controls
//!   count only for a threat that has no specific control at all;
//! - its residual risk is accepted, completely: an approver, a decision date,
//!   a rationale, and a review date that has not passed.
//!
//! A threat that lies with a provider is covered by verified assurance only.
//! A refused acceptance covers nothing: it is a finding of its own.

use super::assessment::{Assessment, Assurance, ControlStatus, Decision, Party};
use super::catalog::Catalog;
use super::dashboard::{control_status, in_scope};
use super::date::Date;
use super::responsibility::in_force;

/// How a threat is covered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Covered {
    /// Implemented controls specific to it (catalog indices).
    Controls(Vec<usize>),
    /// Only group controls exist for it, and these are implemented.
    GroupControls(Vec<usize>),
    Accepted,
    /// A provider holds it, and its assurance is verified.
    Verified,
}

/// Why a threat is not covered: each rule that failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    /// No specific control implemented; how many are planned or partly done.
    NoControl {
        planned: usize,
    },
    AcceptanceRefused,
    Undecided,
    AcceptanceLacks(&'static str),
    ReviewPassed(String),
    ReviewNotADate(String),
    /// A provider's threat without verified assurance: its status.
    NotVerified(Assurance),
}

impl Gap {
    pub fn describe(&self) -> String {
        match self {
            Gap::NoControl { planned: 0 } => "no specific control implemented".into(),
            Gap::NoControl { planned } => {
                format!("no specific control implemented ({planned} planned)")
            }
            Gap::AcceptanceRefused => "acceptance refused".into(),
            Gap::Undecided => "residual risk not accepted".into(),
            Gap::AcceptanceLacks(what) => format!("acceptance has no {what}"),
            Gap::ReviewPassed(date) => format!("review date {date} has passed"),
            Gap::ReviewNotADate(text) => format!("review date {text:?} is not a date"),
            Gap::NotVerified(status) => format!(
                "the provider's assurance is not verified ({})",
                status.label().to_ascii_lowercase()
            ),
        }
    }
}

/// One in-scope threat, judged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreatCoverage {
    pub threat: usize,
    pub party: Party,
    /// `None` when not covered; then `gaps` says why.
    pub covered: Option<Covered>,
    pub gaps: Vec<Gap>,
}

/// The controls specific to a threat: its own, and those it inherits from
/// its parents.
pub fn specific_controls(catalog: &Catalog, threat: usize) -> Vec<usize> {
    let mut out: Vec<usize> = catalog.threats[threat].controls.to_vec();
    for (_, inherited) in catalog.inherited_controls(threat) {
        out.extend(inherited);
    }
    out
}

fn acceptance_gaps(a: &Assessment, id: &str, today: Date) -> Vec<Gap> {
    let Some(x) = a.acceptance.get(id) else {
        return vec![Gap::Undecided];
    };
    match x.decision {
        Decision::NotAccepted => return vec![Gap::AcceptanceRefused],
        Decision::Undecided => return vec![Gap::Undecided],
        Decision::Accepted => {}
    }
    let mut gaps = Vec::new();
    if x.approver.trim().is_empty() {
        gaps.push(Gap::AcceptanceLacks("approver"));
    }
    if Date::parse(&x.date).is_none() {
        gaps.push(Gap::AcceptanceLacks("decision date"));
    }
    if x.rationale.trim().is_empty() {
        gaps.push(Gap::AcceptanceLacks("rationale"));
    }
    match Date::parse(&x.review) {
        _ if x.review.is_empty() => gaps.push(Gap::AcceptanceLacks("review date")),
        None => gaps.push(Gap::ReviewNotADate(x.review.clone())),
        Some(review) if review < today => gaps.push(Gap::ReviewPassed(x.review.clone())),
        Some(_) => {}
    }
    gaps
}

/// Every in-scope threat, covered or not, judged on `today`.
pub fn coverage(a: &Assessment, today: Date) -> Vec<ThreatCoverage> {
    let catalog = a.catalog();
    let sel = a.selection();
    let implemented =
        |c: &usize| control_status(a, catalog.controls[*c].id) == ControlStatus::Implemented;
    in_scope(&sel)
        .into_iter()
        .map(|t| {
            let id = catalog.threats[t].id;
            let party = in_force(a, t).0.party;
            if party == Party::Provider {
                let status = a.verification.get(id).map(|v| v.status).unwrap_or_default();
                let verified = status == Assurance::Verified;
                return ThreatCoverage {
                    threat: t,
                    party,
                    covered: verified.then_some(Covered::Verified),
                    gaps: if verified {
                        vec![]
                    } else {
                        vec![Gap::NotVerified(status)]
                    },
                };
            }
            let acceptance = acceptance_gaps(a, id, today);
            let refused = acceptance == [Gap::AcceptanceRefused];
            let specific = specific_controls(catalog, t);
            let (candidates, only_groups) = if specific.is_empty() {
                // No specific control exists: what serves it is all there is.
                let serving: Vec<usize> = sel
                    .controls
                    .iter()
                    .filter(|c| c.threats.contains(&t))
                    .map(|c| c.control)
                    .collect();
                (serving, true)
            } else {
                (specific, false)
            };
            let done: Vec<usize> = candidates.iter().copied().filter(implemented).collect();
            let covered = if refused {
                None
            } else if !done.is_empty() {
                Some(if only_groups {
                    Covered::GroupControls(done)
                } else {
                    Covered::Controls(done)
                })
            } else if acceptance.is_empty() {
                Some(Covered::Accepted)
            } else {
                None
            };
            let gaps = if covered.is_some() {
                Vec::new()
            } else {
                let planned = candidates
                    .iter()
                    .filter(|c| {
                        control_status(a, catalog.controls[**c].id) == ControlStatus::Planned
                    })
                    .count();
                let mut gaps = Vec::new();
                if !refused {
                    gaps.push(Gap::NoControl { planned });
                }
                gaps.extend(acceptance);
                gaps
            };
            ThreatCoverage {
                threat: t,
                party,
                covered,
                gaps,
            }
        })
        .collect()
}
