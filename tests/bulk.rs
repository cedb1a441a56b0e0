//! Step 6 in bulk, and the score of a parent threat (its in-scope
//! children's highest).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use aixa::core::assessment::{Acceptance, Assessment, Decision, RiskScore, Score};
use aixa::core::bulk::{accept_up_to, decide, fill_decided, Fields};
use aixa::core::dashboard::{figures, in_scope, Step};
use aixa::core::engine::Selection;
use aixa::core::risk::{effective_score, is_derived, scored_children};
use common::reference::fixture;

fn score(l: u8, i: u8) -> Score {
    Score {
        likelihood: Some(l),
        impact: Some(i),
    }
}

fn risk(inherent: Score, residual: Score) -> RiskScore {
    RiskScore { inherent, residual }
}

/// The fixture with no scores and no decisions.
fn blank() -> Assessment {
    let mut a = fixture();
    a.risk.clear();
    a.acceptance.clear();
    a
}

fn leaves(sel: &Selection) -> Vec<usize> {
    in_scope(sel)
        .into_iter()
        .filter(|&t| !is_derived(sel, t))
        .collect()
}

fn parents(sel: &Selection) -> Vec<usize> {
    in_scope(sel)
        .into_iter()
        .filter(|&t| is_derived(sel, t))
        .collect()
}

fn id(sel: &Selection, t: usize) -> String {
    sel.catalog.threats[t].id.to_string()
}

fn fields() -> Fields {
    Fields {
        approver: "CISO".into(),
        date: "2026-11-28".into(),
        review: "2027-11-28".into(),
        rationale: "Within appetite.".into(),
    }
}

#[test]
fn the_fixture_has_parents_in_scope() {
    let a = blank();
    let sel = a.selection();
    let sections: Vec<&str> = parents(&sel)
        .iter()
        .map(|&t| sel.catalog.threats[t].section)
        .collect();
    for s in ["2.2", "2.4", "3.1", "3.2"] {
        assert!(
            sections.contains(&s),
            "{s} is a parent in scope: {sections:?}"
        );
    }
}

#[test]
fn a_parent_shows_its_childrens_highest_score_on_each_side() {
    let mut a = blank();
    let sel = a.selection();
    let p = parents(&sel)
        .into_iter()
        .find(|&p| scored_children(&sel, p).len() >= 2)
        .expect("a parent with two children in scope");
    let kids = scored_children(&sel, p);
    assert!(
        kids.len() >= 2,
        "the first parent has two children in scope"
    );
    // Its own stored score is ignored.
    a.risk.insert(id(&sel, p), risk(score(1, 1), score(1, 1)));
    a.risk
        .insert(id(&sel, kids[0]), risk(score(4, 4), score(1, 2)));
    // Inherent unset on the second child: the parent's inherent is unscored.
    a.risk
        .insert(id(&sel, kids[1]), risk(Score::default(), score(3, 3)));
    for &k in &kids[2..] {
        a.risk.insert(id(&sel, k), risk(score(2, 2), score(1, 1)));
    }
    let r = effective_score(&a, &sel, p);
    assert_eq!(r.inherent.level(), None);
    assert_eq!(r.residual, score(3, 3));
    let done = |a: &Assessment| {
        figures(a, "2026-11-28")
            .progress
            .iter()
            .find(|x| x.step == Step::Risk)
            .map(|x| x.done)
    };
    let before = done(&a);
    a.risk.get_mut(&id(&sel, kids[1])).expect("scored").inherent = score(5, 1);
    let r = effective_score(&a, &sel, p);
    assert_eq!(r.inherent, score(4, 4), "16 beats 5");
    assert_eq!(r.residual, score(3, 3));
    // The second child and the parent both count as scored now.
    assert_eq!(done(&a), before.map(|n| n + 2));
}

#[test]
fn a_leaf_shows_its_own_score() {
    let mut a = blank();
    let sel = a.selection();
    let t = leaves(&sel)[0];
    a.risk.insert(id(&sel, t), risk(score(2, 5), score(1, 5)));
    assert_eq!(effective_score(&a, &sel, t), risk(score(2, 5), score(1, 5)));
}

/// Every leaf scored with residual 2 × 3 = 6, but the first at 3 × 3 = 9 and
/// the second unscored.
fn scored() -> (Assessment, Vec<usize>) {
    let mut a = blank();
    let sel = a.selection();
    let ls = leaves(&sel);
    for &t in &ls {
        a.risk.insert(id(&sel, t), risk(score(3, 4), score(2, 3)));
    }
    a.risk.get_mut(&id(&sel, ls[0])).expect("scored").residual = score(3, 3);
    a.risk.get_mut(&id(&sel, ls[1])).expect("scored").residual = Score::default();
    (a, ls)
}

