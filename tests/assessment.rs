//! The assessment: responsibility defaults, overrides and rationales,
//! migrations, and the dashboard's figures.

mod common;

use aixa::core::answers::{Answers, Tri};
use aixa::core::assessment::{
    Assessment, Assurance, ControlPlan, ControlStatus, LoadError, Override, Party, SCHEMA,
};
use aixa::core::catalog::Catalog;
use aixa::core::dashboard::{figures, Coverage, Step};
use aixa::core::responsibility::{default_for, MODEL_MAKER};
use common::catalog;

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(path).expect("fixture")
}

fn threat(id: &str) -> usize {
    catalog().threat(id).expect("exists").0
}

fn profile(pairs: &[(&str, Tri)], hosted: &[&str]) -> Answers {
    let c = catalog();
    let mut a = Answers::default();
    for (q, v) in pairs {
        a.set(q, *v);
    }
    for h in hosted {
        a.toggle_component(c, "hosted", h, true);
    }
    a
}

fn party(a: &Answers, id: &str) -> (Party, String) {
    let d = default_for(catalog(), a, threat(id));
    (d.responsibility.party, d.responsibility.provider)
}

#[test]
fn responsibility_defaults_follow_the_seed() {
    use Tri::{No, Unknown, Yes};
    // Not training, nothing hosted: development-time threats are the maker's,
    // the rest ours.
    let a = profile(&[("trains", No), ("rag", No)], &[]);
    assert_eq!(
        party(&a, "devmodelleak"),
        (Party::Provider, MODEL_MAKER.into())
    );
    assert_eq!(
        party(&a, "datapoison"),
        (Party::Provider, MODEL_MAKER.into())
    );
    assert_eq!(party(&a, "directpromptinjection").0, Party::Us);
    // Confidentiality of train data and of model IP is the maker's too.
    for id in [
        "disclosureinoutput",
        "modelinversionandmembership",
        "modeltheftuse",
        "runtimemodeltheft",
    ] {
        assert_eq!(party(&a, id), (Party::Provider, MODEL_MAKER.into()), "{id}");
    }
    let why = default_for(catalog(), &a, threat("modeltheftuse")).why;
    assert!(!why.contains("development-time"), "{why}");
    // A model you obtain and don't train: its manipulation is the maker's to
    // prevent, and yours to verify (step 3), as the step's introduction says.
    assert_eq!(
        party(&a, "transferlearningattack"),
        (Party::Provider, MODEL_MAKER.into())
    );
    let why = default_for(catalog(), &a, threat("devmodelleak")).why;
    assert!(
        why.contains("you don't train or fine-tune the model"),
        "{why}"
    );

    // A hosted model: threats in the model are shared with the host.
    let a = profile(&[("trains", No), ("rag", Yes)], &["model"]);
    assert_eq!(party(&a, "directpromptinjection").0, Party::Shared);
    assert_eq!(party(&a, "evasion").0, Party::Shared);
    // RAG data is ours to protect even on a hosted model: poisoning of our
    // knowledge base, and our retrieval data leaking in development or
    // through the model's output.
    assert_eq!(party(&a, "datapoison").0, Party::Us);
    let why = default_for(catalog(), &a, threat("datapoison")).why;
    assert!(
        why.contains("you use retrieval-augmented generation"),
        "{why}"
    );
    assert_eq!(party(&a, "insecureoutput").0, Party::Us);
    let mut sensitive = a.clone();
    sensitive.set("rag_data_sensitive", Yes);
    assert_eq!(party(&sensitive, "disclosureinoutput").0, Party::Us);
    assert_eq!(party(&sensitive, "devdataleak").0, Party::Us);
    // Without sensitive retrieval data, the model's output is the host's
    // concern as well as ours.
    assert_eq!(party(&a, "disclosureinoutput").0, Party::Shared);
    // Not training: the supplied model's poisoning is the maker's.
    assert_eq!(party(&a, "transferlearningattack").0, Party::Provider);
    let why = default_for(catalog(), &a, threat("evasion")).why;
    assert!(why.contains("a provider hosts the model"), "{why}");

    // Training ourselves on hosted infrastructure.
    let a = profile(&[("trains", Yes)], &["infrastructure"]);
    assert_eq!(party(&a, "devmodelleak").0, Party::Us);
    assert_eq!(party(&a, "runtimemodeltheft").0, Party::Shared);
    assert_eq!(party(&a, "genericsecthreats").0, Party::Shared);
    assert_eq!(party(&a, "evasion").0, Party::Us);

    // Unknown never hands a threat away.
    let a = profile(&[("trains", Unknown)], &[]);
    assert_eq!(party(&a, "devmodelleak").0, Party::Us);
}

