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

pub mod csv;
pub mod markdown;
pub mod model;

/// Text a user typed, made inert for Markdown (and the HTML it may become):
/// markup characters are escaped, line breaks folded.
pub fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // Enough to stop emphasis, code, links, images, headings and
            // table cells; the rest reads as plain text.
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(ch);
            }
            '\r' | '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
