//! Continuous assessment and the risk register (2026-08's steps 10 and 4),
//! on the golden agent with RAG.

use aixa::core::assessment::{Assessment, ControlStatus, RiskScore, Score};
use aixa::core::register::register;
use aixa::core::review::{changes, snapshot, Change};

fn agent() -> Assessment {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/files/agent-2026.aixa.json");
    Assessment::from_json(&std::fs::read_to_string(path).expect("the golden file"))
        .expect("it loads")
}

#[test]
fn a_review_recorded_now_sees_no_change_then_each_one() {
    let mut a = agent();
    a.reviewed = Some(snapshot(&a, "2026-11-28", "CISO"));
    assert_eq!(changes(&a), []);

    let c = a.catalog();
    let k = c.control("AGENTSANDBOXING").expect("4.9").0;
    a.controls
        .get_mut("AGENTSANDBOXING")
        .expect("planned")
        .status = ControlStatus::Implemented;
    let t = c.threat("augmentationdataleak").expect("4.6").0;
    a.risk.insert(
        "augmentationdataleak".into(),
        RiskScore {
            inherent: Score {
                likelihood: Some(3),
                impact: Some(5),
            },
            residual: Score {
                likelihood: Some(1),
                impact: Some(4),
            },
        },
    );
    let found = changes(&a);
    assert!(
        found.contains(&Change::Control(
            k,
            ControlStatus::Planned,
            ControlStatus::Implemented
        )),
        "{found:?}"
    );
    assert!(
        found.contains(&Change::Residual(t, Some(8), Some(4))),
        "{found:?}"
    );

    let lines: Vec<String> = found.iter().map(|x| x.describe(&a)).collect();
    assert!(
        lines.contains(&"AGENTSANDBOXING: planned → implemented".to_string()),
        "{lines:?}"
    );
    // An answer that takes a threat out of scope.
    a.answers
        .set("triggers_actions", aixa::core::answers::Tri::No);
    let agentescape = c.threat("agentescape").expect("4.8").0;
    assert!(changes(&a).contains(&Change::LeftScope(agentescape)));
}

#[test]
fn the_register_lists_each_risk_in_scope_with_its_decisions() {
    let a = agent();
    let rows = register(&a);
    let c = a.catalog();
    let row = |id: &str| {
        let t = c.threat(id).expect("a threat").0;
        rows.iter()
            .find(|r| r.threat == t)
            .unwrap_or_else(|| panic!("{id} is listed"))
    };
    let leak = row("augmentationdataleak");
    assert_eq!((leak.inherent, leak.residual), (Some(15), Some(8)));
    assert_eq!((leak.need, leak.treatment), ("needs treatment", "Mitigate"));
    assert_eq!(row("airesourceexhaustion").need, "applies in theory only");
    assert_eq!(row("directpromptinjection").decision, "Accepted");
    assert_eq!(row("directpromptinjection").review, "2027-05-20");
}