#[test]
fn an_override_needs_a_rationale_and_changes_scope() {
    let c = catalog();
    let mut a = Assessment::new(c, "t".into(), "Test".into(), "2026-11-25T00:00:00Z");
    a.answers.set("genai", Tri::Yes);
    let evasion = threat("evasion");
    assert!(!a.selection().verdicts[evasion].in_scope());

    a.overrides.insert(
        "evasion".into(),
        Override {
            include: true,
            rationale: "   ".into(),
        },
    );
    let err = a.validate().expect_err("no rationale");
    assert!(
        err.to_string().contains("\"evasion\" has no rationale"),
        "{err}"
    );

    a.overrides.get_mut("evasion").expect("set").rationale = "We also run a classifier.".into();
    a.validate().expect("valid");
    let sel = a.selection();
    assert!(sel.verdicts[evasion].in_scope());
    assert_eq!(sel.verdicts[evasion].manual, Some(true));
    // The included threat's controls are selected with it.
    assert!(sel
        .controls
        .iter()
        .any(|s| c.controls[s.control].id == "DETECTADVERSARIALINPUT"
            && s.threats.contains(&evasion)));

    // An override that agrees with the rules is no override.
    a.overrides.insert(
        "genericsecthreats".into(),
        Override {
            include: true,
            rationale: "Obviously.".into(),
        },
    );
    assert_eq!(
        a.selection().verdicts[threat("genericsecthreats")].manual,
        None
    );
}

#[test]
fn not_applicable_needs_a_rationale() {
    let c = catalog();
    let mut a = Assessment::new(c, "t".into(), "Test".into(), "2026-11-25T00:00:00Z");
    a.controls.insert(
        "RATELIMIT".into(),
        ControlPlan {
            status: ControlStatus::NotApplicable,
            ..ControlPlan::default()
        },
    );
    let err = a.validate().expect_err("no rationale");
    assert!(
        err.to_string()
            .contains("\"RATELIMIT\" is not applicable but has no rationale"),
        "{err}"
    );
    a.controls.get_mut("RATELIMIT").expect("set").rationale = "No public endpoint.".into();
    a.validate().expect("valid");
}

/// Reports print the status beside this line, so it never says "Not
/// applicable" again, even when the user typed it before the reason.
#[test]
fn a_not_applicable_controls_line_gives_the_reason_once() {
    let cases = [
        ("No public endpoint.", "No public endpoint."),
        ("Not applicable: no public endpoint.", "no public endpoint."),
        ("not applicable - no public endpoint", "no public endpoint"),
        ("NOT APPLICABLE – no public endpoint", "no public endpoint"),
        ("Not applicable: Not applicable: twice", "twice"),
        (
            "Not applicable because we don't train",
            "because we don't train",
        ),
        ("  Not applicable.  ", ""),
        ("Not applicable", ""),
        ("Not applicableness is rare", "Not applicableness is rare"),
        ("It is not applicable here", "It is not applicable here"),
    ];
    for (rationale, line) in cases {
        let plan = ControlPlan {
            status: ControlStatus::NotApplicable,
            rationale: rationale.into(),
            notes: "notes stay out".into(),
            ..ControlPlan::default()
        };
        assert_eq!(plan.note_line(), line, "{rationale:?}");
    }
    let planned = ControlPlan {
        status: ControlStatus::Planned,
        rationale: "old reason".into(),
        notes: "Not applicable to staging".into(),
        ..ControlPlan::default()
    };
    assert_eq!(planned.note_line(), "Not applicable to staging");
}

