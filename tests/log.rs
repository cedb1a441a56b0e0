//! The change log (issue 16): every kind of decision is recorded with who,
//! when, the old and the new value; typing makes one entry; the log
//! travels in links, or the link says it does not.

use aixa::core::answers::Tri;
use aixa::core::assessment::{
    Acceptance, Assessment, ControlPlan, ControlStatus, Decision, Override, Party, Responsibility,
    RiskScore, Score, SignOff, TreatChoice, Treatment, Verification,
};
use aixa::core::codec;
use aixa::core::digest::{digest, signoff_state, SignOffState};
use aixa::core::log::{last_about, record, since_signoff};

fn fixture() -> Assessment {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/assessment-rag-llm.json");
    let text = std::fs::read_to_string(&path).expect("tests/fixtures/assessment-rag-llm.json");
    Assessment::from_json(&text).expect("the fixture loads")
}

/// Applies `change` as `by` at `at`, logging it as the app does.
fn change(a: &mut Assessment, by: &str, at: &str, change: impl FnOnce(&mut Assessment)) {
    let before = a.clone();
    change(a);
    record(before, a, by, at);
}

#[test]
fn each_kind_of_decision_is_logged_with_who_when_and_values() {
    let mut a = fixture();
    a.assessors = vec!["Ana".into(), "Bo".into()];
    let t = "evasion";
    let c = "MONITORUSE";
    type Edit = fn(&mut Assessment);
    let kinds: [(&str, &str, Edit); 9] = [
        ("answers.genai", "answers", |a| {
            let v = if a.answers.get("genai") == Tri::Yes {
                Tri::No
            } else {
                Tri::Yes
            };
            a.answers.set("genai", v);
        }),
        ("overrides.evasion.include", "override", |a| {
            let include = a.overrides.get("evasion").is_none_or(|o| !o.include);
            a.overrides.insert(
                "evasion".into(),
                Override {
                    include,
                    rationale: "A classifier screens input.".into(),
                },
            );
        }),
        ("responsibility.evasion.party", "responsibility", |a| {
            a.responsibility.insert(
                "evasion".into(),
                Responsibility {
                    party: Party::Provider,
                    provider: "Host".into(),
                },
            );
        }),
        ("verification.evasion.note", "verification", |a| {
            a.verification.insert(
                "evasion".into(),
                Verification {
                    note: "SOC 2 report".into(),
                    ..Default::default()
                },
            );
        }),
        ("controls.MONITORUSE.status", "control status", |a| {
            let p = a
                .controls
                .entry("MONITORUSE".into())
                .or_insert_with(ControlPlan::default);
            p.status = if p.status == ControlStatus::Implemented {
                ControlStatus::Planned
            } else {
                ControlStatus::Implemented
            };
        }),
        ("risk.evasion.residual.likelihood", "risk score", |a| {
            a.risk.insert(
                "evasion".into(),
                RiskScore {
                    inherent: Score {
                        likelihood: Some(4),
                        impact: Some(4),
                    },
                    residual: Score {
                        likelihood: Some(2),
                        impact: Some(3),
                    },
                },
            );
        }),
        ("treatment.evasion.choice", "treatment", |a| {
            a.treatment.insert(
                "evasion".into(),
                Treatment {
                    choice: Some(TreatChoice::Mitigate),
                    ..Default::default()
                },
            );
        }),
        ("acceptance.evasion.decision", "acceptance", |a| {
            a.acceptance.insert(
                "evasion".into(),
                Acceptance {
                    decision: Decision::NotAccepted,
                    ..Default::default()
                },
            );
        }),
        ("name", "name", |a| a.name.push_str(" v2")),
    ];
    for (i, (path, kind, edit)) in kinds.into_iter().enumerate() {
        let at = format!("2026-11-28T1{i}:00:00.000Z");
        let by = if i % 2 == 0 { "Ana" } else { "Bo" };
        let n = a.log.len();
        change(&mut a, by, &at, edit);
        assert!(a.log.len() > n, "{kind}: nothing logged");
        let e = a.log[n..]
            .iter()
            .find(|e| e.what == path)
            .unwrap_or_else(|| panic!("{kind}: no entry for {path} in {:?}", &a.log[n..]));
        assert_eq!((e.by.as_str(), e.at.as_str()), (by, at.as_str()), "{kind}");
        assert_ne!(e.old, e.new, "{kind}");
        assert!(!e.new.is_empty() || !e.old.is_empty(), "{kind}");
    }
    // Who last decided something, and when.
    let last = last_about(&a, &format!("acceptance.{t}")).expect("logged");
    assert_eq!(last.what, "acceptance.evasion.decision");
    assert!(last_about(&a, &format!("controls.{c}")).is_some());
    assert!(
        last_about(&a, "controls.MONITOR").is_none(),
        "a prefix stops at a dot"
    );
    // Bookkeeping is not a decision.
    let n = a.log.len();
    change(&mut a, "Ana", "2026-11-28T20:00:00Z", |a| {
        a.revision += 1;
        a.updated = "2026-11-28T20:00:00Z".into();
        a.tool = "aixa 9".into();
    });
    assert_eq!(a.log.len(), n);
}

