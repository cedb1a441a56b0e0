//! The assessment as CSV, one row per threat × control that serves it,
//! safe to open in a spreadsheet.

use crate::core::assessment::{Assessment, Evidence, Party};
use crate::core::coverage::{coverage, specific_controls};
use crate::core::date::Date;
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

const HEADER: [&str; 36] = [
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
    // Added after the first release, at the end, so that readers that go
    // by position keep working.
    "covered",
    "coverage",
    "acceptance_evidence",
    "control_role",
    "control_evidence",
    // The 2026-08 process's evaluation and treatment (empty before it).
    "needs_treatment",
    "treatment",
    "treatment_rationale",
    // The record's digest (docs/digest.md), the same on every row: the
    // table says which state of the record it was made from.
    "record_digest",
];

/// One row per threat × control that serves it, for every threat in scope
/// and every threat an override excluded (which no control serves, so it
/// has one row with the control columns empty, as does an in-scope threat
/// no control serves).
pub fn csv(a: &Assessment, today: &str) -> String {
    let catalog = a.catalog();
    let sel = a.selection();
    let judged = coverage(a, Date::parse(today).unwrap_or(Date::MIN));
    let record = [super::super::digest::digest(a)];
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
        let judgement = judged.iter().find(|c| c.threat == t);
        let coverage_cells = [
            match judgement {
                Some(c) if c.covered.is_some() => "yes",
                Some(_) => "no",
                None => "",
            }
            .to_string(),
            judgement.map(|c| c.describe(a)).unwrap_or_default(),
            Evidence::plain_list(&acc.evidence),
        ];
        let treatment = a.treatment.get(threat.id).cloned().unwrap_or_default();
        let treatment_cells = [
            match treatment.needed {
                Some(true) => "yes",
                Some(false) => "no",
                None => "",
            }
            .to_string(),
            treatment.choice.map_or("", |c| c.as_str()).to_string(),
            treatment.rationale,
        ];
        let specific = specific_controls(catalog, t);
        let serving: Vec<_> = sel
            .controls
            .iter()
            .filter(|c| v.in_scope() && c.threats.contains(&t))
            .collect();
        let control_rows: Vec<[String; 8]> = if serving.is_empty() {
            vec![Default::default()]
        } else {
            serving
                .iter()
                .map(|sc| {
                    let control = &catalog.controls[sc.control];
                    let plan = a.controls.get(control.id).cloned().unwrap_or_default();
                    // How the control bears on this threat: only "own" and
                    // "inherited" make coverage alone.
                    let role = if threat.controls.contains(&sc.control) {
                        "own"
                    } else if specific.contains(&sc.control) {
                        "inherited"
                    } else if sc.general {
                        "general"
                    } else {
                        "group"
                    };
                    [
                        control.id.to_string(),
                        control.name.to_string(),
                        plan.status.as_str().to_string(),
                        plan.owner.clone(),
                        plan.due.clone(),
                        plan.note_line(),
                        role.to_string(),
                        Evidence::plain_list(&plan.evidence),
                    ]
                })
                .collect()
        };
        for control_cells in control_rows {
            let (control_cells, control_extra) = control_cells.split_at(6);
            let cells: Vec<String> = threat_cells
                .iter()
                .chain(control_cells)
                .chain(coverage_cells.iter())
                .chain(control_extra)
                .chain(treatment_cells.iter())
                .chain(record.iter())
                .map(|c| cell(c))
                .collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
    }
    out
}
