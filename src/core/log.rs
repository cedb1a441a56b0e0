//! The change log: who changed what, from which value to which, and when.
//!
//! Each save compares the record before and after, field by field, and
//! appends one entry per field that changed. Entries are never removed or
//! reordered. One exception keeps typing from writing an entry per key: a
//! run of edits of the same field by the same person, with nothing else
//! logged in between and within [`RUN_MINUTES`], extends the last entry (its
//! old value stays the one from before the run).

use super::assessment::Assessment;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    /// ISO 8601, UTC.
    pub at: String,
    /// One of the assessment's assessors, or empty when none was chosen.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// The field, as a path: `acceptance.<threat>.decision`, `name`, …
    pub what: String,
    /// The values as JSON text; empty when the field was absent.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub old: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub new: String,
}

/// How long a run of edits of one field stays one entry.
pub const RUN_MINUTES: i64 = 10;

/// Never logged: bookkeeping, and the sign-off, which records its own who
/// and when (and which the log must not change once signed).
const UNLOGGED: [&str; 7] = [
    "updated", "revision", "tool", "log", "copied", "schema", "signoff",
];

/// Appends to `after.log` what changed from `before`, as `by` at `at`.
/// `before` is taken by value: its log is set aside unread, so a save
/// costs the same however long the log has grown.
pub fn record(mut before: Assessment, after: &mut Assessment, by: &str, at: &str) {
    let (mut old, mut new) = (Vec::new(), Vec::new());
    before.log.clear();
    flatten("", &as_value(&before), &mut old);
    let log = std::mem::take(&mut after.log);
    flatten("", &as_value(after), &mut new);
    after.log = log;
    let mut changes: Vec<(String, String, String)> = Vec::new();
    // Both lists are sorted by path (maps are ordered), so one merge pass.
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        let take_old = j >= new.len() || (i < old.len() && old[i].0 < new[j].0);
        let take_new = i >= old.len() || (j < new.len() && new[j].0 < old[i].0);
        if take_old {
            changes.push((old[i].0.clone(), old[i].1.clone(), String::new()));
            i += 1;
        } else if take_new {
            changes.push((new[j].0.clone(), String::new(), new[j].1.clone()));
            j += 1;
        } else {
            if old[i].1 != new[j].1 {
                changes.push((old[i].0.clone(), old[i].1.clone(), new[j].1.clone()));
            }
            i += 1;
            j += 1;
        }
    }
    for (what, old, new) in changes {
        if let [.., last] = after.log.as_mut_slice() {
            if changes_one_run(last, &what, by, at) {
                last.new = new;
                last.at = at.to_string();
                continue;
            }
        }
        after.log.push(LogEntry {
            at: at.to_string(),
            by: by.to_string(),
            what,
            old,
            new,
        });
    }
    // A run that ended where it began leaves no entry.
    if let [.., last] = after.log.as_slice() {
        if last.old == last.new {
            after.log.pop();
        }
    }
}

fn changes_one_run(last: &LogEntry, what: &str, by: &str, at: &str) -> bool {
    last.what == what
        && last.by == by
        && minutes_between(&last.at, at).is_some_and(|m| (0..=RUN_MINUTES).contains(&m))
}

/// Whole minutes from `a` to `b` (ISO 8601 times of the same day and
/// zone); `None` when they cannot be compared.
fn minutes_between(a: &str, b: &str) -> Option<i64> {
    let day = |t: &str| t.get(..10).map(str::to_string);
    let minutes = |t: &str| -> Option<i64> {
        let h: i64 = t.get(11..13)?.parse().ok()?;
        let m: i64 = t.get(14..16)?.parse().ok()?;
        Some(h * 60 + m)
    };
    (day(a)? == day(b)?).then_some(())?;
    Some(minutes(b)? - minutes(a)?)
}

fn as_value(a: &Assessment) -> Value {
    // Through text: the parser and writer are in the wasm already.
    serde_json::from_str(&a.to_json()).unwrap_or(Value::Null)
}

/// Every leaf under `value` as (path, JSON text). Lists are leaves: an
/// evidence list or a set of components reads best whole.
fn flatten(path: &str, value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if path.is_empty() && UNLOGGED.contains(&k.as_str()) {
                    continue;
                }
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                flatten(&p, v, out);
            }
        }
        leaf => out.push((path.to_string(), leaf.to_string())),
    }
}

/// The last entry about `prefix` (a path or the start of one): who last
/// decided it, and when.
pub fn last_about<'a>(a: &'a Assessment, prefix: &str) -> Option<&'a LogEntry> {
    a.log.iter().rev().find(|e| {
        e.what == prefix
            || e.what
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with('.'))
    })
}

/// What changed since the sign-off: the entries logged after it. `None`
/// without a sign-off or its time.
pub fn since_signoff(a: &Assessment) -> Option<Vec<&LogEntry>> {
    let at = a
        .signoff
        .as_ref()
        .map(|s| s.at.as_str())
        .filter(|t| !t.is_empty())?;
    Some(a.log.iter().filter(|e| e.at.as_str() > at).collect())
}
