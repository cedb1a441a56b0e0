//! The content digest (issue 16): stable under how the file is written,
//! moved by any decision, and checked by `aixa verify`.

use aixa::core::answers::Tri;
use aixa::core::assessment::{Assessment, SignOff};
use aixa::core::digest::{canonical, digest, signoff_state, SignOffState};
use serde_json::Value;
use std::process::Command;

fn fixture_text() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/assessment-rag-llm.json");
    std::fs::read_to_string(&path).expect("tests/fixtures/assessment-rag-llm.json")
}

fn fixture() -> Assessment {
    Assessment::from_json(&fixture_text()).expect("the fixture loads")
}

/// `value` with every object's keys in reverse order, compact.
fn reversed(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let fields: Vec<String> = map
                .iter()
                .rev()
                .map(|(k, v)| format!("{}:{}", Value::String(k.clone()), reversed(v)))
                .collect();
            format!("{{{}}}", fields.join(","))
        }
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(reversed).collect::<Vec<_>>().join(",")
        ),
        other => other.to_string(),
    }
}

#[test]
fn key_order_whitespace_and_defaults_do_not_change_the_digest() {
    let text = fixture_text();
    let a = fixture();
    let value: Value = serde_json::from_str(&text).expect("JSON");
    let reordered = reversed(&value);
    // Sorted keys reversed: "updated" now comes before "id".
    assert!(
        reordered.find("\"updated\"") < reordered.find("\"id\""),
        "keys really reversed"
    );
    let spaced = serde_json::to_string_pretty(&value)
        .expect("JSON")
        .replace('\n', "\n\t  ");
    for variant in [reordered, spaced, a.to_json(), a.to_json_pretty()] {
        let b = Assessment::from_json(&variant).expect("loads");
        assert_eq!(digest(&b), digest(&a));
    }
    // Of the form people are given.
    let d = digest(&a);
    assert!(d.starts_with("sha256:") && d.len() == 71, "{d}");
    assert!(d[7..]
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
    // The canonical form is compact JSON with sorted keys.
    let c = canonical(&a);
    assert!(!c.contains(": ") && !c.contains('\n'));
    let keys: Vec<String> = serde_json::from_str::<Value>(&c)
        .expect("JSON")
        .as_object()
        .expect("object")
        .keys()
        .cloned()
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

/// One edit of an assessment, named in a failure.
type Change = Box<dyn Fn(&mut Assessment)>;

#[test]
fn every_kind_of_decision_changes_the_digest() {
    let a = fixture();
    let before = digest(&a);
    let threat = "indirectpromptinjection";
    let changes: Vec<(&str, Change)> = vec![
        ("name", Box::new(|a| a.name.push('!'))),
        ("id", Box::new(|a| a.id.push('x'))),
        (
            "created",
            Box::new(|a| a.created = "2020-01-01T00:00:00Z".into()),
        ),
        (
            "updated",
            Box::new(|a| a.updated = "2020-01-01T00:00:00Z".into()),
        ),
        ("tool", Box::new(|a| a.tool = "aixa 9.9.9".into())),
        ("details", Box::new(|a| a.details.version.push_str(" rc"))),
        (
            "answers",
            Box::new(|a| {
                let flipped = match a.answers.get("genai") {
                    Tri::Yes => Tri::No,
                    _ => Tri::Yes,
                };
                a.answers.set("genai", flipped);
            }),
        ),
        (
            "override",
            Box::new(|a| {
                let o = a.overrides.values_mut().next().expect("an override");
                o.rationale.push('.');
            }),
        ),
        (
            "responsibility",
            Box::new(|a| {
                let r = a
                    .responsibility
                    .values_mut()
                    .next()
                    .expect("a responsibility");
                r.provider.push('.');
            }),
        ),
        (
            "verification",
            Box::new(|a| {
                let v = a.verification.values_mut().next().expect("a verification");
                v.note.push('.');
            }),
        ),
        (
            "control",
            Box::new(|a| {
                let c = a.controls.values_mut().next().expect("a control");
                c.owner.push('.');
            }),
        ),
        (
            "risk",
            Box::new(|a| {
                let r = a.risk.values_mut().next().expect("a risk score");
                r.residual.likelihood = None;
            }),
        ),
        (
            "acceptance",
            Box::new(move |a| {
                let x = a.acceptance.get_mut(threat).expect("an acceptance");
                x.rationale.push('.');
            }),
        ),
    ];
    for (what, change) in changes {
        let mut b = a.clone();
        change(&mut b);
        assert_ne!(b, a, "{what}: the change changed nothing");
        assert_ne!(digest(&b), before, "{what}");
    }
}

#[test]
fn a_copy_and_its_bookkeeping_digest_like_the_source() {
    let a = fixture();
    let mut b = a.copy_as_new("another-id".into(), "2030-01-01T00:00:00Z", &[]);
    b.revision += 7;
    b.signoff = Some(SignOff {
        by: "A. Auditor".into(),
        date: "2030-01-01".into(),
        statement: "Acceptable.".into(),
        digest: digest(&a),
        ..SignOff::default()
    });
    assert_eq!(digest(&b), digest(&a));
    // A copy of the copy too.
    let c = b.copy_as_new("third".into(), "2031-01-01T00:00:00Z", &[]);
    assert_eq!(digest(&c), digest(&a));
}

#[test]
fn a_sign_off_shows_whether_the_record_changed_since() {
    let mut a = fixture();
    assert_eq!(signoff_state(&a), SignOffState::None);
    a.signoff = Some(SignOff {
        by: "CISO".into(),
        role: "Accountable owner".into(),
        date: "2026-11-28".into(),
        scope_version: "2.3".into(),
        statement: "Residual risk acceptable for release.".into(),
        digest: digest(&a),
        at: "2026-11-28T10:00:00Z".into(),
    });
    assert_eq!(signoff_state(&a), SignOffState::Current);
    // The sign-off survives a save to a file and back.
    let back = Assessment::from_json(&a.to_json_pretty()).expect("loads");
    assert_eq!(signoff_state(&back), SignOffState::Current);
    a.acceptance
        .get_mut("indirectpromptinjection")
        .expect("an acceptance")
        .rationale
        .push('.');
    assert_eq!(signoff_state(&a), SignOffState::Changed);
}

fn aixa(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_aixa"))
        .args(args)
        .output()
        .expect("aixa runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn aixa_verify_catches_a_tampered_acceptance() {
    let dir = std::env::temp_dir().join(format!("aixa-digest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let original = dir.join("original.json");
    let tampered = dir.join("tampered.json");
    let text = fixture_text();
    std::fs::write(&original, &text).expect("write");
    // The auditor's experiment: a refused risk turned accepted, `updated`
    // left alone.
    let changed = text.replace(
        r#""indirectpromptinjection": { "decision": "not_accepted""#,
        r#""indirectpromptinjection": { "decision": "accepted""#,
    );
    assert_ne!(changed, text, "the fixture has the refused acceptance");
    std::fs::write(&tampered, &changed).expect("write");
    let original = original.to_str().expect("a UTF-8 path");
    let tampered = tampered.to_str().expect("a UTF-8 path");

    let (code, given, _) = aixa(&["digest", original]);
    assert_eq!(code, 0);
    let given = given.trim().to_string();
    assert_eq!(given, digest(&fixture()));

    let (code, out, _) = aixa(&["verify", original, &given]);
    assert_eq!((code, out.contains("matches")), (0, true), "{out}");
    // Without the prefix and in capitals, as people paste it.
    let (code, _, _) = aixa(&["verify", original, &given[7..].to_uppercase()]);
    assert_eq!(code, 0);

    let (code, out, _) = aixa(&["verify", tampered, &given]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("does not match") && out.contains(&given),
        "{out}"
    );

    let (code, _, err) = aixa(&["verify", original, "sha256:1234"]);
    assert_eq!(code, 2);
    assert!(err.contains("is not a digest"), "{err}");
    let (code, _, err) = aixa(&["verify", "/nonexistent/file.json", &given]);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent/file.json"), "{err}");

    // `check` names the record it judged.
    let (_, out, _) = aixa(&["check", original, "--as-of", "2026-11-28"]);
    assert!(
        out.contains(&format!("aixa check: record {given}")),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_signed_golden_record_is_unchanged_since_its_sign_off_in_its_file_and_its_link() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let read = |p: &str| {
        std::fs::read_to_string(dir.join(p)).unwrap_or_else(|e| panic!("tests/golden/{p}: {e}"))
    };
    let file = Assessment::from_json(&read("files/signed.aixa.json")).expect("loads");
    assert_eq!(signoff_state(&file), SignOffState::Current);
    let link = aixa::core::codec::decode(
        read("links/signed-format-5.link").trim(),
        "received".into(),
        "2026-12-01T00:00:00Z",
    )
    .expect("decodes");
    assert_eq!(signoff_state(&link), SignOffState::Current);
    assert_eq!(digest(&link), digest(&file));
    // The original's identity and times came with it.
    assert_eq!(
        (
            link.origin.as_str(),
            link.created.as_str(),
            link.updated.as_str()
        ),
        (
            file.origin.as_str(),
            file.created.as_str(),
            file.updated.as_str()
        )
    );
    assert_eq!(link.log, file.log);
}
