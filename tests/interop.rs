//! The files other tools import (Threat Composer, OWASP TM-BOM, an ATLAS
//! Navigator layer) validate against the targets' own schemas, for the
//! fixture, a 2026-08 assessment, random assessments and hostile text; they
//! are deterministic, inert, and keep Threat Composer's limits.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/cli.rs"]
mod cli;
mod common;

use aixa::core::answers::Tri;
use aixa::core::assessment::{
    Acceptance, Assessment, ControlPlan, ControlStatus, Decision, Evidence, Override,
};
use aixa::core::catalog::QuestionKind;
use aixa::core::report::atlas::atlas_layer;
use aixa::core::report::threat_composer::threat_composer;
use aixa::core::report::tmbom::tmbom;
use common::reference::{complete_from, fixture, Spread};
use common::Rng;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// `../shared/reference/interop`, where the upstream schemas are kept. A
/// test that needs it fails, naming it, when it is missing: it never passes
/// without having validated anything.
fn interop_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/interop");
    assert!(
        dir.join("tc-v1.schema.json").is_file() && dir.join("tmbom.schema.json").is_file(),
        "the interchange schemas are missing: {} must hold tc-v1.schema.json and \
         tmbom.schema.json; these tests validate the exports against them and cannot pass \
         without them",
        dir.display()
    );
    dir
}

/// The ATLAS Navigator has no published JSON Schema: this one states what
/// the layer format (v4.5 spec) and ATLAS's own layers require, plus the
/// issue's rules: no `versions.attack`, no tactic.
const ATLAS_SCHEMA: &str = r##"{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "required": ["name", "domain", "versions", "techniques", "metadata"],
  "properties": {
    "name": {"type": "string", "minLength": 1},
    "domain": {"const": "atlas-atlas"},
    "versions": {"type": "object", "additionalProperties": false,
      "required": ["layer", "navigator"],
      "properties": {"layer": {"const": "4.3"}, "navigator": {"const": "4.6.4"}}},
    "description": {"type": "string"},
    "techniques": {"type": "array", "items": {"type": "object", "additionalProperties": false,
      "required": ["techniqueID", "comment"],
      "properties": {
        "techniqueID": {"type": "string", "pattern": "^AML\\.T[0-9]{4}(\\.[0-9]{3})?$"},
        "score": {"type": "integer", "minimum": 1, "maximum": 25},
        "comment": {"type": "string", "minLength": 1},
        "enabled": {"type": "boolean"},
        "metadata": {"type": "array", "items": {"type": "object", "required": ["name", "value"],
          "properties": {"name": {"type": "string"}, "value": {"type": "string"}}}}}}},
    "gradient": {"type": "object", "required": ["colors", "minValue", "maxValue"]},
    "legendItems": {"type": "array"},
    "metadata": {"type": "array", "items": {"type": "object", "required": ["name", "value"],
      "properties": {"name": {"type": "string"}, "value": {"type": "string"}}}}
  }
}"##;

struct Validators {
    schemas: boon::Schemas,
    tc: boon::SchemaIndex,
    tmbom: boon::SchemaIndex,
    atlas: boon::SchemaIndex,
}

fn validators() -> &'static Validators {
    static V: OnceLock<Validators> = OnceLock::new();
    V.get_or_init(|| {
        let dir = interop_dir();
        let read = |name: &str| -> Value {
            let path = dir.join(name);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
        };
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        // TM-BOM's dates are `format: date`: check them, not just note them.
        compiler.enable_format_assertions();
        let mut add = |url: &str, value: Value| {
            compiler
                .add_resource(url, value)
                .expect("the schema is added");
            compiler
                .compile(url, &mut schemas)
                .unwrap_or_else(|e| panic!("{url} compiles: {e}"))
        };
        let tc = add(
            "file:///interop/tc-v1.schema.json",
            read("tc-v1.schema.json"),
        );
        let tmbom = add(
            "file:///interop/tmbom.schema.json",
            read("tmbom.schema.json"),
        );
        let atlas = add(
            "file:///interop/atlas-layer.schema.json",
            serde_json::from_str(ATLAS_SCHEMA).expect("the layer schema is JSON"),
        );
        Validators {
            schemas,
            tc,
            tmbom,
            atlas,
        }
    })
}

type Export = fn(&Assessment) -> String;
const FORMATS: [(&str, Export); 3] = [
    ("threat-composer", threat_composer),
    ("tm-bom", tmbom),
    ("atlas-layer", atlas_layer),
];

