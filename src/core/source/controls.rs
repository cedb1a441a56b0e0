//! Checks of the controls and the aliases, and resolving references to them.

use super::links::{check_go, check_source};
use super::model::{AliasTarget, ControlSrc, RefSrc};
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
    /// (alias, control index), sorted by alias; an alias to several
    /// controls comes once for each, in the order it names them.
    pub(super) aliases: Vec<(String, usize)>,
    file_of_controls: String,
}

impl ControlRefs {
    /// The control an id names, or the controls an alias stands for; empty
    /// when it is neither.
    pub(super) fn resolve(&self, id: &str) -> Vec<usize> {
        match self.ids.get(id) {
            Some(&i) => vec![i],
            None => self
                .aliases
                .iter()
                .filter(|(a, _)| a == id)
                .map(|(_, i)| *i)
                .collect(),
        }
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
            let found = self.resolve(id);
            if found.is_empty() {
                c.fail(
                    entry.clone(),
                    format!(
                        "{field}: '{id}' is neither a control in {} nor an alias",
                        self.file_of_controls
                    ),
                );
            }
            for i in found {
                if out.contains(&i) {
                    c.fail(
                        entry.clone(),
                        format!("{field}: '{id}' is listed twice (perhaps once as an alias)"),
                    );
                } else {
                    out.push(i);
                }
            }
        }
        out
    }
}

pub(super) fn check_controls(
    dir: &str,
    controls: &[ControlSrc],
    aliases: &BTreeMap<String, AliasTarget>,
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
        if !is_control_id(alias) {
            c.fail(
                entry.clone(),
                "an alias of a control is upper-case letters and digits".into(),
            );
        }
        if ids.contains_key(alias) {
            c.fail(entry.clone(), "is also a control id".into());
        }
        check_alias_targets(&mut c, &entry, target);
        for id in target.ids() {
            match ids.get(id) {
                Some(&i) if resolved.contains(&(alias.clone(), i)) => {}
                Some(&i) => resolved.push((alias.clone(), i)),
                None => c.fail(
                    entry.clone(),
                    format!("points to '{id}', which is not a control in {CONTROLS_FILE}"),
                ),
            }
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

/// An alias names at least one id, and none twice.
pub(super) fn check_alias_targets(c: &mut Checker, entry: &Option<String>, target: &AliasTarget) {
    let ids = target.ids();
    let distinct: std::collections::BTreeSet<&String> = ids.iter().collect();
    if ids.is_empty() || distinct.len() != ids.len() {
        c.fail(
            entry.clone(),
            "must name one id, or a list of different ids".into(),
        );
    }
}
