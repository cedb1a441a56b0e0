//! Upgrading a 2024-01 assessment to 2026-08: every lineage relation on a
//! fixture that decides on every 2024-01 threat and control, redundant
//! overrides, and `aixa migrate` as a pipeline runs it.
#![cfg(not(target_arch = "wasm32"))]

use aixa::core::answers::{Answers, Tri};
use aixa::core::assessment::{
    Acceptance, Assessment, Assurance, ControlPlan, ControlStatus, Decision, Override, Party,
    Responsibility, RiskScore, Score, Verification,
};
use aixa::core::catalog::Catalog;
use aixa::core::edition::Edition;
use aixa::core::engine::Verdict;
use aixa::core::lineage::{Carry, Lineage, Relation, Step};
use aixa::core::upgrade::{upgrade, History, Item, Outcome, Review, Subject, UpgradeError};
#[path = "common/cli.rs"]
mod cli;

use cli::aixa;
use std::collections::BTreeSet;

const NOW: &str = "2026-09-01T10:00:00Z";

fn old() -> &'static Catalog {
    Catalog::by_edition("2024-01").expect("2024-01 is embedded")
}

fn new() -> Edition {
    Edition::find("2026-08").expect("2026-08 is embedded")
}

fn lineage() -> &'static Lineage {
    Lineage::between("2024-01", "2026-08").expect("a lineage from 2024-01 to 2026-08")
}

/// A 2024-01 assessment with a decision of every kind on every threat and
/// control, each tagged with the id it was made on, and every question
/// answered.
fn everything() -> Assessment {
    let catalog = old();
    let mut a = Assessment::new(
        catalog,
        "all-ids".into(),
        "Every id".into(),
        "2026-01-05T08:00:00Z",
    );
    a.updated = "2026-02-01T08:00:00Z".into();
    a.details.assessor = "A. Assessor".into();
    a.answers = Answers::from_json(
        catalog,
        r#"{"rag": true, "rag_data_sensitive": true, "trains": true,
            "train_data_sensitive": true, "genai": true, "llm": true,
            "input_sensitive": false, "hosted": ["model", "infrastructure"]}"#,
    )
    .expect("answers");
    for (i, t) in catalog.threats.iter().enumerate() {
        let id = t.id.to_string();
        let level = |k: usize| Some(u8::try_from(k % 5 + 1).expect("1-5"));
        a.overrides.insert(
            id.clone(),
            Override {
                include: i % 2 == 0,
                rationale: format!("override of {id}"),
            },
        );
        a.responsibility.insert(
            id.clone(),
            Responsibility {
                party: Party::Provider,
                provider: id.clone(),
            },
        );
        a.verification.insert(
            id.clone(),
            Verification {
                status: Assurance::Requested,
                note: id.clone(),
                ..Verification::default()
            },
        );
        a.risk.insert(
            id.clone(),
            RiskScore {
                inherent: Score {
                    likelihood: level(i),
                    impact: level(i + 1),
                },
                residual: Score {
                    likelihood: level(i + 2),
                    impact: None,
                },
            },
        );
        a.acceptance.insert(
            id.clone(),
            Acceptance {
                decision: Decision::Accepted,
                rationale: id.clone(),
                ..Acceptance::default()
            },
        );
    }
    for c in catalog.controls {
        a.controls.insert(
            c.id.to_string(),
            ControlPlan {
                status: ControlStatus::NotApplicable,
                rationale: format!("not for {}", c.id),
                notes: c.id.to_string(),
                ..ControlPlan::default()
            },
        );
    }
    a.validate()
        .expect("the fixture is a valid 2024-01 assessment");
    a
}

fn run(a: &Assessment) -> (Assessment, Review) {
    upgrade(a, new(), "upgraded".into(), NOW).expect("2024-01 upgrades to 2026-08")
}

fn history(n: &Assessment) -> &History {
    let h = n.history.last().expect("the upgrade is recorded");
    assert_eq!(h.edition, "2024-01");
    h
}

fn items<'r>(review: &'r Review, subject: Subject, from: &str) -> Vec<&'r Item> {
    review
        .items
        .iter()
        .filter(|i| i.subject == subject && i.from == from)
        .collect()
}