/// Every check one export must pass; `what` names the case in a failure.
fn check(what: &str, a: &Assessment) {
    let v = validators();
    for (format, export) in FORMATS {
        let text = export(a);
        assert_eq!(text, export(a), "{what}, {format}: not deterministic");
        // No markup in the bytes, whatever the free text held.
        assert!(
            !text.contains(['<', '>']),
            "{what}, {format}: the file holds an angle bracket"
        );
        let json: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{what}, {format}: not JSON: {e}"));
        let index = match format {
            "threat-composer" => v.tc,
            "tm-bom" => v.tmbom,
            _ => v.atlas,
        };
        if let Err(e) = v.schemas.validate(&json, index) {
            panic!("{what}, {format}: invalid against its schema: {e:#}");
        }
        assert!(
            text.contains(a.edition.id()),
            "{what}, {format}: the edition is not recorded"
        );
        match format {
            "threat-composer" => composer_rules(what, a, &json),
            "tm-bom" => tmbom_rules(what, a, &json),
            _ => atlas_rules(what, a, &json),
        }
    }
}

fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// The length Threat Composer's importer checks: after it has escaped
/// entities, in UTF-16 units. Written here on its own, not taken from the
/// exporter, so that a wrong budget there shows.
fn escaped_len(s: &str) -> usize {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
        .encode_utf16()
        .count()
}

fn composer_rules(what: &str, a: &Assessment, tc: &Value) {
    // DefectDojo's parser needs every one of these.
    for key in [
        "threats",
        "mitigations",
        "assumptions",
        "mitigationLinks",
        "assumptionLinks",
    ] {
        assert!(tc[key].is_array(), "{what}: no {key} array");
    }
    let name = tc["applicationInfo"]["name"].as_str().unwrap_or_default();
    assert!(
        escaped_len(name) <= 200,
        "{what}: name too long once escaped"
    );
    let in_scope = a
        .selection()
        .verdicts
        .iter()
        .filter(|v| v.in_scope())
        .count();
    let threats = tc["threats"].as_array().cloned().unwrap_or_default();
    assert!(
        threats.len() >= in_scope,
        "{what}: a threat in scope is missing"
    );
    let mut ids = Vec::new();
    for t in &threats {
        assert!(
            t["metadata"].is_array() && t["statement"].is_string(),
            "{what}: {t}"
        );
        // The limits hold even after the importer escapes entities.
        for part in [
            "threatSource",
            "prerequisites",
            "threatAction",
            "threatImpact",
        ] {
            let s = t[part].as_str().unwrap_or_default();
            assert!(
                escaped_len(s) <= 200,
                "{what}: {part} too long once escaped: {s}"
            );
        }
        let statement = t["statement"].as_str().unwrap_or_default();
        assert!(escaped_len(statement) <= 1400, "{what}: statement too long");
        for tag in t["tags"].as_array().into_iter().flatten() {
            assert!(escaped_len(tag.as_str().unwrap_or_default()) <= 30);
        }
        for m in t["metadata"].as_array().into_iter().flatten() {
            let key = m["key"].as_str().unwrap_or_default();
            if key.starts_with("custom:") {
                assert!(
                    m["value"].is_string() || m["value"].is_array(),
                    "{what}: {key} is not a string"
                );
            }
            if key == "Comments" {
                assert!(escaped_len(m["value"].as_str().unwrap_or_default()) <= 1000);
            }
        }
        ids.push(t["id"].as_str().unwrap_or_default().to_string());
    }
    for m in tc["mitigations"].as_array().into_iter().flatten() {
        assert!(
            m["metadata"].is_array(),
            "{what}: a mitigation without metadata"
        );
        assert!(escaped_len(m["content"].as_str().unwrap_or_default()) <= 1000);
        for c in m["metadata"].as_array().into_iter().flatten() {
            if c["key"] == "Comments" {
                let text = c["value"].as_str().unwrap_or_default();
                assert!(
                    escaped_len(text) <= 1000,
                    "{what}: a comment too long once escaped"
                );
            }
        }
        ids.push(m["id"].as_str().unwrap_or_default().to_string());
    }
    for id in &ids {
        assert_eq!(id.len(), 36, "{what}: id {id}");
    }
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{what}: ids collide");
    // Nothing the importer would strip as a tag.
    let mut all = Vec::new();
    strings(tc, &mut all);
    assert!(
        all.iter().all(|s| !s.contains(['<', '>'])),
        "{what}: markup"
    );
}

fn tmbom_rules(what: &str, a: &Assessment, doc: &Value) {
    let ext = &doc["extensions"]["owaspai.org/aixa/assessment"];
    assert_eq!(ext["edition"], a.edition.id(), "{what}");
    for r in doc["risks"].as_array().into_iter().flatten() {
        let score = r["score"].as_u64().unwrap_or(99);
        assert!((1..=25).contains(&score), "{what}: {r}");
    }
    let accepted = doc["extensions"]["owaspai.org/aixa/acceptances"]
        .as_object()
        .map_or(0, |o| o.len());
    assert_eq!(accepted, a.acceptance.len(), "{what}: acceptances lost");
}

