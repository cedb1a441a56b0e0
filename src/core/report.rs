//! Machine-readable output of a selection, shared by the CLI and the app.

use super::engine::Selection;
use super::explain::reasons;
use serde::Serialize;

/// The output of `aixa select`: every threat of the edition, in catalog order.
#[derive(Debug, Serialize)]
pub struct SelectionReport {
    pub edition: &'static str,
    pub threats: Vec<ThreatReport>,
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
    }
}
