//! The assessment as CSV, one row per threat × control that serves it,
//! safe to open in a spreadsheet.

use crate::core::assessment::{Assessment, Party};
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

const HEADER: [&str; 27] = [
    "threat_id",
    "section",
    "threat",
    "verdict",
    "in_scope",
    "override",
    "responsible",
    "provider",
    "assurance",
    "evidence",
    "evidence_link",
    "verified_on",
    "inherent_likelihood",
    "inherent_impact",
    "residual_likelihood",
    "residual_impact",
    "acceptance",
    "approver",
    "decided_on",
    "review",
    "acceptance_rationale",
    "control_id",
    "control",
    "control_status",
    "owner",
    "due",
    "notes",
];

/// One row per threat × control that serves it, for every threat in scope
/// and every threat an override excluded (which no control serves, so it
/// has one row with the control columns empty, as does an in-scope threat
/// no control serves).
pub fn csv(a: &Assessment) -> String {
    let catalog = a.catalog();
    let sel = a.selection();
    let mut out = String::new();
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    let num = |v: Option<u8>| v.map_or_else(String::new, |n| n.to_string());
    let listed = sel
        .verdicts
        .iter()
        .filter(|v| v.in_scope() || v.manual.is_some());
    for v in listed {
        let t = v.threat;
        let threat = &catalog.threats[t];
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
        // Nothing to verify for a threat that is ours alone.
        let assurance = if resp.party == Party::Us {
            ""
        } else {
            ver.status.as_str()
        };
        let threat_cells = [
            threat.id.to_string(),
            threat.section.to_string(),
            threat.name.to_string(),
            // The override applied; the override column says when it is.
            v.effective().as_str().to_string(),
            if v.in_scope() { "yes" } else { "no" }.to_string(),
            override_text,
            resp.party.as_str().to_string(),
            resp.provider.clone(),
            assurance.to_string(),
            ver.note.clone(),
            ver.link.clone(),
            ver.date.clone(),
            num(risk.inherent.likelihood),
            num(risk.inherent.impact),
            num(risk.residual.likelihood),
            num(risk.residual.impact),
            acc.decision.as_str().to_string(),
            acc.approver.clone(),
            acc.date.clone(),
            acc.review.clone(),
            acc.rationale.clone(),
        ];
        let serving: Vec<_> = sel
            .controls
            .iter()
            .filter(|c| v.in_scope() && c.threats.contains(&t))
            .collect();
        let control_rows: Vec<[String; 6]> = if serving.is_empty() {
            vec![Default::default()]
        } else {
            serving
                .iter()
                .map(|sc| {
                    let control = &catalog.controls[sc.control];
                    let plan = a.controls.get(control.id).cloned().unwrap_or_default();
                    [
                        control.id.to_string(),
                        control.name.to_string(),
                        plan.status.as_str().to_string(),
                        plan.owner.clone(),
                        plan.due.clone(),
                        plan.note_line(),
                    ]
                })
                .collect()
        };
        for control_cells in control_rows {
            let cells: Vec<String> = threat_cells
                .iter()
                .chain(control_cells.iter())
                .map(|c| cell(c))
                .collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
    }
    out
}
