//! Scope and risk criteria (issue 16): kept in files and links, checked
//! on load, and acceptances above the appetite flagged.

use aixa::core::assessment::{Assessment, Decision, LoadError, RiskScore, Score};
use aixa::core::codec;
use aixa::core::digest::digest;
use aixa::core::report::markdown::markdown;
use aixa::core::scope::{above_appetite, Axis, Criteria, Scope};

fn fixture() -> Assessment {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/assessment-rag-llm.json");
    let text = std::fs::read_to_string(&path).expect("tests/fixtures/assessment-rag-llm.json");
    Assessment::from_json(&text).expect("the fixture loads")
}

fn scoped() -> Assessment {
    let mut a = fixture();
    a.scope = Scope {
        purpose: "Answer customer questions".into(),
        users: "Customers; support staff".into(),
        data: "Support tickets, order history".into(),
        boundary: "The chatbot and its retrieval store; not the shop".into(),
        model: "Hosted LLM, 2026-05 release".into(),
        providers: "Model host, version of 2026-05".into(),
        assumptions: "Staff review refunds".into(),
        owner: "Head of Support".into(),
        ai_act: "limited".into(),
        ai_act_rationale: "Interacts with people; no Annex III use".into(),
        transparency: "yes".into(),
        transparency_rationale: "Users are told they talk to an AI".into(),
    };
    a.criteria = Criteria {
        likelihood: vec!["Once in 10 years".into(), String::new(), "Yearly".into()],
        impact: Vec::new(),
        appetite: Some(6),
    };
    a
}

#[test]
fn scope_and_criteria_survive_a_file_and_a_link() {
    let a = scoped();
    let back = Assessment::from_json(&a.to_json_pretty()).expect("loads");
    assert_eq!((&back.scope, &back.criteria), (&a.scope, &a.criteria));
    let link =
        codec::decode(&codec::encode(&a), "r".into(), "2026-12-01T00:00:00Z").expect("decodes");
    assert_eq!((&link.scope, &link.criteria), (&a.scope, &a.criteria));
    assert_eq!(digest(&link), digest(&a));
    // And they are part of the record.
    assert_ne!(digest(&a), digest(&fixture()));
}

#[test]
fn scale_words_are_the_teams_where_given_else_aixas() {
    let c = scoped().criteria;
    assert_eq!(c.word(Axis::Likelihood, 1), "Once in 10 years");
    assert_eq!(c.word(Axis::Likelihood, 2), "Unlikely");
    assert_eq!(c.word(Axis::Likelihood, 3), "Yearly");
    assert_eq!(c.word(Axis::Impact, 5), "Severe");
}

#[test]
fn bad_scope_or_criteria_are_refused_on_load_naming_the_field() {
    let a = scoped();
    let value: serde_json::Value = serde_json::from_str(&a.to_json()).expect("JSON");
    let cases = [
        (
            "/criteria/appetite",
            serde_json::json!(26),
            "appetite 26 is outside 1–25",
        ),
        (
            "/criteria/appetite",
            serde_json::json!(0),
            "appetite 0 is outside 1–25",
        ),
        (
            "/scope/ai_act",
            serde_json::json!("high"),
            "not an EU AI Act class",
        ),
        (
            "/scope/transparency",
            serde_json::json!("maybe"),
            "transparency is \"maybe\"",
        ),
        (
            "/criteria/impact",
            serde_json::json!(["a", "b", "c", "d", "e", "f"]),
            "impact has 6 levels",
        ),
    ];
    for (path, bad, expected) in cases {
        let mut v = value.clone();
        let (parent, key) = path.rsplit_once('/').expect("a path");
        v.pointer_mut(parent)
            .and_then(serde_json::Value::as_object_mut)
            .expect(parent)
            .insert(key.into(), bad);
        match Assessment::from_value(v) {
            Err(LoadError::Invalid(m)) => assert!(m.contains(expected), "{path}: {m}"),
            other => panic!("{path}: {other:?}"),
        }
    }
}

#[test]
fn an_acceptance_above_the_appetite_is_flagged_for_escalation() {
    let mut a = scoped();
    let id = "directpromptinjection";
    assert_eq!(a.acceptance[id].decision, Decision::Accepted);
    a.risk.insert(
        id.into(),
        RiskScore {
            inherent: Score {
                likelihood: Some(4),
                impact: Some(4),
            },
            residual: Score {
                likelihood: Some(3),
                impact: Some(3),
            },
        },
    );
    let t = a
        .catalog()
        .threats
        .iter()
        .position(|t| t.id == id)
        .expect("a threat");
    assert_eq!(above_appetite(&a), vec![(t, 9)]);
    let md = markdown(&a, "2026-11-28");
    assert!(
        md.contains("Accepted above the appetite, to escalate"),
        "{md}"
    );
    // Within the appetite, or not accepted, or no appetite: no flag.
    a.criteria.appetite = Some(9);
    assert!(above_appetite(&a).is_empty());
    a.criteria.appetite = Some(4);
    a.acceptance.get_mut(id).expect("set").decision = Decision::NotAccepted;
    assert!(above_appetite(&a).is_empty());
    a.acceptance.get_mut(id).expect("set").decision = Decision::Accepted;
    a.criteria.appetite = None;
    assert!(above_appetite(&a).is_empty());
}
