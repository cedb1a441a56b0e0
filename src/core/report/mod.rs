//! Machine-readable output of a selection, shared by the CLI and the app.

use super::engine::Selection;
use super::explain::reasons;
use serde::Serialize;

/// The output of `aixa select`: every threat of the edition, in catalog order.
#[derive(Debug, Serialize)]
pub struct SelectionReport {
    pub edition: &'static str,
    pub threats: Vec<ThreatReport>,
    pub controls: Vec<ControlReport>,
}

#[derive(Debug, Serialize)]
pub struct ControlReport {
    pub id: &'static str,
    /// The in-scope threats it serves; a general control serves them all.
    pub threats: Vec<&'static str>,
    pub general: bool,
}

#[derive(Debug, Serialize)]
pub struct ThreatReport {
    pub id: &'static str,
    pub verdict: &'static str,
    pub reasons: Vec<String>,
}

pub fn selection_report(selection: &Selection) -> SelectionReport {
    SelectionReport {
        edition: selection.catalog.edition,
        threats: selection
            .verdicts
            .iter()
            .map(|v| ThreatReport {
                id: selection.catalog.threats[v.threat].id,
                verdict: v.verdict.as_str(),
                reasons: reasons(selection, v),
            })
            .collect(),
        controls: selection
            .controls
            .iter()
            .map(|c| ControlReport {
                id: selection.catalog.controls[c.control].id,
                threats: c
                    .threats
                    .iter()
                    .map(|t| selection.catalog.threats[*t].id)
                    .collect(),
                general: c.general,
            })
            .collect(),
    }
}

pub mod atlas;
pub mod csv;
mod escape;
pub mod interop;
pub mod markdown;
pub mod model;
pub mod soa;
pub mod threat_composer;
pub mod tmbom;

pub use escape::{md_cell, md_escape};
