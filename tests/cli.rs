//! The `aixa` binary, run as a pipeline would run it.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/cli.rs"]
mod cli;
mod common;

use cli::aixa;

use common::{bits, expected, QUESTIONS};
use serde_json::Value;
use std::process::Output;

/// These tests pin the 2024-01 rules, so they name that edition.
fn select_stdin(answers: &str) -> Output {
    aixa(
        &["select", "--answers", "-", "--edition", "2024-01"],
        answers,
    )
}

#[test]
fn select_defaults_to_the_newest_edition() {
    let out = aixa(&["select", "--answers", "-"], r#"{"genai": true}"#);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(json["edition"], "2026-08");
    // An answer only 2024-01 knows is refused there, naming the questions.
    let out = aixa(&["select", "--answers", "-"], r#"{"llm": true}"#);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown question \"llm\""));
}

fn verdicts(out: &Output) -> Vec<(String, String)> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(json["edition"], "2024-01");
    json["threats"]
        .as_array()
        .expect("threats is an array")
        .iter()
        .map(|t| {
            assert!(
                t["reasons"].as_array().is_some_and(|r| !r.is_empty()),
                "every threat has reasons: {t}"
            );
            (
                t["id"].as_str().expect("id").to_string(),
                t["verdict"].as_str().expect("verdict").to_string(),
            )
        })
        .collect()
}

#[test]
fn select_follows_the_rules_table_for_all_128_combinations() {
    for n in 0..128 {
        let v = bits(n);
        let body: Vec<String> = QUESTIONS
            .iter()
            .zip(v)
            .map(|(q, b)| format!("\"{q}\": {b}"))
            .collect();
        let got = verdicts(&select_stdin(&format!("{{{}}}", body.join(", "))));
        let want: Vec<(String, String)> = expected(v)
            .into_iter()
            .map(|(id, applies)| {
                let verdict = if applies {
                    "applicable"
                } else {
                    "not_applicable"
                };
                (id.to_string(), verdict.to_string())
            })
            .collect();
        assert_eq!(got, want, "answers {v:?}");
    }
}

#[test]
fn null_and_absent_both_mean_unknown() {
    let absent = verdicts(&select_stdin(r#"{"genai": true}"#));
    let null = verdicts(&select_stdin(
        r#"{"genai": true, "llm": null, "trains": null, "hosted": null}"#,
    ));
    assert_eq!(absent, null);
    let of = |id: &str| {
        absent
            .iter()
            .find(|(t, _)| t == id)
            .map(|(_, v)| v.as_str())
            .expect("listed")
    };
    assert_eq!(of("directpromptinjection"), "unknown");
    assert_eq!(of("modeltheftuse"), "unknown");
    assert_eq!(of("evasion"), "not_applicable");
    assert_eq!(of("genericsecthreats"), "applicable");
}

#[test]
fn hosted_components_are_accepted_and_do_not_change_applicability() {
    let plain = verdicts(&select_stdin(r#"{"trains": false}"#));
    let hosted = verdicts(&select_stdin(
        r#"{"trains": false, "hosted": ["model", "extensions", "application", "infrastructure"]}"#,
    ));
    assert_eq!(plain, hosted);
}

#[test]
fn reads_an_answers_file() {
    let dir = std::env::temp_dir().join(format!("aixa-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("answers.json");
    std::fs::write(&path, r#"{"trains": true, "train_data_sensitive": true}"#).expect("write");
    let out = aixa(
        &[
            "select",
            "--answers",
            path.to_str().expect("utf-8 path"),
            "--edition",
            "2024-01",
        ],
        "",
    );
    let v = verdicts(&out);
    assert!(v.contains(&("devdataleak".into(), "applicable".into())));
    std::fs::remove_dir_all(&dir).ok();
}

/// Bad input: exit 2, nothing on stdout, one line on stderr naming the problem.
fn refused(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn malformed_json_names_line_and_column() {
    let err = refused(&select_stdin("{\n  \"rag\": tru\n}"));
    assert!(err.contains("invalid JSON at line 2, column 12"), "{err}");
    let err = refused(&select_stdin("{\"rag\": true,}"));
    assert!(
        err.contains("invalid JSON at line 1, column 14: trailing comma"),
        "{err}"
    );
    let err = refused(&select_stdin(""));
    assert!(err.contains("the input is empty"), "{err}");
}

#[test]
fn an_unknown_key_is_named_with_the_known_ones() {
    let err = refused(&select_stdin(r#"{"rags": true}"#));
    assert!(err.contains(r#"unknown question "rags""#), "{err}");
    assert!(err.contains("train_data_sensitive"), "{err}");
}

#[test]
fn a_wrong_type_is_named() {
    let err = refused(&select_stdin(r#"{"trains": "yes"}"#));
    assert!(
        err.contains(r#""trains" must be true, false or null, found the string "yes""#),
        "{err}"
    );
    let err = refused(&select_stdin(r#"{"hosted": "model"}"#));
    assert!(err.contains(r#""hosted" must be an array"#), "{err}");
    let err = refused(&select_stdin(r#"{"hosted": [1]}"#));
    assert!(err.contains("an array holding the number 1"), "{err}");
    let err = refused(&select_stdin("[true]"));
    assert!(err.contains("expected a JSON object"), "{err}");
}

#[test]
fn an_unknown_hosted_component_is_named() {
    let err = refused(&select_stdin(r#"{"hosted": ["model", "gpu"]}"#));
    assert!(err.contains(r#"unknown component "gpu""#), "{err}");
    assert!(err.contains("infrastructure"), "{err}");
}

#[test]
fn a_missing_file_and_an_unknown_edition_are_refused() {
    let err = refused(&aixa(
        &["select", "--answers", "/nonexistent/answers.json"],
        "",
    ));
    assert!(
        err.contains("/nonexistent/answers.json: cannot read"),
        "{err}"
    );
    let err = refused(&aixa(
        &["select", "--answers", "-", "--edition", "1999"],
        "{}",
    ));
    assert!(err.contains(r#"unknown edition "1999""#), "{err}");
}

#[test]
fn help_documents_select_and_the_answers_format() {
    let out = aixa(&["--help"], "");
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("select"), "{help}");

    let out = aixa(&["select", "--help"], "");
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "--answers",
        "standard input",
        "hosted",
        "null",
        "Exit status",
    ] {
        assert!(
            help.contains(needle),
            "select --help mentions {needle}: {help}"
        );
    }
}

#[test]
fn a_missing_subcommand_or_flag_exits_2() {
    assert_eq!(aixa(&[], "").status.code(), Some(2));
    assert_eq!(aixa(&["select"], "").status.code(), Some(2));
}

#[test]
fn select_lists_the_selected_controls_with_the_threats_they_serve() {
    let out = select_stdin(r#"{"trains": false, "rag": false, "genai": true, "llm": true}"#);
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let controls = json["controls"].as_array().expect("controls is an array");
    let find = |id: &str| controls.iter().find(|c| c["id"] == id);
    let supply = find("SUPPLYCHAINMANAGE").expect("kept for transfer learning");
    assert!(supply["threats"]
        .as_array()
        .expect("threats")
        .contains(&Value::from("transferlearningattack")));
    assert!(
        find("DEVDATAPROTECT").is_none(),
        "development-time control dropped"
    );
    assert!(
        find("PROMPTINPUTVALIDATION").is_some(),
        "an LLM threat's control"
    );
    assert_eq!(find("AIPROGRAM").expect("general")["general"], true);
}
