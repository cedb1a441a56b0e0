//! Control plans in bulk (step 4): an owner and a due date for every
//! planned control of a group that lacks them, and the controls that only
//! make sense when you train, offered as not applicable when you don't.

use super::answers::Tri;
use super::assessment::{Assessment, ControlStatus};
use super::engine::Selection;

/// The question whose "no" makes the train-only controls not applicable.
pub const TRAINS: &str = "trains";

/// The reason offered, editable, for a train-only control when you don't
/// train.
pub const TRAIN_ONLY_REASON: &str =
    "You don't train or fine-tune the model; this control applies to training.";

/// Sets `owner` and `due` on each planned control of `controls` (catalog
/// indices) where that field is empty; never overwrites. Returns how many
/// controls changed.
pub fn apply_owner_due(a: &mut Assessment, controls: &[usize], owner: &str, due: &str) -> usize {
    let catalog = a.catalog();
    let (owner, due) = (owner.trim(), due.trim());
    let mut changed = 0;
    for &c in controls {
        let Some(plan) = a.controls.get_mut(catalog.controls[c].id) else {
            continue;
        };
        if plan.status != ControlStatus::Planned {
            continue;
        }
        let mut any = false;
        for (field, value) in [(&mut plan.owner, owner), (&mut plan.due, due)] {
            if field.trim().is_empty() && !value.is_empty() {
                *field = value.to_string();
                any = true;
            }
        }
        changed += usize::from(any);
    }
    changed
}

/// The selected controls that only make sense when you train, still
/// undecided, when the profile says you don't train; empty otherwise.
pub fn train_only_offer(a: &Assessment, selection: &Selection) -> Vec<usize> {
    let catalog = selection.catalog;
    if a.answers.get(TRAINS) != Tri::No {
        return Vec::new();
    }
    selection
        .controls
        .iter()
        .map(|s| s.control)
        .filter(|&c| catalog.controls[c].only_when_training)
        .filter(|&c| {
            a.controls
                .get(catalog.controls[c].id)
                .is_none_or(|p| p.status == ControlStatus::NotDecided)
        })
        .collect()
}

/// Marks each of `controls` still undecided not applicable with `reason`;
/// a blank reason marks nothing. Returns how many changed. The controls
/// stay selected.
pub fn mark_not_applicable(a: &mut Assessment, controls: &[usize], reason: &str) -> usize {
    let catalog = a.catalog();
    let reason = reason.trim();
    if reason.is_empty() {
        return 0;
    }
    let mut changed = 0;
    for &c in controls {
        let plan = a
            .controls
            .entry(catalog.controls[c].id.to_string())
            .or_default();
        if plan.status == ControlStatus::NotDecided {
            plan.status = ControlStatus::NotApplicable;
            plan.rationale = reason.to_string();
            changed += 1;
        }
    }
    changed
}
