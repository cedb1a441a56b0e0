//! The steps' progress, and the figures of the dashboard.

use super::assessment::{Assessment, Assurance, ControlStatus, Decision, Party};
use super::date::Date;
use super::engine::Selection;
use super::responsibility::in_force;
use super::risk::effective_score;

pub use super::steps::{Step, StepDef};

/// How far one step is: `done` of `total` items decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub step: Step,
    /// Its place in the edition's process, and the edition's name for it.
    pub number: usize,
    pub label: &'static str,
    pub done: usize,
    pub total: usize,
}

impl Progress {
    pub fn percent(self) -> usize {
        // Nothing to do counts as done.
        (self.done * 100).checked_div(self.total).unwrap_or(100)
    }
}

/// Everything the dashboard shows, computed from an assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figures {
    pub progress: Vec<Progress>,
    pub controls_by_status: Vec<(ControlStatus, usize)>,
    pub threats_by_party: Vec<(Party, usize)>,
    /// In-scope threats, not solely ours, whose assurance is not settled.
    pub open_verifications: Vec<usize>,
    /// In-scope threats whose residual risk is not accepted yet.
    pub open_acceptances: Vec<usize>,
    /// In-scope threats whose review date is today or past, or whose review
    /// text is not a date (see [`review_due`]).
    pub reviews_due: Vec<usize>,
    /// In-scope threats scored with a residual risk above the inherent one
    /// and no acceptance rationale that explains it.
    pub unexplained_residuals: Vec<usize>,
    /// Selected controls not yet implemented whose due date has passed, or
    /// whose due date is not a date (indices into the catalog's controls).
    pub overdue_controls: Vec<usize>,
    /// For each UK/US guideline, in catalog order: how far it is covered.
    pub guidelines: Vec<GuidelineFigure>,
}

impl Figures {
    /// Overall progress: the decided items of every step, in percent of all
    /// items, rounded down; 0 while there is nothing to decide.
    pub fn overall(&self) -> usize {
        let (done, total) = self
            .progress
            .iter()
            .fold((0, 0), |(d, t), p| (d + p.done, t + p.total));
        (done * 100).checked_div(total).unwrap_or(0)
    }
}

/// How far the implemented controls cover a guideline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// No mapped control is selected for this profile and applicable.
    NothingApplies,
    None,
    Partly,
    Fully,
}

impl Coverage {
    /// A guideline the source maps to only part of a control (`partial`) is
    /// partly covered at most, even with every mapped control implemented.
    pub fn of(implemented: usize, total: usize, partial: bool) -> Coverage {
        if total == 0 {
            Coverage::NothingApplies
        } else if implemented == 0 {
            Coverage::None
        } else if implemented == total && !partial {
            Coverage::Fully
        } else {
            Coverage::Partly
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Coverage::NothingApplies => "no mapped control applies",
            Coverage::None => "not covered",
            Coverage::Partly => "partly covered",
            Coverage::Fully => "fully covered",
        }
    }
}

/// One guideline's coverage: implemented controls, of the mapped controls
/// that count for this assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuidelineFigure {
    /// Index into the catalog's guidelines.
    pub guideline: usize,
    pub implemented: usize,
    /// How many count: `counted.len()`.
    pub total: usize,
    pub coverage: Coverage,
    /// The mapped controls that count: selected for this profile and not
    /// marked not applicable (indices into the catalog's controls).
    pub counted: Vec<usize>,
    /// The mapped controls left out of the count, and why.
    pub left_out: Vec<(usize, &'static str)>,
}

/// In-scope threats, in catalog order.
pub fn in_scope(selection: &Selection) -> Vec<usize> {
    selection
        .verdicts
        .iter()
        .filter(|v| v.in_scope())
        .map(|v| v.threat)
        .collect()
}

/// In-scope threats that are not ours alone: the ones to verify.
pub fn external(a: &Assessment, selection: &Selection) -> Vec<usize> {
    in_scope(selection)
        .into_iter()
        .filter(|&t| in_force(a, t).0.party != Party::Us)
        .collect()
}

/// Threats not ours alone that are not verified. "Not obtainable" settles
/// the question for step 3's progress, but it is the weakest assurance of
/// all, so it stays an open finding here, as does evidence received but not
/// yet checked.
pub fn open_verifications(a: &Assessment, selection: &Selection) -> Vec<usize> {
    let catalog = selection.catalog;
    external(a, selection)
        .into_iter()
        .filter(|&t| {
            a.verification
                .get(catalog.threats[t].id)
                .is_none_or(|v| v.status != Assurance::Verified)
        })
        .collect()
}