fn atlas_rules(what: &str, a: &Assessment, layer: &Value) {
    let expected: std::collections::BTreeSet<&str> = a
        .selection()
        .verdicts
        .iter()
        .filter(|v| v.in_scope())
        .flat_map(|v| a.catalog().threats[v.threat].atlas.iter().copied())
        .collect();
    let got: Vec<&str> = layer["techniques"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| t["techniqueID"].as_str())
        .collect();
    assert_eq!(got, expected.into_iter().collect::<Vec<_>>(), "{what}");
    assert!(layer["versions"].get("attack").is_none());
    assert!(layer["techniques"]
        .as_array()
        .into_iter()
        .flatten()
        .all(|t| t.get("tactic").is_none()));
}

fn agent_2026() -> Assessment {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/files/agent-2026.aixa.json");
    let text = std::fs::read_to_string(&path).expect("the 2026-08 golden file is there");
    Assessment::from_json(&text).expect("it loads")
}

#[test]
fn the_interop_schemas_are_there() {
    // Fails, naming the folder, when it is missing (seen by renaming it).
    let dir = interop_dir();
    assert!(dir.ends_with("../shared/reference/interop"));
}

#[test]
fn the_fixture_exports_validate() {
    check("fixture", &fixture());
}

#[test]
fn a_2026_08_assessment_exports_validate() {
    let a = agent_2026();
    assert_eq!(a.edition.id(), "2026-08");
    check("agent-2026", &a);
}

/// Text of every kind the limits and the escaping must survive.
fn random_text(rng: &mut Rng) -> String {
    const PIECES: [&str; 10] = [
        "A & B ",
        "\"quoted\" ",
        "<b>bold</b> ",
        "line\nbreak ",
        "emoji 🛡️ ",
        "' or 1=1 ",
        "ünïcödé ",
        "[link](javascript:x) ",
        "plain words here ",
        "&amp; ",
    ];
    let n = rng.below(400);
    (0..n).map(|_| rng.pick(&PIECES)).collect()
}

#[test]
fn random_assessments_export_valid_files() {
    let bases = [fixture(), agent_2026()];
    let mut rng = Rng(0x1e7e_4011);
    for case in 0..200 {
        let mut base = bases[case % 2].clone();
        let catalog = base.catalog();
        for q in catalog.questions {
            if matches!(q.kind, QuestionKind::YesNo) && rng.chance(40) {
                base.answers
                    .set(q.id, rng.pick(&[Tri::Yes, Tri::No, Tri::Unknown]));
            }
        }
        let spread = if rng.chance(50) {
            Spread::Realistic
        } else {
            Spread::Random
        };
        let mut a =
            complete_from(&base, &mut rng, spread).unwrap_or_else(|e| panic!("case {case}: {e}"));
        a.id = format!("random-{case}");
        a.name = random_text(&mut rng);
        a.details.description = random_text(&mut rng);
        a.scope.assumptions = random_text(&mut rng);
        for t in catalog.threats.iter() {
            if rng.chance(5) {
                a.overrides.insert(
                    t.id.to_string(),
                    Override {
                        include: rng.chance(50),
                        rationale: random_text(&mut rng),
                    },
                );
            }
        }
        for c in catalog.controls.iter() {
            if rng.chance(20) {
                a.controls.insert(
                    c.id.to_string(),
                    ControlPlan {
                        status: rng.pick(&ControlStatus::ALL),
                        rationale: random_text(&mut rng),
                        notes: random_text(&mut rng),
                        owner: random_text(&mut rng),
                        ..ControlPlan::default()
                    },
                );
            }
        }
        check(&format!("random case {case}"), &a);
    }
}

/// The payloads of tests/e2e/hostile.spec.ts, and a few that grow when
/// escaped.
const HOSTILE: [&str; 9] = [
    r#"<img src=x onerror="window.__xss='img'">"#,
    "<script>window.__xss='script'</script>",
    r#""><svg onload="window.__xss='svg'">"#,
    "javascript:window.__xss='href'",
    "' onmouseover='window.__xss=1' x='",
    "{{constructor.constructor('window.__xss=1')()}}",
    r#"=HYPERLINK("http://evil.example","click")"#,
    "</script><!--",
    "&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&",
];

