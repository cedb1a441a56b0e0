//! Upgrading an assessment to a newer edition of the Exchange.
//!
//! [`upgrade`] makes a new assessment in the newer edition and leaves the
//! original alone. It follows the edition's lineage
//! (`catalog/<edition>/lineage.toml`, see [`super::lineage`]): a decision on an
//! item that lives on unchanged, moved or renamed is carried to its
//! successor; one on a split, merged or broadened item is offered as a
//! suggestion and never applied; one on a removed item has nowhere to go.
//! Nothing is dropped: every decision not put in force (suggested, retired,
//! or an override the new rules make redundant) is kept in the new
//! assessment's [`History`], under the old ids. The [`Review`] says what
//! happened to each, and why.

use super::answers::Answers;
use super::assessment::{
    Acceptance, Assessment, ControlPlan, Override, Responsibility, RiskScore, Verification,
};
use super::catalog::Catalog;
use super::edition::Edition;
use super::engine::Verdict;
use super::lineage::{Carry, Lineage, Relation, Step};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

/// One upgrade's record in the new assessment: where it came from, and the
/// decisions it did not put in force, keyed by the older edition's ids as
/// they were.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    /// The edition the decisions were made in.
    pub edition: String,
    /// The id of the assessment that was upgraded.
    pub from: String,
    /// When (ISO 8601, UTC).
    pub upgraded: String,
    /// Answers to questions the newer edition does not ask as they were.
    #[serde(default, skip_serializing_if = "no_answers")]
    pub answers: Answers,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<String, Override>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub responsibility: BTreeMap<String, Responsibility>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub verification: BTreeMap<String, Verification>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub controls: BTreeMap<String, ControlPlan>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub risk: BTreeMap<String, RiskScore>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub acceptance: BTreeMap<String, Acceptance>,
}

fn no_answers(a: &Answers) -> bool {
    *a == Answers::default()
}

impl History {
    /// Every key must be an id of the history's own edition, where this
    /// build has it (editions are never taken out, but a history names an
    /// edition only as text, so an unknown one is left unchecked rather than
    /// refused).
    pub fn validate(&self) -> Result<(), String> {
        let Some(catalog) = Catalog::by_edition(&self.edition) else {
            return Ok(());
        };
        self.answers
            .validate(catalog)
            .map_err(|e| format!("answers of edition {}: {e}", self.edition))?;
        let threat_maps: [(&str, Vec<&String>); 5] = [
            ("overrides", self.overrides.keys().collect()),
            ("responsibility", self.responsibility.keys().collect()),
            ("verification", self.verification.keys().collect()),
            ("risk", self.risk.keys().collect()),
            ("acceptance", self.acceptance.keys().collect()),
        ];
        for (field, keys) in threat_maps {
            if let Some(k) = keys.into_iter().find(|k| catalog.threat(k).is_none()) {
                return Err(format!(
                    "{field}: {k:?} is not a threat of edition {}",
                    self.edition
                ));
            }
        }
        if let Some(k) = self.controls.keys().find(|k| catalog.control(k).is_none()) {
            return Err(format!(
                "controls: {k:?} is not a control of edition {}",
                self.edition
            ));
        }
        Ok(())
    }
}

/// What became of a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// In force in the new assessment, under the successor's id.
    Carried,
    /// Offered for a person to decide; kept as history meanwhile. Also every
    /// new threat, control and question.
    NeedsPerson,
    /// Its item has no successor; kept as history.
    Retired,
    /// An override the new rules make redundant; kept as history.
    Dropped,
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Carried => "carried",
            Outcome::NeedsPerson => "needs a person",
            Outcome::Retired => "retired",
            Outcome::Dropped => "dropped",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Question,
    Threat,
    Control,
}

impl Subject {
    pub fn label(self) -> &'static str {
        match self {
            Subject::Question => "question",
            Subject::Threat => "threat",
            Subject::Control => "control",
        }
    }
}