/// In-scope threats whose residual risk is not accepted.
pub fn open_acceptances(a: &Assessment, selection: &Selection) -> Vec<usize> {
    let catalog = selection.catalog;
    in_scope(selection)
        .into_iter()
        .filter(|&t| {
            a.acceptance
                .get(catalog.threats[t].id)
                .is_none_or(|x| x.decision != Decision::Accepted)
        })
        .collect()
}

pub fn control_status(a: &Assessment, id: &str) -> ControlStatus {
    a.controls.get(id).map(|c| c.status).unwrap_or_default()
}

/// Whether a review is due by `today`. A review that is set but not a date
/// (or a `today` that is not one) counts as due: the fail-safe reading, as
/// someone meant a review there, and a review shown too early costs less
/// than one silently never shown.
pub fn review_due(review: &str, today: Option<Date>) -> bool {
    if review.is_empty() {
        return false;
    }
    match (Date::parse(review), today) {
        (Some(review), Some(today)) => review <= today,
        _ => true,
    }
}

/// Whether a control due on `due` is overdue by `today`: due before today.
/// Like [`review_due`], a due date that is set but not a date counts.
pub fn overdue(due: &str, today: Option<Date>) -> bool {
    if due.is_empty() {
        return false;
    }
    match (Date::parse(due), today) {
        (Some(due), Some(today)) => due < today,
        _ => true,
    }
}

/// Further management: the controls under way (planned or partly done)
/// with both an owner and a due date, and the accepted risks with a review
/// date, of all those.
fn manage_counts(a: &Assessment, selection: &Selection) -> (usize, usize) {
    let catalog = selection.catalog;
    let mut done = 0;
    let mut total = 0;
    for c in &selection.controls {
        let id = catalog.controls[c.control].id;
        if matches!(
            control_status(a, id),
            ControlStatus::Planned | ControlStatus::Partly
        ) {
            total += 1;
            let plan = a.controls.get(id);
            if plan.is_some_and(|p| !p.owner.trim().is_empty() && !p.due.trim().is_empty()) {
                done += 1;
            }
        }
    }
    for t in in_scope(selection) {
        if let Some(x) = a.acceptance.get(catalog.threats[t].id) {
            if x.decision == Decision::Accepted {
                total += 1;
                if !x.review.trim().is_empty() {
                    done += 1;
                }
            }
        }
    }
    (done, total)
}

/// How far each step of the assessment's edition has come, done of total;
/// views (the register, the dashboard) have none. `selection` is the
/// assessment's own: the step bar passes the one the page already holds, so
/// that an answer does not select twice or compute the whole dashboard.
pub fn progress(a: &Assessment, selection: &Selection) -> Vec<Progress> {
    let catalog = a.catalog();
    let scope = in_scope(selection);
    let external = external(a, selection);
    let threat_id = |t: usize| catalog.threats[t].id;
    let (answered, questions) = a.answers.answered(catalog);
    let decided_controls = selection
        .controls
        .iter()
        .filter(|c| control_status(a, catalog.controls[c.control].id) != ControlStatus::NotDecided)
        .count();
    let settled = |t: &usize| {
        a.verification
            .get(threat_id(*t))
            .is_some_and(|v| v.status.is_settled())
    };
    let decided = |t: &usize| {
        a.acceptance
            .get(threat_id(*t))
            .is_some_and(|x| x.decision != Decision::Undecided)
    };
    let treats = Step::Treat.number_in(catalog).is_some();
    let treatment = |t: usize| a.treatment.get(threat_id(t));
    let measure = |step: Step| -> Option<(usize, usize)> {
        let count = |f: &dyn Fn(usize) -> bool| scope.iter().filter(|&&t| f(t)).count();
        Some(match step {
            Step::Profile => (answered, questions),
            Step::Responsibility => (
                count(&|t| a.responsibility.contains_key(threat_id(t))),
                scope.len(),
            ),
            Step::Verification => (
                external.iter().filter(|t| settled(t)).count(),
                external.len(),
            ),
            Step::Controls => (decided_controls, selection.controls.len()),
            // Where a treatment step follows, evaluating is scoring the
            // inherent risk and saying whether it needs treatment; otherwise
            // a parent counts as scored once its in-scope children are.
            Step::Risk if treats => (
                count(&|t| {
                    effective_score(a, selection, t).inherent.level().is_some()
                        && treatment(t).is_some_and(|x| x.needed.is_some())
                }),
                scope.len(),
            ),
            Step::Risk => (
                count(&|t| effective_score(a, selection, t).is_complete()),
                scope.len(),
            ),
            Step::Treat => (
                count(&|t| treatment(t).is_some_and(|x| x.is_settled())),
                scope.len(),
            ),
            Step::Acceptance => (count(&|t| decided(&t)), scope.len()),
            Step::Manage => manage_counts(a, selection),
            // Views, with nothing of their own to decide.
            Step::Register | Step::Dashboard => return None,
        })
    };
    catalog
        .steps
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let (done, total) = measure(d.step)?;
            Some(Progress {
                step: d.step,
                number: i + 1,
                label: d.label,
                done,
                total,
            })
        })
        .collect()
}

