//! The statement of applicability: every control of the edition, once, in
//! catalog order, with what was decided and what was not.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use aixa::core::answers::Tri;
use aixa::core::assessment::{Assessment, ControlPlan, ControlStatus, Evidence};
use aixa::core::catalog::Catalog;
use aixa::core::report::soa::{rows, soa_csv, soa_markdown, Applicable, HEADER};
use common::parse_csv;
use std::process::Command;

fn fixture() -> Assessment {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/assessment-rag-llm.json");
    Assessment::from_json(&std::fs::read_to_string(path).expect("fixture")).expect("valid")
}

/// Assessments of every edition: blank (every threat unknown, so in scope),
/// and one that rules most threats out, so that some controls go unselected.
fn every_edition() -> Vec<Assessment> {
    let mut out = Vec::new();
    for catalog in Catalog::all() {
        let blank = Assessment::new(catalog, "b".into(), "Blank".into(), "2026-01-01T00:00:00Z");
        let mut narrow = blank.clone();
        for q in catalog.questions {
            narrow.answers.set(q.id, Tri::No);
        }
        out.push(blank);
        out.push(narrow);
    }
    out
}

#[test]
fn every_control_of_every_edition_is_listed_once_in_catalog_order() {
    assert!(Catalog::all().len() >= 2, "both editions are checked");
    for a in every_edition().into_iter().chain([fixture()]) {
        let catalog = a.catalog();
        let ids: Vec<&str> = rows(&a).iter().map(|r| r.id).collect();
        let want: Vec<&str> = catalog.controls.iter().map(|c| c.id).collect();
        assert_eq!(ids, want, "edition {}", a.edition);

        let csv = parse_csv(&soa_csv(&a));
        assert_eq!(csv.len(), want.len() + 1, "edition {}", a.edition);
        let csv_ids: Vec<&str> = csv[1..].iter().map(|r| r[0].as_str()).collect();
        assert_eq!(csv_ids, want);
        assert!(csv.iter().all(|r| r.len() == HEADER.len()));

        let md = soa_markdown(&a);
        let table_rows = md.lines().filter(|l| l.starts_with("| ")).count();
        // The heading row, then one per control (the delimiter row starts "| -").
        assert_eq!(table_rows, want.len() + 2, "edition {}", a.edition);
    }
}

#[test]
fn nothing_is_hidden_undecided_controls_say_so() {
    for a in every_edition() {
        let sel = a.selection();
        let rows = rows(&a);
        for r in &rows {
            assert_eq!(r.status, ControlStatus::NotDecided);
            let selected = sel.controls.iter().any(|s| s.control == r.control);
            let want = if selected {
                Applicable::NotDecided
            } else {
                Applicable::NotSelected
            };
            assert_eq!(r.applicable, want, "{} in {}", r.id, a.edition);
            assert!(r.justification.starts_with("Not "), "{}", r.justification);
        }
    }
    // The narrow profiles leave controls out, and say so rather than drop
    // them.
    let narrow = &every_edition()[1];
    assert!(rows(narrow)
        .iter()
        .any(|r| r.applicable == Applicable::NotSelected));

    let a = fixture();
    let r = rows(&a);
    let undecided = r
        .iter()
        .find(|r| r.applicable == Applicable::NotDecided)
        .expect("the fixture leaves some selected control undecided");
    assert_eq!(undecided.status, ControlStatus::NotDecided);
    assert!(!undecided.threats.is_empty());
    let csv = soa_csv(&a);
    let line = csv
        .lines()
        .find(|l| l.starts_with(&format!("{},", undecided.id)))
        .expect("listed");
    assert!(line.contains(",not_decided,"), "{line}");
}

