//! Reports (Markdown, CSV), the pipeline check, and their CLI commands.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use aixa::core::assessment::{
    Acceptance, Assessment, ControlPlan, ControlStatus, Decision, Party, Responsibility,
};
use aixa::core::check::check;
use aixa::core::date::Date;
use common::parse_csv;

fn day() -> Date {
    Date::parse("2026-11-25").expect("a date")
}
use aixa::core::report::{csv::csv, markdown::markdown};
use std::process::Command;

fn fixture() -> Assessment {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/assessment-rag-llm.json");
    Assessment::from_json(&std::fs::read_to_string(path).expect("fixture")).expect("valid")
}

const HOSTILE: &str = "<script>alert(1)</script> **bold** [x](javascript:alert(1)) | cell # =1+1";

#[test]
fn markdown_makes_user_text_inert() {
    let mut a = fixture();
    a.name = HOSTILE.into();
    a.acceptance
        .get_mut("directpromptinjection")
        .expect("set")
        .rationale = HOSTILE.into();
    let md = markdown(&a, "2026-11-25");
    // Backslashes, never HTML entities; `|` only escaped in a table, `#`
    // only where a line could start.
    let inert = r"\<script>alert(1)\</script> \*\*bold\*\* \[x](javascript:alert(1))";
    assert_eq!(
        md.lines().next(),
        Some(format!("# AI security assessment: {inert} | cell # =1+1").as_str())
    );
    let rationale = format!("| {inert} \\| cell # =1+1 | – |");
    assert!(
        md.lines()
            .any(|l| l.starts_with("| 4.5 Direct prompt injection | 4 × 4")
                && l.ends_with(&rationale)),
        "{md}"
    );
    assert!(!md.contains("&lt;") && !md.contains("&gt;") && !md.contains("&amp;"));
}

#[test]
fn markdown_covers_every_step() {
    let md = markdown(&fixture(), "2026-11-25");
    for heading in [
        "## System profile",
        "## Threats",
        "## Responsibility and verification",
        "## Controls",
        "## Risk and acceptance",
        "## Coverage",
        "## UK/US guidelines",
    ] {
        assert!(md.contains(heading), "{heading}");
    }
    // Sections go by name, not by step number: editions number their steps
    // differently. A 2024-01 report has no treatment step.
    assert!(!md.lines().any(|l| l.starts_with("## 4.")));
    assert!(!md.contains("## Evaluation and treatment"));
    assert!(md.contains("Included by override: A small classifier"));
    assert!(md.contains("Reviews due by 2026-11-25: Direct prompt injection."));
    assert!(
        md.contains("| 4.5 Direct prompt injection | 4 × 4 = 16 | 2 × 3 = 6 | Accepted | CISO |")
    );
}

/// A fixture whose free text holds what used to leave artefacts in the
/// Markdown: HTML entities, needless backslashes, a reason said twice.
fn artefacts() -> Assessment {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/report-artefacts.json");
    Assessment::from_json(&std::fs::read_to_string(path).expect("fixture")).expect("valid")
}

#[test]
fn markdown_prints_free_text_cleanly_and_inert() {
    let md = markdown(&artefacts(), "2026-11-28");
    let lines: Vec<&str> = md.lines().collect();
    for expected in [
        r"# AI security assessment: Customer T&Cs bot \<script>alert(1)\</script>",
        r"- System: Scores ~400M transactions a_b_c",
        r"- Scope: # heading",
        r"- Assessor: \*bold\*",
        r"- Version assessed: | pipe",
        r"| 2.1 | Evasion - Model behaviour manipulation through use | Applicable | yes | Included by override: \[x](javascript:alert(1)) \| pipe (Not applicable: it is a generative AI model, so the Exchange's risk analysis sets the evasion threats aside for generative models.) |",
        r"| 4.5 Direct prompt injection | Provider | Acme \| pipe | changed | Verified | \<script>alert(1)\</script> https://example.com/soc2 | 2026-11-10 |",
        r"| 2 | MONITORUSE Monitor use | Planned | # heading | 2026-12-31 | ~400M a_b_c \*bold\* | – |",
        r"| 4.6 | PROMPTINPUTVALIDATION Prompt input validation | Not applicable | – | – | the provider filters prompts \| pipe | – |",
        r"| 4.5 Direct prompt injection | 4 × 4 = 16 | 2 × 3 = 6 | Accepted | a_b_c | 2026-11-20 | 2026-11-24 | # heading \[x](javascript:alert(1)) Customer T&Cs | – |",
    ] {
        assert!(lines.contains(&expected), "missing {expected:?} in\n{md}");
    }
    for artefact in [
        "&amp;",
        "&lt;",
        "&gt;",
        r"\~",
        r"\_",
        r"\#",
        "Not applicable: Not applicable",
        "Not applicable: the provider",
    ] {
        assert!(!md.contains(artefact), "{artefact:?} in\n{md}");
    }
}