#[test]
fn accepting_takes_undecided_threats_at_or_below_the_level_only() {
    let (mut a, ls) = scored();
    let sel = a.selection();
    // Already decided: not accepted, with its own approver.
    let refused = ls[2];
    a.acceptance.insert(
        id(&sel, refused),
        Acceptance {
            decision: Decision::NotAccepted,
            approver: "CTO".into(),
            ..Acceptance::default()
        },
    );
    // Undecided, with a rationale typed already: kept.
    let typed = ls[3];
    a.acceptance.insert(
        id(&sel, typed),
        Acceptance {
            rationale: "Mine.".into(),
            ..Acceptance::default()
        },
    );
    let before = a.clone();
    // Level 5: below every scored residual.
    assert_eq!(accept_up_to(&mut a, &sel, 5, &fields()), 0);
    assert_eq!(a, before);

    // Level 6: every scored leaf at 6, and parents whose children all are.
    let n = accept_up_to(&mut a, &sel, 6, &fields());
    let accepted = |a: &Assessment, t: usize| {
        a.acceptance
            .get(&id(&sel, t))
            .is_some_and(|x| x.decision == Decision::Accepted)
    };
    assert!(!accepted(&a, ls[0]), "9 is above 6");
    assert!(!accepted(&a, ls[1]), "unscored");
    assert!(!accepted(&a, refused), "decided already");
    assert_eq!(
        a.acceptance[&id(&sel, refused)],
        before.acceptance[&id(&sel, refused)]
    );
    assert!(accepted(&a, typed));
    let x = &a.acceptance[&id(&sel, typed)];
    assert_eq!(
        (x.approver.as_str(), x.rationale.as_str()),
        ("CISO", "Mine.")
    );
    assert_eq!(x.date, "2026-11-28");
    assert_eq!(x.review, "2027-11-28");
    let expected = in_scope(&sel)
        .into_iter()
        .filter(|&t| accepted(&a, t))
        .count();
    assert_eq!(n, expected);
    assert!(n >= ls.len() - 3, "the other leaves at least");
    // A parent of the 9 is not accepted at 6, but is at 9.
    let parent_of_first = sel.catalog.threats[ls[0]].parent;
    if let Some(p) = parent_of_first.filter(|&p| is_derived(&sel, p)) {
        assert!(!accepted(&a, p));
        accept_up_to(&mut a, &sel, 9, &fields());
        assert!(accepted(&a, p) == scored_children(&sel, p).iter().all(|&c| c != ls[1]));
    }
    // Nothing undecided left at or below 25 that is scored: a second pass
    // changes nothing.
    accept_up_to(&mut a, &sel, 25, &fields());
    let again = a.clone();
    assert_eq!(accept_up_to(&mut a, &sel, 25, &fields()), 0);
    assert_eq!(a, again);
}

#[test]
fn applying_fills_only_empty_fields_of_decided_threats() {
    let (mut a, ls) = scored();
    let sel = a.selection();
    let full = Acceptance {
        decision: Decision::Accepted,
        approver: "CTO".into(),
        date: "2026-01-01".into(),
        review: "2026-06-01".into(),
        rationale: "Own words.".into(),
        ..Acceptance::default()
    };
    a.acceptance.insert(id(&sel, ls[0]), full.clone());
    a.acceptance.insert(
        id(&sel, ls[1]),
        Acceptance {
            decision: Decision::NotAccepted,
            approver: "CTO".into(),
            ..Acceptance::default()
        },
    );
    a.acceptance.insert(
        id(&sel, ls[2]),
        Acceptance {
            rationale: "Undecided.".into(),
            ..Acceptance::default()
        },
    );
    assert_eq!(fill_decided(&mut a, &sel, &fields()), 1);
    assert_eq!(a.acceptance[&id(&sel, ls[0])], full, "never overwritten");
    let refused = &a.acceptance[&id(&sel, ls[1])];
    assert_eq!(refused.decision, Decision::NotAccepted);
    assert_eq!(refused.approver, "CTO");
    assert_eq!(refused.date, "2026-11-28");
    assert_eq!(refused.rationale, "Within appetite.");
    let undecided = &a.acceptance[&id(&sel, ls[2])];
    assert_eq!(undecided.approver, "", "undecided threats are not filled");
    assert!(!a.acceptance.contains_key(&id(&sel, ls[3])));
    // Empty bulk fields write nothing; a second pass changes nothing.
    assert_eq!(fill_decided(&mut a, &sel, &Fields::default()), 0);
    assert_eq!(fill_decided(&mut a, &sel, &fields()), 0);
}

#[test]
fn a_decision_is_dated_today_unless_dated() {
    let mut x = Acceptance::default();
    decide(&mut x, Decision::Undecided, "2026-11-28");
    assert_eq!(x.date, "");
    decide(&mut x, Decision::Accepted, "2026-11-28");
    assert_eq!(x.date, "2026-11-28");
    decide(&mut x, Decision::NotAccepted, "2026-12-01");
    assert_eq!(
        (x.decision, x.date.as_str()),
        (Decision::NotAccepted, "2026-11-28")
    );
}

#[test]
fn the_report_shows_a_parents_derived_score() {
    let mut a = blank();
    let sel = a.selection();
    let p = parents(&sel)[0];
    // Its own stored score is ignored.
    a.risk.insert(id(&sel, p), risk(score(1, 1), score(1, 1)));
    for &c in &scored_children(&sel, p) {
        a.risk.insert(id(&sel, c), risk(score(5, 4), score(2, 2)));
    }
    let report = aixa::core::report::model::build(&a, "2026-11-28");
    let row = report
        .risk
        .iter()
        .find(|r| r.section == sel.catalog.threats[p].section)
        .expect("a row for the parent");
    assert_eq!(row.inherent, "5 × 4 = 20 (highest of its sub-threats)");
    assert_eq!(row.residual, "2 × 2 = 4 (highest of its sub-threats)");
}
