//! The one serialisable assessment: everything a user decides, with its
//! schema version and the catalog edition it was made with.
//!
//! Decisions are keyed by catalog ids (threat ids, control ids), never by
//! position, so an assessment stays readable as the catalog grows. Loading
//! goes through [`Assessment::from_json`], which migrates older schemas and
//! checks every id against the assessment's edition.

use super::answers::Answers;
use super::catalog::Catalog;
use super::edition::{self, Edition};
use super::engine::{select_with, Selection};
use super::migrate;
use super::upgrade::History;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

/// The schema this version writes. Older ones migrate on load.
pub const SCHEMA: u64 = 6;

/// This build, as recorded in the assessments it writes.
pub const TOOL: &str = concat!("aixa ", env!("CARGO_PKG_VERSION"));

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub schema: u64,
    pub id: String,
    pub name: String,
    /// Only an edition this build has: see [`Edition`].
    pub edition: Edition,
    /// ISO 8601 times, UTC.
    pub created: String,
    pub updated: String,
    /// When this copy was made from a share link, a file or another
    /// assessment (ISO 8601); empty for an original. `updated` stays the
    /// record's own time of last change.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub copied: String,
    /// The id of the record this one was copied from (through a share link,
    /// a file or a duplicate); empty for an original. A copy of a copy names
    /// the first original, so every copy links to its source.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub origin: String,
    /// The aixa that last wrote the record ("aixa 0.1.0"); empty when not
    /// known (files from before schema 6).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tool: String,
    /// The sign-off of the whole assessment, bound to the digest it signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signoff: Option<SignOff>,
    /// What is assessed, by whom: for the report's cover.
    #[serde(default, skip_serializing_if = "Details::is_empty")]
    pub details: Details,
    /// Counts saves, so that two tabs editing one assessment notice each
    /// other instead of silently overwriting.
    #[serde(default)]
    pub revision: u64,
    #[serde(default)]
    pub answers: Answers,
    /// Threat id → the user's departure from the rules.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<String, Override>,
    /// Threat id → who handles it, where the user set it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub responsibility: BTreeMap<String, Responsibility>,
    /// Threat id → what a provider has shown.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub verification: BTreeMap<String, Verification>,
    /// Control id → its status and plan.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub controls: BTreeMap<String, ControlPlan>,
    /// Threat id → inherent and residual risk.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub risk: BTreeMap<String, RiskScore>,
    /// Threat id → the decision on its residual risk.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub acceptance: BTreeMap<String, Acceptance>,
    /// Threat id → whether its risk needs treatment, and how it is treated,
    /// for editions whose process has those steps (2026-08 on).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub treatment: BTreeMap<String, Treatment>,
    /// Where things stood at the last recorded review: what the continuous
    /// assessment compares against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<ReviewPoint>,
    /// Each upgrade from an older edition, oldest first, with the decisions
    /// it did not put in force, under the older edition's ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<History>,
    /// What the assessment covers, and the EU AI Act class decided.
    #[serde(default, skip_serializing_if = "super::scope::Scope::is_empty")]
    pub scope: super::scope::Scope,
    /// How risk is judged: scale meanings and the appetite.
    #[serde(default, skip_serializing_if = "super::scope::Criteria::is_empty")]
    pub criteria: super::scope::Criteria,
    /// The people who assess; each change is recorded as one of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessors: Vec<String>,
    /// Every change, oldest first: see [`super::log`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<super::log::LogEntry>,
}

/// Who signed the assessment off, in which role and when, with their
/// statement on the residual risk, and the digest of the record they saw.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    pub by: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// YYYY-MM-DD.
    pub date: String,
    /// The version of the scope signed (the system version in `details`
    /// unless the signer named another).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scope_version: String,
    /// The overall residual-risk statement.
    pub statement: String,
    /// `sha256:<hex>`, see [`super::digest`].
    pub digest: String,
    /// When it was signed (ISO 8601, UTC): the change log's entries after
    /// it are what changed since.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub at: String,
}

/// How a risk is treated (ISO 31000): mitigated by controls, transferred
/// to another party, avoided by not doing what causes it, or accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TreatChoice {
    Mitigate,
    Transfer,
    Avoid,
    Accept,
}