#[test]
fn a_control_serving_many_threats_is_listed_once() {
    let a = Assessment::from_json(&fixture("assessment-rag-llm.json")).expect("valid fixture");
    let sel = a.selection();
    let c = catalog();
    let datamin: Vec<_> = sel
        .controls
        .iter()
        .filter(|s| c.controls[s.control].id == "DATAMINIMIZE")
        .collect();
    assert_eq!(datamin.len(), 1);
    assert!(datamin[0].general);
    let mut ids: Vec<usize> = sel.controls.iter().map(|s| s.control).collect();
    ids.dedup();
    assert_eq!(ids.len(), sel.controls.len());
}

#[test]
fn a_schema_1_profile_migrates() {
    let a = Assessment::from_json(&fixture("schema-1.json")).expect("migrates");
    assert_eq!(a.schema, SCHEMA);
    assert_eq!(a.name, "My AI system");
    assert_eq!(a.edition, "2024-01");
    assert_eq!(a.answers.get("rag"), Tri::Yes);
    assert_eq!(a.answers.get("trains"), Tri::No);
    assert_eq!(a.answers.components("hosted"), ["model"]);
    // And it round-trips in the current schema.
    assert_eq!(Assessment::from_json(&a.to_json()).expect("reloads"), a);
}

#[test]
fn newer_foreign_or_corrupt_data_is_refused_with_a_reason() {
    let newer = r#"{"schema": 99, "id": "x", "name": "x", "edition": "2024-01"}"#;
    assert_eq!(
        Assessment::from_json(newer),
        Err(LoadError::NewerSchema(99))
    );
    assert!(matches!(
        Assessment::from_json("{not json"),
        Err(LoadError::NotJson(_))
    ));
    assert!(matches!(
        Assessment::from_json(r#"{"hello": 1}"#),
        Err(LoadError::UnknownSchema(_))
    ));
    let foreign_edition = fixture("assessment-rag-llm.json").replace("\"2024-01\"", "\"1999-01\"");
    assert_eq!(
        Assessment::from_json(&foreign_edition),
        Err(LoadError::UnknownEdition("1999-01".into()))
    );
    let bad_threat =
        fixture("assessment-rag-llm.json").replace("\"evasion\": {", "\"evasionn\": {");
    let err = Assessment::from_json(&bad_threat).expect_err("unknown threat");
    assert!(
        err.to_string().contains("\"evasionn\" is not a threat"),
        "{err}"
    );
    let bad_score = fixture("assessment-rag-llm.json").replace(
        "\"likelihood\": 4, \"impact\": 5",
        "\"likelihood\": 4, \"impact\": 7",
    );
    let err = Assessment::from_json(&bad_score).expect_err("score out of range");
    assert!(err.to_string().contains("outside 1–5"), "{err}");
}

#[test]
fn the_fixture_round_trips() {
    let a = Assessment::from_json(&fixture("assessment-rag-llm.json")).expect("valid");
    assert_eq!(
        Assessment::from_json(&a.to_json_pretty()).expect("reloads"),
        a
    );
}

#[test]
fn dashboard_figures_for_the_fixture() {
    let a = Assessment::from_json(&fixture("assessment-rag-llm.json")).expect("valid");
    let f = figures(&a, "2026-11-25");
    let c = catalog();
    let step = |s: Step| {
        let p = f.progress.iter().find(|p| p.step == s).expect("step");
        (p.done, p.total)
    };
    let sel = a.selection();
    let scope = sel.verdicts.iter().filter(|v| v.in_scope()).count();

    // Six yes/no questions shown, all answered (train_data_sensitive is hidden).
    assert_eq!(step(Step::Profile), (6, 6));
    assert_eq!(step(Step::Responsibility), (2, scope));
    assert_eq!(step(Step::Controls), (4, sel.controls.len()));
    assert_eq!(step(Step::Risk), (2, scope));
    assert_eq!(step(Step::Acceptance), (2, scope));
    let (verified, external) = step(Step::Verification);
    assert_eq!(verified, 1, "only directpromptinjection is verified");

    let count = |s: ControlStatus| {
        f.controls_by_status
            .iter()
            .find(|(x, _)| *x == s)
            .expect("status")
            .1
    };
    assert_eq!(count(ControlStatus::Implemented), 2);
    assert_eq!(count(ControlStatus::Planned), 1);
    assert_eq!(count(ControlStatus::NotApplicable), 1);
    assert_eq!(count(ControlStatus::NotDecided), sel.controls.len() - 4);

    let parties: usize = f.threats_by_party.iter().map(|(_, n)| n).sum();
    assert_eq!(parties, scope);
    let ours = f
        .threats_by_party
        .iter()
        .find(|(p, _)| *p == Party::Us)
        .expect("us")
        .1;
    assert_eq!(ours + external, scope);

    let ids = |v: &[usize]| v.iter().map(|&t| c.threats[t].id).collect::<Vec<_>>();
    assert!(!ids(&f.open_verifications).contains(&"directpromptinjection"));
    assert!(ids(&f.open_verifications).contains(&"indirectpromptinjection"));
    assert_eq!(f.open_verifications.len(), external - 1);

    // "Not obtainable" decides step 3 for that threat but stays an open
    // finding: the weakest assurance is no assurance.
    let mut unobtainable = a.clone();
    unobtainable
        .verification
        .get_mut("indirectpromptinjection")
        .expect("set in the fixture")
        .status = Assurance::NotObtainable;
    let g = figures(&unobtainable, "2026-11-25");
    assert!(ids(&g.open_verifications).contains(&"indirectpromptinjection"));
    let step3 = |f: &aixa::core::dashboard::Figures| f.progress[2].done;
    assert_eq!(step3(&g), step3(&f) + 1);
    // Evidence received is not yet verified either.
    unobtainable
        .verification
        .get_mut("indirectpromptinjection")
        .expect("set")
        .status = Assurance::EvidenceReceived;
    let g = figures(&unobtainable, "2026-11-25");
    assert!(ids(&g.open_verifications).contains(&"indirectpromptinjection"));
    assert_eq!(ids(&f.reviews_due), ["directpromptinjection"]);
    // A residual risk above the inherent one asks for a rationale.
    assert!(f.unexplained_residuals.is_empty());
    let mut raised = a.clone();
    let r = raised
        .risk
        .get_mut("directpromptinjection")
        .expect("scored");
    r.residual = r.inherent;
    r.residual.impact = Some(5);
    assert!(r.residual_above_inherent());
    raised
        .acceptance
        .get_mut("directpromptinjection")
        .expect("decided")
        .rationale
        .clear();
    let g = figures(&raised, "2026-11-25");
    assert_eq!(ids(&g.unexplained_residuals), ["directpromptinjection"]);
    raised
        .acceptance
        .get_mut("directpromptinjection")
        .expect("decided")
        .rationale = "A new attack path raised the impact.".into();
    assert!(figures(&raised, "2026-11-25")
        .unexplained_residuals
        .is_empty());

    // MONITORUSE is planned, due 2026-12-31: overdue from 2027-01-01 on.
    assert!(f.overdue_controls.is_empty());
    let later = figures(&a, "2027-01-01");
    let overdue: Vec<&str> = later
        .overdue_controls
        .iter()
        .map(|&k| c.controls[k].id)
        .collect();
    assert_eq!(overdue, ["MONITORUSE"]);
    assert!(
        figures(&a, "2026-12-31").overdue_controls.is_empty(),
        "due today is not overdue"
    );
    assert!(!ids(&f.open_acceptances).contains(&"directpromptinjection"));
    assert_eq!(f.open_acceptances.len(), scope - 1);

    // Guideline coverage counts implemented mapped controls.
    let design = c
        .guidelines
        .iter()
        .position(|g| g.controls.iter().any(|&k| c.controls[k].id == "RATELIMIT"))
        .expect("a guideline maps RATELIMIT");
    let g = &f.guidelines[design];
    assert_eq!(g.guideline, design);
    assert!(g.implemented >= 1 && g.implemented <= g.total);
    let education = c
        .guidelines
        .iter()
        .position(|g| {
            g.controls
                .iter()
                .map(|&k| c.controls[k].id)
                .eq(["SECEDUCATE"])
        })
        .expect("a guideline maps only SECEDUCATE");
    let g = &f.guidelines[education];
    assert_eq!((g.guideline, g.implemented, g.total), (education, 1, 1));
    assert_eq!(g.coverage, Coverage::Fully);

    // Only controls selected for the profile and not marked not applicable
    // count, and the drill-down names the rest with the reason.
    let inputs = c
        .guidelines
        .iter()
        .position(|g| {
            g.controls
                .iter()
                .any(|&k| c.controls[k].id == "PROMPTINPUTVALIDATION")
        })
        .expect("a guideline maps PROMPTINPUTVALIDATION");
    let g = &f.guidelines[inputs];
    let name = |k: &usize| c.controls[*k].id;
    assert!(!g
        .counted
        .iter()
        .map(name)
        .any(|id| id == "PROMPTINPUTVALIDATION"));
    assert!(g
        .left_out
        .iter()
        .any(|(k, why)| name(k) == "PROMPTINPUTVALIDATION" && *why == "marked not applicable"));
    assert_eq!(g.total, g.counted.len());
    for (k, why) in &g.left_out {
        if *why == "not selected for this profile" {
            assert!(!sel.controls.iter().any(|s| s.control == *k), "{}", name(k));
        }
    }
}

#[test]
fn a_guideline_mapped_to_part_of_a_control_is_partly_covered_at_most() {
    let c = catalog();
    let mut a = Assessment::new(c, "x".into(), "Partial".into(), "2026-01-01T00:00:00Z");
    for id in ["DEVPROGRAM", "SECEDUCATE"] {
        a.controls.insert(
            id.into(),
            ControlPlan {
                status: ControlStatus::Implemented,
                ..ControlPlan::default()
            },
        );
    }
    let f = figures(&a, "2026-01-01");
    let by_text = |text: &str| {
        let i = c
            .guidelines
            .iter()
            .position(|g| g.text == text)
            .expect("a guideline");
        f.guidelines[i].clone()
    };
    // "Part of #DEVPROGRAM": its only control is implemented, yet partly.
    for text in [
        "Document your data, models and prompts",
        "Manage your technical debt",
        "Release AI responsibly",
    ] {
        let g = by_text(text);
        assert_eq!((g.implemented, g.total), (1, 1), "{text}");
        assert_eq!(g.coverage, Coverage::Partly, "{text}");
    }
    assert_eq!(
        by_text("Raise staff awareness of threats and risks").coverage,
        Coverage::Fully
    );
    assert_eq!(by_text("Secure your supply chain").coverage, Coverage::None);
    let partial: Vec<&str> = c
        .guidelines
        .iter()
        .filter(|g| g.partial)
        .map(|g| g.text)
        .collect();
    assert_eq!(partial.len(), 10, "{partial:?}");
    let report = aixa::core::report::markdown::markdown(&a, "2026-01-01");
    assert!(
        report.contains(
            "Manage your technical debt: 1 of 1 mapped controls that apply implemented, partly covered"
        ),
        "{report}"
    );
}

#[test]
fn the_control_layout_places_every_selected_control_once() {
    use aixa::core::dashboard::control_layout;
    let a = Assessment::from_json(&fixture("assessment-rag-llm.json")).expect("valid");
    let sel = a.selection();
    let layout = control_layout(&sel);
    let mut placed: Vec<usize> = layout.iter().flat_map(|(_, c)| c.iter().copied()).collect();
    assert_eq!(placed.len(), sel.controls.len());
    placed.sort_unstable();
    let selected: Vec<usize> = sel.controls.iter().map(|c| c.control).collect();
    assert_eq!(placed, selected);
    assert!(layout[0].0.starts_with("1.1"), "{}", layout[0].0);
}

#[test]
fn the_json_schema_file_describes_the_format() {
    use aixa::core::assessment::{Assurance, Decision};
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/assessment.schema.json"),
        )
        .expect("schema file"),
    )
    .expect("schema is JSON");
    let props = &schema["properties"];
    assert_eq!(props["schema"]["const"], SCHEMA);
    let a = Assessment::from_json(&fixture("assessment-rag-llm.json")).expect("valid");
    let json: serde_json::Value = serde_json::from_str(&a.to_json()).expect("JSON");
    for key in json.as_object().expect("object").keys() {
        assert!(props.get(key).is_some(), "{key} is not in the schema");
    }
    let strings = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .expect("enum")
            .iter()
            .map(|s| s.as_str().expect("str").to_string())
            .collect()
    };
    let item = |field: &str| &props[field]["additionalProperties"]["properties"];
    assert_eq!(
        strings(&item("responsibility")["party"]["enum"]),
        Party::ALL.map(|p| p.as_str().to_string())
    );
    assert_eq!(
        strings(&item("verification")["status"]["enum"]),
        Assurance::ALL.map(|p| p.as_str().to_string())
    );
    assert_eq!(
        strings(&item("controls")["status"]["enum"]),
        ControlStatus::ALL.map(|p| p.as_str().to_string())
    );
    assert_eq!(
        strings(&item("acceptance")["decision"]["enum"]),
        Decision::ALL.map(|p| p.as_str().to_string())
    );
}

