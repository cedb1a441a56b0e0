//! The assessment as CSV, one row per in-scope threat × control that serves
//! it, safe to open in a spreadsheet.

use crate::core::assessment::Assessment;
use crate::core::dashboard::in_scope;
use crate::core::responsibility::in_force;

/// A cell a spreadsheet will not run: text that starts like a formula gets a
/// leading apostrophe; quotes, commas and line breaks are quoted (RFC 4180).
pub fn cell(text: &str) -> String {
    let neutral = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

const HEADER: [&str; 20] = [
    "threat_id",
    "threat",
    "verdict",
    "override",
    "responsible",
    "provider",
    "assurance",
    "inherent_likelihood",
    "inherent_impact",
    "residual_likelihood",
    "residual_impact",
    "acceptance",
    "approver",
    "review",
    "control_id",
    "control",
    "control_status",
    "owner",
    "due",
    "notes",
];

pub fn csv(a: &Assessment) -> String {
    let catalog = a.catalog();
    let sel = a.selection();
    let mut out = String::new();
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    let num = |v: Option<u8>| v.map_or_else(String::new, |n| n.to_string());
    for t in in_scope(&sel) {
        let threat = &catalog.threats[t];
        let v = &sel.verdicts[t];
        let (resp, _) = in_force(a, t);
        let ver = a.verification.get(threat.id).cloned().unwrap_or_default();
        let risk = a.risk.get(threat.id).copied().unwrap_or_default();
        let acc = a.acceptance.get(threat.id).cloned().unwrap_or_default();
        let override_text = a
            .overrides
            .get(threat.id)
            .filter(|_| v.manual.is_some())
            .map(|o| {
                let what = if o.include { "included" } else { "excluded" };
                format!("{what}: {}", o.rationale)
            })
            .unwrap_or_default();
        for sc in sel.controls.iter().filter(|c| c.threats.contains(&t)) {
            let control = &catalog.controls[sc.control];
            let plan = a.controls.get(control.id).cloned().unwrap_or_default();
            let notes = if plan.rationale.is_empty() {
                plan.notes.clone()
            } else {
                format!("{} {}", plan.rationale, plan.notes)
                    .trim()
                    .to_string()
            };
            let row = [
                threat.id.to_string(),
                threat.name.to_string(),
                v.verdict.as_str().to_string(),
                override_text.clone(),
                resp.party.as_str().to_string(),
                resp.provider.clone(),
                ver.status.as_str().to_string(),
                num(risk.inherent.likelihood),
                num(risk.inherent.impact),
                num(risk.residual.likelihood),
                num(risk.residual.impact),
                acc.decision.as_str().to_string(),
                acc.approver.clone(),
                acc.review.clone(),
                control.id.to_string(),
                control.name.to_string(),
                plan.status.as_str().to_string(),
                plan.owner.clone(),
                plan.due.clone(),
                notes,
            ];
            let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
    }
    out
}
