//! The assessment as an AWS Threat Composer workspace (`.tc.json`,
//! `"schema": 1`), which Threat Composer, its VS Code extension and
//! DefectDojo's "ThreatComposer Scan" import. The mapping is in
//! `docs/interop.md`.

use super::interop::{coverage_as_recorded, plain, to_json, uuid};
use super::interop::{o, J};
use super::md_escape;
use crate::core::assessment::{Assessment, ControlStatus, Score};
use crate::core::dashboard::control_status;
use crate::core::explain::{first_sentence, reasons};
use crate::core::risk::{band, effective_score};

/// The schema's limits, in characters as its validator counts them.
const PART: usize = 200;
const STATEMENT: usize = 1400;
const TAG: usize = 30;
const COMMENT: usize = 1000;
const CONTENT: usize = 1000;
const NAME: usize = 200;

/// What a character costs once Threat Composer's importer has escaped it:
/// it escapes entities before it checks the limits, so `&` grows to
/// `&amp;`; quotes are counted as if escaped too, to be safe. The limits are
/// checked in UTF-16 units (JavaScript), so a character outside the BMP
/// counts two.
fn cost(c: char) -> usize {
    match c {
        '&' => 5,
        '"' | '\'' => 6,
        c => c.len_utf16(),
    }
}

