//! The catalog files' shapes, as serde reads them.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionFile {
    pub id: String,
    pub title: String,
    pub source_commit: String,
    pub published: String,
    pub site: String,
    /// Where `source` links start: this edition's text, pinned on GitHub.
    pub source_base: String,
    /// Where `go` slugs start: the Exchange's short links.
    pub go_base: String,
    /// The overview's file, the entry to the edition's text, relative to
    /// `source_base`.
    pub overview: String,
    #[serde(rename = "section", default)]
    pub sections: Vec<SectionSrc>,
    pub selection: Option<SelectionSrc>,
    /// The edition's process, in order: which page each step is, and what
    /// the edition calls it.
    #[serde(rename = "step", default)]
    pub steps: Vec<StepSrc>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepSrc {
    /// One of `vocab::STEP_PAGES`.
    pub page: String,
    /// The short name, in the step bar.
    pub label: String,
    /// The heading of its page.
    pub title: String,
}

/// How control selection narrows development-time controls.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelectionSrc {
    /// A rule: development-time controls are selected only when it is not
    /// "no" (unknown keeps them, to fail safe).
    pub development_controls_when: String,
    /// Development-time controls selected whatever that rule says.
    #[serde(default)]
    pub development_controls_kept: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSrc {
    pub number: String,
    pub name: String,
    /// The section's file in this edition's text, relative to `source_base`.
    pub source: String,
    /// The short link to where it lives on.
    pub go: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct QuestionsFile {
    #[serde(rename = "question", default)]
    pub(super) questions: Vec<QuestionSrc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KindSrc {
    YesNo,
    Components,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionSrc {
    pub id: String,
    pub kind: KindSrc,
    pub text: String,
    #[serde(default)]
    pub help: String,
    pub depends_on: Option<String>,
    pub yes: Option<String>,
    pub no: Option<String>,
    pub unknown: Option<String>,
    pub options: Option<Vec<ChoiceSrc>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceSrc {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ThreatsFile {
    #[serde(rename = "threat", default)]
    pub(super) threats: Vec<ThreatSrc>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThreatSrc {
    pub id: String,
    pub section: String,
    pub name: String,
    pub parent: Option<String>,
    pub applies_when: String,
    pub so_applicable: Option<String>,
    pub so_not_applicable: Option<String>,
    // The full catalog's fields (see catalog/FORMAT.md); optional while the
    // edition is being written, required once it is complete.
    pub description: Option<String>,
    pub impact: Option<String>,
    pub lifecycle: Option<String>,
    #[serde(default)]
    pub attack_surface: Vec<String>,
    pub asset: Option<String>,
    pub property: Option<String>,
    #[serde(default)]
    pub controls: Vec<String>,
    #[serde(default)]
    pub genai: Vec<u32>,
    #[serde(default)]
    pub atlas: Vec<String>,
    /// `<file>.md#<anchor>`, relative to the edition's `source_base`.
    pub source: Option<String>,
    /// A slug under the edition's `go_base`, where the threat lives on.
    pub go: Option<String>,
    /// Where the threat lives: options of the components question.
    #[serde(default)]
    pub components: Vec<String>,
    /// A rule: when it holds, the model maker owns the threat by default.
    pub maker_owns_when: Option<String>,
    /// A rule: when it holds, the threat concerns data of your own (your RAG
    /// knowledge base, say), so it is yours by default whoever hosts what.
    pub ours_when: Option<String>,
    /// Controls the source names for this threat without an id.
    #[serde(default)]
    pub other_controls: Vec<OtherControlSrc>,
    /// The OpenCRE ids of the threat's own section.
    #[serde(default)]
    pub opencre: Vec<RefSrc>,
    /// Controls the source takes away from what the threat would otherwise
    /// get from its groups and the threats above it ("the parent's controls,
    /// minus …"); the "plus" part is its own `controls`.
    #[serde(default)]
    pub minus: Vec<String>,
}

/// A control the source names only in words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherControlSrc {
    pub name: String,
    /// What it is, our words.
    pub note: String,
    #[serde(default)]
    pub opencre: Vec<RefSrc>,
    #[serde(default)]
    pub iso27002: Vec<RefSrc>,
    #[serde(default)]
    pub references: Vec<RefSrc>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ControlsFile {
    #[serde(rename = "control", default)]
    pub(super) controls: Vec<ControlSrc>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlSrc {
    pub id: String,
    pub name: String,
    pub section: String,
    pub category: String,
    /// The navigator's colours: one type, or a list where it draws more
    /// than one (`type = "infosec"` or `type = ["a", "b"]`).
    #[serde(rename = "type", deserialize_with = "one_or_many")]
    pub kinds: Vec<String>,
    pub lifecycle: String,
    /// Whether the control only makes sense when you train or fine-tune
    /// the model yourself.
    #[serde(default)]
    pub only_when_training: bool,
    pub purpose: String,
    pub remaining_risk: Option<String>,
    #[serde(default)]
    pub iso27002: Vec<RefSrc>,
    #[serde(default)]
    pub iso42001: Vec<RefSrc>,
    #[serde(default)]
    pub opencre: Vec<RefSrc>,
    #[serde(default)]
    pub references: Vec<RefSrc>,
    /// `<file>.md` or `<file>.md#<anchor>`, relative to `source_base`.
    pub source: String,
    /// A slug under the edition's `go_base`, where the control lives on.
    pub go: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct GroupsFile {
    #[serde(rename = "group", default)]
    pub(super) groups: Vec<GroupSrc>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupSrc {
    pub id: String,
    pub section: String,
    pub name: String,
    pub applies_to: String,
    pub controls: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AliasesFile {
    /// Other spellings of control ids: each to one control, or to several
    /// where the source split the control it names.
    #[serde(default)]
    pub(super) aliases: BTreeMap<String, AliasTarget>,
    /// Other names of threats (old or broken short links), likewise.
    #[serde(default)]
    pub(super) threat_aliases: BTreeMap<String, AliasTarget>,
}

/// What an alias stands for: `"ID"`, or `["ID1", "ID2"]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum AliasTarget {
    One(String),
    Many(Vec<String>),
}

impl AliasTarget {
    pub fn ids(&self) -> &[String] {
        match self {
            AliasTarget::One(id) => std::slice::from_ref(id),
            AliasTarget::Many(ids) => ids,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MappingsFile {
    #[serde(rename = "guideline", default)]
    pub(super) guidelines: Vec<GuidelineSrc>,
    #[serde(rename = "genai", default)]
    pub(super) genai: Vec<GenaiSrc>,
    #[serde(rename = "synonym", default)]
    pub(super) synonyms: Vec<SynonymSrc>,
    #[serde(rename = "regulation", default)]
    pub(super) regulations: Vec<RegulationSrc>,
}

/// A row of a regulatory mapping (CHECKCOMPLIANCE's "AI regulatory
/// mapping"): a topic, the obligation as the source names it, the EU AI Act
/// articles among it, and the controls the source hooks it to.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegulationSrc {
    pub topic: String,
    /// The obligation as the source writes it ("EU AI Act Art 12").
    pub obligation: String,
    /// EU AI Act article numbers within it: `"12"`, `"3(23)"`.
    #[serde(default)]
    pub eu_ai_act: Vec<String>,
    #[serde(default)]
    pub controls: Vec<String>,
    /// Our words, where the hook needs them.
    pub note: Option<String>,
}

/// A word people search with that the catalog's own words lack, such as
/// "jailbreak", and the threats and controls it means.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SynonymSrc {
    pub word: String,
    #[serde(default)]
    pub threats: Vec<String>,
    #[serde(default)]
    pub controls: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidelineSrc {
    pub section: String,
    pub text: String,
    pub controls: Vec<String>,
    pub note: Option<String>,
    /// The source maps the guideline to only part of a control ("Part of
    /// #SECPROGRAM"): it counts as partly covered at most.
    #[serde(default)]
    pub partial: bool,
    /// Numbers of the principles of the UK DSIT Code of Practice for the
    /// Cyber Security of AI that the source maps the guideline to (1 to 13).
    #[serde(default)]
    pub dsit: Vec<u32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenaiSrc {
    pub number: u32,
    pub summary: String,
    #[serde(default)]
    pub llm_top10: Vec<String>,
    #[serde(default)]
    pub threats: Vec<String>,
}

/// A string or a list of strings, read as a list.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    })
}

/// A standard reference: `"5.37"`, or `{ id = "5.37", gap = "covers
/// minimally" }` where the source qualifies how far it covers the control.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RefSrc {
    Plain(String),
    Qualified(QualifiedRef),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualifiedRef {
    pub id: String,
    pub gap: String,
}

impl RefSrc {
    pub fn id(&self) -> &str {
        match self {
            RefSrc::Plain(id) => id,
            RefSrc::Qualified(q) => &q.id,
        }
    }

    pub fn gap(&self) -> Option<&str> {
        match self {
            RefSrc::Plain(_) => None,
            RefSrc::Qualified(q) => Some(&q.gap),
        }
    }
}