/// The one item for `from` whose outcome is `outcome`.
fn item<'r>(review: &'r Review, subject: Subject, from: &str, outcome: Outcome) -> &'r Item {
    let found: Vec<&Item> = items(review, subject, from)
        .into_iter()
        .filter(|i| i.outcome == outcome)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{} {from}: one {outcome:?} item expected in\n{review}",
        subject.label()
    );
    found[0]
}

/// Checks the five threat decisions of `from` against where its step says
/// they go.
fn check_threat(a: &Assessment, n: &Assessment, review: &Review, step: &Step) {
    let from = step.from;
    let h = history(n);
    match step.carry {
        Carry::All => {
            let to = step.to[0];
            let carried = item(review, Subject::Threat, from, Outcome::Carried);
            assert_eq!(carried.to, [to], "{from}");
            assert_eq!(
                n.responsibility.get(to),
                a.responsibility.get(from),
                "{from}"
            );
            assert_eq!(n.verification.get(to), a.verification.get(from), "{from}");
            assert_eq!(n.risk.get(to), a.risk.get(from), "{from}");
            assert_eq!(n.acceptance.get(to), a.acceptance.get(from), "{from}");
            let old = &a.overrides[from];
            match n.overrides.get(to) {
                Some(o) => {
                    assert_eq!(o, old, "{from}");
                    assert!(carried.decisions.contains(&"override"), "{from}");
                    assert!(!h.overrides.contains_key(from), "{from}");
                }
                None => {
                    // Dropped only where the new rules already say so.
                    let dropped = item(review, Subject::Threat, from, Outcome::Dropped);
                    assert_eq!(dropped.to, [to]);
                    assert_eq!(h.overrides.get(from), Some(old), "{from}");
                    let verdict = n.selection().verdict_of(to).expect("threat").verdict;
                    let intent = if old.include {
                        Verdict::Applicable
                    } else {
                        Verdict::NotApplicable
                    };
                    assert_eq!(verdict, intent, "{from}: dropped, yet not redundant");
                }
            }
            for field in [
                h.responsibility.contains_key(from),
                h.verification.contains_key(from),
                h.risk.contains_key(from),
                h.acceptance.contains_key(from),
            ] {
                assert!(!field, "{from}: carried, yet also in the history");
            }
        }
        Carry::Suggest | Carry::None => {
            let outcome = if step.carry == Carry::Suggest {
                Outcome::NeedsPerson
            } else {
                Outcome::Retired
            };
            let it = items(review, Subject::Threat, from)
                .into_iter()
                .find(|i| i.outcome == outcome && i.to == step.to)
                .unwrap_or_else(|| panic!("{from}: no {outcome:?} item\n{review}"));
            assert_eq!(
                it.decisions,
                [
                    "override",
                    "responsibility",
                    "verification",
                    "risk",
                    "acceptance"
                ]
            );
            // Offered, never applied: the successors hold nothing of it.
            for to in step.to {
                assert!(!n.overrides.contains_key(*to), "{from} applied to {to}");
                assert!(
                    !n.responsibility.contains_key(*to),
                    "{from} applied to {to}"
                );
                assert!(!n.verification.contains_key(*to), "{from} applied to {to}");
                assert!(!n.risk.contains_key(*to), "{from} applied to {to}");
                assert!(!n.acceptance.contains_key(*to), "{from} applied to {to}");
            }
            assert_eq!(h.overrides.get(from), a.overrides.get(from), "{from}");
            assert_eq!(
                h.responsibility.get(from),
                a.responsibility.get(from),
                "{from}"
            );
            assert_eq!(h.verification.get(from), a.verification.get(from), "{from}");
            assert_eq!(h.risk.get(from), a.risk.get(from), "{from}");
            assert_eq!(h.acceptance.get(from), a.acceptance.get(from), "{from}");
        }
    }
    check_also(n, review, Subject::Threat, step);
}