#[test]
fn a_not_applicable_control_carries_its_rationale_and_an_applicable_one_its_threats() {
    let mut a = fixture();
    let rows_ = rows(&a);
    let na = rows_
        .iter()
        .find(|r| r.id == "PROMPTINPUTVALIDATION")
        .expect("in the edition");
    assert_eq!(na.applicable, Applicable::No);
    assert_eq!(
        na.justification,
        "The provider filters prompts; verified under 4.5."
    );

    let monitor = rows_
        .iter()
        .find(|r| r.id == "MONITORUSE")
        .expect("in the edition");
    assert_eq!(monitor.applicable, Applicable::Yes);
    assert_eq!(monitor.status, ControlStatus::Planned);
    assert_eq!(
        (monitor.owner.as_str(), monitor.due.as_str()),
        ("SecOps", "2026-12-31")
    );
    assert!(monitor.justification.starts_with("Serves: "));
    assert!(!monitor.general);
    let program = rows_.iter().find(|r| r.id == "AIPROGRAM").expect("listed");
    assert!(program.general);
    assert_eq!(
        program.threats.len(),
        a.selection().counts().applicable + a.selection().counts().unknown
    );
    assert!(!monitor.threats.is_empty());
    for t in &monitor.threats {
        let verdict = a.selection();
        assert!(verdict.verdict_of(t).expect("a threat").in_scope(), "{t}");
    }

    // The "Not applicable:" people type before the reason is not repeated,
    // and a control decided not applicable stays "no" even when not selected.
    let catalog = a.catalog();
    let sel = a.selection();
    let unselected = catalog
        .controls
        .iter()
        .enumerate()
        .find(|(i, _)| !sel.controls.iter().any(|s| s.control == *i))
        .map(|(_, c)| c.id);
    for id in ["RATELIMIT"].into_iter().chain(unselected) {
        a.controls.insert(
            id.into(),
            ControlPlan {
                status: ControlStatus::NotApplicable,
                rationale: "Not applicable: no public endpoint".into(),
                ..Default::default()
            },
        );
        let r = rows(&a).into_iter().find(|r| r.id == id).expect("listed");
        assert_eq!(r.applicable, Applicable::No, "{id}");
        assert_eq!(r.justification, "no public endpoint");
    }
}

#[test]
fn csv_has_a_fixed_header_and_quotes_and_neutralises_cells() {
    let mut a = fixture();
    let plan = a.controls.entry("MONITORUSE".into()).or_default();
    plan.owner = "=HYPERLINK(\"x\"), team".into();
    plan.evidence = vec![Evidence {
        url: "https://tickets.example/SEC-1".into(),
        label: "Ticket, \"SEC-1\"".into(),
    }];
    let csv = soa_csv(&a);
    assert!(csv.starts_with(
        "control_id,section,control,applicable,justification,status,owner,due,evidence,threats,iso42001,iso27002\r\n"
    ));
    assert!(csv.ends_with("\r\n"));
    assert!(
        csv.contains(",\"'=HYPERLINK(\"\"x\"\"), team\",2026-12-31,"),
        "{csv}"
    );
    let parsed = parse_csv(&csv);
    let row = parsed
        .iter()
        .find(|r| r[0] == "MONITORUSE")
        .expect("listed");
    assert_eq!(row[6], "'=HYPERLINK(\"x\"), team");
    assert_eq!(row[8], "Ticket, \"SEC-1\" <https://tickets.example/SEC-1>");
    assert_eq!(row[3], "yes");
    assert_eq!(row[5], "planned");
    let catalog = a.catalog();
    let (_, c) = catalog.control("MONITORUSE").expect("in the edition");
    let iso: Vec<String> = c.iso27002.iter().map(|r| r.describe()).collect();
    assert_eq!(row[11], iso.join("; "));
}

#[test]
fn markdown_is_one_inert_table() {
    let mut a = fixture();
    a.name = "<script>x</script> | *bold*".into();
    a.controls.entry("MONITORUSE".into()).or_default().owner = "a | b".into();
    let md = soa_markdown(&a);
    assert!(
        md.starts_with("# Statement of applicability: \\<script>x\\</script> | \\*bold\\*\n"),
        "{md}"
    );
    assert!(md.contains("| a \\| b |"), "{md}");
}

fn aixa(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_aixa"))
        .args(args)
        .output()
        .expect("aixa runs")
}

#[test]
fn cli_prints_the_cores_statement() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/assessment-rag-llm.json"
    );
    let a = fixture();
    for (format, want) in [("soa-csv", soa_csv(&a)), ("soa-md", soa_markdown(&a))] {
        let out = aixa(&["report", file, "--format", format]);
        assert!(out.status.success(), "{format}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            format!("{want}\n"),
            "{format}"
        );
    }
}