#[test]
fn typing_in_one_field_is_one_entry_and_a_pause_or_another_field_starts_another() {
    let mut a = fixture();
    let n = a.log.len();
    for (i, text) in ["N", "No", "Not", "Note"].iter().enumerate() {
        let at = format!("2026-11-28T10:0{i}:00Z");
        change(&mut a, "Ana", &at, |a| a.details.scope = (*text).into());
    }
    assert_eq!(a.log.len(), n + 1);
    let e = &a.log[n];
    assert_eq!((e.old.as_str(), e.new.as_str()), ("", "\"Note\""));
    assert_eq!(e.at, "2026-11-28T10:03:00Z");
    // Someone else, another field, or a later hour: new entries.
    change(&mut a, "Bo", "2026-11-28T10:04:00Z", |a| {
        a.details.scope = "Notes".into()
    });
    change(&mut a, "Bo", "2026-11-28T10:05:00Z", |a| {
        a.details.version = "1".into()
    });
    change(&mut a, "Bo", "2026-11-28T12:00:00Z", |a| {
        a.details.version = "2".into()
    });
    assert_eq!(a.log.len(), n + 4);
    // Typed and taken back in one run: no trace.
    change(&mut a, "Bo", "2026-11-28T12:01:00Z", |a| {
        a.details.description = "x".into()
    });
    change(&mut a, "Bo", "2026-11-28T12:02:00Z", |a| {
        a.details.description = String::new()
    });
    assert_eq!(a.log.len(), n + 4);
}

#[test]
fn what_changed_since_the_sign_off_is_what_was_logged_after_it() {
    let mut a = fixture();
    change(&mut a, "Ana", "2026-11-28T09:00:00Z", |a| a.name.push('!'));
    a.signoff = Some(SignOff {
        by: "CISO".into(),
        date: "2026-11-28".into(),
        statement: "Acceptable.".into(),
        at: "2026-11-28T09:30:00Z".into(),
        ..SignOff::default()
    });
    let d = digest(&a);
    if let Some(s) = a.signoff.as_mut() {
        s.digest = d;
    }
    assert_eq!(signoff_state(&a), SignOffState::Current);
    assert_eq!(since_signoff(&a).map(|v| v.len()), Some(0));
    change(&mut a, "Ana", "2026-11-28T10:00:00Z", |a| {
        a.acceptance
            .get_mut("indirectpromptinjection")
            .expect("an acceptance")
            .decision = Decision::Accepted;
    });
    assert_eq!(signoff_state(&a), SignOffState::Changed);
    let since = since_signoff(&a).expect("a signed record");
    assert_eq!(since.len(), 1);
    assert_eq!(since[0].what, "acceptance.indirectpromptinjection.decision");
    assert_eq!(
        (since[0].old.as_str(), since[0].new.as_str()),
        ("\"not_accepted\"", "\"accepted\"")
    );
}

#[test]
fn the_log_travels_in_a_link_or_the_link_says_it_does_not() {
    let mut a = fixture();
    change(&mut a, "Ana", "2026-11-28T09:00:00Z", |a| a.name.push('!'));
    let (b, omitted) = codec::decode_noting(&codec::encode(&a), "r".into(), "2026-11-29T00:00:00Z")
        .expect("decodes");
    assert!(!omitted);
    assert_eq!(b.log, a.log);
    assert_eq!(digest(&b), digest(&a));
    // A log too long for a link: left out, and said so.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..400 {
        let at = format!(
            "2026-{:02}-{:02}T{:02}:00:00Z",
            1 + i / 700,
            1 + i / 24 % 28,
            i % 24
        );
        // Words that do not compress away.
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        change(&mut a, "Ana", &at, |a| {
            a.details.scope = format!("Scope {x:x}")
        });
    }
    let link = codec::link("https://example.org/aixa/", &a);
    assert!(link.len() <= codec::MAX_LINK_CHARS, "{}", link.len());
    let payload =
        codec::payload_of(link.split_once('#').expect("a fragment").1).expect("a payload");
    let (b, omitted) =
        codec::decode_noting(payload, "r".into(), "2026-11-29T00:00:00Z").expect("decodes");
    assert!(omitted);
    assert!(b.log.is_empty());
    assert_eq!(b.details.scope, a.details.scope);
}