/// One line of the review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub outcome: Outcome,
    pub subject: Subject,
    /// The old id; empty for an item new in the newer edition.
    pub from: String,
    /// Where the decisions went (carried), or are offered (needs a person).
    pub to: Vec<String>,
    /// What had been decided on it: `answer`, `override`, `responsibility`,
    /// `verification`, `risk`, `acceptance` or `control`.
    pub decisions: Vec<&'static str>,
    pub reason: String,
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.outcome.label())?;
        if self.from.is_empty() {
            write!(f, "new {} {}", self.subject.label(), self.to.join(", "))?;
        } else {
            write!(f, "{} {}", self.subject.label(), self.from)?;
            if !self.to.is_empty() {
                write!(f, " → {}", self.to.join(", "))?;
            }
        }
        if !self.decisions.is_empty() {
            write!(f, " ({})", self.decisions.join(", "))?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// What an upgrade did with every decision, with reasons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    pub from: &'static str,
    pub to: &'static str,
    /// Questions, threats and controls with decisions, each in catalog
    /// order; then the parts offered to new items, the dropped overrides,
    /// and the new questions, threats and controls.
    pub items: Vec<Item>,
}

impl Review {
    pub fn count(&self, outcome: Outcome) -> usize {
        self.items.iter().filter(|i| i.outcome == outcome).count()
    }

    /// The items of one outcome.
    pub fn of(&self, outcome: Outcome) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.outcome == outcome)
    }
}

impl fmt::Display for Review {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Upgrade from {} to {}: {} carried, {} need a person, {} retired, {} dropped.",
            self.from,
            self.to,
            self.count(Outcome::Carried),
            self.count(Outcome::NeedsPerson),
            self.count(Outcome::Retired),
            self.count(Outcome::Dropped)
        )?;
        for item in &self.items {
            writeln!(f, "{item}")?;
        }
        Ok(())
    }
}

/// Why an upgrade was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UpgradeError {
    /// The assessment already uses this edition.
    SameEdition(String),
    /// No lineage leads from the assessment's edition to this one.
    NoLineage { from: String, to: String },
    /// The result failed validation: a bug, never the user's doing.
    Invalid(String),
}

impl fmt::Display for UpgradeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UpgradeError::SameEdition(e) => write!(f, "it already uses edition {e}"),
            UpgradeError::NoLineage { from, to } => {
                let known: Vec<String> = Lineage::all()
                    .iter()
                    .map(|l| format!("{} to {}", l.from, l.to))
                    .collect();
                write!(
                    f,
                    "aixa cannot upgrade an assessment of edition {from} to edition {to} (it can upgrade: {})",
                    known.join("; ")
                )
            }
            UpgradeError::Invalid(e) => write!(f, "the upgraded assessment is not valid: {e}"),
        }
    }
}

impl std::error::Error for UpgradeError {}

/// Copies every threat decision of `$src` on `$id` into `$dst` under `$key`.
macro_rules! copy_threat {
    ($src:expr, $id:expr, $dst:expr, $key:expr) => {{
        let key: &str = $key;
        if let Some(v) = $src.overrides.get($id) {
            $dst.overrides.insert(key.to_string(), v.clone());
        }
        if let Some(v) = $src.responsibility.get($id) {
            $dst.responsibility.insert(key.to_string(), v.clone());
        }
        if let Some(v) = $src.verification.get($id) {
            $dst.verification.insert(key.to_string(), v.clone());
        }
        if let Some(v) = $src.risk.get($id) {
            $dst.risk.insert(key.to_string(), *v);
        }
        if let Some(v) = $src.acceptance.get($id) {
            $dst.acceptance.insert(key.to_string(), v.clone());
        }
    }};
}

/// The decisions an assessment holds on threat `id`, by name.
fn threat_decisions(a: &Assessment, id: &str) -> Vec<&'static str> {
    [
        ("override", a.overrides.contains_key(id)),
        ("responsibility", a.responsibility.contains_key(id)),
        ("verification", a.verification.contains_key(id)),
        ("risk", a.risk.contains_key(id)),
        ("acceptance", a.acceptance.contains_key(id)),
    ]
    .into_iter()
    .filter_map(|(name, held)| held.then_some(name))
    .collect()
}

