//! Older assessment schemas, brought to the current one on load. Each step
//! is kept for good: files people exported years ago must still open.

use super::assessment::LoadError;
use serde_json::Value;

/// Schema 1 (the first release) kept one profile: `{"schema": 1, "edition",
/// "answers"}`. It becomes a named assessment with those answers.
pub(crate) fn from_1(value: Value) -> Result<Value, LoadError> {
    let edition = value
        .get("edition")
        .and_then(Value::as_str)
        .ok_or_else(|| LoadError::Invalid("the schema-1 profile has no edition".into()))?;
    let answers = value
        .get("answers")
        .cloned()
        .unwrap_or(Value::Object(Default::default()));
    Ok(serde_json::json!({
        "schema": 2,
        "id": "migrated-profile",
        "name": "My AI system",
        "edition": edition,
        // Schema 1 kept no times; empty reads as "not known".
        "created": "",
        "updated": "",
        "answers": answers,
    }))
}

/// Schema 3 adds `copied`, optional: a schema-2 assessment is an original
/// and reads as it was. The version moves so that an older aixa, which
/// refuses fields it does not know, says the file is newer instead.
pub(crate) fn from_2(mut value: Value) -> Value {
    if let Some(object) = value.as_object_mut() {
        object.insert("schema".into(), Value::from(3u64));
    }
    value
}

/// Schema 4 adds the control status "partly implemented" and evidence links
/// on controls and acceptances, all optional: a schema-3 file reads as it
/// was, and an older aixa refuses a schema-4 file as newer rather than
/// misreading a status it lacks.
pub(crate) fn from_3(mut value: Value) -> Value {
    if let Some(object) = value.as_object_mut() {
        object.insert("schema".into(), Value::from(4u64));
    }
    value
}

/// Schema 5 adds the treatment of each risk and the last recorded review,
/// both optional, for the ten-step process of 2026-08.
pub(crate) fn from_4(mut value: Value) -> Value {
    if let Some(object) = value.as_object_mut() {
        object.insert("schema".into(), Value::from(5u64));
    }
    value
}

/// Schema 6 adds what an auditor needs to verify and file the record: the
/// source a copy came from, the aixa that wrote it and a sign-off, all
/// optional. A schema-5 file reads as it was; its digest then covers an
/// empty tool version.
pub(crate) fn from_5(mut value: Value) -> Value {
    if let Some(object) = value.as_object_mut() {
        object.insert("schema".into(), Value::from(6u64));
    }
    value
}
