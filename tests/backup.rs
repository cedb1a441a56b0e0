//! "Back up everything" and restoring it: nothing lost, nothing replaced
//! without asking.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use aixa::core::assessment::Assessment;
use aixa::core::backup::{self, BackupError, Differs, Plan};
use common::reference::fixture;

fn three() -> Vec<Assessment> {
    let a = fixture();
    let mut b = a.clone();
    b.id = "second".into();
    b.name = "Second".into();
    let mut c = a.clone();
    c.id = "third".into();
    c.name = "Third".into();
    c.revision = 9;
    vec![a, b, c]
}

#[test]
fn a_backup_holds_every_assessment_and_reads_back_identical() {
    let all = three();
    let text = backup::write(&all, "2026-11-28T10:00:00Z");
    assert!(backup::is_backup(&text));
    assert!(
        !backup::is_backup(&all[0].to_json()),
        "an assessment is not a backup"
    );
    let back = backup::read(&text).expect("reads");
    assert_eq!(back.made, "2026-11-28T10:00:00Z");
    assert_eq!(back.assessments, all);
    assert!(back.unreadable.is_empty());
}

#[test]
fn restoring_into_an_empty_browser_adds_everything_as_it_was() {
    let all = three();
    let restored = backup::plan(&[], backup::read(&backup::write(&all, "t")).expect("reads"));
    assert_eq!(
        restored,
        Plan {
            add: all,
            unchanged: 0,
            differ: vec![]
        }
    );
}

#[test]
fn restoring_adds_what_is_missing_and_asks_about_what_differs() {
    let all = three();
    let file = backup::write(&all, "t");
    // Here: the first unchanged, the second changed since (newer), the third
    // gone.
    let mut newer = all[1].clone();
    newer.name = "Second, renamed".into();
    newer.revision += 1;
    newer.updated = "2026-12-01T00:00:00Z".into();
    let local = vec![all[0].clone(), newer.clone()];
    let p = backup::plan(&local, backup::read(&file).expect("reads"));
    assert_eq!(p.unchanged, 1);
    assert_eq!(p.add, vec![all[2].clone()]);
    assert_eq!(
        p.differ,
        vec![Differs {
            local: newer,
            backup: all[1].clone()
        }]
    );
    assert!(p.differ[0].local_is_newer());
}

#[test]
fn entries_this_version_cannot_read_are_named_and_the_rest_restored() {
    let all = three();
    let file = backup::write(&all, "t");
    let mut value: serde_json::Value = serde_json::from_str(&file).expect("JSON");
    value["assessments"][1]["edition"] = "2099-01".into();
    let back = backup::read(&value.to_string()).expect("the backup still reads");
    assert_eq!(back.assessments.len(), 2);
    assert_eq!(back.unreadable.len(), 1);
    assert!(
        back.unreadable[0].contains("entry 2 (“Second”)"),
        "{:?}",
        back.unreadable
    );
    assert!(
        back.unreadable[0].contains("\"2099-01\""),
        "{:?}",
        back.unreadable
    );
}

#[test]
fn a_file_that_is_no_backup_or_a_newer_one_is_refused_by_name() {
    assert!(matches!(backup::read("{"), Err(BackupError::NotJson(_))));
    assert_eq!(
        backup::read(r#"{"aixa_backup": 7, "assessments": []}"#),
        Err(BackupError::NewerVersion(7))
    );
    assert_eq!(
        backup::read(r#"{"aixa_backup": 1}"#),
        Err(BackupError::NoAssessments)
    );
    assert!(BackupError::NewerVersion(7)
        .to_string()
        .contains("newer version of aixa"));
}

#[test]
fn changes_in_no_file_for_a_week_earn_a_nudge() {
    let mut all = three();
    for (a, updated) in all.iter_mut().zip([
        "2026-11-01T09:00:00Z",
        "2026-11-20T09:00:00Z",
        "2026-11-27T09:00:00Z",
    ]) {
        a.updated = updated.into();
    }
    let nothing: Vec<(String, String)> = vec![];
    assert_eq!(backup::unexported(&all, &nothing).len(), 3);
    assert_eq!(backup::nudge(&all, &nothing, "2026-11-28"), Some(27));
    // The oldest was exported after its change: the next oldest counts.
    let first = vec![(all[0].id.clone(), "2026-11-02T00:00:00Z".to_string())];
    assert_eq!(backup::unexported(&all, &first).len(), 2);
    assert_eq!(backup::nudge(&all, &first, "2026-11-28"), Some(8));
    // Six days is not yet a week.
    assert_eq!(backup::nudge(&all, &first, "2026-11-26"), None);
    // Changed again after its export: in no file once more.
    all[0].updated = "2026-11-03T00:00:00Z".into();
    assert_eq!(backup::unexported(&all, &first).len(), 3);
    // Everything backed up.
    let every: Vec<(String, String)> = all
        .iter()
        .map(|a| (a.id.clone(), "2026-11-28T00:00:00Z".to_string()))
        .collect();
    assert!(backup::unexported(&all, &every).is_empty());
    assert_eq!(backup::nudge(&all, &every, "2026-12-28"), None);
}
