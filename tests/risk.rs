//! Risk levels and their bands, as the risk step, its heat maps and the
//! acceptance step show them.

use aixa::core::assessment::Score;
use aixa::core::risk::{band, by_band, grid_of, level_text, BANDS};

fn score(l: Option<u8>, i: Option<u8>) -> Score {
    Score {
        likelihood: l,
        impact: i,
    }
}

#[test]
fn bands_change_at_their_edges() {
    let word = |level| band(level).1;
    assert_eq!(
        [1, 4, 5, 9, 10, 16, 20, 25].map(word),
        ["Low", "Low", "Medium", "Medium", "High", "High", "Critical", "Critical"]
    );
    assert_eq!(band(12).0, "high");
}

#[test]
fn every_band_is_named_in_the_legend_in_order() {
    let classes: Vec<&str> = BANDS.iter().map(|b| b.0).collect();
    assert_eq!(classes, ["low", "medium", "high", "critical"]);
    for (level, k) in [(1, 0), (6, 1), (12, 2), (25, 3)] {
        assert_eq!(band(level).0, BANDS[k].0);
    }
}

#[test]
fn a_level_reads_with_its_band() {
    assert_eq!(level_text(12), "12 (high)");
    assert_eq!(level_text(4), "4 (low)");
}

#[test]
fn the_grid_counts_only_complete_scores_within_the_scale() {
    let scores = [
        score(Some(5), Some(5)),
        score(Some(5), Some(5)),
        score(Some(1), Some(2)),
        score(Some(3), None),
        score(None, None),
        score(Some(6), Some(1)),
        score(Some(0), Some(3)),
    ];
    let grid = grid_of(&scores);
    assert_eq!(grid[4][4], 2);
    assert_eq!(grid[0][1], 1);
    assert_eq!(grid.iter().flatten().sum::<usize>(), 3);
}

#[test]
fn threats_are_counted_by_band() {
    let scores = [
        score(Some(5), Some(4)), // 20: critical
        score(Some(1), Some(1)), // 1: low
        score(Some(2), Some(3)), // 6: medium
        score(Some(3), Some(3)), // 9: medium
        score(Some(4), Some(4)), // 16: high
    ];
    assert_eq!(by_band(&grid_of(&scores)), [1, 2, 1, 1]);
    assert_eq!(by_band(&grid_of(&[])), [0; 4]);
}