#[test]
fn csv_keeps_free_text_as_typed_with_the_reason_once() {
    let text = csv(&artefacts(), "2026-11-28");
    let rows = parse_csv(&text);
    let col = |name: &str| rows[0].iter().position(|h| h == name).expect(name);
    let na = rows
        .iter()
        .find(|r| r[col("control_id")] == "PROMPTINPUTVALIDATION")
        .expect("the not-applicable control");
    assert_eq!(na[col("control_status")], "not_applicable");
    assert_eq!(na[col("notes")], "the provider filters prompts | pipe");
    let dpi = rows
        .iter()
        .find(|r| r[col("threat_id")] == "directpromptinjection")
        .expect("4.5");
    assert_eq!(dpi[col("evidence")], "<script>alert(1)</script>");
    assert_eq!(
        dpi[col("acceptance_rationale")],
        "# heading [x](javascript:alert(1)) Customer T&Cs"
    );
}

#[test]
fn cli_markdown_report_is_the_cores() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/report-artefacts.json"
    );
    let out = aixa(&["report", file, "--format", "md"]);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        md.starts_with(
            "# AI security assessment: Customer T&Cs bot \\<script>alert(1)\\</script>\n"
        ),
        "{md}"
    );
    assert!(
        md.contains("| the provider filters prompts \\| pipe |"),
        "{md}"
    );
}

/// Every row of every Markdown table names its catalog section: in a §
/// column of its own, or before the threat's name.
#[test]
fn every_markdown_table_row_names_its_section() {
    let md = markdown(&fixture(), "2026-11-28");
    let lines: Vec<&str> = md.lines().collect();
    let is_section = |cell: &str| {
        let number = cell.split(' ').next().unwrap_or_default();
        number
            .split('.')
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let mut headers = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !line.starts_with("| ---") {
            continue;
        }
        let header = lines[i - 1];
        headers.push(header);
        let rows: Vec<&str> = lines[i + 1..]
            .iter()
            .take_while(|l| l.starts_with("| "))
            .copied()
            .collect();
        assert!(!rows.is_empty(), "{header}");
        for row in rows {
            let first = row[2..].split(" | ").next().unwrap_or_default();
            assert!(is_section(first), "no section first in {row:?}");
        }
    }
    for head in [
        "| § | Threat |",
        "| Threat | Responsible |",
        "| § | Control |",
        "| Threat | Inherent",
    ] {
        assert!(
            headers.iter().any(|h| h.starts_with(head)),
            "no table {head}"
        );
    }
    assert!(
        headers
            .iter()
            .all(|h| h.starts_with("| § |") || h.starts_with("| Threat |")),
        "{headers:?}"
    );
}

