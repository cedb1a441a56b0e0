//! Checks of the controls and the aliases, and resolving references to them.

use super::links::{check_go, check_source};
use super::model::{ControlSrc, RefSrc};
use super::validate::is_section_number;
use super::{CatalogError, Checker, ALIASES_FILE, CONTROLS_FILE};
use crate::core::vocab::{CONTROL_LIFECYCLES, CONTROL_TYPES};
use std::collections::BTreeMap;

pub(super) fn is_control_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Resolves control ids and aliases to control indices.
pub(super) struct ControlRefs {
    ids: BTreeMap<String, usize>,
    pub(super) aliases: Vec<(String, usize)>,
    file_of_controls: String,
}

impl ControlRefs {
    pub(super) fn resolve(&self, id: &str) -> Option<usize> {
        self.ids
            .get(id)
            .copied()
            .or_else(|| self.aliases.iter().find(|(a, _)| a == id).map(|(_, i)| *i))
    }

    pub(super) fn resolve_all(
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

pub(super) fn check_controls(
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
        let kinds = k.kinds.iter().map(|v| ("type", v, CONTROL_TYPES));
        for (field, value, allowed) in
            kinds.chain([("lifecycle", &k.lifecycle, CONTROL_LIFECYCLES)])
        {
            if !allowed.contains(&value.as_str()) {
                c.fail(
                    entry.clone(),
                    format!("{field} '{value}' must be one of: {}", allowed.join(", ")),
                );
            }
        }
        let distinct: std::collections::BTreeSet<&String> = k.kinds.iter().collect();
        if k.kinds.is_empty() || distinct.len() != k.kinds.len() {
            c.fail(
                entry.clone(),
                "type must name one type, or a list of different types".into(),
            );
        }
        if k.only_when_training && k.lifecycle != "development" {
            c.fail(
                entry.clone(),
                "only_when_training needs lifecycle \"development\"".into(),
            );
        }
        check_refs(
            &mut c,
            &entry,
            [&k.iso27002, &k.iso42001, &k.opencre, &k.references],
        );
        check_source(&mut c, &entry, &k.source);
        check_go(&mut c, &entry, k.go.as_deref());
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

/// Every reference names something, and a qualifier says something.
pub(super) fn check_refs<'a>(
    c: &mut Checker,
    entry: &Option<String>,
    lists: impl IntoIterator<Item = &'a Vec<RefSrc>>,
) {
    for r in lists.into_iter().flatten() {
        if r.id().trim().is_empty() || r.gap().is_some_and(|g| g.trim().is_empty()) {
            c.fail(
                entry.clone(),
                format!(
                    "reference '{}' needs a non-empty id, and a non-empty gap where it has one",
                    r.id()
                ),
            );
        }
    }
}