impl TreatChoice {
    pub const ALL: [TreatChoice; 4] = [
        TreatChoice::Mitigate,
        TreatChoice::Transfer,
        TreatChoice::Avoid,
        TreatChoice::Accept,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TreatChoice::Mitigate => "mitigate",
            TreatChoice::Transfer => "transfer",
            TreatChoice::Avoid => "avoid",
            TreatChoice::Accept => "accept",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TreatChoice::Mitigate => "Mitigate",
            TreatChoice::Transfer => "Transfer",
            TreatChoice::Avoid => "Avoid",
            TreatChoice::Accept => "Accept",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Treatment {
    /// The evaluation's verdict: `Some(false)` when the threat applies in
    /// theory only (its risk is too low to act on), `Some(true)` when it
    /// needs treatment; `None` until decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<TreatChoice>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rationale: String,
}

impl Treatment {
    /// Decided: not needed, or a choice with its reason.
    pub fn is_settled(&self) -> bool {
        match self.needed {
            Some(false) => true,
            Some(true) => self.choice.is_some() && !self.rationale.trim().is_empty(),
            None => false,
        }
    }
}

/// A snapshot taken when a review is recorded: enough to say what changed
/// since, without keeping a copy of the whole assessment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewPoint {
    /// YYYY-MM-DD.
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// The threats in scope then, by id.
    #[serde(default)]
    pub in_scope: Vec<String>,
    /// Each selected control's status then.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub controls: BTreeMap<String, ControlStatus>,
    /// Each scored threat's residual level (likelihood × impact) then.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub residual: BTreeMap<String, u8>,
}

/// The assessment's own particulars, all optional free text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Details {
    /// What the system is and does.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// What the assessment covers, and what it leaves out.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scope: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub assessor: String,
    /// The version of the system assessed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version: String,
}

impl Details {
    pub fn is_empty(&self) -> bool {
        [
            &self.description,
            &self.scope,
            &self.assessor,
            &self.version,
        ]
        .iter()
        .all(|s| s.is_empty())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// `true` includes a threat the rules leave out; `false` excludes one.
    pub include: bool,
    pub rationale: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Us,
    Provider,
    Shared,
}

impl Party {
    pub const ALL: [Party; 3] = [Party::Us, Party::Provider, Party::Shared];

