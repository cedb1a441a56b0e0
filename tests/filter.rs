//! The catalog browser's filters over threats and controls.

mod common;

use aixa::core::filter::{filter, Filters};
use common::catalog;

fn control_ids(controls: &[usize]) -> Vec<&'static str> {
    controls.iter().map(|&i| catalog().controls[i].id).collect()
}

#[test]
fn no_query_and_no_filter_list_everything_in_catalog_order() {
    let c = catalog();
    let (threats, controls) = filter(c, "  ", &Filters::default());
    assert_eq!(threats, (0..c.threats.len()).collect::<Vec<_>>());
    assert_eq!(controls, (0..c.controls.len()).collect::<Vec<_>>());
}

#[test]
fn a_lifecycle_keeps_its_threats_and_controls_and_those_of_both() {
    let c = catalog();
    let f = Filters {
        lifecycle: "development",
        ..Filters::default()
    };
    let (threats, controls) = filter(c, "", &f);
    assert!(!threats.is_empty());
    assert!(threats
        .iter()
        .all(|&t| c.threats[t].lifecycle == "development"));
    let ids = control_ids(&controls);
    for kept in ["DEVSECURITY", "SUPPLYCHAINMANAGE", "AIPROGRAM"] {
        assert!(ids.contains(&kept), "{kept} missing from {ids:?}");
    }
    for dropped in ["RATELIMIT", "MONITORUSE", "OVERSIGHT"] {
        assert!(!ids.contains(&dropped), "{dropped} in {ids:?}");
    }
}

#[test]
fn a_control_type_leaves_no_threat_and_only_controls_of_that_type() {
    let c = catalog();
    let f = Filters {
        kind: "infosec",
        ..Filters::default()
    };
    let (threats, controls) = filter(c, "", &f);
    assert!(threats.is_empty());
    assert!(!controls.is_empty());
    assert!(controls
        .iter()
        .all(|&i| c.controls[i].kinds.contains(&"infosec")));
}

#[test]
fn a_surface_keeps_the_controls_of_its_threats_only() {
    let c = catalog();
    let f = Filters {
        surface: "supply_chain",
        ..Filters::default()
    };
    let (threats, controls) = filter(c, "", &f);
    assert!(!threats.is_empty());
    assert!(threats
        .iter()
        .all(|&t| c.threats[t].attack_surface.contains(&"supply_chain")));
    for &i in &controls {
        assert!(
            threats.iter().any(|&t| c.threats[t].controls.contains(&i)),
            "{} serves no supply-chain threat",
            c.controls[i].id
        );
    }
    assert!(controls.len() < c.controls.len());
}

#[test]
fn filters_apply_to_search_results_too() {
    let c = catalog();
    let (_, found) = filter(c, "rate limit", &Filters::default());
    assert_eq!(control_ids(&found).first(), Some(&"RATELIMIT"));
    let f = Filters {
        lifecycle: "development",
        ..Filters::default()
    };
    let (threats, controls) = filter(c, "rate limit", &f);
    assert!(!control_ids(&controls).contains(&"RATELIMIT"));
    assert!(threats
        .iter()
        .all(|&t| c.threats[t].lifecycle == "development"));
}