#[test]
fn overall_progress_is_decided_items_of_all_items_rounded_down() {
    use aixa::core::dashboard::{Figures, Progress};
    let of = |progress: Vec<Progress>| Figures {
        progress,
        controls_by_status: vec![],
        threats_by_party: vec![],
        open_verifications: vec![],
        open_acceptances: vec![],
        reviews_due: vec![],
        unexplained_residuals: vec![],
        overdue_controls: vec![],
        guidelines: vec![],
    };
    let p = |step, done, total| Progress {
        step,
        number: 1,
        label: "",
        done,
        total,
    };
    assert_eq!(
        of(vec![p(Step::Profile, 2, 3), p(Step::Risk, 0, 3)]).overall(),
        33
    );
    assert_eq!(
        of(vec![p(Step::Profile, 3, 3), p(Step::Risk, 1, 1)]).overall(),
        100
    );
    assert_eq!(of(vec![p(Step::Profile, 0, 0)]).overall(), 0);
    assert_eq!(of(vec![]).overall(), 0);
}

#[test]
fn the_fixture_is_partly_decided_overall() {
    let a = Assessment::from_json(&fixture("assessment-rag-llm.json")).expect("valid");
    let f = figures(&a, "2026-11-25");
    let (done, total) = f
        .progress
        .iter()
        .fold((0, 0), |(d, t), p| (d + p.done, t + p.total));
    assert!(done > 0 && done < total);
    assert_eq!(f.overall(), done * 100 / total);
}