fn check_control(a: &Assessment, n: &Assessment, review: &Review, step: &Step) {
    let from = step.from;
    let h = history(n);
    let plan = &a.controls[from];
    match step.carry {
        Carry::All => {
            let it = item(review, Subject::Control, from, Outcome::Carried);
            assert_eq!(it.to, step.to);
            assert_eq!(n.controls.get(step.to[0]), Some(plan), "{from}");
            assert!(!h.controls.contains_key(from), "{from}");
        }
        Carry::Suggest => {
            let it = items(review, Subject::Control, from)
                .into_iter()
                .find(|i| i.outcome == Outcome::NeedsPerson && i.to == step.to)
                .unwrap_or_else(|| panic!("{from}: not offered\n{review}"));
            assert_eq!(it.decisions, ["control"]);
            for to in step.to {
                assert!(!n.controls.contains_key(*to), "{from} applied to {to}");
            }
            assert_eq!(h.controls.get(from), Some(plan), "{from}");
        }
        Carry::None => {
            let it = item(review, Subject::Control, from, Outcome::Retired);
            assert!(it.to.is_empty());
            assert!(it.reason.contains("kept as history"), "{}", it.reason);
            assert_eq!(h.controls.get(from), Some(plan), "{from}");
        }
    }
    check_also(n, review, Subject::Control, step);
}

/// `also`: the new items that took part of the old one are offered its
/// decisions, unless they hold their own.
fn check_also(n: &Assessment, review: &Review, subject: Subject, step: &Step) {
    let decided = |id: &str| match subject {
        Subject::Control => n.controls.contains_key(id),
        _ => {
            n.overrides.contains_key(id)
                || n.responsibility.contains_key(id)
                || n.verification.contains_key(id)
                || n.risk.contains_key(id)
                || n.acceptance.contains_key(id)
        }
    };
    let open: Vec<&str> = step
        .also
        .iter()
        .copied()
        .filter(|id| !decided(id))
        .collect();
    let offers: Vec<&Item> = items(review, subject, step.from)
        .into_iter()
        .filter(|i| i.reason.starts_with("part of it is now"))
        .collect();
    if open.is_empty() {
        assert!(
            offers.is_empty(),
            "{}: nothing to offer\n{review}",
            step.from
        );
    } else {
        assert_eq!(
            offers.len(),
            1,
            "{}: its `also` is not in the review\n{review}",
            step.from
        );
        assert_eq!(offers[0].outcome, Outcome::NeedsPerson);
        assert_eq!(offers[0].to, open, "{}", step.from);
    }
}

#[test]
fn every_lineage_relation_lands_where_the_lineage_says() {
    let a = everything();
    let (n, review) = run(&a);
    let l = lineage();
    let mut relations = BTreeSet::new();
    assert_eq!(l.threats.len(), old().threats.len());
    assert_eq!(l.controls.len(), old().controls.len());
    for t in old().threats {
        let step = l.threat(t.id).expect("every 2024-01 threat has a step");
        relations.insert(step.relation.as_str());
        check_threat(&a, &n, &review, step);
    }
    for c in old().controls {
        let step = l.control(c.id).expect("every 2024-01 control has a step");
        relations.insert(step.relation.as_str());
        check_control(&a, &n, &review, step);
    }
    let all: BTreeSet<&str> = [
        Relation::Same,
        Relation::Moved,
        Relation::Renamed,
        Relation::Split,
        Relation::Merged,
        Relation::Broadened,
        Relation::Removed,
    ]
    .iter()
    .map(|r| r.as_str())
    .collect();
    assert_eq!(relations, all, "the fixture exercises every relation");
}

