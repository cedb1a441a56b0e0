//! Control plans in bulk: owner and due date per group, never overwriting,
//! and the train-only controls offered as not applicable when you don't
//! train.

mod common;

use aixa::core::answers::Tri;
use aixa::core::assessment::{ControlPlan, ControlStatus};
use aixa::core::controls_bulk::{
    apply_owner_due, mark_not_applicable, train_only_offer, TRAINS, TRAIN_ONLY_REASON,
};
use aixa::core::dashboard::control_layout;
use common::catalog;
use common::reference::fixture;

const NAMED: [&str; 7] = [
    "MORETRAINDATA",
    "TRAINDATADISTORTION",
    "POISONROBUSTMODEL",
    "FEDERATIVELEARNING",
    "MODELENSEMBLE",
    "ADVERSARIALROBUSTDISTILLATION",
    "TRAINADVERSARIAL",
];

#[test]
fn the_catalog_marks_the_training_controls() {
    let c = catalog();
    for id in NAMED {
        let k = c.controls.iter().find(|k| k.id == id).expect(id);
        assert!(k.only_when_training, "{id}");
    }
    for id in [
        "RATELIMIT",
        "MONITORUSE",
        "PROMPTINPUTVALIDATION",
        "SUPPLYCHAINMANAGE",
    ] {
        let k = c.controls.iter().find(|k| k.id == id).expect(id);
        assert!(!k.only_when_training, "{id}");
    }
    for k in c.controls.iter().filter(|k| k.only_when_training) {
        assert_eq!(k.lifecycle, "development", "{}", k.id);
    }
}

#[test]
fn owner_and_due_go_only_to_planned_controls_that_lack_them() {
    let mut a = fixture();
    a.controls.clear();
    let s = a.selection();
    let (_, group) = control_layout(&s).remove(0);
    assert!(group.len() >= 4);
    let id = |i: usize| catalog().controls[group[i]].id.to_string();
    let planned = |owner: &str, due: &str| ControlPlan {
        status: ControlStatus::Planned,
        owner: owner.into(),
        due: due.into(),
        ..Default::default()
    };
    a.controls.insert(id(0), planned("", ""));
    a.controls.insert(id(1), planned("Data team", ""));
    a.controls.insert(id(2), planned("Data team", "2027-01-31"));
    a.controls.insert(
        id(3),
        ControlPlan {
            status: ControlStatus::Implemented,
            ..Default::default()
        },
    );
    let n = apply_owner_due(&mut a, &group, "Security team", "2027-03-31");
    assert_eq!(n, 2);
    assert_eq!(a.controls[&id(0)], planned("Security team", "2027-03-31"));
    assert_eq!(a.controls[&id(1)], planned("Data team", "2027-03-31"));
    assert_eq!(a.controls[&id(2)], planned("Data team", "2027-01-31"));
    assert_eq!(a.controls[&id(3)].owner, "", "not planned: untouched");
    assert_eq!(
        apply_owner_due(&mut a, &group, "Security team", "2027-03-31"),
        0
    );
    assert_eq!(apply_owner_due(&mut a, &group, " ", ""), 0);
}

#[test]
fn train_only_controls_are_offered_only_when_you_dont_train() {
    let mut a = fixture();
    a.controls.clear();
    let s = a.selection();
    let offer = train_only_offer(&a, &s);
    let selected: Vec<usize> = s.controls.iter().map(|x| x.control).collect();
    let expected: Vec<usize> = selected
        .iter()
        .copied()
        .filter(|&c| catalog().controls[c].only_when_training)
        .collect();
    assert!(!offer.is_empty(), "the fixture selects some");
    assert_eq!(offer, expected);

    // One decided already is not offered, nor changed.
    let first = catalog().controls[offer[0]].id.to_string();
    a.controls.insert(
        first.clone(),
        ControlPlan {
            status: ControlStatus::Planned,
            ..Default::default()
        },
    );
    let rest = train_only_offer(&a, &s);
    assert_eq!(rest, offer[1..]);
    assert_eq!(
        mark_not_applicable(&mut a, &offer, "  "),
        0,
        "a reason is required"
    );
    assert_eq!(
        mark_not_applicable(&mut a, &offer, TRAIN_ONLY_REASON),
        offer.len() - 1
    );
    assert_eq!(a.controls[&first].status, ControlStatus::Planned);
    for &c in &rest {
        let p = &a.controls[catalog().controls[c].id];
        assert_eq!(p.status, ControlStatus::NotApplicable);
        assert_eq!(p.rationale, TRAIN_ONLY_REASON);
    }
    assert!(train_only_offer(&a, &a.selection()).is_empty());
    // They stay selected.
    let after: Vec<usize> = a.selection().controls.iter().map(|x| x.control).collect();
    assert_eq!(after, selected);

    // When you train, or haven't said, nothing is offered.
    let mut b = fixture();
    b.controls.clear();
    for v in [Tri::Yes, Tri::Unknown] {
        b.answers.set(TRAINS, v);
        assert!(train_only_offer(&b, &b.selection()).is_empty(), "{v:?}");
    }
}
