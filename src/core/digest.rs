//! The content digest of an assessment: a SHA-256 over its canonical form,
//! written `sha256:<64 hex digits>`. `docs/digest.md` defines the form for
//! anyone who wants to check a digest without aixa.
//!
//! The form is the assessment as aixa reads it (so whitespace, key order and
//! fields left at their defaults in the file change nothing), as compact
//! JSON with every object's keys sorted. What a receiving copy adds for
//! itself is left out, so a copy digests like its source:
//! - `revision` (a save counter of one browser);
//! - `copied` (when this copy was made);
//! - `origin`, and `id` is the origin's id when there is one;
//! - `signoff`, which records the digest it signed.

use super::assessment::Assessment;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The canonical form: compact JSON, keys sorted.
pub fn canonical(a: &Assessment) -> String {
    // Through text rather than `to_value`: both paths are in the wasm
    // already, and a second serialiser is not.
    let mut value: Value = serde_json::from_str(&a.to_json()).unwrap_or(Value::Null);
    if let Some(object) = value.as_object_mut() {
        for local in ["revision", "copied", "signoff"] {
            object.remove(local);
        }
        if let Some(Value::String(origin)) = object.remove("origin") {
            object.insert("id".into(), Value::String(origin));
        }
    }
    // serde_json's maps are ordered by key (no `preserve_order`), so this
    // writes every object sorted, at every depth.
    value.to_string()
}

/// `sha256:<hex>` of [`canonical`].
pub fn digest(a: &Assessment) -> String {
    let hash = Sha256::digest(canonical(a).as_bytes());
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for b in hash {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// A digest as a person may paste it: `sha256:` optional, any case,
/// surrounding space ignored. `None` when it is not 64 hex digits.
pub fn parse(text: &str) -> Option<String> {
    let t = text.trim();
    let hex = t
        .strip_prefix("sha256:")
        .or_else(|| t.strip_prefix("SHA256:"))
        .unwrap_or(t);
    (hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| format!("sha256:{}", hex.to_ascii_lowercase()))
}

/// The sign-off's standing: none, signed and unchanged, or changed since.
#[derive(Debug, PartialEq, Eq)]
pub enum SignOffState {
    None,
    Current,
    Changed,
}

pub fn signoff_state(a: &Assessment) -> SignOffState {
    match &a.signoff {
        None => SignOffState::None,
        Some(s) if s.digest == digest(a) => SignOffState::Current,
        Some(_) => SignOffState::Changed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_what_people_paste_and_refuses_the_rest() {
        let hex = "ab".repeat(32);
        assert_eq!(parse(&hex), Some(format!("sha256:{hex}")));
        assert_eq!(
            parse(&format!("  SHA256:{}\n", hex.to_uppercase())),
            Some(format!("sha256:{hex}"))
        );
        assert_eq!(parse("sha256:abc"), None);
        assert_eq!(parse(&format!("sha256:{}", "g".repeat(64))), None);
        assert_eq!(parse(""), None);
    }
}