    pub fn as_str(self) -> &'static str {
        match self {
            Party::Us => "us",
            Party::Provider => "provider",
            Party::Shared => "shared",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Party::Us => "Us",
            Party::Provider => "Provider",
            Party::Shared => "Shared",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Responsibility {
    pub party: Party,
    /// The provider, for `Provider` and `Shared`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub provider: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Assurance {
    #[default]
    NotRequested,
    Requested,
    EvidenceReceived,
    Verified,
    NotObtainable,
}

impl Assurance {
    pub const ALL: [Assurance; 5] = [
        Assurance::NotRequested,
        Assurance::Requested,
        Assurance::EvidenceReceived,
        Assurance::Verified,
        Assurance::NotObtainable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Assurance::NotRequested => "not_requested",
            Assurance::Requested => "requested",
            Assurance::EvidenceReceived => "evidence_received",
            Assurance::Verified => "verified",
            Assurance::NotObtainable => "not_obtainable",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Assurance::NotRequested => "Not requested",
            Assurance::Requested => "Requested",
            Assurance::EvidenceReceived => "Evidence received",
            Assurance::Verified => "Verified",
            Assurance::NotObtainable => "Not obtainable",
        }
    }

    /// Settled: verified, or known to be unobtainable.
    pub fn is_settled(self) -> bool {
        matches!(self, Assurance::Verified | Assurance::NotObtainable)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    #[serde(default)]
    pub status: Assurance,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub link: String,
    /// ISO date (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ControlStatus {
    #[default]
    NotDecided,
    Planned,
    /// Under way or incomplete: progress, never coverage.
    #[serde(rename = "partly_implemented")]
    Partly,
    Implemented,
    NotApplicable,
}

impl ControlStatus {
    pub const ALL: [ControlStatus; 5] = [
        ControlStatus::NotDecided,
        ControlStatus::Planned,
        ControlStatus::Partly,
        ControlStatus::Implemented,
        ControlStatus::NotApplicable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ControlStatus::NotDecided => "not_decided",
            ControlStatus::Planned => "planned",
            ControlStatus::Partly => "partly_implemented",
            ControlStatus::Implemented => "implemented",
            ControlStatus::NotApplicable => "not_applicable",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ControlStatus::NotDecided => "Not decided",
            ControlStatus::Planned => "Planned",
            ControlStatus::Partly => "Partly implemented",
            ControlStatus::Implemented => "Implemented",
            ControlStatus::NotApplicable => "Not applicable",
        }
    }

    pub fn parse(s: &str) -> Option<ControlStatus> {
        ControlStatus::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlPlan {
    #[serde(default)]
    pub status: ControlStatus,
    /// Why the control does not apply; required for `NotApplicable`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rationale: String,
    /// Extent of implementation, or notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due: String,
    /// Where to see it done: tickets, test reports, documents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

/// A pointer to evidence: a URL and what it is. Only an `https:` URL is
/// ever made clickable (see [`Evidence::href`]); anything else shows as text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub url: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
}

/// The most evidence links one control or acceptance holds.
pub const MAX_EVIDENCE: usize = 20;
const MAX_URL_CHARS: usize = 2000;
const MAX_LABEL_CHARS: usize = 200;

impl Evidence {
    /// The URL, when it is safe to make a link of it: `https:` with a host,
    /// and nothing that could break out of an attribute or a Markdown link.
    /// `javascript:`, `data:`, `http:` and the rest stay text.
    pub fn href(&self) -> Option<&str> {
        let url = self.url.as_str();
        let scheme = url.get(..8)?;
        let rest = &url[8..];
        let host_ok = rest
            .split(['/', '?', '#'])
            .next()
            .is_some_and(|h| !h.is_empty() && !h.contains('@'));
        let clean = !url.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`')
        });
        (scheme.eq_ignore_ascii_case("https://") && host_ok && clean).then_some(url)
    }

    /// What to call it: the label, or the URL when there is none.
    pub fn title(&self) -> &str {
        if self.label.trim().is_empty() {
            &self.url
        } else {
            &self.label
        }
    }

    /// As plain text: "label <url>", or "<url>" without a label.
    pub fn plain(&self) -> String {
        if self.label.trim().is_empty() {
            format!("<{}>", self.url)
        } else {
            format!("{} <{}>", self.label, self.url)
        }
    }

    /// A list as plain text, one link after another.
    pub fn plain_list(list: &[Evidence]) -> String {
        list.iter()
            .map(Evidence::plain)
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Why it cannot be kept, if so.
    pub fn problem(&self) -> Option<&'static str> {
        if self.url.trim().is_empty() {
            return Some("has no URL");
        }
        if self.url.chars().count() > MAX_URL_CHARS {
            return Some("has a URL longer than 2000 characters");
        }
        if self.label.chars().count() > MAX_LABEL_CHARS {
            return Some("has a label longer than 200 characters");
        }
        if (self.url.chars().chain(self.label.chars())).any(char::is_control) {
            return Some("holds a line break or control character");
        }
        None
    }
}

fn check_evidence(what: &str, list: &[Evidence]) -> Result<(), LoadError> {
    if list.len() > MAX_EVIDENCE {
        return Err(LoadError::Invalid(format!(
            "{what} has more than {MAX_EVIDENCE} evidence links"
        )));
    }
    for e in list {
        if let Some(problem) = e.problem() {
            return Err(LoadError::Invalid(format!(
                "{what}: an evidence link {problem}"
            )));
        }
    }
    Ok(())
}

impl ControlPlan {
    /// The line a report shows beside the control's status: the reason of a
    /// control that does not apply, the notes otherwise. The status already
    /// says "Not applicable", so the line does not say it again.
    pub fn note_line(&self) -> String {
        if self.status == ControlStatus::NotApplicable {
            self.reason().to_string()
        } else {
            self.notes.clone()
        }
    }

    /// Why the control does not apply: the rationale without the "Not
    /// applicable" (in any case, with its colon or dash) that people often
    /// type before the reason, however many times.
    pub fn reason(&self) -> &str {
        const LABEL: &str = "not applicable";
        let mut text = self.rationale.trim();
        while let Some(head) = text.get(..LABEL.len()) {
            let rest = &text[LABEL.len()..];
            if !head.eq_ignore_ascii_case(LABEL) || rest.starts_with(char::is_alphanumeric) {
                break;
            }
            text = rest.trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, ':' | ';' | ',' | '.' | '-' | '–' | '—')
            });
        }
        text
    }
}

/// Likelihood and impact, each 1–5.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    pub likelihood: Option<u8>,
    pub impact: Option<u8>,
}

impl Score {
    /// "4 × 3 = 12", or "–" while either is unset.
    pub fn describe(self) -> String {
        match (self.likelihood, self.impact) {
            (Some(l), Some(i)) => format!("{l} × {i} = {}", l * i),
            _ => "–".into(),
        }
    }

    /// Likelihood × impact, once both are set.
    pub fn level(self) -> Option<u8> {
        Some(self.likelihood? * self.impact?)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskScore {
    #[serde(default)]
    pub inherent: Score,
    #[serde(default)]
    pub residual: Score,
}

impl RiskScore {
    pub fn is_complete(&self) -> bool {
        self.inherent.level().is_some() && self.residual.level().is_some()
    }

    /// Residual risk above the inherent one: controls do not raise a risk,
    /// so either a score is wrong or something needs explaining.
    pub fn residual_above_inherent(&self) -> bool {
        matches!(
            (self.inherent.level(), self.residual.level()),
            (Some(inherent), Some(residual)) if residual > inherent
        )
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    #[default]
    Undecided,
    Accepted,
    NotAccepted,
}

impl Decision {
    pub const ALL: [Decision; 3] = [
        Decision::Undecided,
        Decision::Accepted,
        Decision::NotAccepted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Undecided => "undecided",
            Decision::Accepted => "accepted",
            Decision::NotAccepted => "not_accepted",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Decision::Undecided => "Undecided",
            Decision::Accepted => "Accepted",
            Decision::NotAccepted => "Not accepted",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    #[serde(default)]
    pub decision: Decision,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub approver: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rationale: String,
    /// When to look at it again (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub review: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

/// Why a stored or imported assessment was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    NotJson(String),
    /// Written by a newer aixa; it must not be read (or rewritten) here.
    NewerSchema(u64),
    UnknownSchema(String),
    UnknownEdition(String),
    Invalid(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotJson(e) => write!(f, "it is not valid JSON ({})", one_line(e)),
            LoadError::NewerSchema(v) => write!(
                f,
                "it was written by a newer version of aixa (schema {v}; this version reads up to {SCHEMA})"
            ),
            LoadError::UnknownSchema(v) => write!(f, "it has no schema version this version knows ({v})"),
            LoadError::UnknownEdition(e) => f.write_str(&edition::unknown(e)),
            LoadError::Invalid(e) => write!(f, "it is not a valid assessment: {}", one_line(e)),
        }
    }
}

/// The message with control characters escaped: it quotes names from the
/// file, and a newline there must not split what the CLI and the import
/// print as one line.
fn one_line(message: &str) -> String {
    message
        .chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}

impl Assessment {
    pub fn new(catalog: &'static Catalog, id: String, name: String, now: &str) -> Assessment {
        Assessment {
            schema: SCHEMA,
            id,
            name,
            edition: Edition::of(catalog),
            created: now.to_string(),
            updated: now.to_string(),
            copied: String::new(),
            origin: String::new(),
            tool: TOOL.to_string(),
            signoff: None,
            details: Details::default(),
            revision: 0,
            answers: Answers::default(),
            overrides: BTreeMap::new(),
            responsibility: BTreeMap::new(),
            verification: BTreeMap::new(),
            controls: BTreeMap::new(),
            risk: BTreeMap::new(),
            acceptance: BTreeMap::new(),
            treatment: BTreeMap::new(),
            reviewed: None,
            history: Vec::new(),
            scope: Default::default(),
            criteria: Default::default(),
            assessors: Vec::new(),
            log: Vec::new(),
        }
    }

    /// This assessment as a new one of its own: id `id`, made `now`,
    /// named apart from `taken` (the names already in use). Duplicating,
    /// importing and saving a shared link all copy this way. The copy keeps
    /// the record's own times, so "last changed" still says when its content
    /// last changed, and records when it was copied in `copied`.
    pub fn copy_as_new(&self, id: String, now: &str, taken: &[String]) -> Assessment {
        Assessment {
            id,
            name: unique_name(&self.name, taken),
            copied: now.to_string(),
            origin: if self.origin.is_empty() {
                self.id.clone()
            } else {
                self.origin.clone()
            },
            revision: 0,
            ..self.clone()
        }
    }

    /// What a provider has shown for `threat`: not requested until
    /// recorded.
    pub fn assurance(&self, threat: &str) -> Assurance {
        self.verification
            .get(threat)
            .map(|v| v.status)
            .unwrap_or_default()
    }

    /// The embedded catalog of this assessment's own edition.
    pub fn catalog(&self) -> &'static Catalog {
        self.edition.catalog()
    }

    /// Verdicts and controls, with the user's overrides applied.
    pub fn selection(&self) -> Selection {
        let catalog = self.catalog();
        let overrides: Vec<Option<bool>> = catalog
            .threats
            .iter()
            .map(|t| self.overrides.get(t.id).map(|o| o.include))
            .collect();
        select_with(catalog, &self.answers, &overrides)
    }

    pub fn to_json(&self) -> String {
        // Serialising plain maps and strings cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Indented, for files people read and keep in git.
    pub fn to_json_pretty(&self) -> String {
        super::pretty::pretty(&self.to_json())
    }

    /// Reads an assessment of any known schema, migrating it to the current
    /// one, and checks it against its edition.
    pub fn from_json(text: &str) -> Result<Assessment, LoadError> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| LoadError::NotJson(e.to_string()))?;
        Self::from_value(value)
    }

    /// [`Assessment::from_json`] for JSON already parsed, such as one entry
    /// of a backup.
    pub fn from_value(value: Value) -> Result<Assessment, LoadError> {
        let schema = value.get("schema").and_then(Value::as_u64);
        let value = match schema {
            Some(SCHEMA) => value,
            Some(5) => migrate::from_5(value),
            Some(4) => migrate::from_5(migrate::from_4(value)),
            Some(3) => migrate::from_5(migrate::from_4(migrate::from_3(value))),
            Some(2) => migrate::from_5(migrate::from_4(migrate::from_3(migrate::from_2(value)))),
            Some(1) => migrate::from_5(migrate::from_4(migrate::from_3(migrate::from_2(
                migrate::from_1(value)?,
            )))),
            Some(v) if v > SCHEMA => return Err(LoadError::NewerSchema(v)),
            _ => {
                return Err(LoadError::UnknownSchema(
                    value
                        .get("schema")
                        .map_or_else(|| "none".into(), Value::to_string),
                ))
            }
        };
        // Named before anything else is read, so that an assessment of an
        // edition this build lacks says so, rather than failing on an id.
        if let Some(id) = value.get("edition").and_then(Value::as_str) {
            if Edition::find(id).is_none() {
                return Err(LoadError::UnknownEdition(id.to_string()));
            }
        }
        let assessment: Assessment =
            serde_json::from_value(value).map_err(|e| LoadError::Invalid(e.to_string()))?;
        assessment.validate()?;
        Ok(assessment)
    }

    /// Every id must exist in the edition, and every rule about rationales
    /// must hold.
    pub fn validate(&self) -> Result<(), LoadError> {
        let catalog = self.catalog();
        let invalid = |m: String| Err(LoadError::Invalid(m));
        if self.name.trim().is_empty() {
            return invalid("the name is empty".into());
        }
        self.answers
            .validate(catalog)
            .map_err(|e| LoadError::Invalid(format!("answers: {e}")))?;
        let reviewed = self.reviewed.clone().unwrap_or_default();
        let threat_maps: [(&str, Vec<&String>); 8] = [
            ("overrides", self.overrides.keys().collect()),
            ("responsibility", self.responsibility.keys().collect()),
            ("verification", self.verification.keys().collect()),
            ("risk", self.risk.keys().collect()),
            ("acceptance", self.acceptance.keys().collect()),
            ("treatment", self.treatment.keys().collect()),
            ("reviewed.in_scope", reviewed.in_scope.iter().collect()),
            ("reviewed.residual", reviewed.residual.keys().collect()),
        ];
        for (field, keys) in threat_maps {
            if let Some(k) = keys.into_iter().find(|k| catalog.threat(k).is_none()) {
                return invalid(format!(
                    "{field}: {k:?} is not a threat of edition {}",
                    catalog.edition
                ));
            }
        }
        if let Some(k) = reviewed
            .controls
            .keys()
            .find(|k| catalog.control(k).is_none())
        {
            return invalid(format!(
                "reviewed.controls: {k:?} is not a control of edition {}",
                catalog.edition
            ));
        }
        if let Some((k, v)) = reviewed
            .residual
            .iter()
            .find(|(_, v)| !(1..=25).contains(*v))
        {
            return invalid(format!(
                "reviewed.residual: {k:?} has a level of {v}, outside 1–25"
            ));
        }
        if let Some(r) = &self.reviewed {
            if super::date::Date::parse(&r.date).is_none() {
                return invalid(format!("reviewed: the date {:?} is not a date", r.date));
            }
        }
        if let Some(k) = self.controls.keys().find(|k| catalog.control(k).is_none()) {
            return invalid(format!(
                "controls: {k:?} is not a control of edition {}",
                catalog.edition
            ));
        }
        for (k, o) in &self.overrides {
            if o.rationale.trim().is_empty() {
                return invalid(format!("overrides: {k:?} has no rationale"));
            }
        }
        for (k, c) in &self.controls {
            if c.status == ControlStatus::NotApplicable && c.rationale.trim().is_empty() {
                return invalid(format!(
                    "controls: {k:?} is not applicable but has no rationale"
                ));
            }
        }
        for (k, c) in &self.controls {
            check_evidence(&format!("controls: {k:?}"), &c.evidence)?;
        }
        for (k, x) in &self.acceptance {
            check_evidence(&format!("acceptance: {k:?}"), &x.evidence)?;
        }
        for h in &self.history {
            h.validate()
                .map_err(|e| LoadError::Invalid(format!("history: {e}")))?;
        }
        for (k, r) in &self.risk {
            for s in [r.inherent, r.residual] {
                for v in [s.likelihood, s.impact].into_iter().flatten() {
                    if !(1..=5).contains(&v) {
                        return invalid(format!("risk: {k:?} has a score of {v}, outside 1–5"));
                    }
                }
            }
        }
        self.validate_scope()
    }

    fn validate_scope(&self) -> Result<(), LoadError> {
        use super::scope::AI_ACT_CLASSES;
        let invalid = |m: String| Err(LoadError::Invalid(m));
        let c = &self.criteria;
        if let Some(level) = c.appetite.filter(|l| !(1..=25).contains(l)) {
            return invalid(format!("criteria: the appetite {level} is outside 1–25"));
        }
        for (name, scale) in [("likelihood", &c.likelihood), ("impact", &c.impact)] {
            if scale.len() > 5 {
                return invalid(format!(
                    "criteria: {name} has {} levels; the scale has 5",
                    scale.len()
                ));
            }
        }
        let s = &self.scope;
        if !s.ai_act.is_empty() && !AI_ACT_CLASSES.iter().any(|(v, _)| *v == s.ai_act) {
            return invalid(format!(
                "scope: {:?} is not an EU AI Act class aixa knows",
                s.ai_act
            ));
        }
        if !["", "yes", "no"].contains(&s.transparency.as_str()) {
            return invalid(format!(
                "scope: transparency is {:?}, not yes or no",
                s.transparency
            ));
        }
        Ok(())
    }
}

/// `name`, or "name (copy)", "name (copy 2)", … whichever is not `taken`, so
/// that two assessments of one list never look the same.
pub fn unique_name(name: &str, taken: &[String]) -> String {
    let free = |n: &str| !taken.iter().any(|t| t == n);
    if free(name) {
        return name.to_string();
    }
    let first = format!("{name} (copy)");
    if free(&first) {
        return first;
    }
    (2..)
        .map(|i| format!("{name} (copy {i})"))
        .find(|n| free(n))
        .unwrap_or(first)
}