/// Free text as Threat Composer may hold it: one line, angle brackets
/// replaced by look-alikes so that nothing reads as a tag (the importer
/// would strip it, and a renderer might run it), and cut with "…" so that
/// it stays within `max` even after the importer's escaping.
pub fn tc_text(text: &str, max: usize) -> String {
    let text: String = plain(text)
        .chars()
        .map(|c| match c {
            '<' => '‹',
            '>' => '›',
            c => c,
        })
        .collect();
    if text.chars().map(cost).sum::<usize>() <= max {
        return text;
    }
    let mut out = String::new();
    let mut used = cost('…');
    for c in text.chars() {
        if used + cost(c) > max {
            break;
        }
        used += cost(c);
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// The escaped length the importer checks, for tests.
pub fn escaped_len(text: &str) -> usize {
    text.chars().map(cost).sum()
}

/// "High", "Medium" or "Low": Threat Composer's priorities from aixa's
/// bands (critical and high are both "High").
fn priority(level: u8) -> &'static str {
    match band(level).0 {
        "low" => "Low",
        "medium" => "Medium",
        _ => "High",
    }
}

fn custom(key: &str, value: impl Into<String>) -> J {
    o! {"key": format!("custom:{key}"), "value": tc_text(&value.into(), usize::MAX)}
}

fn score_meta(out: &mut Vec<J>, side: &str, s: Score) {
    if let (Some(l), Some(i)) = (s.likelihood, s.impact) {
        out.push(custom(&format!("aixa{side}Likelihood"), l.to_string()));
        out.push(custom(&format!("aixa{side}Impact"), i.to_string()));
        out.push(custom(&format!("aixa{side}Level"), (l * i).to_string()));
    }
}

/// The threat source and its prerequisite, from where the attack comes in.
fn source(surface: &str) -> (&'static str, &'static str) {
    match surface {
        "model_use" => ("threat actor", "who can use the model"),
        "engineering_environment" => ("threat actor", "with access to the engineering environment"),
        "supply_chain" => ("threat actor", "who controls part of the supply chain"),
        "deployed_model" => ("threat actor", "with access to the deployed model"),
        "all_it" => ("threat actor", "with access to the system's IT"),
        _ => ("threat actor", "who can reach the system"),
    }
}

fn asset_words(asset: &str) -> String {
    match asset {
        "model_ip" => "the model's intellectual property".into(),
        "train_data" => "training data".into(),
        "any" => "any asset".into(),
        other => other.replace('_', " "),
    }
}

fn goals(property: &str) -> Vec<String> {
    if property == "cia" {
        ["confidentiality", "integrity", "availability"]
            .map(String::from)
            .to_vec()
    } else {
        vec![property.replace('_', " ")]
    }
}

/// Lower-cases the first letter, unless the word is an acronym ("AI").
/// ASCII only: the catalog's names start with ASCII letters, and Unicode
/// case tables would weigh on the app's wasm.
fn lower_first(text: &str) -> String {
    let b = text.as_bytes();
    match (b.first(), b.get(1)) {
        (Some(x), Some(y)) if x.is_ascii_uppercase() && !y.is_ascii_uppercase() => {
            format!("{}{}", x.to_ascii_lowercase() as char, &text[1..])
        }
        _ => text.to_string(),
    }
}

fn tags(out: &mut Vec<String>, candidates: &[String]) {
    for t in candidates {
        let t = t.trim();
        // A cut tag would name something else: one that does not fit is left out.
        if !t.is_empty() && escaped_len(t) <= TAG && !out.iter().any(|x| x == t) {
            out.push(t.to_string());
        }
    }
}

/// The Threat Composer workspace of an assessment.
pub fn threat_composer(a: &Assessment) -> String {
    let catalog = a.catalog();
    let sel = a.selection();
    let edition = catalog.edition;
    let covered = coverage_as_recorded(a);
    // In scope, and those the user took out of scope (kept, as
    // "resolved, not useful", so that the decision travels).
    let listed: Vec<usize> = sel
        .verdicts
        .iter()
        .filter(|v| v.in_scope() || v.manual == Some(false))
        .map(|v| v.threat)
        .collect();
    let threat_id = |t: usize| uuid(&a.id, "threat", catalog.threats[t].id);

    let mut threats = Vec::new();
    for (n, &t) in listed.iter().enumerate() {
        let th = &catalog.threats[t];
        let v = &sel.verdicts[t];
        let cov = covered.iter().find(|c| c.threat == t);
        let status = if !v.in_scope() {
            "threatResolvedNotUseful"
        } else if cov.is_some_and(|c| c.covered.is_some()) {
            "threatResolved"
        } else {
            "threatIdentified"
        };
        let (who, prerequisites) = source(th.attack_surface.first().copied().unwrap_or(""));
        let action = tc_text(&format!("carry out {}", lower_first(th.name)), PART);
        let impact_text = first_sentence(th.impact).trim_end_matches('.');
        let impact = tc_text(&lower_first(impact_text), PART);
        let goal: Vec<String> = goals(th.property)
            .iter()
            .map(|g| tc_text(g, PART))
            .collect();
        let assets = vec![tc_text(&asset_words(th.asset), PART)];
        let statement = tc_text(
            &format!(
                "A {who} {prerequisites} can {action}, which leads to {impact}, resulting in reduced {} of {}",
                goal.join(" and "),
                assets.join(" and ")
            ),
            STATEMENT,
        );
        let score = effective_score(a, &sel, t);
        let mut meta = Vec::new();
        if let Some(level) = score.residual.level() {
            meta.push(o! {"key": "Priority", "value": priority(level)});
        }
        meta.push(o! {"key": "Comments", "value": tc_text(&reasons(&sel, v).join(" "), COMMENT)});
        meta.push(custom("aixaThreatId", th.id));
        meta.push(custom("aixaSection", th.section));
        meta.push(custom("aixaEdition", edition));
        meta.push(custom("aixaVerdict", v.effective().as_str()));
        if let Some(o) = a.overrides.get(th.id) {
            meta.push(custom("aixaOverrideRationale", o.rationale.clone()));
        }
        score_meta(&mut meta, "Inherent", score.inherent);
        score_meta(&mut meta, "Residual", score.residual);
        if let Some(c) = cov {
            meta.push(custom("aixaParty", c.party.as_str()));
            meta.push(custom("aixaCoverage", c.describe(a)));
        }
        if let Some(x) = a.acceptance.get(th.id) {
            meta.push(custom("aixaAcceptance", x.decision.as_str()));
        }
        let mut tag_list = Vec::new();
        tags(
            &mut tag_list,
            &[
                format!("AIX:{}", th.id.to_ascii_uppercase()),
                format!("AIX {}", th.section),
                format!("aixa {edition}"),
            ],
        );
        threats.push(o! {
            "id": threat_id(t),
            "numericId": n + 1,
            "displayOrder": n + 1,
            "threatSource": who,
            "prerequisites": prerequisites,
            "threatAction": action,
            "threatImpact": impact,
            "impactedGoal": goal,
            "impactedAssets": assets,
            "statement": statement,
            "status": status,
            "tags": tag_list,
            "metadata": meta,
        });
    }

    let mut mitigations = Vec::new();
    let mut links = Vec::new();
    for (n, s) in sel.controls.iter().enumerate() {
        let c = &catalog.controls[s.control];
        let plan = a.controls.get(c.id).cloned().unwrap_or_default();
        let status = match control_status(a, c.id) {
            ControlStatus::NotDecided | ControlStatus::Planned => "mitigationIdentified",
            ControlStatus::Partly => "mitigationInProgress",
            ControlStatus::Implemented => "mitigationResolved",
            ControlStatus::NotApplicable => "mitigationResolvedWillNotAction",
        };
        let id = uuid(&a.id, "control", c.id);
        let mut meta = vec![
            custom("aixaControlId", c.id),
            custom("aixaEdition", edition),
            custom("aixaStatus", plan.status.as_str()),
        ];
        let note = plan.note_line();
        if !note.trim().is_empty() {
            meta.push(o! {"key": "Comments", "value": tc_text(&note, COMMENT)});
        }
        for (key, value) in [("aixaOwner", &plan.owner), ("aixaDue", &plan.due)] {
            if !value.trim().is_empty() {
                meta.push(custom(key, value.clone()));
            }
        }
        if !plan.evidence.is_empty() {
            let list: Vec<String> = plan
                .evidence
                .iter()
                .map(|e| tc_text(&e.plain(), usize::MAX))
                .collect();
            meta.push(o! {"key": "custom:aixaEvidence", "value": list});
        }
        let mut tag_list = Vec::new();
        tags(
            &mut tag_list,
            &[
                format!("AIX:{}", c.id),
                format!("aixa {edition}"),
                if s.general {
                    "general control".to_string()
                } else {
                    String::new()
                },
            ],
        );
        for &t in &s.threats {
            if listed.contains(&t) {
                links.push(o! {"mitigationId": &id, "linkedId": threat_id(t)});
            }
        }
        mitigations.push(o! {
            "id": id,
            "numericId": n + 1,
            "displayOrder": n + 1,
            "content": tc_text(&format!("{} (OWASP AI Exchange #{})", c.name, c.id), CONTENT),
            "status": status,
            "tags": tag_list,
            "metadata": meta,
        });
    }

    let mut assumptions = Vec::new();
    if !a.scope.assumptions.trim().is_empty() {
        assumptions.push(o! {
            "id": uuid(&a.id, "assumption", "scope"),
            "numericId": 1,
            "content": tc_text(&a.scope.assumptions, CONTENT),
            "metadata": [custom("aixaSource", "scope.assumptions")],
        });
    }

    // Each text is cut well below the description's 100,000 characters,
    // whatever the Markdown escaping adds.
    let md = |text: &str| md_escape(&tc_text(text, 8000));
    let mut description = format!(
        "### Exported from aixa\n\nAssessment {} of the {} ({} edition), {} threats, {} controls. Last changed {}.",
        md(&a.id),
        md(catalog.title),
        edition,
        threats.len(),
        mitigations.len(),
        md(&a.updated)
    );
    for (label, text) in [
        ("System", &a.details.description),
        ("Purpose", &a.scope.purpose),
        ("Scope", &a.details.scope),
        ("Boundary", &a.scope.boundary),
        ("Version", &a.details.version),
    ] {
        if !text.trim().is_empty() {
            description.push_str(&format!("\n\n**{label}:** {}", md(text)));
        }
    }

    to_json(&o! {
        "schema": 1,
        "applicationInfo": o! {
            "name": tc_text(&a.name, NAME),
            "description": description,
        },
        "threats": threats,
        "mitigations": mitigations,
        "mitigationLinks": links,
        "assumptions": assumptions,
        "assumptionLinks": J::Arr(Vec::new()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_within_the_escaped_limit() {
        let t = tc_text(&"&".repeat(100), PART);
        assert!(escaped_len(&t) <= PART, "{t}");
        assert!(t.ends_with('…'));
        assert_eq!(tc_text("a <b>\n c", PART), "a ‹b› c");
    }
}
