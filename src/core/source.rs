//! The catalog as written in `catalog/<edition>/*.toml`, and its validation.
//!
//! `build.rs` compiles this file too (through `#[path]`) and refuses to build
//! when an edition is invalid, so the app can only ever embed a catalog that
//! passed these checks. Natively, the same code is tested against broken
//! inputs. It may use only `std`, `serde`, `toml` and `super::rule`.

use super::rule::{self, Ast};
use super::vocab::{
    ASSETS, CONTROL_LIFECYCLES, CONTROL_TYPES, LIFECYCLES, PROPERTIES, SCOPES, SURFACES,
};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

pub const EDITION_FILE: &str = "edition.toml";
pub const QUESTIONS_FILE: &str = "questions.toml";
pub const THREATS_FILE: &str = "threats.toml";
pub const CONTROLS_FILE: &str = "controls.toml";
pub const GROUPS_FILE: &str = "groups.toml";
pub const ALIASES_FILE: &str = "aliases.toml";
pub const MAPPINGS_FILE: &str = "mappings.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionFile {
    pub id: String,
    pub title: String,
    pub source_commit: String,
    pub published: String,
    pub site: String,
    #[serde(rename = "section", default)]
    pub sections: Vec<SectionSrc>,
    pub selection: Option<SelectionSrc>,
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
    pub url: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionsFile {
    #[serde(rename = "question", default)]
    questions: Vec<QuestionSrc>,
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
struct ThreatsFile {
    #[serde(rename = "threat", default)]
    threats: Vec<ThreatSrc>,
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
    pub url: Option<String>,
    /// Where the threat lives: options of the components question.
    #[serde(default)]
    pub components: Vec<String>,
    /// A rule: when it holds, the model maker owns the threat by default.
    pub maker_owns_when: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ControlsFile {
    #[serde(rename = "control", default)]
    controls: Vec<ControlSrc>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlSrc {
    pub id: String,
    pub name: String,
    pub section: String,
    pub category: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub lifecycle: String,
    pub purpose: String,
    pub remaining_risk: Option<String>,
    #[serde(default)]
    pub iso27002: Vec<String>,
    #[serde(default)]
    pub iso42001: Vec<String>,
    #[serde(default)]
    pub opencre: Vec<String>,
    #[serde(default)]
    pub references: Vec<String>,
    pub url: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupsFile {
    #[serde(rename = "group", default)]
    groups: Vec<GroupSrc>,
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
struct AliasesFile {
    #[serde(default)]
    aliases: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingsFile {
    #[serde(rename = "guideline", default)]
    guidelines: Vec<GuidelineSrc>,
    #[serde(rename = "genai", default)]
    genai: Vec<GenaiSrc>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidelineSrc {
    pub section: String,
    pub text: String,
    pub controls: Vec<String>,
    pub note: Option<String>,
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

/// One validated edition, with every cross-reference resolved to an index.
#[derive(Debug, Clone)]
pub struct Edition {
    pub meta: EditionFile,
    pub questions: Vec<QuestionSrc>,
    /// For each question, the index of the question it depends on.
    pub question_parent: Vec<Option<usize>>,
    pub threats: Vec<ThreatSrc>,
    pub threat_rule: Vec<Ast>,
    pub threat_parent: Vec<Option<usize>>,
    /// For each threat, the index of its top-level section in `meta.sections`.
    pub threat_section: Vec<usize>,
    pub controls: Vec<ControlSrc>,
    /// For each threat, its own controls, as indices into `controls`.
    pub threat_controls: Vec<Vec<usize>>,
    /// For each threat, indices into `genai`.
    pub threat_genai: Vec<Vec<usize>>,
    pub groups: Vec<GroupSrc>,
    pub group_controls: Vec<Vec<usize>>,
    /// (alias, control index), sorted by alias.
    pub aliases: Vec<(String, usize)>,
    pub guidelines: Vec<GuidelineSrc>,
    pub guideline_controls: Vec<Vec<usize>>,
    pub genai: Vec<GenaiSrc>,
    pub genai_threats: Vec<Vec<usize>>,
    /// The rule that gates development-time controls, and the ones kept.
    pub dev_rule: Option<Ast>,
    pub dev_kept: Vec<usize>,
    /// For each threat, its `maker_owns_when` rule.
    pub threat_maker_rule: Vec<Option<Ast>>,
}

impl Edition {
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }
}

/// A problem in a catalog file, naming the file and the entry at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    pub file: String,
    pub entry: Option<String>,
    pub message: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.entry {
            Some(entry) => write!(f, "{}: {}: {}", self.file, entry, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// The text of an edition's files, as read from disk (or written by a test).
pub struct EditionText<'a> {
    /// The folder, such as `catalog/2024-01`; used in messages and checked
    /// against the edition id.
    pub dir: &'a str,
    pub edition: &'a str,
    pub questions: &'a str,
    pub threats: &'a str,
    /// The optional files; `None` when the edition has no such file.
    pub controls: Option<&'a str>,
    pub groups: Option<&'a str>,
    pub aliases: Option<&'a str>,
    pub mappings: Option<&'a str>,
}

/// Reads and validates the edition in `dir`.
pub fn load_dir(dir: &Path) -> Result<Edition, Vec<CatalogError>> {
    let dir_name = dir.display().to_string();
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).map_err(|e| {
            vec![CatalogError {
                file: format!("{dir_name}/{name}"),
                entry: None,
                message: format!("cannot read: {e}"),
            }]
        })
    };
    let optional = |name: &str| {
        if dir.join(name).exists() {
            read(name).map(Some)
        } else {
            Ok(None)
        }
    };
    let edition = read(EDITION_FILE)?;
    let questions = read(QUESTIONS_FILE)?;
    let threats = read(THREATS_FILE)?;
    let controls = optional(CONTROLS_FILE)?;
    let groups = optional(GROUPS_FILE)?;
    let aliases = optional(ALIASES_FILE)?;
    let mappings = optional(MAPPINGS_FILE)?;
    parse(&EditionText {
        dir: &dir_name,
        edition: &edition,
        questions: &questions,
        threats: &threats,
        controls: controls.as_deref(),
        groups: groups.as_deref(),
        aliases: aliases.as_deref(),
        mappings: mappings.as_deref(),
    })
}

fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn is_section_number(s: &str) -> bool {
    !s.is_empty()
        && s.split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

struct Checker {
    errors: Vec<CatalogError>,
    file: String,
}

impl Checker {
    fn fail(&mut self, entry: Option<String>, message: String) {
        self.errors.push(CatalogError {
            file: self.file.clone(),
            entry,
            message,
        });
    }
}

fn parse_toml<T: serde::de::DeserializeOwned>(
    dir: &str,
    name: &str,
    text: &str,
) -> Result<T, CatalogError> {
    toml::from_str(text).map_err(|e| CatalogError {
        file: format!("{dir}/{name}"),
        entry: None,
        message: e.to_string().trim_end().replace('\n', " "),
    })
}

/// Parses and validates an edition, reporting every problem found.
pub fn parse(text: &EditionText<'_>) -> Result<Edition, Vec<CatalogError>> {
    fn optional<T: serde::de::DeserializeOwned + Default>(
        dir: &str,
        name: &str,
        text: Option<&str>,
    ) -> Result<T, CatalogError> {
        text.map_or_else(|| Ok(T::default()), |t| parse_toml(dir, name, t))
    }
    let meta: Result<EditionFile, _> = parse_toml(text.dir, EDITION_FILE, text.edition);
    let questions: Result<QuestionsFile, _> = parse_toml(text.dir, QUESTIONS_FILE, text.questions);
    let threats: Result<ThreatsFile, _> = parse_toml(text.dir, THREATS_FILE, text.threats);
    let controls: Result<ControlsFile, _> = optional(text.dir, CONTROLS_FILE, text.controls);
    let groups: Result<GroupsFile, _> = optional(text.dir, GROUPS_FILE, text.groups);
    let aliases: Result<AliasesFile, _> = optional(text.dir, ALIASES_FILE, text.aliases);
    let mappings: Result<MappingsFile, _> = optional(text.dir, MAPPINGS_FILE, text.mappings);
    let (meta, questions, threats, controls, groups, aliases, mappings) = match (
        meta, questions, threats, controls, groups, aliases, mappings,
    ) {
        (Ok(m), Ok(q), Ok(t), Ok(c), Ok(g), Ok(a), Ok(p)) => (
            m,
            q.questions,
            t.threats,
            c.controls,
            g.groups,
            a.aliases,
            p,
        ),
        (m, q, t, c, g, a, p) => {
            return Err([
                m.err(),
                q.err(),
                t.err(),
                c.err(),
                g.err(),
                a.err(),
                p.err(),
            ]
            .into_iter()
            .flatten()
            .collect());
        }
    };

    let mut errors = Vec::new();
    check_meta(text.dir, &meta, &mut errors);
    let question_parent = check_questions(text.dir, &questions, &mut errors);
    let (threat_rule, threat_parent, threat_section) =
        check_threats(text.dir, &meta, &questions, &threats, &mut errors);
    let refs = check_controls(text.dir, &controls, &aliases, &mut errors);
    let complete = !controls.is_empty();

    let mut c = Checker {
        errors: Vec::new(),
        file: format!("{}/{THREATS_FILE}", text.dir),
    };
    let genai_numbers: Vec<u32> = mappings.genai.iter().map(|g| g.number).collect();
    let components: Vec<&str> = questions
        .iter()
        .filter_map(|q| q.options.as_ref())
        .flatten()
        .map(|o| o.id.as_str())
        .collect();
    let mut threat_maker_rule = Vec::with_capacity(threats.len());
    let mut threat_controls = Vec::with_capacity(threats.len());
    let mut threat_genai = Vec::with_capacity(threats.len());
    for t in &threats {
        let entry = Some(format!("threat '{}'", t.id));
        if complete {
            check_threat_details(&mut c, &entry, t);
        }
        threat_controls.push(refs.resolve_all(&mut c, &entry, "controls", &t.controls));
        let mut rows = Vec::new();
        for n in &t.genai {
            match genai_numbers.iter().position(|g| g == n) {
                Some(i) => rows.push(i),
                None => c.fail(
                    entry.clone(),
                    format!("genai row {n} is not a [[genai]] number in {MAPPINGS_FILE}"),
                ),
            }
        }
        threat_genai.push(rows);
        for comp in &t.components {
            if !components.contains(&comp.as_str()) {
                c.fail(
                    entry.clone(),
                    format!(
                        "component '{comp}' is not an option of the components question; use one of: {}",
                        components.join(", ")
                    ),
                );
            }
        }
        if complete && t.components.is_empty() {
            c.fail(
                entry.clone(),
                "the required field 'components' is missing".into(),
            );
        }
        threat_maker_rule.push(
            t.maker_owns_when.as_deref().and_then(|text| {
                question_rule(&mut c, &entry, "maker_owns_when", text, &questions)
            }),
        );
        for a in &t.atlas {
            if !is_atlas_id(a) {
                c.fail(
                    entry.clone(),
                    format!("atlas '{a}' is not a MITRE ATLAS id such as \"AML.T0043\""),
                );
            }
        }
    }
    errors.extend(c.errors);

    let mut c = Checker {
        errors: Vec::new(),
        file: format!("{}/{GROUPS_FILE}", text.dir),
    };
    let mut group_ids = BTreeSet::new();
    let mut group_controls = Vec::with_capacity(groups.len());
    for g in &groups {
        let entry = Some(format!("group '{}'", g.id));
        if !is_id(&g.id) || !group_ids.insert(g.id.as_str()) {
            c.fail(entry.clone(), "needs a unique, lower-case id".into());
        }
        if !SCOPES.contains(&g.applies_to.as_str()) {
            c.fail(
                entry.clone(),
                format!(
                    "applies_to '{}' must be one of: {}",
                    g.applies_to,
                    SCOPES.join(", ")
                ),
            );
        }
        if g.controls.is_empty() {
            c.fail(entry.clone(), "lists no controls".into());
        }
        group_controls.push(refs.resolve_all(&mut c, &entry, "controls", &g.controls));
    }
    errors.extend(c.errors);

    let mut c = Checker {
        errors: Vec::new(),
        file: format!("{}/{MAPPINGS_FILE}", text.dir),
    };
    let guideline_controls: Vec<Vec<usize>> = mappings
        .guidelines
        .iter()
        .map(|g| {
            let entry = Some(format!("guideline '{}'", g.text));
            refs.resolve_all(&mut c, &entry, "controls", &g.controls)
        })
        .collect();
    let mut seen_rows = BTreeSet::new();
    let genai_threats: Vec<Vec<usize>> = mappings
        .genai
        .iter()
        .map(|g| {
            let entry = Some(format!("genai row {}", g.number));
            if !seen_rows.insert(g.number) {
                c.fail(entry.clone(), "is defined twice".into());
            }
            g.threats
                .iter()
                .filter_map(|id| {
                    let found = threats.iter().position(|t| &t.id == id);
                    if found.is_none() {
                        c.fail(
                            entry.clone(),
                            format!("threat '{id}' is not in {THREATS_FILE}"),
                        );
                    }
                    found
                })
                .collect()
        })
        .collect();
    errors.extend(c.errors);

    let mut c = Checker {
        errors: Vec::new(),
        file: format!("{}/{EDITION_FILE}", text.dir),
    };
    let (dev_rule, dev_kept) = match &meta.selection {
        None => (None, Vec::new()),
        Some(sel) => {
            let entry = Some("[selection]".to_string());
            let ast = question_rule(
                &mut c,
                &entry,
                "development_controls_when",
                &sel.development_controls_when,
                &questions,
            );
            let kept = refs.resolve_all(
                &mut c,
                &entry,
                "development_controls_kept",
                &sel.development_controls_kept,
            );
            (ast, kept)
        }
    };
    errors.extend(c.errors);

    if errors.is_empty() {
        Ok(Edition {
            meta,
            questions,
            question_parent,
            threats,
            threat_rule,
            threat_parent,
            threat_section,
            controls,
            threat_controls,
            threat_genai,
            groups,
            group_controls,
            aliases: refs.aliases,
            guidelines: mappings.guidelines,
            guideline_controls,
            genai: mappings.genai,
            genai_threats,
            dev_rule,
            dev_kept,
            threat_maker_rule,
        })
    } else {
        Err(errors)
    }
}

fn check_meta(dir: &str, meta: &EditionFile, errors: &mut Vec<CatalogError>) {
    let mut c = Checker {
        errors: Vec::new(),
        file: format!("{dir}/{EDITION_FILE}"),
    };
    let folder = Path::new(dir)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if meta.id != folder {
        c.fail(
            None,
            format!(
                "the edition id '{}' must match its folder name '{folder}'",
                meta.id
            ),
        );
    }
    if meta.sections.is_empty() {
        c.fail(None, "no [[section]] is defined".into());
    }
    let mut seen = BTreeSet::new();
    for s in &meta.sections {
        let entry = Some(format!("section '{}'", s.number));
        if !is_section_number(&s.number) || s.number.contains('.') {
            c.fail(
                entry.clone(),
                "a top-level section number is a whole number such as \"2\"".into(),
            );
        }
        if !seen.insert(s.number.clone()) {
            c.fail(entry.clone(), "is defined twice".into());
        }
        if s.name.trim().is_empty() {
            c.fail(entry, "has an empty name".into());
        }
    }
    errors.extend(c.errors);
}

fn check_questions(
    dir: &str,
    questions: &[QuestionSrc],
    errors: &mut Vec<CatalogError>,
) -> Vec<Option<usize>> {
    let mut c = Checker {
        errors: Vec::new(),
        file: format!("{dir}/{QUESTIONS_FILE}"),
    };
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut parents = Vec::with_capacity(questions.len());
    for (i, q) in questions.iter().enumerate() {
        let entry = Some(format!("question '{}'", q.id));
        if !is_id(&q.id) {
            c.fail(
                entry.clone(),
                "an id is lower-case letters, digits and '_', starting with a letter".into(),
            );
        }
        if index.contains_key(q.id.as_str()) {
            c.fail(entry.clone(), "is defined twice".into());
        }
        if q.text.trim().is_empty() {
            c.fail(entry.clone(), "has an empty text".into());
        }
        match q.kind {
            KindSrc::YesNo => {
                for (field, value) in [("yes", &q.yes), ("no", &q.no), ("unknown", &q.unknown)] {
                    if value.as_deref().is_none_or(|v| v.trim().is_empty()) {
                        c.fail(
                            entry.clone(),
                            format!("a yes_no question needs a non-empty '{field}' phrase"),
                        );
                    }
                }
                if q.options.is_some() {
                    c.fail(
                        entry.clone(),
                        "'options' belong only to a components question".into(),
                    );
                }
            }
            KindSrc::Components => {
                let options = q.options.as_deref().unwrap_or_default();
                if options.is_empty() {
                    c.fail(
                        entry.clone(),
                        "a components question needs 'options'".into(),
                    );
                }
                let mut seen = BTreeSet::new();
                for o in options {
                    if !is_id(&o.id) || !seen.insert(o.id.as_str()) {
                        c.fail(
                            entry.clone(),
                            format!("option '{}' is not a unique, valid id", o.id),
                        );
                    }
                }
                if q.yes.is_some()
                    || q.no.is_some()
                    || q.unknown.is_some()
                    || q.depends_on.is_some()
                {
                    c.fail(
                        entry.clone(),
                        "'yes', 'no', 'unknown' and 'depends_on' belong only to a yes_no question"
                            .into(),
                    );
                }
            }
        }
        let parent = match &q.depends_on {
            None => None,
            Some(p) => match index.get(p.as_str()) {
                Some(&pi) if questions[pi].kind == KindSrc::YesNo => Some(pi),
                Some(_) => {
                    c.fail(
                        entry.clone(),
                        format!("depends_on '{p}', which is not a yes_no question"),
                    );
                    None
                }
                None => {
                    c.fail(
                        entry.clone(),
                        format!("depends_on '{p}', which is not a question defined above it"),
                    );
                    None
                }
            },
        };
        parents.push(parent);
        index.entry(q.id.as_str()).or_insert(i);
    }
    errors.extend(c.errors);
    parents
}

type ThreatLinks = (Vec<Ast>, Vec<Option<usize>>, Vec<usize>);

fn check_threats(
    dir: &str,
    meta: &EditionFile,
    questions: &[QuestionSrc],
    threats: &[ThreatSrc],
    errors: &mut Vec<CatalogError>,
) -> ThreatLinks {
    let mut c = Checker {
        errors: Vec::new(),
        file: format!("{dir}/{THREATS_FILE}"),
    };
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut sections_seen = BTreeSet::new();
    let mut rules = Vec::with_capacity(threats.len());
    let mut parents = Vec::with_capacity(threats.len());
    let mut top_sections = Vec::with_capacity(threats.len());
    if threats.is_empty() {
        c.fail(None, "no [[threat]] is defined".into());
    }

    for (i, t) in threats.iter().enumerate() {
        let entry = Some(format!("threat '{}'", t.id));
        if !is_id(&t.id) {
            c.fail(
                entry.clone(),
                "an id is lower-case letters, digits and '_', starting with a letter".into(),
            );
        }
        if index.contains_key(t.id.as_str()) {
            c.fail(entry.clone(), "is defined twice".into());
        }
        if t.name.trim().is_empty() {
            c.fail(entry.clone(), "has an empty name".into());
        }
        for (field, value) in [
            ("so_applicable", &t.so_applicable),
            ("so_not_applicable", &t.so_not_applicable),
        ] {
            if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
                c.fail(
                    entry.clone(),
                    format!("'{field}' is empty; leave it out instead"),
                );
            }
        }

        if !is_section_number(&t.section) || !t.section.contains('.') {
            c.fail(
                entry.clone(),
                format!(
                    "section '{}' must be a dotted number such as \"2.1\"",
                    t.section
                ),
            );
        } else if !sections_seen.insert(t.section.as_str()) {
            c.fail(
                entry.clone(),
                format!("section '{}' is used twice", t.section),
            );
        }
        let top = t.section.split('.').next().unwrap_or_default();
        let top_index = meta.sections.iter().position(|s| s.number == top);
        if top_index.is_none() {
            c.fail(
                entry.clone(),
                format!(
                    "section '{}' lies in no [[section]] of {EDITION_FILE}",
                    t.section
                ),
            );
        }
        top_sections.push(top_index.unwrap_or(0));

        let parent = match &t.parent {
            None => {
                if t.section.matches('.').count() != 1 {
                    c.fail(
                        entry.clone(),
                        format!(
                            "section '{}' is nested, so the threat needs a 'parent'",
                            t.section
                        ),
                    );
                }
                None
            }
            Some(p) => match index.get(p.as_str()) {
                Some(&pi) => {
                    let expected = format!("{}.", threats[pi].section);
                    let rest = t.section.strip_prefix(&expected);
                    if rest.is_none_or(|r| r.contains('.')) {
                        c.fail(
                            entry.clone(),
                            format!(
                                "section '{}' must sit directly under its parent's section '{}'",
                                t.section, threats[pi].section
                            ),
                        );
                    }
                    Some(pi)
                }
                None => {
                    c.fail(
                        entry.clone(),
                        format!("parent '{p}' is not a threat defined above it"),
                    );
                    None
                }
            },
        };
        parents.push(parent);

        let ast = match rule::parse(&t.applies_when) {
            Ok(ast) => ast,
            Err(e) => {
                c.fail(entry.clone(), format!("applies_when: {e}"));
                Ast::Always
            }
        };
        for q in ast.questions() {
            match questions.iter().find(|x| x.id == q) {
                Some(x) if x.kind == KindSrc::YesNo => {}
                Some(_) => c.fail(
                    entry.clone(),
                    format!("applies_when: '{q}' is not a yes_no question"),
                ),
                None => c.fail(
                    entry.clone(),
                    format!("applies_when: '{q}' is not a question in {QUESTIONS_FILE}"),
                ),
            }
        }
        rules.push(ast);
        index.entry(t.id.as_str()).or_insert(i);
    }

    for (i, t) in threats.iter().enumerate() {
        if rules[i] == Ast::AnyChild && !parents.contains(&Some(i)) {
            c.fail(
                Some(format!("threat '{}'", t.id)),
                "applies_when is 'any child', but no threat names it as parent".into(),
            );
        }
    }
    errors.extend(c.errors);
    (rules, parents, top_sections)
}

fn is_atlas_id(s: &str) -> bool {
    let digits = |d: &str, n: usize| d.len() == n && d.bytes().all(|b| b.is_ascii_digit());
    match s.strip_prefix("AML.T").map(|rest| rest.split_once('.')) {
        Some(Some((main, sub))) => digits(main, 4) && digits(sub, 3),
        Some(None) => digits(&s[5..], 4),
        None => false,
    }
}

fn is_control_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Resolves control ids and aliases to control indices.
struct ControlRefs {
    ids: BTreeMap<String, usize>,
    aliases: Vec<(String, usize)>,
    file_of_controls: String,
}

impl ControlRefs {
    fn resolve(&self, id: &str) -> Option<usize> {
        self.ids
            .get(id)
            .copied()
            .or_else(|| self.aliases.iter().find(|(a, _)| a == id).map(|(_, i)| *i))
    }

    fn resolve_all(
        &self,
        c: &mut Checker,
        entry: &Option<String>,
        field: &str,
        ids: &[String],
    ) -> Vec<usize> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            match self.resolve(id) {
                Some(i) if out.contains(&i) => c.fail(
                    entry.clone(),
                    format!("{field}: '{id}' is listed twice (perhaps once as an alias)"),
                ),
                Some(i) => out.push(i),
                None => c.fail(
                    entry.clone(),
                    format!(
                        "{field}: '{id}' is neither a control in {} nor an alias",
                        self.file_of_controls
                    ),
                ),
            }
        }
        out
    }
}

fn check_controls(
    dir: &str,
    controls: &[ControlSrc],
    aliases: &BTreeMap<String, String>,
    errors: &mut Vec<CatalogError>,
) -> ControlRefs {
    let mut c = Checker {
        errors: Vec::new(),
        file: format!("{dir}/{CONTROLS_FILE}"),
    };
    let mut ids = BTreeMap::new();
    for (i, k) in controls.iter().enumerate() {
        let entry = Some(format!("control '{}'", k.id));
        if !is_control_id(&k.id) {
            c.fail(
                entry.clone(),
                "an id is upper-case letters and digits".into(),
            );
        }
        if ids.insert(k.id.clone(), i).is_some() {
            c.fail(entry.clone(), "is defined twice".into());
        }
        for (field, value) in [
            ("name", &k.name),
            ("category", &k.category),
            ("purpose", &k.purpose),
        ] {
            if value.trim().is_empty() {
                c.fail(
                    entry.clone(),
                    format!("the required field '{field}' is empty"),
                );
            }
        }
        if !is_section_number(&k.section) {
            c.fail(
                entry.clone(),
                format!("section '{}' must be a number such as \"1.1\"", k.section),
            );
        }
        for (field, value, allowed) in [
            ("type", &k.kind, CONTROL_TYPES),
            ("lifecycle", &k.lifecycle, CONTROL_LIFECYCLES),
        ] {
            if !allowed.contains(&value.as_str()) {
                c.fail(
                    entry.clone(),
                    format!("{field} '{value}' must be one of: {}", allowed.join(", ")),
                );
            }
        }
        if !k.url.starts_with("https://owaspai.org/") {
            c.fail(
                entry.clone(),
                "url must lead to https://owaspai.org/".into(),
            );
        }
    }
    errors.extend(c.errors);

    let mut c = Checker {
        errors: Vec::new(),
        file: format!("{dir}/{ALIASES_FILE}"),
    };
    let mut resolved = Vec::new();
    for (alias, target) in aliases {
        let entry = Some(format!("alias '{alias}'"));
        if ids.contains_key(alias) {
            c.fail(entry.clone(), "is also a control id".into());
        }
        match ids.get(target) {
            Some(&i) => resolved.push((alias.clone(), i)),
            None => c.fail(
                entry,
                format!("points to '{target}', which is not a control in {CONTROLS_FILE}"),
            ),
        }
    }
    errors.extend(c.errors);
    ControlRefs {
        ids,
        aliases: resolved,
        file_of_controls: CONTROLS_FILE.to_string(),
    }
}

/// The fields every threat needs once the edition has its controls.
/// Parses a rule that must be an expression over yes/no questions (not
/// "always" or "any child"), reporting any problem under `field`.
fn question_rule(
    c: &mut Checker,
    entry: &Option<String>,
    field: &str,
    text: &str,
    questions: &[QuestionSrc],
) -> Option<Ast> {
    match rule::parse(text) {
        Ok(Ast::Always | Ast::AnyChild) => {
            c.fail(
                entry.clone(),
                format!("{field} must be an expression over questions"),
            );
            None
        }
        Ok(ast) => {
            for q in ast.questions() {
                if !questions
                    .iter()
                    .any(|x| x.id == q && x.kind == KindSrc::YesNo)
                {
                    c.fail(
                        entry.clone(),
                        format!("{field}: '{q}' is not a yes_no question"),
                    );
                }
            }
            Some(ast)
        }
        Err(e) => {
            c.fail(entry.clone(), format!("{field}: {e}"));
            None
        }
    }
}

fn check_threat_details(c: &mut Checker, entry: &Option<String>, t: &ThreatSrc) {
    for (field, value) in [
        ("description", &t.description),
        ("impact", &t.impact),
        ("url", &t.url),
    ] {
        if value.as_deref().is_none_or(|v| v.trim().is_empty()) {
            c.fail(
                entry.clone(),
                format!("the required field '{field}' is missing"),
            );
        }
    }
    for (field, value, allowed) in [
        ("lifecycle", &t.lifecycle, LIFECYCLES),
        ("asset", &t.asset, ASSETS),
        ("property", &t.property, PROPERTIES),
    ] {
        match value.as_deref() {
            None => c.fail(
                entry.clone(),
                format!("the required field '{field}' is missing"),
            ),
            Some(v) if !allowed.contains(&v) => c.fail(
                entry.clone(),
                format!("{field} '{v}' must be one of: {}", allowed.join(", ")),
            ),
            Some(_) => {}
        }
    }
    if t.attack_surface.is_empty() {
        c.fail(
            entry.clone(),
            "the required field 'attack_surface' is missing".into(),
        );
    }
    for s in &t.attack_surface {
        if !SURFACES.contains(&s.as_str()) {
            c.fail(
                entry.clone(),
                format!(
                    "attack_surface '{s}' must be one of: {}",
                    SURFACES.join(", ")
                ),
            );
        }
    }
    if t.url
        .as_deref()
        .is_some_and(|u| !u.starts_with("https://owaspai.org/"))
    {
        c.fail(
            entry.clone(),
            "url must lead to https://owaspai.org/".into(),
        );
    }
}
