//! `lineage.toml`: where every threat, control and question of an older
//! edition went in the edition whose folder holds the file, and what of a
//! decision on it may be carried over (see catalog/FORMAT.md, "lineage.toml").
//!
//! Checked against both editions: every old id appears exactly once, every
//! successor exists, each relation agrees with its successors and with the
//! two catalogs, and every new item that is nobody's successor is listed as
//! new. [`emit`] writes the checked lineages as Rust statics for
//! `src/core/lineage.rs`.

use super::{CatalogError, Edition, KindSrc};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

pub const LINEAGE_FILE: &str = "lineage.toml";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationSrc {
    Same,
    Moved,
    Renamed,
    Split,
    Merged,
    Broadened,
    Removed,
}

impl RelationSrc {
    /// The variant's name in `src/core/lineage.rs`.
    fn rust(self) -> &'static str {
        match self {
            RelationSrc::Same => "Same",
            RelationSrc::Moved => "Moved",
            RelationSrc::Renamed => "Renamed",
            RelationSrc::Split => "Split",
            RelationSrc::Merged => "Merged",
            RelationSrc::Broadened => "Broadened",
            RelationSrc::Removed => "Removed",
        }
    }

    fn word(self) -> &'static str {
        match self {
            RelationSrc::Same => "same",
            RelationSrc::Moved => "moved",
            RelationSrc::Renamed => "renamed",
            RelationSrc::Split => "split",
            RelationSrc::Merged => "merged",
            RelationSrc::Broadened => "broadened",
            RelationSrc::Removed => "removed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CarrySrc {
    All,
    Suggest,
    None,
}

impl CarrySrc {
    fn rust(self) -> &'static str {
        match self {
            CarrySrc::All => "All",
            CarrySrc::Suggest => "Suggest",
            CarrySrc::None => "None",
        }
    }
}

/// One old threat or control and where it went.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntrySrc {
    pub from: String,
    pub to: Vec<String>,
    pub relation: RelationSrc,
    pub carry: CarrySrc,
    /// New items that took over part of the old one; offered suggestions.
    #[serde(default)]
    pub also: Vec<String>,
    /// Why, for the upgrade's review: aixa's words.
    pub note: Option<String>,
}

/// One old question and the new questions its answer is carried or offered to.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionEntrySrc {
    pub from: String,
    pub to: Vec<String>,
    pub carry: CarrySrc,
    pub note: Option<String>,
}

/// The new edition's items that are nobody's successor.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewSrc {
    #[serde(default)]
    pub threats: Vec<String>,
    #[serde(default)]
    pub controls: Vec<String>,
    #[serde(default)]
    pub questions: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct LineageFile {
    from: String,
    #[serde(rename = "threat", default)]
    threats: Vec<EntrySrc>,
    #[serde(rename = "control", default)]
    controls: Vec<EntrySrc>,
    #[serde(rename = "question", default)]
    questions: Vec<QuestionEntrySrc>,
    new: NewSrc,
}

/// A checked lineage from edition `from` to edition `to`.
#[derive(Debug, Clone)]
pub struct Lineage {
    pub from: String,
    pub to: String,
    pub threats: Vec<EntrySrc>,
    pub controls: Vec<EntrySrc>,
    pub questions: Vec<QuestionEntrySrc>,
    pub new: NewSrc,
}

/// The lineage in `dir`, the folder of edition `new`, checked against
/// `editions` (all loaded ones); `None` when the folder has no such file.
pub fn load_lineage(
    dir: &Path,
    new: &Edition,
    editions: &[Edition],
) -> Result<Option<Lineage>, Vec<CatalogError>> {
    let path = dir.join(LINEAGE_FILE);
    if !path.exists() {
        return Ok(None);
    }
    let file = format!("{}/{LINEAGE_FILE}", dir.display());
    let text = std::fs::read_to_string(&path).map_err(|e| {
        vec![CatalogError {
            file: file.clone(),
            entry: None,
            message: format!("cannot read: {e}"),
        }]
    })?;
    parse_lineage(&file, &text, new, editions).map(Some)
}

