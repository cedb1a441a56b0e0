//! The coverage rule: when a threat in scope counts as handled. `aixa check`,
//! the dashboard and the reports all apply this one rule.
//!
//! A threat that is ours (alone or shared) is covered when either holds:
//! - a control specific to it is implemented: one of its own controls, or one
//!   it inherits from a parent threat. Branch-wide group controls count
//!   only for a threat that has no specific control at all, and general
//!   controls only for one that has neither;
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
    /// A parent without controls of its own: each of its sub-threats in
    /// scope is covered.
    Parts,
}

impl Covered {
    /// What covers it, in one line, ids as the catalog spells them.
    pub fn describe(&self, a: &Assessment) -> String {
        let ids = |v: &[usize]| {
            v.iter()
                .map(|&c| a.catalog().controls[c].id)
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            Covered::Controls(v) => format!("implemented: {}", ids(v)),
            Covered::GroupControls(v) => {
                format!("implemented (it has no specific control): {}", ids(v))
            }
            Covered::Accepted => "residual risk accepted".into(),
            Covered::Verified => "the provider's assurance is verified".into(),
            Covered::Parts => "each of its sub-threats in scope is covered".into(),
        }
    }
}

/// Why a threat is not covered: each rule that failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    /// No specific control implemented; how many are partly done, and how
    /// many planned.
    NoControl {
        partly: usize,
        planned: usize,
    },
    AcceptanceRefused,
    Undecided,
    AcceptanceLacks(&'static str),
    ReviewPassed(String),
    ReviewNotADate(String),
    /// A provider's threat without verified assurance: its status.
    NotVerified(Assurance),
    /// A parent without controls of its own: the sections of its sub-threats
    /// in scope that are not covered.
    PartsOpen(Vec<&'static str>),
}

impl Gap {
    pub fn describe(&self) -> String {
        match self {
            Gap::NoControl { partly, planned } => {
                let mut under_way = Vec::new();
                if *partly > 0 {
                    under_way.push(format!("{partly} partly"));
                }
                if *planned > 0 {
                    under_way.push(format!("{planned} planned"));
                }
                if under_way.is_empty() {
                    "no specific control implemented".into()
                } else {
                    format!("no specific control implemented ({})", under_way.join(", "))
                }
            }
            Gap::AcceptanceRefused => "acceptance refused".into(),
            Gap::Undecided => "residual risk not accepted".into(),
            Gap::AcceptanceLacks(what) => format!("acceptance has no {what}"),
            Gap::ReviewPassed(date) => format!("review date {date} has passed"),
            Gap::ReviewNotADate(text) => format!("review date {text:?} is not a date"),
            Gap::PartsOpen(sections) => {
                format!("sub-threats not covered: {}", sections.join(", "))
            }
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

impl ThreatCoverage {
    /// The line a view shows: what covers it, or every rule it fails.
    pub fn describe(&self, a: &Assessment) -> String {
        match &self.covered {
            Some(c) => c.describe(a),
            None => self
                .gaps
                .iter()
                .map(Gap::describe)
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

/// Uncovered threats first, each group in catalog order: what a reviewer
/// reads first is what still needs work.
pub fn uncovered_first(mut list: Vec<ThreatCoverage>) -> Vec<ThreatCoverage> {
    crate::core::order::sort_by_key(&mut list, |c| (c.covered.is_some(), c.threat));
    list
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
    let mut all: Vec<ThreatCoverage> = in_scope(&sel)
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
                // No specific control exists: its branch's group controls
                // (the text's "see controls for development-time
                // protection"), and only where there are none, the general
                // ones: an awareness programme protects no data by itself.
                let serving = |general: bool| -> Vec<usize> {
                    sel.controls
                        .iter()
                        .filter(|c| c.general == general && c.threats.contains(&t))
                        .map(|c| c.control)
                        .collect()
                };
                let group = serving(false);
                (
                    if group.is_empty() {
                        serving(true)
                    } else {
                        group
                    },
                    true,
                )
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
                let count = |status| {
                    candidates
                        .iter()
                        .filter(|c| control_status(a, catalog.controls[**c].id) == status)
                        .count()
                };
                let mut gaps = Vec::new();
                if !refused {
                    gaps.push(Gap::NoControl {
                        partly: count(ControlStatus::Partly),
                        planned: count(ControlStatus::Planned),
                    });
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
        .collect();
    judge_parents(a, today, &mut all);
    all
}

/// A parent with no specific control is the sum of its sub-threats: a
/// group control that leaves a child open does not cover the parent. An
/// acceptance or a provider's assurance of the parent itself still does.
fn judge_parents(a: &Assessment, today: Date, all: &mut [ThreatCoverage]) {
    let catalog = a.catalog();
    // Children come after their parents: judge from the last up, so that a
    // grandparent sees its children's final word.
    for i in (0..all.len()).rev() {
        let t = all[i].threat;
        let judged_by_controls = matches!(all[i].covered, Some(Covered::GroupControls(_)) | None)
            && all[i].party != Party::Provider
            && !all[i].gaps.contains(&Gap::AcceptanceRefused);
        if !judged_by_controls || !specific_controls(catalog, t).is_empty() {
            continue;
        }
        let children: Vec<&ThreatCoverage> = all
            .iter()
            .filter(|c| catalog.threats[c.threat].parent == Some(t))
            .collect();
        if children.is_empty() {
            continue;
        }
        let open: Vec<&'static str> = children
            .iter()
            .filter(|c| c.covered.is_none())
            .map(|c| catalog.threats[c.threat].section)
            .collect();
        let entry = &mut all[i];
        if open.is_empty() {
            entry.covered = Some(Covered::Parts);
            entry.gaps.clear();
        } else {
            entry.covered = None;
            entry.gaps = vec![Gap::PartsOpen(open)];
            entry
                .gaps
                .extend(acceptance_gaps(a, catalog.threats[t].id, today));
        }
    }
}
