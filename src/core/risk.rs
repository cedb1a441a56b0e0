//! Risk levels (likelihood × impact, each 1 to 5) and the four bands the
//! risk step, its heat maps and the acceptance step colour them by.

use super::assessment::{Assessment, RiskScore, Score};
use super::engine::Selection;

/// The bands, lowest first: each one's CSS class suffix and its range in
/// words. Level 17 to 19 cannot occur (no product of 1–5 falls there).
pub const BANDS: [(&str, &str); 4] = [
    ("low", "Low: 1 to 4"),
    ("medium", "Medium: 5 to 9"),
    ("high", "High: 10 to 16"),
    ("critical", "Critical: 20 to 25"),
];

/// A risk level's band: its CSS class suffix and its word.
pub fn band(level: u8) -> (&'static str, &'static str) {
    match level {
        0..=4 => ("low", "Low"),
        5..=9 => ("medium", "Medium"),
        10..=16 => ("high", "High"),
        _ => ("critical", "Critical"),
    }
}

/// "12 (high)", for a level.
pub fn level_text(level: u8) -> String {
    format!("{level} ({})", band(level).1.to_ascii_lowercase())
}

/// Counts of scored threats by (likelihood, impact), both 1-based less one.
pub type Grid = [[usize; 5]; 5];

/// The heat map of `scores`: a score counts once both its values are set
/// and within 1 to 5.
pub fn grid_of(scores: &[Score]) -> Grid {
    let mut grid = [[0; 5]; 5];
    for s in scores {
        if let (Some(l @ 1..=5), Some(i @ 1..=5)) = (s.likelihood, s.impact) {
            grid[usize::from(l - 1)][usize::from(i - 1)] += 1;
        }
    }
    grid
}

/// How many of a grid's threats fall in each band, in the order of
/// [`BANDS`].
pub fn by_band(grid: &Grid) -> [usize; 4] {
    let mut counts = [0; 4];
    for l in 1..=5u8 {
        for i in 1..=5u8 {
            let n = grid[usize::from(l - 1)][usize::from(i - 1)];
            let k = BANDS.iter().position(|b| b.0 == band(l * i).0).unwrap_or(0);
            counts[k] += n;
        }
    }
    counts
}

/// The in-scope children of threat `threat`: a threat with any is a parent,
/// scored through them rather than by its own inputs.
pub fn scored_children(selection: &Selection, threat: usize) -> Vec<usize> {
    selection
        .catalog
        .children(threat)
        .filter(|&c| selection.verdicts.get(c).is_some_and(|v| v.in_scope()))
        .collect()
}

/// Whether threat `threat` is scored through its in-scope children.
pub fn is_derived(selection: &Selection, threat: usize) -> bool {
    !scored_children(selection, threat).is_empty()
}

/// The score of a threat, as every view and count reads it: its own, or for
/// a parent (a threat with children in scope) the highest of its children's
/// effective scores, each side on its own by level (likelihood × impact).
/// A parent's side is scored only once every in-scope child's side is, so a
/// parent counts as scored exactly when its children are.
///
/// A parent's own stored score, if any (from before parents were derived, or
/// from an import), is kept as stored but ignored here, for display and
/// counts alike.
pub fn effective_score(a: &Assessment, selection: &Selection, threat: usize) -> RiskScore {
    let children = scored_children(selection, threat);
    if children.is_empty() {
        let id = selection.catalog.threats[threat].id;
        return a.risk.get(id).copied().unwrap_or_default();
    }
    let scores: Vec<RiskScore> = children
        .iter()
        .map(|&c| effective_score(a, selection, c))
        .collect();
    let highest = |side: fn(&RiskScore) -> Score| -> Score {
        let sides: Option<Vec<Score>> = scores
            .iter()
            .map(|r| side(r).level().map(|_| side(r)))
            .collect();
        // Ties keep the first child's score, in catalog order.
        sides
            .and_then(|s| s.into_iter().rev().max_by_key(|s| s.level().unwrap_or(0)))
            .unwrap_or_default()
    };
    RiskScore {
        inherent: highest(|r| r.inherent),
        residual: highest(|r| r.residual),
    }
}