#[test]
fn nothing_is_dropped_silently() {
    let a = everything();
    let (n, review) = run(&a);
    let h = history(&n);
    let l = lineage();
    // Each threat decision is in force under a successor, or in the history
    // under its own id; never both, never neither.
    for t in old().threats {
        let step = l.threat(t.id).expect("step");
        let successor = step.to.first().copied().unwrap_or_default();
        let in_force = |held: bool| held && step.carry == Carry::All;
        let pairs = [
            (
                in_force(n.overrides.get(successor) == a.overrides.get(t.id)),
                h.overrides.contains_key(t.id),
            ),
            (
                in_force(n.responsibility.get(successor) == a.responsibility.get(t.id)),
                h.responsibility.contains_key(t.id),
            ),
            (
                in_force(n.verification.get(successor) == a.verification.get(t.id)),
                h.verification.contains_key(t.id),
            ),
            (
                in_force(n.risk.get(successor) == a.risk.get(t.id)),
                h.risk.contains_key(t.id),
            ),
            (
                in_force(n.acceptance.get(successor) == a.acceptance.get(t.id)),
                h.acceptance.contains_key(t.id),
            ),
        ];
        for (k, (carried, kept)) in pairs.into_iter().enumerate() {
            assert!(
                carried != kept,
                "{} decision {k}: carried {carried}, kept {kept}",
                t.id
            );
        }
        assert!(
            !items(&review, Subject::Threat, t.id).is_empty(),
            "{} is not in the review",
            t.id
        );
    }
    for c in old().controls {
        let step = l.control(c.id).expect("step");
        let carried =
            step.carry == Carry::All && n.controls.get(step.to[0]) == a.controls.get(c.id);
        assert!(carried != h.controls.contains_key(c.id), "{}", c.id);
        assert!(
            !items(&review, Subject::Control, c.id).is_empty(),
            "{}",
            c.id
        );
    }
    // Every answer is carried or kept.
    let given = a.answers.to_json_value();
    let now = n.answers.to_json_value();
    let kept = h.answers.to_json_value();
    for q in old().questions {
        let step = l.question(q.id).expect("every 2024-01 question has a step");
        let value = &given[q.id];
        match step.carry {
            Carry::All => assert_eq!(&now[step.to[0]], value, "{}", q.id),
            _ => assert_eq!(&kept[q.id], value, "{}", q.id),
        }
        assert_eq!(items(&review, Subject::Question, q.id).len(), 1, "{}", q.id);
    }
    // Every 2026-08 threat and control that is nobody's successor is shown.
    for id in l.new_threats.iter().chain(l.new_controls) {
        assert!(
            review
                .items
                .iter()
                .any(|i| i.outcome == Outcome::NeedsPerson && i.from.is_empty() && i.to == [*id]),
            "new {id} is not in the review"
        );
    }
}

#[test]
fn the_new_assessment_is_a_valid_2026_08_one_and_the_original_is_untouched() {
    let a = everything();
    let before = a.clone();
    let (n, review) = run(&a);
    assert_eq!(a, before);
    assert_eq!(n.edition, "2026-08");
    assert_eq!(n.id, "upgraded");
    assert_eq!(n.name, "Every id (2026-08)");
    assert_eq!(n.created, a.created, "the work began when the original did");
    assert_eq!((n.updated.as_str(), n.copied.as_str()), (NOW, NOW));
    assert_eq!(n.revision, 0);
    assert_eq!(n.details, a.details);
    let h = history(&n);
    assert_eq!((h.from.as_str(), h.upgraded.as_str()), ("all-ids", NOW));
    let back = Assessment::from_json(&n.to_json()).expect("the JSON loads again");
    assert_eq!(back, n);
    // Answers with the same meaning carry; the rest wait for a person.
    let new = new().catalog();
    for (q, want) in [
        ("genai", Tri::Yes),
        ("trains", Tri::Yes),
        ("train_data_sensitive", Tri::Yes),
        ("input_sensitive", Tri::No),
        ("augments_input", Tri::Unknown),
        ("augmentation_sensitive", Tri::Unknown),
        ("untrusted_input", Tri::Unknown),
    ] {
        assert!(new.question(q).is_some(), "{q}");
        assert_eq!(n.answers.get(q), want, "{q}");
    }
    assert_eq!(n.answers.components("hosted"), ["model", "infrastructure"]);
    for q in ["rag", "rag_data_sensitive", "llm"] {
        assert_eq!(h.answers.get(q), Tri::Yes, "{q} is kept");
    }
    let rag = item(&review, Subject::Question, "rag", Outcome::NeedsPerson);
    assert_eq!(rag.to, ["augments_input", "augmentation_stored"]);
    item(&review, Subject::Question, "llm", Outcome::Retired);
    // New questions the profile shows are asked for.
    assert!(review.items.iter().any(|i| i.subject == Subject::Question
        && i.from.is_empty()
        && i.to == ["untrusted_input"]));
}