/// Parses and checks the text of a lineage file of edition `new`; `file`
/// names it in messages.
pub fn parse_lineage(
    file: &str,
    text: &str,
    new: &Edition,
    editions: &[Edition],
) -> Result<Lineage, Vec<CatalogError>> {
    let parsed: LineageFile = toml::from_str(text).map_err(|e| {
        vec![CatalogError {
            file: file.to_string(),
            entry: None,
            message: e.to_string().trim_end().replace('\n', " "),
        }]
    })?;
    let mut c = Check {
        file,
        errors: Vec::new(),
    };
    let Some(old) = editions
        .iter()
        .find(|e| e.meta.id == parsed.from && e.meta.id != new.meta.id)
    else {
        let known: Vec<&str> = editions
            .iter()
            .map(|e| e.meta.id.as_str())
            .filter(|id| *id != new.meta.id)
            .collect();
        c.fail(
            None,
            format!(
                "from = {:?} names no other edition under catalog/ (there are: {})",
                parsed.from,
                known.join(", ")
            ),
        );
        return Err(c.errors);
    };

    let threats = Side {
        kind: "threat",
        old: &old.meta.id,
        new: &new.meta.id,
        old_items: old.threats.iter().map(threat_item).collect(),
        new_items: new.threats.iter().map(threat_item).collect(),
        old_aliases: old.threat_aliases.iter().map(|(a, _)| a.as_str()).collect(),
        new_aliases: new.threat_aliases.iter().map(|(a, _)| a.as_str()).collect(),
    };
    let controls = Side {
        kind: "control",
        old: &old.meta.id,
        new: &new.meta.id,
        old_items: old.controls.iter().map(control_item).collect(),
        new_items: new.controls.iter().map(control_item).collect(),
        old_aliases: old.aliases.iter().map(|(a, _)| a.as_str()).collect(),
        new_aliases: new.aliases.iter().map(|(a, _)| a.as_str()).collect(),
    };
    threats.check(&mut c, &parsed.threats, &parsed.new.threats);
    controls.check(&mut c, &parsed.controls, &parsed.new.controls);
    check_questions(&mut c, old, new, &parsed.questions, &parsed.new.questions);

    if c.errors.is_empty() {
        Ok(Lineage {
            from: parsed.from,
            to: new.meta.id.clone(),
            threats: parsed.threats,
            controls: parsed.controls,
            questions: parsed.questions,
            new: parsed.new,
        })
    } else {
        Err(c.errors)
    }
}

struct Check<'a> {
    file: &'a str,
    errors: Vec<CatalogError>,
}

impl Check<'_> {
    fn fail(&mut self, entry: Option<String>, message: String) {
        self.errors.push(CatalogError {
            file: self.file.to_string(),
            entry,
            message,
        });
    }
}

/// What the checks need of a threat or a control.
struct Item<'a> {
    id: &'a str,
    section: &'a str,
    /// A threat's heading; a control's name is aixa's own wording in
    /// 2024-01, so only its id counts.
    name: Option<&'a str>,
    parent: Option<&'a str>,
}

fn threat_item(t: &super::ThreatSrc) -> Item<'_> {
    Item {
        id: &t.id,
        section: &t.section,
        name: Some(&t.name),
        parent: t.parent.as_deref(),
    }
}

fn control_item(c: &super::ControlSrc) -> Item<'_> {
    Item {
        id: &c.id,
        section: &c.section,
        name: None,
        parent: None,
    }
}

/// A section's own group is numbered "2" in one edition and "2.0" in the
/// other: the same place.
fn place(section: &str) -> &str {
    section.strip_suffix(".0").unwrap_or(section)
}

/// Threats or controls: the old and the new edition's items.
struct Side<'a> {
    kind: &'static str,
    old: &'a str,
    new: &'a str,
    old_items: Vec<Item<'a>>,
    new_items: Vec<Item<'a>>,
    old_aliases: Vec<&'a str>,
    new_aliases: Vec<&'a str>,
}

