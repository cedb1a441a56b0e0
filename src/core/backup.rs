//! "Back up everything": one file with every assessment, and restoring it
//! without losing or silently replacing anything.
//!
//! Browsers can clear a site's storage (Safari after seven days without a
//! visit, anyone with "clear site data"), so the backup is the user's own
//! copy of all of it. Unlike an import, which always makes a new copy,
//! restoring keeps each assessment's id: it brings back the same
//! assessments. What is missing is added; what is identical is left alone;
//! what differs is never replaced without the user choosing.

use super::assessment::Assessment;
use super::date::Date;
use serde_json::Value;
use std::fmt;

/// The key that marks a backup file, and its format version.
const MARK: &str = "aixa_backup";
const VERSION: u64 = 1;

/// What a backup file held.
#[derive(Debug, PartialEq)]
pub struct Backup {
    pub made: String,
    pub assessments: Vec<Assessment>,
    /// Entries this version cannot read (another edition, a newer schema,
    /// damage), each with the reason; restoring skips them and says so.
    pub unreadable: Vec<String>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum BackupError {
    NotJson(String),
    NewerVersion(u64),
    NoAssessments,
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::NotJson(e) => write!(f, "it is not valid JSON ({e})"),
            BackupError::NewerVersion(v) => write!(
                f,
                "it is a backup from a newer version of aixa (format {v}; this version reads {VERSION})"
            ),
            BackupError::NoAssessments => write!(f, "it is a backup with no assessments list"),
        }
    }
}

/// Whether `text` is a backup rather than a single assessment.
pub fn is_backup(text: &str) -> bool {
    serde_json::from_str::<Value>(text).is_ok_and(|v| v.get(MARK).is_some())
}

/// The backup file of `assessments`, made at `made` (ISO 8601).
pub fn write(assessments: &[Assessment], made: &str) -> String {
    // Written by hand around each assessment's own JSON: a generic JSON
    // writer for the envelope would add kilobytes to the wasm.
    let made = serde_json::to_string(made).unwrap_or_else(|_| "\"\"".into());
    let all: Vec<String> = assessments.iter().map(Assessment::to_json).collect();
    format!(
        "{{\"{MARK}\": {VERSION}, \"made\": {made}, \"assessments\": [\n{}\n]}}\n",
        all.join(",\n")
    )
}

pub fn read(text: &str) -> Result<Backup, BackupError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| BackupError::NotJson(e.to_string()))?;
    match value.get(MARK).and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(v) if v > VERSION => return Err(BackupError::NewerVersion(v)),
        _ => return Err(BackupError::NoAssessments),
    }
    let entries = value
        .get("assessments")
        .and_then(Value::as_array)
        .ok_or(BackupError::NoAssessments)?;
    let mut backup = Backup {
        made: value
            .get("made")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        assessments: Vec::new(),
        unreadable: Vec::new(),
    };
    for (i, entry) in entries.iter().enumerate() {
        match Assessment::from_value(entry.clone()) {
            Ok(a) => backup.assessments.push(a),
            Err(e) => {
                let name = entry.get("name").and_then(Value::as_str).unwrap_or("?");
                backup
                    .unreadable
                    .push(format!("entry {} (“{name}”): {e}", i + 1));
            }
        }
    }
    Ok(backup)
}

/// One assessment the backup and this browser both hold, differently.
#[derive(Clone, Debug, PartialEq)]
pub struct Differs {
    pub local: Assessment,
    pub backup: Assessment,
}

impl Differs {
    /// Whether this browser's copy is the one changed later.
    pub fn local_is_newer(&self) -> bool {
        (self.local.revision, &self.local.updated) > (self.backup.revision, &self.backup.updated)
    }
}

/// What restoring would do.
#[derive(Debug, Default, PartialEq)]
pub struct Plan {
    /// Not in this browser: added as they are.
    pub add: Vec<Assessment>,
    /// Identical here and in the backup.
    pub unchanged: usize,
    /// Held differently: the user chooses for each.
    pub differ: Vec<Differs>,
}

pub fn plan(local: &[Assessment], backup: Backup) -> Plan {
    let mut plan = Plan::default();
    for b in backup.assessments {
        match local.iter().find(|l| l.id == b.id) {
            None => plan.add.push(b),
            Some(l) if *l == b => plan.unchanged += 1,
            Some(l) => plan.differ.push(Differs {
                local: l.clone(),
                backup: b,
            }),
        }
    }
    plan
}

/// How long changes may stay in no file before the app says so.
pub const NUDGE_AFTER_DAYS: i64 = 7;

/// The assessments changed since their last export or backup; `exported`
/// holds (id, ISO time) pairs.
pub fn unexported<'a>(all: &'a [Assessment], exported: &[(String, String)]) -> Vec<&'a Assessment> {
    all.iter()
        .filter(|a| {
            exported
                .iter()
                .find(|(id, _)| *id == a.id)
                .is_none_or(|(_, at)| *at < a.updated)
        })
        .collect()
}

/// Days since the oldest change that is in no file, once that is
/// [`NUDGE_AFTER_DAYS`] or more; `None` while all is recent or saved.
pub fn nudge(all: &[Assessment], exported: &[(String, String)], today: &str) -> Option<i64> {
    let today = Date::parse(today)?;
    let oldest = unexported(all, exported)
        .iter()
        .filter_map(|a| Date::parse(a.updated.get(..10)?))
        .min()?;
    let days = today.unix_days() - oldest.unix_days();
    (days >= NUDGE_AFTER_DAYS).then_some(days)
}