#[test]
fn overrides_the_new_rules_make_redundant_are_dropped_and_kept_as_history() {
    let catalog = old();
    let mut a = Assessment::new(catalog, "o".into(), "Overrides".into(), NOW);
    a.answers.set("trains", Tri::No);
    let mut put = |id: &str, include: bool| {
        a.overrides.insert(
            id.into(),
            Override {
                include,
                rationale: format!("{id} {include}"),
            },
        );
    };
    // 2026-08: always applies; include is redundant.
    put("genericsecthreats", true);
    // 2026-08: applies only when you train; you don't: exclude is redundant.
    put("devcodeleak", false);
    // 2026-08: always applies; excluding it departs from the rules.
    put("runtimemodelpoison", false);
    // 2026-08: unknown until the new question is answered; kept.
    put("evasion", true);
    let (n, review) = run(&a);
    let h = history(&n);
    let kept: Vec<&String> = n.overrides.keys().collect();
    assert_eq!(kept, ["evasion", "runtimemodelpoison"]);
    for id in ["genericsecthreats", "devcodeleak"] {
        assert_eq!(h.overrides.get(id), a.overrides.get(id), "{id}");
        let dropped = item(&review, Subject::Threat, id, Outcome::Dropped);
        assert_eq!(dropped.decisions, ["override"]);
        assert!(dropped.reason.contains("redundant"), "{}", dropped.reason);
        // Its only decision was the override: nothing else is listed as carried.
        assert!(items(&review, Subject::Threat, id)
            .iter()
            .all(|i| i.outcome == Outcome::Dropped));
    }
    assert_eq!(review.count(Outcome::Dropped), 2);
    item(&review, Subject::Threat, "evasion", Outcome::Carried);
}

#[test]
fn a_control_kept_under_an_alias_is_carried_by_its_own_id() {
    let catalog = old();
    let mut a = Assessment::new(catalog, "x".into(), "Alias".into(), NOW);
    let plan = |notes: &str| ControlPlan {
        status: ControlStatus::Planned,
        notes: notes.into(),
        ..ControlPlan::default()
    };
    // The 2024-01 text misspells AITRANSPARENCY; aixa reads either.
    a.controls.insert("AITRANSPRENCY".into(), plan("alias"));
    a.controls
        .insert("POISIONROBUSTMODEL".into(), plan("alias 2"));
    a.controls
        .insert("POISONROBUSTMODEL".into(), plan("own id"));
    a.validate().expect("aliases are valid keys");
    let (n, review) = run(&a);
    assert_eq!(n.controls["AITRANSPARENCY"], plan("alias"));
    assert_eq!(n.controls["POISONROBUSTMODEL"], plan("own id"));
    let h = history(&n);
    assert_eq!(h.controls.get("POISIONROBUSTMODEL"), Some(&plan("alias 2")));
    let it = item(
        &review,
        Subject::Control,
        "POISIONROBUSTMODEL",
        Outcome::NeedsPerson,
    );
    assert_eq!(it.to, ["POISONROBUSTMODEL"]);
}

#[test]
fn only_a_known_way_forward_is_taken() {
    let a = everything();
    let (n, _) = run(&a);
    assert_eq!(
        upgrade(&n, new(), "again".into(), NOW),
        Err(UpgradeError::SameEdition("2026-08".into()))
    );
    let back = upgrade(
        &n,
        Edition::find("2024-01").expect("2024-01"),
        "b".into(),
        NOW,
    );
    assert!(
        matches!(back, Err(UpgradeError::NoLineage { .. })),
        "{back:?}"
    );
    let message = back.expect_err("refused").to_string();
    assert!(
        message.contains("2026-08 to edition 2024-01") && message.contains("2024-01 to 2026-08"),
        "{message}"
    );
}

#[test]
fn a_history_naming_an_id_its_edition_lacks_is_refused() {
    let (n, _) = run(&everything());
    let mut bad = n.clone();
    if let Some(h) = bad.history.last_mut() {
        h.controls
            .insert("NOSUCHCONTROL".into(), ControlPlan::default());
    }
    let err = Assessment::from_json(&bad.to_json()).expect_err("refused");
    assert!(err.to_string().contains("NOSUCHCONTROL"), "{err}");
}

// --- aixa migrate -------------------------------------------------------------