#[test]
fn a_copy_keeps_the_records_own_times_and_says_when_it_was_made() {
    let a = Assessment::from_json(&fixture("assessment-rag-llm.json")).expect("valid");
    let now = "2030-01-01T00:00:00.000Z";
    let copy = a.copy_as_new("fresh".into(), now, &[]);
    assert_eq!(copy.id, "fresh");
    // "Last changed" stays the content's; the copy's own moment is apart.
    assert_eq!(
        (copy.created.as_str(), copy.updated.as_str()),
        (a.created.as_str(), a.updated.as_str())
    );
    assert_eq!(copy.copied, now);
    // The original's id links the copy to its source, and a copy of the
    // copy still names the first original.
    assert_eq!(copy.origin, a.id);
    assert_eq!(copy.copy_as_new("again".into(), now, &[]).origin, a.id);
    let mut back = copy.clone();
    back.id.clone_from(&a.id);
    back.copied.clone_from(&a.copied);
    back.origin.clone_from(&a.origin);
    assert_eq!(back, a);
}

#[test]
fn a_copy_beside_its_original_is_named_apart() {
    use aixa::core::assessment::unique_name;
    let a = Assessment::from_json(&fixture("assessment-rag-llm.json")).expect("valid");
    let taken = vec![a.name.clone()];
    let copy = a.copy_as_new("c1".into(), "2030-01-01T00:00:00Z", &taken);
    assert_eq!(copy.name, format!("{} (copy)", a.name));
    let taken = vec![
        "X".to_string(),
        "X (copy)".to_string(),
        "X (copy 2)".to_string(),
    ];
    assert_eq!(unique_name("X", &taken), "X (copy 3)");
    assert_eq!(unique_name("Y", &taken), "Y");
}

