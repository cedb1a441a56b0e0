//! Risk levels (likelihood × impact, each 1 to 5) and the four bands the
//! risk step, its heat maps and the acceptance step colour them by.

use super::assessment::Score;

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
