//! Checks of the threats and their rules.

use super::controls::check_refs;
use super::links::{check_go, check_source};
use super::model::{EditionFile, KindSrc, QuestionSrc, ThreatSrc};
use super::validate::{is_id, is_section_number};
use super::{CatalogError, Checker, EDITION_FILE, QUESTIONS_FILE, THREATS_FILE};
use crate::core::rule::{self, Ast};
use crate::core::vocab::{ASSETS, LIFECYCLES, PROPERTIES, SURFACES};
use std::collections::{BTreeMap, BTreeSet};

pub(super) type ThreatLinks = (Vec<Ast>, Vec<Option<usize>>, Vec<usize>);

pub(super) fn check_threats(
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

/// The fields every threat needs once the edition has its controls.
/// Parses a rule that must be an expression over yes/no questions (not
/// "always" or "any child"), reporting any problem under `field`.
pub(super) fn question_rule(
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

pub(super) fn check_threat_details(c: &mut Checker, entry: &Option<String>, t: &ThreatSrc) {
    for (field, value) in [
        ("description", &t.description),
        ("impact", &t.impact),
        ("source", &t.source),
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
    for o in &t.other_controls {
        if o.name.trim().is_empty() || o.note.trim().is_empty() {
            c.fail(
                entry.clone(),
                "other_controls: every entry needs a name and a note".into(),
            );
        }
        check_refs(c, entry, [&o.opencre, &o.iso27002, &o.references]);
    }
    if let Some(source) = &t.source {
        check_source(c, entry, source);
    }
    check_go(c, entry, t.go.as_deref());
}
