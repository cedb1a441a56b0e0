//! Times as assessments stamp them (`created`, `updated`: ISO 8601, UTC),
//! written for people.

/// "2026-11-25T21:44:39.123Z" → "2026-11-25 21:44 UTC"; "unknown" for an
/// empty time. The text comes from files anyone can edit, so any string is
/// shown as best it can be, never a panic.
pub fn when(iso: &str) -> String {
    if iso.is_empty() {
        return "unknown".into();
    }
    format!(
        "{} {} UTC",
        iso.get(..10).unwrap_or(iso),
        iso.get(11..16).unwrap_or("")
    )
}