#[test]
fn each_edition_heads_its_steps_by_its_own_process() {
    let headings = |edition: &str| -> Vec<String> {
        let c = Catalog::by_edition(edition).expect("an edition");
        c.steps.iter().map(|d| d.step.heading_in(c)).collect()
    };
    // 2024-01 keeps its seven steps.
    assert_eq!(
        headings("2024-01"),
        [
            "1. Your AI system",
            "2. Arranging responsibility",
            "3. Verifying external responsibilities",
            "4. Control selection",
            "5. Risk evaluation",
            "6. Residual risk acceptance",
            "7. Dashboard",
        ]
    );
    // 2026-08 follows its ten, reusing pages where the step is the same.
    let c = Catalog::by_edition("2026-08").expect("2026-08");
    let pages: Vec<&str> = c.steps.iter().map(|d| d.step.slug()).collect();
    assert_eq!(
        pages,
        [
            "profile",
            "risk",
            "treat",
            "register",
            "responsibility",
            "verification",
            "controls",
            "acceptance",
            "manage",
            "dashboard"
        ]
    );
    assert_eq!(headings("2026-08")[2], "3. Deciding the treatment");
    assert_eq!(
        Step::Treat.number_in(Catalog::by_edition("2024-01").expect("2024-01")),
        None
    );
}