impl Side<'_> {
    fn find_old(&self, id: &str) -> Option<&Item<'_>> {
        self.old_items.iter().find(|i| i.id == id)
    }

    fn find_new(&self, id: &str) -> Option<&Item<'_>> {
        self.new_items.iter().find(|i| i.id == id)
    }

    /// Why `id` is no item of the new edition, if it is not.
    fn not_new(&self, id: &str) -> Option<String> {
        if self.find_new(id).is_some() {
            None
        } else if self.new_aliases.contains(&id) {
            Some(format!(
                "'{id}' is an alias in edition {}; name the {} by its id",
                self.new, self.kind
            ))
        } else {
            Some(format!(
                "'{id}' is not a {} of edition {}",
                self.kind, self.new
            ))
        }
    }

    fn check(&self, c: &mut Check<'_>, entries: &[EntrySrc], listed_new: &[String]) {
        let mut seen = BTreeSet::new();
        // New id → the entries that name it in `to`.
        let mut predecessors: BTreeMap<&str, Vec<&EntrySrc>> = BTreeMap::new();
        for e in entries {
            let entry = Some(format!("{} '{}'", self.kind, e.from));
            let Some(old) = self.find_old(&e.from) else {
                let why = if self.old_aliases.contains(&e.from.as_str()) {
                    format!(
                        "is an alias in edition {}; name the {} by its id",
                        self.old, self.kind
                    )
                } else {
                    format!("is not a {} of edition {}", self.kind, self.old)
                };
                c.fail(entry, why);
                continue;
            };
            if !seen.insert(e.from.as_str()) {
                c.fail(entry, "appears more than once".into());
                continue;
            }
            let mut ids = BTreeSet::new();
            for id in e.to.iter().chain(&e.also) {
                if let Some(why) = self.not_new(id) {
                    c.fail(entry.clone(), why);
                }
                if !ids.insert(id.as_str()) {
                    c.fail(
                        entry.clone(),
                        format!("'{id}' comes more than once in `to` and `also`"),
                    );
                }
            }
            for id in &e.to {
                predecessors.entry(id.as_str()).or_default().push(e);
            }
            self.check_relation(c, &entry, e, old);
        }
        for item in &self.old_items {
            if !seen.contains(item.id) {
                c.fail(
                    Some(format!("{} '{}'", self.kind, item.id)),
                    format!(
                        "the {} of edition {} has no [[{}]] entry; every one must say where it went",
                        self.kind, self.old, self.kind
                    ),
                );
            }
        }
        for (id, from) in &predecessors {
            let names: Vec<&str> = from.iter().map(|e| e.from.as_str()).collect();
            if from.len() > 1
                && from
                    .iter()
                    .any(|e| !matches!(e.relation, RelationSrc::Split | RelationSrc::Merged))
            {
                c.fail(
                    Some(format!("{} '{id}'", self.kind)),
                    format!(
                        "is the successor of {}: several old items go into one new one only by `merged` (or as parts of a `split`)",
                        names.join(", ")
                    ),
                );
            }
            let merged = from
                .iter()
                .filter(|e| e.relation == RelationSrc::Merged)
                .count();
            if merged > 0 && (from.len() < 2 || merged < from.len()) {
                c.fail(
                    Some(format!("{} '{id}'", self.kind)),
                    format!(
                        "`merged` needs every old item that goes into it to say `merged`, and at least two; it has: {}",
                        names.join(", ")
                    ),
                );
            }
        }
        let mut listed = BTreeSet::new();
        for id in listed_new {
            let entry = Some(format!("[new] {} '{id}'", self.kind));
            if !listed.insert(id.as_str()) {
                c.fail(entry, "is listed twice".into());
            } else if let Some(why) = self.not_new(id) {
                c.fail(entry, why);
            } else if let Some(from) = predecessors.get(id.as_str()) {
                let names: Vec<&str> = from.iter().map(|e| e.from.as_str()).collect();
                c.fail(
                    entry,
                    format!("is the successor of {}, so not new", names.join(", ")),
                );
            }
        }
        for item in &self.new_items {
            if !predecessors.contains_key(item.id) && !listed.contains(item.id) {
                c.fail(
                    Some(format!("{} '{}'", self.kind, item.id)),
                    format!(
                        "of edition {} is nobody's successor; list it under [new] {}s",
                        self.new, self.kind
                    ),
                );
            }
        }
    }

    fn check_relation(&self, c: &mut Check<'_>, entry: &Option<String>, e: &EntrySrc, old: &Item) {
        let mut fail = |m: String| c.fail(entry.clone(), m);
        let relation = e.relation.word();
        let count = e.to.len();
        match e.relation {
            RelationSrc::Removed if count > 0 => {
                fail("`removed` takes no successor: `to = []`".into())
            }
            RelationSrc::Split if count < 2 => {
                fail(format!("`split` needs two or more successors, not {count}"))
            }
            RelationSrc::Same
            | RelationSrc::Moved
            | RelationSrc::Renamed
            | RelationSrc::Merged
            | RelationSrc::Broadened
                if count != 1 =>
            {
                fail(format!(
                    "`{relation}` needs exactly one successor, not {count}"
                ))
            }
            _ => {}
        }
        match (e.relation, e.carry) {
            (RelationSrc::Removed, CarrySrc::None) => {}
            (RelationSrc::Removed, _) => fail(
                "a removed item has nothing to carry to: `carry = \"none\"` (its decisions stay as history)".into(),
            ),
            (_, CarrySrc::None) => fail(format!(
                "`carry = \"none\"` is for removed items only; a {relation} item carries \"all\" or \"suggest\""
            )),
            (RelationSrc::Split | RelationSrc::Merged | RelationSrc::Broadened, CarrySrc::All) => {
                fail(format!(
                    "a {relation} item needs a person: `carry = \"suggest\"`"
                ))
            }
            _ => {}
        }
        let needs_note = matches!(
            e.relation,
            RelationSrc::Split
                | RelationSrc::Merged
                | RelationSrc::Broadened
                | RelationSrc::Removed
        ) || e.carry == CarrySrc::Suggest
            || !e.also.is_empty();
        match &e.note {
            Some(n) if n.trim().is_empty() => fail("`note` is empty; leave it out instead".into()),
            None if needs_note => fail(format!(
                "needs a `note` saying why, for the review ({relation}, carry {:?}{})",
                e.carry,
                if e.also.is_empty() { "" } else { ", also" }
            )),
            _ => {}
        }
        // Same, moved and renamed are facts of the two catalogs.
        let (Some(first), 1) = (e.to.first(), count) else {
            return;
        };
        let Some(successor) = self.find_new(first) else {
            return;
        };
        let same_id = first == &e.from;
        let same_name = old.name == successor.name;
        let same_place =
            place(old.section) == place(successor.section) && old.parent == successor.parent;
        let describe = || {
            let name = |i: &Item| i.name.map(|n| format!(" \"{n}\"")).unwrap_or_default();
            format!(
                "{} {}{} → {} {}{}",
                old.id,
                old.section,
                name(old),
                successor.id,
                successor.section,
                name(successor)
            )
        };
        match e.relation {
            RelationSrc::Same if !(same_id && same_name && same_place) => fail(format!(
                "is not the same in both editions ({}); say `moved` or `renamed`",
                describe()
            )),
            RelationSrc::Moved if !same_id || !same_name => fail(format!(
                "`moved` keeps the id and the name ({}); say `renamed`",
                describe()
            )),
            RelationSrc::Moved if same_place => {
                fail(format!("has not moved ({}); say `same`", describe()))
            }
            RelationSrc::Renamed if same_id && same_name => fail(format!(
                "keeps its id and name ({}); say `same` or `moved`",
                describe()
            )),
            _ => {}
        }
    }
}