/// `today` is an ISO date (YYYY-MM-DD).
pub fn figures(a: &Assessment, today: &str) -> Figures {
    let catalog = a.catalog();
    let selection = a.selection();
    let scope = in_scope(&selection);
    let threat_id = |t: usize| catalog.threats[t].id;
    let progress = progress(a, &selection);

    let controls_by_status = ControlStatus::ALL
        .into_iter()
        .map(|status| {
            let n = selection
                .controls
                .iter()
                .filter(|c| control_status(a, catalog.controls[c.control].id) == status)
                .count();
            (status, n)
        })
        .collect();
    let threats_by_party = Party::ALL
        .into_iter()
        .map(|p| {
            (
                p,
                scope
                    .iter()
                    .filter(|&&t| in_force(a, t).0.party == p)
                    .count(),
            )
        })
        .collect();
    let open_verifications = open_verifications(a, &selection);
    let open_acceptances = open_acceptances(a, &selection);
    let today = Date::parse(today);
    let reviews_due = scope
        .iter()
        .copied()
        .filter(|t| {
            a.acceptance
                .get(threat_id(*t))
                .is_some_and(|x| review_due(&x.review, today))
        })
        .collect();
    let unexplained_residuals = scope
        .iter()
        .copied()
        .filter(|&t| {
            effective_score(a, &selection, t).residual_above_inherent()
                && a.acceptance
                    .get(threat_id(t))
                    .is_none_or(|x| x.rationale.trim().is_empty())
        })
        .collect();
    let overdue_controls = selection
        .controls
        .iter()
        .map(|c| c.control)
        .filter(|&c| {
            let id = catalog.controls[c].id;
            let done = matches!(
                control_status(a, id),
                ControlStatus::Implemented | ControlStatus::NotApplicable
            );
            !done && a.controls.get(id).is_some_and(|p| overdue(&p.due, today))
        })
        .collect();
    let guidelines = catalog
        .guidelines
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let mut counted = Vec::new();
            let mut left_out = Vec::new();
            for &c in g.controls {
                let status = control_status(a, catalog.controls[c].id);
                if !selection.controls.iter().any(|s| s.control == c) {
                    left_out.push((c, "not selected for this profile"));
                } else if status == ControlStatus::NotApplicable {
                    left_out.push((c, "marked not applicable"));
                } else {
                    counted.push(c);
                }
            }
            let implemented = counted
                .iter()
                .filter(|&&c| {
                    control_status(a, catalog.controls[c].id) == ControlStatus::Implemented
                })
                .count();
            GuidelineFigure {
                guideline: i,
                implemented,
                total: counted.len(),
                coverage: Coverage::of(implemented, counted.len(), g.partial),
                counted,
                left_out,
            }
        })
        .collect();

    Figures {
        progress,
        controls_by_status,
        threats_by_party,
        open_verifications,
        open_acceptances,
        reviews_due,
        unexplained_residuals,
        overdue_controls,
        guidelines,
    }
}

/// The selected controls laid out as the navigator is: the general groups,
/// then for each section its group and each of its threats. Each control
/// appears once, under the first heading that calls for it.
pub fn control_layout(selection: &Selection) -> Vec<(String, Vec<usize>)> {
    use super::catalog::Scope;
    let catalog = selection.catalog;
    let selected: Vec<usize> = selection.controls.iter().map(|c| c.control).collect();
    let mut placed: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    let mut place = |heading: String, controls: &[usize], out: &mut Vec<(String, Vec<usize>)>| {
        let mut here = Vec::new();
        for &c in controls {
            if selected.contains(&c) && !placed.contains(&c) {
                placed.push(c);
                here.push(c);
            }
        }
        if !here.is_empty() {
            out.push((heading, here));
        }
    };
    for g in catalog.groups.iter().filter(|g| g.scope == Scope::All) {
        place(format!("{} {}", g.section, g.name), g.controls, &mut out);
    }
    let scope = in_scope(selection);
    for section in catalog.sections {
        for g in catalog
            .groups
            .iter()
            .filter(|g| g.scope != Scope::All && g.branch() == section.number)
        {
            place(format!("{} {}", g.section, g.name), g.controls, &mut out);
        }
        for &t in &scope {
            let threat = &catalog.threats[t];
            if threat.section.split('.').next() == Some(section.number) {
                place(
                    format!("{} {}", threat.section, threat.name),
                    threat.controls,
                    &mut out,
                );
            }
        }
    }
    out
}