fn fixture_path() -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/assessment-rag-llm.json")
        .display()
        .to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn migrate_prints_a_valid_2026_08_assessment_and_the_review() {
    let out = aixa(&["migrate", &fixture_path(), "--to", "2026-08"], "");
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let n = Assessment::from_json(&text(&out.stdout)).expect("stdout is a valid assessment");
    assert_eq!(n.edition, "2026-08");
    assert_eq!(n.id, "fixture-rag-llm-2026-08");
    assert_eq!(n.history.len(), 1);
    let mut lines = stderr.lines();
    assert!(
        lines
            .next()
            .is_some_and(|l| l.starts_with("Upgrade from 2024-01 to 2026-08: ")),
        "{stderr}"
    );
    for line in lines {
        assert!(
            ["carried: ", "needs a person: ", "retired: ", "dropped: "]
                .iter()
                .any(|p| line.starts_with(p)),
            "{line}"
        );
    }
    assert!(
        stderr.contains("carried: threat directpromptinjection → directpromptinjection"),
        "{stderr}"
    );
    assert!(stderr.contains("retired: question llm"), "{stderr}");
}

#[test]
fn migrate_reads_standard_input_and_reports_every_kind_of_outcome() {
    let out = aixa(
        &["migrate", "-", "--to", "2026-08"],
        &everything().to_json(),
    );
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    Assessment::from_json(&text(&out.stdout)).expect("stdout is a valid assessment");
    for want in [
        "needs a person: threat closedboxevasion → zeroknowledgeevasion, transferattack",
        "needs a person: control DEVDATAPROTECT → DEVSECURITY",
        "retired: control FILTERSENSITIVETRAINDATA",
        "carried: control FEDERATIVELEARNING → FEDERATEDLEARNING",
        "dropped: threat ",
        "needs a person: new threat agentescape",
    ] {
        assert!(stderr.contains(want), "{want:?} missing from\n{stderr}");
    }
}

#[test]
fn migrate_refuses_bad_input_with_exit_status_2() {
    let upgraded = text(&aixa(&["migrate", &fixture_path(), "--to", "2026-08"], "").stdout);
    let unknown_threat = std::fs::read_to_string(fixture_path())
        .expect("fixture")
        .replace(
            "\"directpromptinjection\": { \"party\"",
            "\"nosuchthreat\": { \"party\"",
        );
    assert!(unknown_threat.contains("nosuchthreat"));
    let missing = std::env::temp_dir().join("aixa-no-such-file.json");
    let missing = missing.display().to_string();
    let cases: [(&[&str], &str, &str); 6] = [
        (&["migrate", &missing, "--to", "2026-08"], "", "cannot read"),
        (&["migrate", "-", "--to", "2026-08"], "{", "not valid JSON"),
        (
            &["migrate", "-", "--to", "2026-08"],
            &unknown_threat,
            "nosuchthreat",
        ),
        (
            &["migrate", &fixture_path(), "--to", "1999-01"],
            "",
            "unknown edition \"1999-01\"",
        ),
        (
            &["migrate", "-", "--to", "2026-08"],
            &upgraded,
            "already uses edition 2026-08",
        ),
        (
            &["migrate", "-", "--to", "2024-01"],
            &upgraded,
            "cannot upgrade",
        ),
    ];
    for (args, stdin, want) in cases {
        let out = aixa(args, stdin);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(stderr.starts_with("aixa: error: "), "{stderr}");
        assert!(
            stderr.contains(want),
            "{args:?}: {want:?} missing from {stderr}"
        );
    }
    // Without --to, clap refuses the command line, also with 2.
    assert_eq!(
        aixa(&["migrate", &fixture_path()], "").status.code(),
        Some(2)
    );
}

#[test]
fn the_json_schema_file_describes_the_history() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/assessment.schema.json"),
        )
        .expect("schema file"),
    )
    .expect("schema is JSON");
    let (n, _) = run(&everything());
    let json: serde_json::Value = serde_json::from_str(&n.to_json()).expect("JSON");
    for key in json.as_object().expect("object").keys() {
        assert!(schema["properties"].get(key).is_some(), "{key}");
    }
    let item = &schema["properties"]["history"]["items"]["properties"];
    for h in json["history"].as_array().expect("history") {
        for key in h.as_object().expect("object").keys() {
            assert!(item.get(key).is_some(), "history.{key}");
        }
    }
}
