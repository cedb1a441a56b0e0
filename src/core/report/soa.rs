//! The statement of applicability: every control of the assessment's
//! edition, in catalog order, with whether it applies and why, its plan,
//! evidence, the threats it serves and its ISO/IEC 42001 and 27002
//! references. The app's view, the CSV and the Markdown read the same rows.
//!
//! An auditor reads the SoA for what was left out as much as for what was
//! put in, so no control is ever dropped: one the assessment has not decided
//! is "not decided", and one no threat in scope calls for is "not selected".

use super::csv::cell as csv_cell;
use super::markdown::evidence_cell;
use super::md_cell;
use crate::core::answers::Tri;
use crate::core::assessment::{Assessment, ControlStatus, Evidence};
use crate::core::catalog::Ref;
use std::fmt::Write as _;

/// Whether a control applies to the assessed system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applicable {
    /// Planned, partly or fully implemented.
    Yes,
    /// Not applicable, with its rationale.
    No,
    /// Called for by a threat in scope, with no decision yet.
    NotDecided,
    /// Neither decided nor called for by any threat in scope.
    NotSelected,
}

impl Applicable {
    /// The stable name of the CSV and of `data-applicable`.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicable::Yes => "yes",
            Applicable::No => "no",
            Applicable::NotDecided => "not_decided",
            Applicable::NotSelected => "not_selected",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Applicable::Yes => "Yes",
            Applicable::No => "No",
            Applicable::NotDecided => "Not decided",
            Applicable::NotSelected => "Not selected",
        }
    }
}

/// One control's line of the statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SoaRow {
    /// Index into the catalog's controls.
    pub control: usize,
    pub id: &'static str,
    pub name: &'static str,
    /// The catalog's number for it, such as "1.1" or "2.0"; may be empty.
    pub section: &'static str,
    pub applicable: Applicable,
    pub justification: String,
    pub status: ControlStatus,
    pub owner: String,
    pub due: String,
    pub evidence: Vec<Evidence>,
    /// Ids of the threats in scope it serves, in catalog order.
    pub threats: Vec<&'static str>,
    /// A general control, selected for every threat in scope.
    pub general: bool,
    pub iso42001: String,
    pub iso27002: String,
}

fn refs(list: &[Ref]) -> String {
    list.iter()
        .map(Ref::describe)
        .collect::<Vec<_>>()
        .join("; ")
}

/// One row per control of the assessment's edition, in catalog order.
pub fn rows(a: &Assessment) -> Vec<SoaRow> {
    let catalog = a.catalog();
    let sel = a.selection();
    catalog
        .controls
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let plan = a.controls.get(c.id).cloned().unwrap_or_default();
            let selected = sel.controls.iter().find(|s| s.control == i);
            let threats: Vec<&'static str> = selected
                .map(|s| s.threats.iter().map(|&t| catalog.threats[t].id).collect())
                .unwrap_or_default();
            // What the threats in scope ask of it, in words: the reason an
            // applicable control is there, and what an undecided one awaits.
            let served = match selected {
                Some(s) if s.general => "every threat in scope (a general control)".to_string(),
                Some(s) if !s.threats.is_empty() => s
                    .threats
                    .iter()
                    .map(|&t| {
                        let t = &catalog.threats[t];
                        format!("{} {}", t.section, t.name)
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                _ => String::new(),
            };
            let (applicable, justification) = match (plan.status, selected) {
                (ControlStatus::NotApplicable, _) => (Applicable::No, plan.reason().to_string()),
                (ControlStatus::NotDecided, Some(_)) => (
                    Applicable::NotDecided,
                    format!("Not decided; called for by: {served}"),
                ),
                (ControlStatus::NotDecided, None) => (
                    Applicable::NotSelected,
                    if c.lifecycle == "development" && sel.development_controls == Tri::No {
                        "Not selected: a development-time control, and the profile neither \
                         trains a model nor uses RAG"
                            .to_string()
                    } else {
                        "Not selected: no threat in scope calls for it".to_string()
                    },
                ),
                (_, None) => (
                    Applicable::Yes,
                    "Decided applicable; no threat in scope calls for it".to_string(),
                ),
                (_, Some(_)) => (Applicable::Yes, format!("Serves: {served}")),
            };
            SoaRow {
                control: i,
                id: c.id,
                name: c.name,
                section: c.section,
                applicable,
                justification,
                status: plan.status,
                owner: plan.owner,
                due: plan.due,
                evidence: plan.evidence,
                threats,
                general: selected.is_some_and(|s| s.general),
                iso42001: refs(c.iso42001),
                iso27002: refs(c.iso27002),
            }
        })
        .collect()
}

/// The CSV's columns, fixed: new ones go at the end, so that readers that
/// go by position keep working.
pub const HEADER: [&str; 12] = [
    "control_id",
    "section",
    "control",
    "applicable",
    "justification",
    "status",
    "owner",
    "due",
    "evidence",
    "threats",
    "iso42001",
    "iso27002",
];

/// The statement as CSV (RFC 4180, CRLF), safe to open in a spreadsheet.
pub fn soa_csv(a: &Assessment) -> String {
    let mut out = HEADER.join(",");
    out.push_str("\r\n");
    for r in rows(a) {
        let cells = [
            r.id.to_string(),
            r.section.to_string(),
            r.name.to_string(),
            r.applicable.as_str().to_string(),
            r.justification,
            r.status.as_str().to_string(),
            r.owner,
            r.due,
            Evidence::plain_list(&r.evidence),
            r.threats.join(" "),
            r.iso42001,
            r.iso27002,
        ];
        let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The statement as a Markdown document: a heading and one table.
pub fn soa_markdown(a: &Assessment) -> String {
    let dash = |s: &str| {
        if s.trim().is_empty() {
            "–".to_string()
        } else {
            md_cell(s)
        }
    };
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "# {}\n",
        super::md_escape(&format!("Statement of applicability: {}", a.name))
    );
    let _ = writeln!(
        w,
        "{}\n",
        super::md_escape(&format!(
            "Catalog: {} (edition {}). Every control of the edition, in catalog order.",
            a.catalog().title,
            a.edition
        ))
    );
    let _ = writeln!(w, "| § | Control | Applicable | Justification | Status | Owner | Due | Evidence | Threats | ISO/IEC 42001 | ISO/IEC 27002 |");
    let _ = writeln!(
        w,
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    );
    for r in rows(a) {
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            dash(r.section),
            md_cell(&format!("{} {}", r.id, r.name)),
            r.applicable.label(),
            dash(&r.justification),
            r.status.label(),
            dash(&r.owner),
            dash(&r.due),
            evidence_cell(&r.evidence),
            dash(&r.threats.join(" ")),
            dash(&r.iso42001),
            dash(&r.iso27002),
        );
    }
    out
}
