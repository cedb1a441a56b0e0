//! Continuous assessment: a review recorded as a snapshot, and what has
//! changed since, so that the next review starts from the differences.

use super::assessment::{Assessment, ControlStatus, ReviewPoint};
use super::dashboard::{control_status, in_scope};
use super::risk::effective_score;

/// Where things stand now, as a review would record them.
pub fn snapshot(a: &Assessment, date: &str, by: &str) -> ReviewPoint {
    let catalog = a.catalog();
    let sel = a.selection();
    let scope = in_scope(&sel);
    ReviewPoint {
        date: date.to_string(),
        by: by.trim().to_string(),
        in_scope: scope
            .iter()
            .map(|&t| catalog.threats[t].id.to_string())
            .collect(),
        controls: sel
            .controls
            .iter()
            .map(|c| {
                let id = catalog.controls[c.control].id;
                (id.to_string(), control_status(a, id))
            })
            .collect(),
        residual: scope
            .iter()
            .filter_map(|&t| {
                let level = effective_score(a, &sel, t).residual.level()?;
                Some((catalog.threats[t].id.to_string(), level))
            })
            .collect(),
    }
}

/// One difference between the last review and now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// A threat now in scope that was not (catalog index).
    EnteredScope(usize),
    /// A threat in scope then that is not now.
    LeftScope(usize),
    /// A selected control whose status moved (index, then, now).
    Control(usize, ControlStatus, ControlStatus),
    /// A residual level that moved (threat, then, now; `None` unscored).
    Residual(usize, Option<u8>, Option<u8>),
}

impl Change {
    pub fn describe(&self, a: &Assessment) -> String {
        let c = a.catalog();
        let threat = |t: usize| format!("{} {}", c.threats[t].section, c.threats[t].name);
        let level = |l: &Option<u8>| l.map_or_else(|| "unscored".to_string(), |l| l.to_string());
        match self {
            Change::EnteredScope(t) => format!("now in scope: {}", threat(*t)),
            Change::LeftScope(t) => format!("no longer in scope: {}", threat(*t)),
            Change::Control(k, then, now) => format!(
                "{}: {} → {}",
                c.controls[*k].id,
                then.label().to_ascii_lowercase(),
                now.label().to_ascii_lowercase()
            ),
            Change::Residual(t, then, now) => format!(
                "residual risk of {}: {} → {}",
                threat(*t),
                level(then),
                level(now)
            ),
        }
    }
}

/// What changed since `a`'s last review, in catalog order; empty when none
/// is recorded.
pub fn changes(a: &Assessment) -> Vec<Change> {
    let Some(point) = &a.reviewed else {
        return Vec::new();
    };
    let now = snapshot(a, &point.date, &point.by);
    let catalog = a.catalog();
    let threat_index = |id: &str| catalog.threat(id).map(|(i, _)| i);
    let mut out = Vec::new();
    for (i, t) in catalog.threats.iter().enumerate() {
        let was = point.in_scope.iter().any(|x| x == t.id);
        let is = now.in_scope.iter().any(|x| x == t.id);
        if is && !was {
            out.push(Change::EnteredScope(i));
        } else if was && !is {
            out.push(Change::LeftScope(i));
        }
    }
    for (i, k) in catalog.controls.iter().enumerate() {
        let then = point.controls.get(k.id).copied();
        let is = now.controls.get(k.id).copied();
        if let (Some(then), Some(is)) = (then, is) {
            if then != is {
                out.push(Change::Control(i, then, is));
            }
        } else if let Some(is) = is.filter(|s| *s != ControlStatus::NotDecided) {
            // Newly selected and already decided.
            out.push(Change::Control(i, ControlStatus::NotDecided, is));
        }
    }
    for id in &now.in_scope {
        let then = point.residual.get(id).copied();
        let is = now.residual.get(id).copied();
        if then != is {
            if let Some(t) = threat_index(id) {
                out.push(Change::Residual(t, then, is));
            }
        }
    }
    out
}
