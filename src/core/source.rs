//! The catalog as written in `catalog/<edition>/*.toml`, and its validation.
//!
//! `build.rs` compiles this file too (through `#[path]`) and refuses to build
//! when an edition is invalid, so the app can only ever embed a catalog that
//! passed these checks. Natively, the same code is tested against broken
//! inputs. It may use only `std`, `serde`, `toml` and `super::rule`.

use super::rule::{self, Ast};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

pub const EDITION_FILE: &str = "edition.toml";
pub const QUESTIONS_FILE: &str = "questions.toml";
pub const THREATS_FILE: &str = "threats.toml";

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
    let edition = read(EDITION_FILE)?;
    let questions = read(QUESTIONS_FILE)?;
    let threats = read(THREATS_FILE)?;
    parse(&EditionText {
        dir: &dir_name,
        edition: &edition,
        questions: &questions,
        threats: &threats,
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
    let meta: Result<EditionFile, _> = parse_toml(text.dir, EDITION_FILE, text.edition);
    let questions: Result<QuestionsFile, _> = parse_toml(text.dir, QUESTIONS_FILE, text.questions);
    let threats: Result<ThreatsFile, _> = parse_toml(text.dir, THREATS_FILE, text.threats);
    let (meta, questions, threats) = match (meta, questions, threats) {
        (Ok(m), Ok(q), Ok(t)) => (m, q.questions, t.threats),
        (m, q, t) => {
            return Err([m.err(), q.err(), t.err()].into_iter().flatten().collect());
        }
    };

    let mut errors = Vec::new();
    check_meta(text.dir, &meta, &mut errors);
    let question_parent = check_questions(text.dir, &questions, &mut errors);
    let (threat_rule, threat_parent, threat_section) =
        check_threats(text.dir, &meta, &questions, &threats, &mut errors);

    if errors.is_empty() {
        Ok(Edition {
            meta,
            questions,
            question_parent,
            threats,
            threat_rule,
            threat_parent,
            threat_section,
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