#[test]
fn only_a_safe_https_evidence_link_is_made_clickable() {
    use aixa::core::assessment::Evidence;
    let href = |url: &str| {
        Evidence {
            url: url.into(),
            label: String::new(),
        }
        .href()
        .map(str::to_string)
    };
    for safe in [
        "https://tickets.example.com/SEC-101",
        "HTTPS://docs.example.com/a?b=c#d",
        "https://example.com",
    ] {
        assert_eq!(href(safe).as_deref(), Some(safe), "{safe}");
    }
    for unsafe_ in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " https://example.com",
        "http://example.com",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:x",
        "https://",
        "https:///path",
        "https://user@evil.example",
        "https://example.com/\"onmouseover=alert(1)",
        "https://example.com/<script>",
        "https://exa mple.com",
        "//example.com",
        "SEC-101",
        "",
    ] {
        assert_eq!(href(unsafe_), None, "{unsafe_}");
    }
}

#[test]
fn evidence_links_are_checked_on_load() {
    let with = |evidence: &str| {
        format!(
            r#"{{"schema":4,"id":"e","name":"x","edition":"2024-01","created":"","updated":"",
            "controls":{{"RATELIMIT":{{"status":"partly_implemented","evidence":{evidence}}}}}}}"#
        )
    };
    let a = Assessment::from_json(&with(r#"[{"url":"JIRA SEC-1","label":"ticket"}]"#))
        .expect("any text may be kept; only https links are clickable");
    assert_eq!(a.controls["RATELIMIT"].status, ControlStatus::Partly);
    for (bad, why) in [
        (r#"[{"url":""}]"#, "has no URL"),
        (
            r#"[{"url":"https://a.example","label":"two\nlines"}]"#,
            "line break",
        ),
        (r#"[{"label":"no url"}]"#, "missing field"),
    ] {
        let e = Assessment::from_json(&with(bad))
            .expect_err(bad)
            .to_string();
        assert!(e.contains(why), "{bad}: {e}");
    }
    let many = format!("[{}]", [r#"{"url":"u"}"#; 21].join(","));
    let e = Assessment::from_json(&with(&many))
        .expect_err("too many")
        .to_string();
    assert!(e.contains("more than 20 evidence links"), "{e}");
}
