//! The form in which the app keeps a profile in browser storage.
//!
//! `{"schema": 1, "edition": "2024-01", "answers": {…}}`: the schema version
//! lets a later release migrate what an earlier one stored, and the edition
//! pins the catalog the answers were given against.

use super::answers::Answers;
use super::catalog::Catalog;
use serde_json::{json, Value};

pub const SCHEMA: u64 = 1;

pub fn encode(catalog: &Catalog, answers: &Answers) -> String {
    json!({
        "schema": SCHEMA,
        "edition": catalog.edition,
        "answers": answers.to_json_value(),
    })
    .to_string()
}

/// Reads a stored profile; the error says why it cannot be used, so the
/// caller can keep the text aside instead of overwriting it.
pub fn decode(text: &str) -> Result<(&'static Catalog, Answers), String> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| format!("the saved profile is not JSON: {e}"))?;
    let schema = value.get("schema").and_then(Value::as_u64);
    if schema != Some(SCHEMA) {
        return Err(format!(
            "the saved profile has schema {}, which this version does not read",
            value
                .get("schema")
                .map_or_else(|| "none".to_string(), Value::to_string)
        ));
    }
    let edition = value.get("edition").and_then(Value::as_str).unwrap_or("");
    let catalog = Catalog::by_edition(edition)
        .ok_or_else(|| format!("the saved profile uses the unknown edition {edition:?}"))?;
    let answers = Answers::from_json_value(catalog, value.get("answers").unwrap_or(&Value::Null))
        .map_err(|e| format!("the saved answers are invalid: {e}"))?;
    Ok((catalog, answers))
}