#[test]
fn csv_has_a_row_per_threat_and_control_and_neutralises_formulas() {
    let mut a = fixture();
    a.controls.insert(
        "RATELIMIT".into(),
        ControlPlan {
            status: ControlStatus::Implemented,
            owner: "=HYPERLINK(\"http://evil\",\"x\")".into(),
            notes: "+1, \"quoted\"\nnext line".into(),
            ..ControlPlan::default()
        },
    );
    a.acceptance
        .get_mut("directpromptinjection")
        .expect("set")
        .approver = "@SUM(A1)".into();
    let rows = parse_csv(&csv(&a, "2026-11-28"));
    let col = |name: &str| {
        rows[0]
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    assert_eq!(rows[0].len(), 36);
    assert!(rows.iter().all(|r| r.len() == 36));
    // The last column names the record every row was made from.
    let digest = aixa::core::digest::digest(&a);
    assert!(rows[1..].iter().all(|r| r[col("record_digest")] == digest));
    // Every threat in scope (one row even when no control serves it) and
    // every threat an override excluded (one row).
    let sel = a.selection();
    let expected: usize = sel
        .verdicts
        .iter()
        .map(|v| {
            let serving = sel
                .controls
                .iter()
                .filter(|c| c.threats.contains(&v.threat))
                .count();
            match (v.in_scope(), v.manual.is_some()) {
                (true, _) => serving.max(1),
                (false, true) => 1,
                (false, false) => 0,
            }
        })
        .sum();
    assert_eq!(rows.len() - 1, expected);
    let rate = rows
        .iter()
        .find(|r| r[col("control_id")] == "RATELIMIT")
        .expect("a RATELIMIT row");
    assert_eq!(rate[col("owner")], "'=HYPERLINK(\"http://evil\",\"x\")");
    assert_eq!(rate[col("notes")], "'+1, \"quoted\"\nnext line");
    let dpi = rows
        .iter()
        .find(|r| r[0] == "directpromptinjection")
        .expect("row");
    assert_eq!(dpi[col("approver")], "'@SUM(A1)");
    assert_eq!(dpi[col("evidence")], "SOC 2 report, section 4");
    assert_eq!(dpi[col("evidence_link")], "https://example.com/soc2");
    assert_eq!(dpi[col("verified_on")], "2026-11-10");
    assert_eq!(dpi[col("decided_on")], "2026-11-20");
    assert!(!dpi[col("acceptance_rationale")].is_empty());
    // Nothing to verify for a threat that is ours alone.
    let ours = rows.iter().find(|r| r[0] == "insecureoutput").expect("row");
    assert_eq!(ours[col("responsible")], "us");
    assert_eq!(ours[col("assurance")], "");
    for row in &rows {
        for c in row {
            assert!(!c.starts_with(['=', '+', '-', '@', '\t', '\r']), "{c}");
        }
    }
}

#[test]
fn check_lists_uncovered_threats_that_are_ours() {
    let mut a = fixture();
    let findings = check(&a, day());
    let ids: Vec<&str> = findings.iter().map(|f| f.threat).collect();
    assert!(ids.contains(&"indirectpromptinjection"), "{ids:?}");
    // Accepted residual risk covers a threat; so does the provider owning it.
    assert!(!ids.contains(&"directpromptinjection"));
    // A complete acceptance covers a threat; an approver alone does not.
    for id in ids.clone() {
        a.acceptance.insert(
            id.to_string(),
            Acceptance {
                decision: Decision::Accepted,
                approver: "CISO".into(),
                ..Acceptance::default()
            },
        );
    }
    let hollow = check(&a, day());
    assert_eq!(hollow.len(), ids.len());
    assert!(
        hollow[0]
            .message
            .contains("acceptance has no decision date"),
        "{}",
        hollow[0].message
    );
    for id in ids {
        let x = a.acceptance.get_mut(id).expect("just set");
        x.date = "2026-11-20".into();
        x.rationale = "Within appetite.".into();
        x.review = "2027-11-20".into();
    }
    // What is left lies with a provider (3.1.3, the model maker's): only
    // verified assurance covers it.
    let left = check(&a, day());
    assert!(
        left.iter().all(|f| f.message.contains("(a provider's)")),
        "{left:?}"
    );
    for f in left {
        a.verification.entry(f.threat.into()).or_default().status =
            aixa::core::assessment::Assurance::Verified;
    }
    assert!(check(&a, day()).is_empty());
}

#[test]
fn check_leaves_a_threat_to_the_provider_who_holds_it_but_not_a_shared_one() {
    let mut a = fixture();
    let id = "indirectpromptinjection";
    assert!(
        check(&a, day()).iter().any(|f| f.threat == id),
        "uncovered at first"
    );
    a.responsibility.insert(
        id.into(),
        Responsibility {
            party: Party::Shared,
            provider: "Acme AI".into(),
        },
    );
    let shared = check(&a, day());
    let finding = shared
        .iter()
        .find(|f| f.threat == id)
        .expect("shared is still ours");
    assert!(finding.message.contains("(shared)"), "{}", finding.message);
    a.responsibility.insert(
        id.into(),
        Responsibility {
            party: Party::Provider,
            provider: "Acme AI".into(),
        },
    );
    // A provider's threat is covered by verified assurance only: the
    // fixture's 4.6 assurance is "requested".
    let provider = check(&a, day());
    let finding = provider
        .iter()
        .find(|f| f.threat == id)
        .expect("not verified");
    assert!(
        finding
            .message
            .contains("assurance is not verified (requested)"),
        "{}",
        finding.message
    );
    a.verification.get_mut(id).expect("in the fixture").status =
        aixa::core::assessment::Assurance::Verified;
    assert!(
        !check(&a, day()).iter().any(|f| f.threat == id),
        "verified, the provider's alone"
    );
}

fn aixa(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_aixa"))
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn cli_report_and_check() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/assessment-rag-llm.json"
    );
    let md = aixa(&["report", file, "--format", "md"]);
    assert!(md.status.success());
    assert!(String::from_utf8_lossy(&md.stdout).starts_with("# AI security assessment"));
    let csv_out = aixa(&["report", file, "--format", "csv"]);
    assert!(String::from_utf8_lossy(&csv_out.stdout).starts_with("threat_id,section,threat,"));
    let json = aixa(&["report", file, "--format", "json"]);
    let again = Assessment::from_json(&String::from_utf8_lossy(&json.stdout))
        .expect("the JSON export reads back");
    assert_eq!(again, fixture());

    let out = aixa(&["check", file, "--as-of", "2026-11-25"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("4.6 Indirect prompt injection (shared): acceptance refused"),
        "{text}"
    );
    assert!(
        text.contains("threat(s) not covered, as of 2026-11-25"),
        "{text}"
    );
}

#[test]
fn cli_refuses_a_bad_assessment_naming_the_problem() {
    let dir = std::env::temp_dir().join(format!("aixa-reports-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("bad.json");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/assessment-rag-llm.json"
    ))
    .expect("fixture")
    .replace(
        "\"approver\": \"CISO\", \"date\": \"2026-11-20\", \"rationale\": \"Residual",
        "\"aprover\": \"CISO\", \"date\": \"2026-11-20\", \"rationale\": \"Residual",
    );
    std::fs::write(&path, text).expect("write");
    let out = aixa(&["check", path.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown field `aprover`"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_question_never_asked_is_reported_as_not_asked_with_the_reason() {
    // The fixture does not train, so "is the training data sensitive?" was
    // never asked: no report may print an answer for it.
    let md = markdown(&fixture(), "2026-11-28");
    let line = md
        .lines()
        .find(|l| l.contains("Is the training / fine-tuning data sensitive?"))
        .expect("the question is listed");
    assert_eq!(
        line,
        "- Is the training / fine-tuning data sensitive? **not asked**, as you don't train or fine-tune the model"
    );
    // An answered dependent question keeps its answer.
    assert!(
        md.contains("- Is the data in the retrieval repository sensitive? **yes**"),
        "{md}"
    );
}

#[test]
fn a_confirmed_default_is_reported_as_the_default_not_as_changed() {
    use aixa::core::dashboard::in_scope;
    use aixa::core::responsibility::{default_for, in_force};
    let mut a = fixture();
    a.responsibility.clear();
    // "Confirm every default": each in-scope threat gets its default stored.
    let sel = a.selection();
    for t in in_scope(&sel) {
        let r = default_for(a.catalog(), &a.answers, t).responsibility;
        a.responsibility.insert(a.catalog().threats[t].id.into(), r);
    }
    for t in in_scope(&sel) {
        assert!(
            in_force(&a, t).1,
            "{} reads as changed",
            a.catalog().threats[t].id
        );
    }
    let md = markdown(&a, "2026-11-28");
    let table: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("| Threat | Responsible"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert!(!table.is_empty());
    for row in table {
        assert!(!row.contains("| changed |"), "{row}");
    }
    // A real departure still reads as changed.
    let id = "indirectpromptinjection";
    a.responsibility.insert(
        id.into(),
        Responsibility {
            party: Party::Us,
            provider: String::new(),
        },
    );
    let (t, _) = a.catalog().threat(id).expect("in the catalog");
    assert!(!in_force(&a, t).1);
}

#[test]
fn csv_lists_a_threat_excluded_by_override_with_its_rationale() {
    let mut a = fixture();
    a.overrides.insert(
        "indirectpromptinjection".into(),
        serde_json::from_str(r#"{"include": false, "rationale": "No documents reach the model"}"#)
            .expect("an override"),
    );
    let rows = parse_csv(&csv(&a, "2026-11-28"));
    let col = |name: &str| rows[0].iter().position(|h| h == name).expect("column");
    let excluded: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[0] == "indirectpromptinjection")
        .collect();
    assert_eq!(excluded.len(), 1, "one row, no controls");
    let row = excluded[0];
    assert_eq!(row[col("in_scope")], "no");
    assert_eq!(
        row[col("override")],
        "excluded: No documents reach the model"
    );
    assert_eq!(row[col("control_id")], "");
}

#[test]
fn the_report_names_what_was_assessed_and_by_whom() {
    let mut a = fixture();
    a.details.description = "Support chatbot".into();
    a.details.assessor = "A. Architect".into();
    let md = markdown(&a, "2026-11-28");
    assert!(md.contains("- System: Support chatbot\n"), "{md}");
    assert!(md.contains("- Assessor: A. Architect\n"), "{md}");
    assert!(!md.contains("- Scope:"), "an empty detail is left out");
}

#[test]
fn cli_check_exit_codes_as_of_and_json() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/assessment-rag-llm.json"
    );
    // JSON, judged on a given day: reproducible.
    let out = aixa(&["check", file, "--as-of", "2026-11-25", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(json["as_of"], "2026-11-25");
    assert_eq!(json["covered"], false);
    let dpi = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["threat"] == "indirectpromptinjection")
        .expect("4.6 is a finding");
    assert_eq!(dpi["reasons"], serde_json::json!(["acceptance refused"]));
    // 4.5 is the provider's and verified: covered whatever the day.
    assert!(!json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .any(|f| f["threat"] == "directpromptinjection"));

    // A day that is not a date is invalid input.
    let out = aixa(&["check", file, "--as-of", "25/11/2026"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--as-of \"25/11/2026\" is not a date"));

    // Everything covered: exit 0. One threat in scope, accepted completely.
    let dir = std::env::temp_dir().join(format!("aixa-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("covered.json");
    std::fs::write(
        &path,
        r#"{"schema": 3, "id": "c", "name": "Covered", "edition": "test-edition",
            "created": "", "updated": "", "answers": {"genai": false, "agent": false},
            "responsibility": {"promptinjection": {"party": "us"}},
            "acceptance": {"promptinjection": {"decision": "accepted", "approver": "CISO",
              "date": "2026-11-20", "rationale": "Low exposure.", "review": "2027-01-01"}}}"#,
    )
    .expect("write");
    let path = path.to_str().expect("utf-8");
    let out = aixa(&["check", path, "--as-of", "2026-12-31"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // The same file a day after its review date: not covered.
    let out = aixa(&["check", path, "--as-of", "2027-01-02"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("review date 2027-01-01 has passed"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_2026_report_shows_the_evaluation_and_treatment() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/files/agent-2026.aixa.json");
    let a = Assessment::from_json(&std::fs::read_to_string(path).expect("the golden file"))
        .expect("it loads");
    let md = markdown(&a, "2026-11-28");
    assert!(md.contains("## Evaluation and treatment"), "{md}");
    assert!(md.contains(
        "| 2.2.1 Direct prompt injection | needs treatment | Mitigate | Input and output handling, and the provider's alignment. |"
    ), "{md}");
    assert!(
        md.contains("| 2.5 AI resource exhaustion | applies in theory only | – | – |"),
        "{md}"
    );
}