#[test]
fn hostile_text_passes_through_all_three_inert_and_valid() {
    for (i, payload) in HOSTILE.iter().enumerate() {
        let p = |k: usize| HOSTILE[(i + k) % HOSTILE.len()].to_string();
        let mut a = fixture();
        a.name = payload.to_string();
        a.details.description = p(1);
        a.details.scope = p(2);
        a.scope.purpose = p(3);
        a.scope.assumptions = p(4);
        a.scope.boundary = p(5);
        a.criteria.likelihood = vec![p(6); 5];
        a.criteria.impact = vec![p(7); 5];
        for o in a.overrides.values_mut() {
            o.rationale = p(1);
        }
        for (k, c) in a.controls.values_mut().enumerate() {
            c.notes = p(k);
            c.owner = p(k + 1);
            c.rationale = p(k + 2);
            c.due = p(k + 3);
        }
        a.acceptance.insert(
            "directpromptinjection".into(),
            Acceptance {
                decision: Decision::Accepted,
                approver: p(2),
                date: p(3),
                rationale: p(4),
                review: p(5),
                evidence: vec![Evidence {
                    url: p(6),
                    label: p(0),
                }],
            },
        );
        check(&format!("hostile payload {i}"), &a);
        for (format, export) in FORMATS {
            let text = export(&a);
            for bad in ["<script", "<img", "<svg", "onerror=\"", "</script"] {
                assert!(!text.contains(bad), "payload {i}, {format}: {bad}");
            }
        }
    }
}

#[test]
fn threat_composer_uuids_are_named_and_links_point_at_items() {
    let a = fixture();
    let tc: Value = serde_json::from_str(&threat_composer(&a)).expect("JSON");
    let mut other = a.clone();
    other.id = "another-assessment".into();
    let tc2: Value = serde_json::from_str(&threat_composer(&other)).expect("JSON");
    // The same threat in another assessment is another item.
    assert_ne!(tc["threats"][0]["id"], tc2["threats"][0]["id"]);
    let ids: Vec<&str> = tc["threats"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(tc["mitigations"].as_array().into_iter().flatten())
        .filter_map(|t| t["id"].as_str())
        .collect();
    for link in tc["mitigationLinks"].as_array().into_iter().flatten() {
        for side in ["mitigationId", "linkedId"] {
            let id = link[side].as_str().unwrap_or_default();
            assert!(ids.contains(&id), "{side} {id} names nothing");
        }
    }
}

#[test]
fn threat_composer_status_and_priority_follow_the_decisions() {
    let mut a = fixture();
    a.overrides.insert(
        "directpromptinjection".into(),
        Override {
            include: false,
            rationale: "Only staff use it.".into(),
        },
    );
    let tc: Value = serde_json::from_str(&threat_composer(&a)).expect("JSON");
    let meta = |t: &Value, key: &str| -> Option<String> {
        t["metadata"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|m| m["key"] == key)
            .and_then(|m| m["value"].as_str().map(String::from))
    };
    let sel = a.selection();
    for t in tc["threats"].as_array().into_iter().flatten() {
        let id = meta(t, "custom:aixaThreatId").expect("every threat names its aixa id");
        let v = sel.verdict_of(&id).expect("a catalog threat");
        if !v.in_scope() {
            assert_eq!(t["status"], "threatResolvedNotUseful", "{id}");
        }
        let residual = aixa::core::risk::effective_score(&a, &sel, v.threat).residual;
        match residual.level() {
            Some(l) if l >= 10 => assert_eq!(meta(t, "Priority").as_deref(), Some("High")),
            Some(l) if l >= 5 => assert_eq!(meta(t, "Priority").as_deref(), Some("Medium")),
            Some(_) => assert_eq!(meta(t, "Priority").as_deref(), Some("Low")),
            None => assert_eq!(meta(t, "Priority"), None),
        }
    }
    // A threat taken out of scope is kept, as not useful.
    assert!(tc["threats"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|t| t["status"] == "threatResolvedNotUseful"));
}

#[test]
fn the_cli_prints_each_format_and_refuses_invalid_input() {
    let path = common::reference::fixture_path();
    let file = path.to_str().expect("a UTF-8 path");
    for (format, export) in FORMATS {
        let out = cli::aixa(&["report", file, "--format", format], "");
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            format!("{}\n", export(&fixture())),
            "{format}"
        );
        // Invalid input: exit 2, nothing on stdout, the problem on stderr.
        let bad = cli::aixa(&["report", "-", "--format", format], "{\"schema\": 6}");
        assert_eq!(bad.status.code(), Some(2), "{format}");
        assert!(bad.stdout.is_empty(), "{format}");
        assert!(String::from_utf8_lossy(&bad.stderr).contains("aixa: error:"));
    }
}
