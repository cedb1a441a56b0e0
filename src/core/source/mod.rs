//! The catalog as written in `catalog/<edition>/*.toml`, and its validation.
//!
//! `build.rs` compiles this file too (through `#[path]`) and refuses to build
//! when an edition is invalid, so the app can only ever embed a catalog that
//! passed these checks. Natively, the same code is tested against broken
//! inputs. It may use only `std`, `serde`, `toml` and `super::rule`.

mod controls;
pub mod lineage;
mod links;
mod model;
mod threats;
mod validate;

pub use model::*;

use super::rule::Ast;
use super::vocab::SCOPES;
use controls::{check_alias_targets, check_controls, check_refs};
use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;
use threats::{check_threat_details, check_threats, question_rule};
use validate::{
    check_meta, check_questions, is_article, is_atlas_id, is_id, is_llm_top10_id, DSIT_PRINCIPLES,
};

pub const EDITION_FILE: &str = "edition.toml";
pub const QUESTIONS_FILE: &str = "questions.toml";
pub const THREATS_FILE: &str = "threats.toml";
pub const CONTROLS_FILE: &str = "controls.toml";
pub const GROUPS_FILE: &str = "groups.toml";
pub const ALIASES_FILE: &str = "aliases.toml";
pub const MAPPINGS_FILE: &str = "mappings.toml";
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
    pub synonyms: Vec<SynonymSrc>,
    /// For each synonym, its threats and its controls, as indices.
    pub synonym_items: Vec<(Vec<usize>, Vec<usize>)>,
    /// The rule that gates development-time controls, and the ones kept.
    pub dev_rule: Option<Ast>,
    pub dev_kept: Vec<usize>,
    /// For each threat, its `maker_owns_when` rule.
    pub threat_maker_rule: Vec<Option<Ast>>,
    /// For each threat, its `ours_when` rule.
    pub threat_ours_rule: Vec<Option<Ast>>,
    /// For each threat, the controls its `minus` takes away, as indices.
    pub threat_minus: Vec<Vec<usize>>,
    /// (alias, threat index), sorted by alias; an alias to several threats
    /// comes once for each.
    pub threat_aliases: Vec<(String, usize)>,
    pub regulations: Vec<RegulationSrc>,
    /// For each regulation row, its controls, as indices.
    pub regulation_controls: Vec<Vec<usize>>,
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

pub(crate) struct Checker {
    pub(crate) errors: Vec<CatalogError>,
    pub(crate) file: String,
}

impl Checker {
    pub(crate) fn fail(&mut self, entry: Option<String>, message: String) {
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
        (Ok(m), Ok(q), Ok(t), Ok(c), Ok(g), Ok(a), Ok(p)) => {
            (m, q.questions, t.threats, c.controls, g.groups, a, p)
        }
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
    let refs = check_controls(text.dir, &controls, &aliases.aliases, &mut errors);
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
    let mut threat_ours_rule = Vec::with_capacity(threats.len());
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
        threat_ours_rule.push(
            t.ours_when
                .as_deref()
                .and_then(|text| question_rule(&mut c, &entry, "ours_when", text, &questions)),
        );
        check_refs(&mut c, &entry, [&t.opencre]);
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
        let top = g.section.split('.').next().unwrap_or_default();
        if g.applies_to != "all" && !meta.sections.iter().any(|s| s.number == top) {
            c.fail(
                entry.clone(),
                format!(
                    "section '{}' serves the threats of section '{top}', which is no [[section]] of {EDITION_FILE}",
                    g.section
                ),
            );
        }
        group_controls.push(refs.resolve_all(&mut c, &entry, "controls", &g.controls));
    }
    errors.extend(c.errors);