/// An answer as a person reads it.
fn answer_text(value: &Value) -> String {
    match value {
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        Value::Array(items) if items.is_empty() => "none of them".into(),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// " Note." when the step has a note.
fn with_note(text: String, note: &str) -> String {
    if note.is_empty() {
        format!("{text}.")
    } else {
        format!("{text}. {note}")
    }
}

/// The relation in words, from the two catalogs.
fn relation_text(
    step: &Step,
    subject: Subject,
    lineage: &Lineage,
    old: &Catalog,
    new: &Catalog,
) -> String {
    let first = step.to.first().copied().unwrap_or_default();
    let place = |catalog: &Catalog, id: &str| -> (String, String) {
        match subject {
            Subject::Threat => catalog
                .threat(id)
                .map(|(_, t)| (t.section.to_string(), format!("\"{}\"", t.name)))
                .unwrap_or_default(),
            _ => catalog
                .control(id)
                .map(|(_, c)| (c.section.to_string(), c.id.to_string()))
                .unwrap_or_default(),
        }
    };
    let (old_section, old_name) = place(old, step.from);
    let (new_section, new_name) = place(new, first);
    match step.relation {
        Relation::Same => "the same in both editions".into(),
        Relation::Moved => format!("moved from {old_section} to {new_section}"),
        Relation::Renamed => {
            format!("renamed: {old_name} ({old_section}) is now {new_name} ({new_section})")
        }
        Relation::Split => format!("split into {}", step.to.join(" and ")),
        Relation::Merged => {
            let steps = match subject {
                Subject::Threat => lineage.threats,
                _ => lineage.controls,
            };
            let others: Vec<&str> = steps
                .iter()
                .filter(|s| {
                    s.from != step.from && s.relation == Relation::Merged && s.to == step.to
                })
                .map(|s| s.from)
                .collect();
            format!("merged with {} into {first}", others.join(", "))
        }
        Relation::Broadened if first == step.from => "broadened".into(),
        Relation::Broadened => format!("broadened into {first}"),
        Relation::Removed => format!("removed in {}", new.edition),
    }
}

fn verdict_text(v: Verdict) -> &'static str {
    match v {
        Verdict::Applicable => "it applies",
        Verdict::NotApplicable => "it does not apply",
        Verdict::Unknown => "whether it applies is not yet known",
    }
}

/// `a` upgraded to edition `to`: a new assessment with id `id`, made `now`,
/// and the review of what became of every decision. `a` itself is left as
/// it is.
///
/// The new assessment keeps `a`'s name (with the edition after it), details
/// and creation time; `copied` and `updated` are `now`, as the content is a
/// translation made now.
pub fn upgrade(
    a: &Assessment,
    to: Edition,
    id: String,
    now: &str,
) -> Result<(Assessment, Review), UpgradeError> {
    if a.edition == to {
        return Err(UpgradeError::SameEdition(to.id().into()));
    }
    let lineage =
        Lineage::between(a.edition.id(), to.id()).ok_or_else(|| UpgradeError::NoLineage {
            from: a.edition.id().into(),
            to: to.id().into(),
        })?;
    let old = a.catalog();
    let new = to.catalog();
    let mut n = Assessment::new(new, id, format!("{} ({})", a.name, to.id()), now);
    n.created = a.created.clone();
    n.copied = now.to_string();
    n.details = a.details.clone();
    n.history = a.history.clone();
    let mut h = History {
        edition: a.edition.id().to_string(),
        from: a.id.clone(),
        upgraded: now.to_string(),
        ..History::default()
    };
    let mut items = Vec::new();

    // Answers, as the answers file writes them.
    let given = a.answers.to_json_value();
    let (mut carried, mut kept) = (Map::new(), Map::new());
    for step in lineage.questions {
        let Some(value) = given.get(step.from) else {
            continue;
        };
        let shown = answer_text(value);
        let (outcome, to) = match step.carry {
            Carry::All => {
                carried.insert(step.to[0].to_string(), value.clone());
                let text = if step.to[0] == step.from {
                    format!("you answered {shown}; the same question in {}", new.edition)
                } else {
                    format!("you answered {shown}; now the question {}", step.to[0])
                };
                items.push(item(
                    Outcome::Carried,
                    Subject::Question,
                    step.from,
                    step.to,
                    &["answer"],
                    with_note(text, step.note),
                ));
                continue;
            }
            Carry::Suggest => (Outcome::NeedsPerson, step.to),
            Carry::None => (Outcome::Retired, &[][..]),
        };
        kept.insert(step.from.to_string(), value.clone());
        let text = match outcome {
            Outcome::NeedsPerson => format!(
                "you answered {shown}; offered for {}, not applied (kept as history)",
                to.join(" and ")
            ),
            _ => format!(
                "you answered {shown}; {} does not ask it (kept as history)",
                new.edition
            ),
        };
        items.push(item(
            outcome,
            Subject::Question,
            step.from,
            to,
            &["answer"],
            with_note(text, step.note),
        ));
    }
    let parse = |catalog: &Catalog, map: Map<String, Value>| {
        Answers::from_json_value(catalog, &Value::Object(map))
            .map_err(|e| UpgradeError::Invalid(format!("answers: {e}")))
    };
    n.answers = parse(new, carried)?;
    h.answers = parse(old, kept)?;

    // Threats, in catalog order. `also` offers wait until everything that
    // carries has landed.
    let mut offers: Vec<(Subject, &Step, Vec<&'static str>)> = Vec::new();
    let mut carried_overrides: Vec<(&'static str, &'static str, usize)> = Vec::new();
    for t in old.threats {
        let decisions = threat_decisions(a, t.id);
        if decisions.is_empty() {
            continue;
        }
        let Some(step) = lineage.threat(t.id) else {
            // The build checks that every old id has a step.
            copy_threat!(a, t.id, h, t.id);
            items.push(item(
                Outcome::Retired,
                Subject::Threat,
                t.id,
                &[],
                &decisions,
                "the lineage does not name it (kept as history).".into(),
            ));
            continue;
        };
        let relation = relation_text(step, Subject::Threat, lineage, old, new);
        match step.carry {
            Carry::All => {
                copy_threat!(a, t.id, n, step.to[0]);
                if a.overrides.contains_key(t.id) {
                    carried_overrides.push((t.id, step.to[0], items.len()));
                }
                items.push(item(
                    Outcome::Carried,
                    Subject::Threat,
                    t.id,
                    step.to,
                    &decisions,
                    with_note(relation, step.note),
                ));
            }
            Carry::Suggest => {
                copy_threat!(a, t.id, h, t.id);
                let text =
                    format!("{relation}; offered as suggestions, not applied (kept as history)");
                items.push(item(
                    Outcome::NeedsPerson,
                    Subject::Threat,
                    t.id,
                    step.to,
                    &decisions,
                    with_note(text, step.note),
                ));
            }
            Carry::None => {
                copy_threat!(a, t.id, h, t.id);
                let text = format!("{relation} (kept as history)");
                items.push(item(
                    Outcome::Retired,
                    Subject::Threat,
                    t.id,
                    &[],
                    &decisions,
                    with_note(text, step.note),
                ));
            }
        }
        if !step.also.is_empty() {
            offers.push((Subject::Threat, step, decisions));
        }
    }

    // Controls: a 2024-01 file may key a control by an alias; one that also
    // has a decision under its own id keeps that one, the other is history.
    let mut plans: BTreeMap<&'static str, (&String, &ControlPlan)> = BTreeMap::new();
    for (key, plan) in &a.controls {
        let Some((_, c)) = old.control(key) else {
            continue;
        };
        // Whichever of the two is keyed by the control's own id wins.
        let (loser, kept_plan) = match plans.get(c.id).copied() {
            None => {
                plans.insert(c.id, (key, plan));
                continue;
            }
            Some((held, _)) if held.as_str() == c.id => (key, plan),
            Some(held) => {
                plans.insert(c.id, (key, plan));
                held
            }
        };
        h.controls.insert(loser.clone(), kept_plan.clone());
        let text = format!(
            "another name of {}, which has a decision of its own (kept as history).",
            c.id
        );
        items.push(item(
            Outcome::NeedsPerson,
            Subject::Control,
            loser,
            &[c.id],
            &["control"],
            text,
        ));
    }
    for c in old.controls {
        let Some((_, plan)) = plans.get(c.id) else {
            continue;
        };
        let Some(step) = lineage.control(c.id) else {
            h.controls.insert(c.id.to_string(), (*plan).clone());
            items.push(item(
                Outcome::Retired,
                Subject::Control,
                c.id,
                &[],
                &["control"],
                "the lineage does not name it (kept as history).".into(),
            ));
            continue;
        };
        let relation = relation_text(step, Subject::Control, lineage, old, new);
        let (outcome, to, text) = match step.carry {
            Carry::All => {
                n.controls.insert(step.to[0].to_string(), (*plan).clone());
                (Outcome::Carried, step.to, relation)
            }
            Carry::Suggest => {
                h.controls.insert(c.id.to_string(), (*plan).clone());
                (
                    Outcome::NeedsPerson,
                    step.to,
                    format!("{relation}; offered as a suggestion, not applied (kept as history)"),
                )
            }
            Carry::None => {
                h.controls.insert(c.id.to_string(), (*plan).clone());
                (
                    Outcome::Retired,
                    &[][..],
                    format!("{relation} (kept as history)"),
                )
            }
        };
        items.push(item(
            outcome,
            Subject::Control,
            c.id,
            to,
            &["control"],
            with_note(text, step.note),
        ));
        if !step.also.is_empty() {
            offers.push((Subject::Control, step, vec!["control"]));
        }
    }

    // Parts that live on in new items: offered where nothing is decided yet.
    let mut offered: BTreeMap<&'static str, Vec<&'static str>> = BTreeMap::new();
    for (subject, step, decisions) in offers {
        let decided = |id: &str| match subject {
            Subject::Control => n.controls.contains_key(id),
            _ => !threat_decisions(&n, id).is_empty(),
        };
        let open: Vec<&'static str> = step
            .also
            .iter()
            .copied()
            .filter(|id| !decided(id))
            .collect();
        for id in &open {
            offered.entry(id).or_default().push(step.from);
        }
        // Where each part already has a decision of its own, there is
        // nothing to offer; the step's note still says where it went.
        if open.is_empty() {
            continue;
        }
        let text = format!(
            "part of it is now {}: its decisions are offered there, not applied.",
            open.join(" and ")
        );
        items.push(item(
            Outcome::NeedsPerson,
            subject,
            step.from,
            &open,
            &decisions,
            text,
        ));
    }

    // Overrides the new rules make redundant: the rules' own verdict already
    // is what the override asked for.
    let selection = n.selection();
    for (from, to, at) in carried_overrides {
        let Some(tv) = selection.verdict_of(to) else {
            continue;
        };
        let Some(o) = n.overrides.get(to) else {
            continue;
        };
        let redundant = match (o.include, tv.verdict) {
            (true, Verdict::Applicable) => Some("include it"),
            (false, Verdict::NotApplicable) => Some("leave it out"),
            _ => None,
        };
        let Some(rules) = redundant else {
            continue;
        };
        if let Some(o) = n.overrides.remove(to) {
            h.overrides.insert(from.to_string(), o);
        }
        items[at].decisions.retain(|d| *d != "override");
        items.push(item(Outcome::Dropped, Subject::Threat, from, &[to], &["override"], format!("the {} rules already {rules}, as the override asked, so it is redundant (kept as history).", new.edition)));
    }
    items.retain(|i| !i.decisions.is_empty() || i.from.is_empty());

    // What is new: every new threat and control, and each new question the
    // profile shows and nobody has answered.
    for id in lineage.new_questions {
        let Some((i, q)) = new.question(id) else {
            continue;
        };
        if n.answers.is_visible(new, i) && given_none(&n.answers, id) {
            items.push(item(
                Outcome::NeedsPerson,
                Subject::Question,
                "",
                &[q.id],
                &[],
                format!(
                    "new in {}: \"{}\"; until it is answered, what it decides stays unknown.",
                    new.edition, q.text
                ),
            ));
        }
    }
    let see = |text: &mut String, id: &str| {
        if let Some(from) = offered.get(id) {
            text.push_str(&format!("; see the suggestions from {}", from.join(", ")));
        }
    };
    for id in lineage.new_threats {
        let Some((i, t)) = new.threat(id) else {
            continue;
        };
        let mut text = format!(
            "new in {}: \"{}\" ({}); {}",
            new.edition,
            t.name,
            t.section,
            verdict_text(selection.verdicts[i].verdict)
        );
        see(&mut text, id);
        items.push(item(
            Outcome::NeedsPerson,
            Subject::Threat,
            "",
            &[t.id],
            &[],
            format!("{text}."),
        ));
    }
    for id in lineage.new_controls {
        let Some((i, c)) = new.control(id) else {
            continue;
        };
        let selected = selection.controls.iter().any(|s| s.control == i);
        let mut text = format!(
            "new in {}: {} ({}); {}",
            new.edition,
            c.name,
            c.section,
            if selected {
                "selected for this system"
            } else {
                "not selected for this system as answered so far"
            }
        );
        see(&mut text, id);
        items.push(item(
            Outcome::NeedsPerson,
            Subject::Control,
            "",
            &[c.id],
            &[],
            format!("{text}."),
        ));
    }

    n.history.push(h);
    n.validate()
        .map_err(|e| UpgradeError::Invalid(e.to_string()))?;
    Ok((
        n,
        Review {
            from: old.edition,
            to: new.edition,
            items,
        },
    ))
}

/// Whether question `id` has no answer at all.
fn given_none(answers: &Answers, id: &str) -> bool {
    answers.to_json_value().get(id).is_none()
}

fn item(
    outcome: Outcome,
    subject: Subject,
    from: &str,
    to: &[&str],
    decisions: &[&'static str],
    reason: String,
) -> Item {
    Item {
        outcome,
        subject,
        from: from.to_string(),
        to: to.iter().map(|s| s.to_string()).collect(),
        decisions: decisions.to_vec(),
        reason,
    }
}
