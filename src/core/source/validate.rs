//! Checks of the edition file and the questions.

use super::links::{check_base, check_go, check_source};
use super::model::{EditionFile, KindSrc, QuestionSrc};
use super::{CatalogError, Checker, EDITION_FILE, QUESTIONS_FILE};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub(super) fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

pub(super) fn is_section_number(s: &str) -> bool {
    !s.is_empty()
        && s.split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

pub(super) fn check_meta(dir: &str, meta: &EditionFile, errors: &mut Vec<CatalogError>) {
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
    check_base(&mut c, "source_base", &meta.source_base);
    check_base(&mut c, "go_base", &meta.go_base);
    check_source(&mut c, &Some("overview".into()), &meta.overview);
    if meta.sections.is_empty() {
        c.fail(None, "no [[section]] is defined".into());
    }
    // The process: every page known, none twice, the first the profile
    // (where every assessment starts) and the last the dashboard (where it
    // is kept up to date).
    let pages: Vec<&str> = meta.steps.iter().map(|s| s.page.as_str()).collect();
    if pages.first() != Some(&"profile") || pages.last() != Some(&"dashboard") {
        c.fail(
            None,
            "the [[step]] list must start with page \"profile\" and end with \"dashboard\"".into(),
        );
    }
    let mut pages_seen = BTreeSet::new();
    for s in &meta.steps {
        let entry = Some(format!("step '{}'", s.page));
        if !crate::core::vocab::STEP_PAGES.contains(&s.page.as_str()) {
            c.fail(
                entry.clone(),
                format!(
                    "unknown page; use one of: {}",
                    crate::core::vocab::STEP_PAGES.join(", ")
                ),
            );
        }
        if !pages_seen.insert(s.page.as_str()) {
            c.fail(entry.clone(), "the page is a step twice".into());
        }
        if s.label.trim().is_empty() || s.title.trim().is_empty() {
            c.fail(entry, "label and title are required".into());
        }
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
            c.fail(entry.clone(), "has an empty name".into());
        }
        check_source(&mut c, &entry, &s.source);
        check_go(&mut c, &entry, s.go.as_deref());
    }
    errors.extend(c.errors);
}

pub(super) fn check_questions(
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

pub(super) fn is_atlas_id(s: &str) -> bool {
    let digits = |d: &str, n: usize| d.len() == n && d.bytes().all(|b| b.is_ascii_digit());
    match s.strip_prefix("AML.T").map(|rest| rest.split_once('.')) {
        Some(Some((main, sub))) => digits(main, 4) && digits(sub, 3),
        Some(None) => digits(&s[5..], 4),
        None => false,
    }
}

/// An OWASP Top 10 for LLM id with its list's year: `LLM01:2023`.
pub(super) fn is_llm_top10_id(s: &str) -> bool {
    let digits = |d: &str, n: usize| d.len() == n && d.bytes().all(|b| b.is_ascii_digit());
    match s.strip_prefix("LLM").and_then(|rest| rest.split_once(':')) {
        Some((number, year)) => digits(number, 2) && digits(year, 4),
        None => false,
    }
}

/// The principles of the UK DSIT Code of Practice for the Cyber Security of
/// AI are numbered 1 to 13.
pub(super) const DSIT_PRINCIPLES: std::ops::RangeInclusive<u32> = 1..=13;

/// An article number of a law: `12`, or `3(23)` for a paragraph or point.
pub(super) fn is_article(s: &str) -> bool {
    let digits = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
    match s.split_once('(') {
        None => digits(s),
        Some((article, rest)) => digits(article) && rest.strip_suffix(')').is_some_and(digits),
    }
}
