//! What the three interchange exports (Threat Composer, TM-BOM, ATLAS
//! layer) share: name-based ids, the facts each threat is judged by, and
//! JSON that holds no markup characters.

use crate::core::assessment::{Assessment, Score};
use crate::core::coverage::{coverage, ThreatCoverage};
use crate::core::date::Date;
use crate::core::engine::Selection;
use crate::core::risk::effective_score;
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

/// A JSON value, built in the order it is written. The exports write their
/// own JSON rather than go through `serde_json::Value` and `json!`: that
/// machinery, instantiated for each of their many fields, weighed tens of
/// kilobytes in the app's wasm, where every byte is downloaded.
#[derive(Clone, Debug, PartialEq)]
pub enum J {
    Null,
    Bool(bool),
    Num(u64),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    /// Adds a key to an object (and does nothing to anything else).
    pub fn push(&mut self, key: &str, value: impl Into<J>) {
        if let J::Obj(items) = self {
            items.push((key.to_string(), value.into()));
        }
    }
}

impl From<i32> for J {
    fn from(n: i32) -> J {
        J::Num(n.max(0) as u64)
    }
}
impl From<&str> for J {
    fn from(s: &str) -> J {
        J::Str(s.to_string())
    }
}
impl From<String> for J {
    fn from(s: String) -> J {
        J::Str(s)
    }
}
impl From<&String> for J {
    fn from(s: &String) -> J {
        J::Str(s.clone())
    }
}
impl From<bool> for J {
    fn from(b: bool) -> J {
        J::Bool(b)
    }
}
impl From<u8> for J {
    fn from(n: u8) -> J {
        J::Num(n.into())
    }
}
impl From<u64> for J {
    fn from(n: u64) -> J {
        J::Num(n)
    }
}
impl From<usize> for J {
    fn from(n: usize) -> J {
        J::Num(n as u64)
    }
}
impl<T: Into<J>> From<Option<T>> for J {
    fn from(o: Option<T>) -> J {
        o.map_or(J::Null, Into::into)
    }
}
impl<T: Into<J>> From<Vec<T>> for J {
    fn from(v: Vec<T>) -> J {
        J::Arr(v.into_iter().map(Into::into).collect())
    }
}
impl<T: Into<J>, const N: usize> From<[T; N]> for J {
    fn from(v: [T; N]) -> J {
        J::Arr(v.into_iter().map(Into::into).collect())
    }
}
impl From<&[&str]> for J {
    fn from(v: &[&str]) -> J {
        J::Arr(v.iter().map(|&s| J::from(s)).collect())
    }
}

/// An object, `o! {"key": value, …}`, keys in the order given.
macro_rules! o {
    ($($k:literal : $v:expr),* $(,)?) => {
        $crate::core::report::interop::J::Obj(vec![
            $(($k.to_string(), $crate::core::report::interop::J::from($v))),*
        ])
    };
}
pub(crate) use o;

/// Pretty JSON (two-space indent, as `serde_json` writes it) in which `<`,
/// `>` and `&` are written as `\u` escapes: the values are the same once
/// parsed, but the file holds no markup, so even a consumer that pastes it
/// into a page cannot be made to run hostile text.
pub fn to_json(value: &J) -> String {
    let mut out = String::new();
    write(&mut out, value, 0);
    out
}

fn write(out: &mut String, value: &J, depth: usize) {
    let indent = |out: &mut String, d: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', 2 * d));
    };
    match value {
        J::Null => out.push_str("null"),
        J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        J::Num(n) => out.push_str(&n.to_string()),
        J::Str(s) => string(out, s),
        J::Arr(items) if items.is_empty() => out.push_str("[]"),
        J::Obj(items) if items.is_empty() => out.push_str("{}"),
        J::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                write(out, item, depth + 1);
            }
            indent(out, depth);
            out.push(']');
        }
        J::Obj(items) => {
            out.push('{');
            for (i, (key, item)) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                string(out, key);
                out.push_str(": ");
                write(out, item, depth + 1);
            }
            indent(out, depth);
            out.push('}');
        }
    }
}

fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
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
    fn json_holds_no_markup_and_reads_back() {
        let v =
            o! {"a": "<b>&</b> \"q\" \\ \n \u{1}", "n": 3u8, "e": J::Arr(vec![]), "x": vec!["y"]};
        let text = to_json(&v);
        assert!(!text.contains(['<', '>', '&']));
        let back: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(back["a"], "<b>&</b> \"q\" \\ \n \u{1}");
    }
}