fn check_questions(
    c: &mut Check<'_>,
    old: &Edition,
    new: &Edition,
    entries: &[QuestionEntrySrc],
    listed_new: &[String],
) {
    let mut seen = BTreeSet::new();
    let mut targets = BTreeSet::new();
    for e in entries {
        let entry = Some(format!("question '{}'", e.from));
        let Some(q) = old.questions.iter().find(|q| q.id == e.from) else {
            c.fail(
                entry,
                format!("is not a question of edition {}", old.meta.id),
            );
            continue;
        };
        if !seen.insert(e.from.as_str()) {
            c.fail(entry, "appears more than once".into());
            continue;
        }
        let mut ids = BTreeSet::new();
        for id in &e.to {
            targets.insert(id.as_str());
            if !ids.insert(id.as_str()) {
                c.fail(
                    entry.clone(),
                    format!("'{id}' comes more than once in `to`"),
                );
            }
            let Some(n) = new.questions.iter().find(|n| &n.id == id) else {
                c.fail(
                    entry.clone(),
                    format!("'{id}' is not a question of edition {}", new.meta.id),
                );
                continue;
            };
            if n.kind != q.kind {
                c.fail(
                    entry.clone(),
                    format!("'{id}' is another kind of question; an answer cannot go there"),
                );
            } else if q.kind == KindSrc::Components {
                let options = |o: &Option<Vec<super::ChoiceSrc>>| -> Vec<String> {
                    o.iter().flatten().map(|c| c.id.clone()).collect()
                };
                let theirs = options(&n.options);
                for o in options(&q.options) {
                    if !theirs.contains(&o) {
                        c.fail(
                            entry.clone(),
                            format!("option '{o}' is not an option of '{id}'"),
                        );
                    }
                }
            }
        }
        match (e.carry, e.to.len()) {
            (CarrySrc::All, 1) | (CarrySrc::None, 0) => {}
            (CarrySrc::Suggest, n) if n > 0 => {}
            (CarrySrc::All, n) => c.fail(
                entry.clone(),
                format!("`carry = \"all\"` gives the answer to exactly one question, not {n}"),
            ),
            (CarrySrc::None, _) => c.fail(
                entry.clone(),
                "`carry = \"none\"` takes no question: `to = []`".into(),
            ),
            (CarrySrc::Suggest, _) => c.fail(
                entry.clone(),
                "`carry = \"suggest\"` needs the questions the answer is offered to".into(),
            ),
        }
        match &e.note {
            Some(n) if n.trim().is_empty() => {
                c.fail(entry, "`note` is empty; leave it out instead".into())
            }
            None if e.carry != CarrySrc::All => c.fail(
                entry,
                "needs a `note` saying why the answer does not simply carry".into(),
            ),
            _ => {}
        }
    }
    for q in &old.questions {
        if !seen.contains(q.id.as_str()) {
            c.fail(
                Some(format!("question '{}'", q.id)),
                format!(
                    "the question of edition {} has no [[question]] entry",
                    old.meta.id
                ),
            );
        }
    }
    let mut listed = BTreeSet::new();
    for id in listed_new {
        let entry = Some(format!("[new] question '{id}'"));
        if !listed.insert(id.as_str()) {
            c.fail(entry, "is listed twice".into());
        } else if !new.questions.iter().any(|q| &q.id == id) {
            c.fail(
                entry,
                format!("is not a question of edition {}", new.meta.id),
            );
        } else if targets.contains(id.as_str()) {
            c.fail(entry, "an old answer goes there, so it is not new".into());
        }
    }
    for q in &new.questions {
        if !targets.contains(q.id.as_str()) && !listed.contains(q.id.as_str()) {
            c.fail(
                Some(format!("question '{}'", q.id)),
                format!(
                    "of edition {} gets no old answer; list it under [new] questions",
                    new.meta.id
                ),
            );
        }
    }
}

