//! Where each item of an older edition went in a newer one, compiled in
//! from `catalog/<edition>/lineage.toml` (checked by build.rs against both
//! editions; see catalog/FORMAT.md). [`super::upgrade`] follows it to carry
//! an assessment's decisions over.

/// How an old item relates to its successors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// Same id, place and name.
    Same,
    /// Same id and name, another section or parent.
    Moved,
    /// One successor, under another id or name.
    Renamed,
    /// Several successors, each taking part of it.
    Split,
    /// One successor that several old items went into.
    Merged,
    /// One successor that covers more than it did.
    Broadened,
    /// No successor.
    Removed,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Same => "same",
            Relation::Moved => "moved",
            Relation::Renamed => "renamed",
            Relation::Split => "split",
            Relation::Merged => "merged",
            Relation::Broadened => "broadened",
            Relation::Removed => "removed",
        }
    }
}

/// What of a decision on the old item goes to its successors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carry {
    /// Copied as it is.
    All,
    /// Offered for a person to accept; never applied by itself.
    Suggest,
    /// Nothing: the item has no successor, its decisions stay as history.
    None,
}

/// One old threat or control.
#[derive(Debug)]
pub struct Step {
    pub from: &'static str,
    pub to: &'static [&'static str],
    pub relation: Relation,
    pub carry: Carry,
    /// New items that took over part of the old one: its decisions are
    /// offered there as suggestions, whatever `carry` says.
    pub also: &'static [&'static str],
    /// Why, in aixa's words; empty when the relation says it all.
    pub note: &'static str,
}

/// One old question: where its answer goes (`All`, one question) or is
/// offered (`Suggest`), or that it has no successor (`None`).
#[derive(Debug)]
pub struct QuestionStep {
    pub from: &'static str,
    pub to: &'static [&'static str],
    pub carry: Carry,
    pub note: &'static str,
}

/// Every item of edition `from`, mapped to edition `to`.
#[derive(Debug)]
pub struct Lineage {
    pub from: &'static str,
    pub to: &'static str,
    pub threats: &'static [Step],
    pub controls: &'static [Step],
    pub questions: &'static [QuestionStep],
    /// Items of `to` that are nobody's successor.
    pub new_threats: &'static [&'static str],
    pub new_controls: &'static [&'static str],
    pub new_questions: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/lineage.rs"));

impl Lineage {
    /// Every lineage compiled in.
    pub fn all() -> &'static [Lineage] {
        LINEAGES
    }

    /// The lineage from edition `from` to edition `to`, if there is one.
    pub fn between(from: &str, to: &str) -> Option<&'static Lineage> {
        LINEAGES.iter().find(|l| l.from == from && l.to == to)
    }

    pub fn threat(&self, id: &str) -> Option<&'static Step> {
        self.threats.iter().find(|s| s.from == id)
    }

    pub fn control(&self, id: &str) -> Option<&'static Step> {
        self.controls.iter().find(|s| s.from == id)
    }

    pub fn question(&self, id: &str) -> Option<&'static QuestionStep> {
        self.questions.iter().find(|s| s.from == id)
    }
}
