//! What the three interchange exports (Threat Composer, TM-BOM, ATLAS
//! layer) share: name-based ids, the facts each threat is judged by, and
//! JSON that holds no markup characters.

use crate::core::assessment::{Assessment, Score};
use crate::core::coverage::{coverage, ThreatCoverage};
use crate::core::date::Date;
use crate::core::engine::Selection;
use crate::core::risk::effective_score;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// A UUID named by the assessment and an item, never drawn at random, so
/// that the same assessment always gives the same file (and a re-export
/// updates the items a tool already holds instead of duplicating them).
///
/// It is the first 16 bytes of SHA-256 over `assessment id`, `kind` and
/// `item id` (separated by NUL, which none of them can hold ambiguously),
/// with the version nibble set to 8 ("custom", RFC 9562 §5.8) and the
/// RFC 4122 variant bits: v5 is the same idea over SHA-1, which the crate
/// does not carry. The result is 36 characters, as the importers require.
pub fn uuid(assessment: &str, kind: &str, item: &str) -> String {
    let mut hash = Sha256::new();
    for part in [assessment, kind, item] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    let mut b: [u8; 16] = [0; 16];
    b.copy_from_slice(&hash.finalize()[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// Coverage as of the record's last change: judging it on the day of the
/// export would make the same assessment give different files as review
/// dates pass.
pub fn coverage_as_recorded(a: &Assessment) -> Vec<ThreatCoverage> {
    let day = a
        .updated
        .get(..10)
        .and_then(Date::parse)
        .unwrap_or(Date::MIN);
    coverage(a, day)
}

/// The score a threat is ranked by: its residual risk once scored, else
/// its inherent risk; `None` while neither is.
pub fn ranking_score(a: &Assessment, sel: &Selection, threat: usize) -> Option<(Score, bool)> {
    let s = effective_score(a, sel, threat);
    if s.residual.level().is_some() {
        Some((s.residual, true))
    } else if s.inherent.level().is_some() {
        Some((s.inherent, false))
    } else {
        None
    }
}

/// Pretty JSON in which `<`, `>` and `&` are written as `\u` escapes: the
/// values are the same once parsed, but the file holds no markup, so even a
/// consumer that pastes it into a page cannot be made to run hostile text.
pub fn to_json(value: &Value) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

/// One line of plain text: control characters (line breaks included) fold
/// to spaces, runs of spaces to one, and the ends are trimmed.
pub fn plain(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A catalog id as a lower-case name made of `[0-9a-z-]`.
pub fn symbolic(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_named_and_shaped() {
        let u = uuid("a", "threat", "x");
        assert_eq!(u, uuid("a", "threat", "x"));
        assert_ne!(u, uuid("a", "control", "x"));
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "8");
        assert!(matches!(&u[19..20], "8" | "9" | "a" | "b"));
    }

    #[test]
    fn json_holds_no_markup() {
        let v = serde_json::json!({"a": "<b>&</b>"});
        let text = to_json(&v);
        assert!(!text.contains(['<', '>', '&']));
        assert_eq!(serde_json::from_str::<Value>(&text).ok(), Some(v));
    }
}