fn strs(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
    format!("&[{}]", quoted.join(", "))
}

fn emit_entries(out: &mut String, entries: &[EntrySrc]) {
    for e in entries {
        let _ = writeln!(
            out,
            "        Step {{ from: {:?}, to: {}, relation: Relation::{}, carry: Carry::{}, also: {}, note: {:?} }},",
            e.from,
            strs(&e.to),
            e.relation.rust(),
            e.carry.rust(),
            strs(&e.also),
            e.note.as_deref().unwrap_or_default(),
        );
    }
}

/// The checked lineages as Rust: `pub static LINEAGES: &[Lineage]`, for
/// `include!` in `src/core/lineage.rs`, whose types it names.
pub fn emit(lineages: &[Lineage]) -> String {
    let mut out = String::from(
        "// Generated by build.rs from catalog/<edition>/lineage.toml. Do not edit.\n\n\
         pub static LINEAGES: &[Lineage] = &[\n",
    );
    for l in lineages {
        let _ = writeln!(
            out,
            "    Lineage {{\n        from: {:?},\n        to: {:?},",
            l.from, l.to
        );
        out.push_str("        threats: &[\n");
        emit_entries(&mut out, &l.threats);
        out.push_str("        ],\n        controls: &[\n");
        emit_entries(&mut out, &l.controls);
        out.push_str("        ],\n        questions: &[\n");
        for q in &l.questions {
            let _ = writeln!(
                out,
                "        QuestionStep {{ from: {:?}, to: {}, carry: Carry::{}, note: {:?} }},",
                q.from,
                strs(&q.to),
                q.carry.rust(),
                q.note.as_deref().unwrap_or_default(),
            );
        }
        let _ = writeln!(
            out,
            "        ],\n        new_threats: {},\n        new_controls: {},\n        new_questions: {},\n    }},",
            strs(&l.new.threats),
            strs(&l.new.controls),
            strs(&l.new.questions),
        );
    }
    out.push_str("];\n");
    out
}