    // `minus` takes away what a threat would otherwise get: the controls of
    // the groups that serve its branch and of the threats above it. Taking
    // away anything else is a slip, and so is taking away its own control.
    let mut c = Checker {
        errors: Vec::new(),
        file: format!("{}/{THREATS_FILE}", text.dir),
    };
    let mut threat_minus = Vec::with_capacity(threats.len());
    for (i, t) in threats.iter().enumerate() {
        let entry = Some(format!("threat '{}'", t.id));
        let minus = refs.resolve_all(&mut c, &entry, "minus", &t.minus);
        let mut received: Vec<usize> = Vec::new();
        let top = t.section.split('.').next().unwrap_or_default();
        for (g, members) in groups.iter().zip(&group_controls) {
            if g.applies_to != "all" && g.section.split('.').next() == Some(top) {
                received.extend(members);
            }
        }
        let mut at = threat_parent.get(i).copied().flatten();
        while let Some(p) = at {
            received.extend(&threat_controls[p]);
            at = threat_parent[p];
        }
        for (id, k) in t.minus.iter().zip(&minus) {
            if threat_controls[i].contains(k) {
                c.fail(
                    entry.clone(),
                    format!("minus: '{id}' is also one of its own controls"),
                );
            } else if !received.contains(k) {
                c.fail(
                    entry.clone(),
                    format!(
                        "minus: '{id}' is not a control it gets from its section's group or a threat above it"
                    ),
                );
            }
        }
        threat_minus.push(minus);
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
            for n in &g.dsit {
                if !DSIT_PRINCIPLES.contains(n) {
                    c.fail(
                        entry.clone(),
                        format!(
                            "dsit {n} is not a principle of the DSIT Code of Practice (1 to 13)"
                        ),
                    );
                }
            }
            refs.resolve_all(&mut c, &entry, "controls", &g.controls)
        })
        .collect();
    let regulation_controls: Vec<Vec<usize>> = mappings
        .regulations
        .iter()
        .map(|r| {
            let entry = Some(format!("regulation '{}'", r.topic));
            if r.topic.trim().is_empty() || r.obligation.trim().is_empty() {
                c.fail(entry.clone(), "needs a topic and an obligation".into());
            }
            if r.note.as_deref().is_some_and(|n| n.trim().is_empty()) {
                c.fail(
                    entry.clone(),
                    "'note' is empty; leave it out instead".into(),
                );
            }
            for a in &r.eu_ai_act {
                if !is_article(a) {
                    c.fail(
                        entry.clone(),
                        format!(
                            "eu_ai_act '{a}' must be an article number such as \"12\" or \"3(23)\""
                        ),
                    );
                }
            }
            refs.resolve_all(&mut c, &entry, "controls", &r.controls)
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
            for id in &g.llm_top10 {
                if !is_llm_top10_id(id) {
                    c.fail(
                        entry.clone(),
                        format!(
                            "llm_top10 '{id}' must name its list's edition, such as \"LLM01:2023\""
                        ),
                    );
                }
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
    let synonym_items: Vec<(Vec<usize>, Vec<usize>)> = mappings
        .synonyms
        .iter()
        .map(|s| {
            let entry = Some(format!("synonym '{}'", s.word));
            let lower = s.word.chars().all(|ch| ch.is_ascii_lowercase());
            if s.word.is_empty() || !lower {
                c.fail(entry.clone(), "needs a word of lower-case letters".into());
            }
            if s.threats.is_empty() && s.controls.is_empty() {
                c.fail(entry.clone(), "names no threat or control".into());
            }
            let found: Vec<usize> = s
                .threats
                .iter()
                .filter_map(|id| {
                    let at = threats.iter().position(|t| &t.id == id);
                    if at.is_none() {
                        c.fail(
                            entry.clone(),
                            format!("threat '{id}' is not in {THREATS_FILE}"),
                        );
                    }
                    at
                })
                .collect();
            (
                found,
                refs.resolve_all(&mut c, &entry, "controls", &s.controls),
            )
        })
        .collect();
    errors.extend(c.errors);

    let mut c = Checker {
        errors: Vec::new(),
        file: format!("{}/{ALIASES_FILE}", text.dir),
    };
    let mut threat_aliases = Vec::new();
    for (alias, target) in &aliases.threat_aliases {
        let entry = Some(format!("threat alias '{alias}'"));
        if !is_id(alias) {
            c.fail(
                entry.clone(),
                "an alias of a threat is lower-case letters, digits and '_'".into(),
            );
        }
        if threats.iter().any(|t| &t.id == alias) {
            c.fail(entry.clone(), "is also a threat id".into());
        }
        check_alias_targets(&mut c, &entry, target);
        for id in target.ids() {
            match threats.iter().position(|t| &t.id == id) {
                Some(i) if threat_aliases.contains(&(alias.clone(), i)) => {}
                Some(i) => threat_aliases.push((alias.clone(), i)),
                None => c.fail(
                    entry.clone(),
                    format!("points to '{id}', which is not a threat in {THREATS_FILE}"),
                ),
            }
        }
    }
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
            synonyms: mappings.synonyms,
            synonym_items,
            dev_rule,
            dev_kept,
            threat_maker_rule,
            threat_ours_rule,
            threat_minus,
            threat_aliases,
            regulations: mappings.regulations,
            regulation_controls,
        })
    } else {
        Err(errors)
    }
}
