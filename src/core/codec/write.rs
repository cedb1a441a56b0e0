//! The body's encoding: answers, the date dictionary, the five threat maps,
//! the controls, then the texts (see the layout in the parent module).

use super::bits::{width, zigzag, BitWriter};
use super::{
    CONTROL_TEXTS, C_DUE, C_NOTES, C_OWNER, C_RATIONALE, DATE_EPOCH, DETAIL_TEXTS, THREAT_TEXTS,
    T_ACCEPTED, T_ACCEPT_RATIONALE, T_APPROVER, T_LINK, T_NOTE, T_PROVIDER, T_RATIONALE, T_REVIEW,
    T_VERIFIED,
};
use crate::core::answers::{Answers, Tri};
use crate::core::assessment::{
    Assessment, Assurance, ControlStatus, Decision, Evidence, Party, ReviewPoint, TreatChoice,
};
use crate::core::catalog::{Catalog, QuestionKind};
use crate::core::date::Date;
use crate::core::review::snapshot;
use std::collections::BTreeMap;

pub(super) fn write_body(a: &Assessment, catalog: &Catalog, with_log: bool) -> Vec<u8> {
    let threats = catalog.threats.len();
    let overrides = by_threat(&a.overrides, catalog);
    let responsibility = by_threat(&a.responsibility, catalog);
    let verification = by_threat(&a.verification, catalog);
    let risk = by_threat(&a.risk, catalog);
    let acceptance = by_threat(&a.acceptance, catalog);
    let controls = by_control(&a.controls, catalog);

    let mut w = BitWriter::default();
    write_answers(&mut w, catalog, &a.answers);

    let mut days: Vec<Date> = verification
        .iter()
        .flatten()
        .map(|v| &v.date)
        .chain(
            acceptance
                .iter()
                .flatten()
                .flat_map(|x| [&x.date, &x.review]),
        )
        .chain(controls.iter().flatten().map(|c| &c.due))
        .chain(a.reviewed.iter().map(|r| &r.date))
        .filter_map(|s| Date::parse(s))
        .collect();
    crate::core::order::sort(&mut days);
    days.dedup();
    w.varint(days.len() as u64, 4);
    let mut previous: Option<Date> = None;
    for &d in &days {
        match previous {
            None => w.varint(zigzag(d.unix_days() - DATE_EPOCH), 8),
            Some(p) => w.varint((d.unix_days() - p.unix_days() - 1) as u64, 4),
        }
        previous = Some(d);
    }
    // Format 3: evidence lists, one text each, after the details.
    let after = 1 + threats * THREAT_TEXTS + catalog.controls.len() * CONTROL_TEXTS;
    let evidence: Vec<(usize, String)> = keyed(&acceptance)
        .map(|(t, x)| (after + DETAIL_TEXTS + t, &x.evidence))
        .chain(keyed(&controls).map(|(c, p)| (after + DETAIL_TEXTS + threats + c, &p.evidence)))
        .filter(|(_, list)| !list.is_empty())
        .map(|(slot, list)| (slot, join_evidence(list)))
        .collect();
    let mut texts: Vec<(usize, &str)> = vec![(0, a.name.as_str())];
    let mut out = Out {
        w,
        days: &days,
        texts: &mut texts,
    };
    let threat_slot = |t: usize, f: usize| 1 + t * THREAT_TEXTS + f;
    let control_slot = |c: usize, f: usize| 1 + threats * THREAT_TEXTS + c * CONTROL_TEXTS + f;

    let none = vec![false; threats];
    let keys = present(&overrides);
    out.w.key_set(&keys, &none);
    for (t, o) in keyed(&overrides) {
        out.w.bit(o.include);
        out.text(threat_slot(t, T_RATIONALE), &o.rationale);
    }
    let previous = keys;
    let keys = present(&responsibility);
    out.w.key_set(&keys, &previous);
    for (t, r) in keyed(&responsibility) {
        out.w.bits(2, party_code(r.party));
        out.text(threat_slot(t, T_PROVIDER), &r.provider);
    }
    let previous = keys;
    let keys = present(&verification);
    out.w.key_set(&keys, &previous);
    for (t, v) in keyed(&verification) {
        out.w.bits(3, assurance_code(v.status));
        out.date(threat_slot(t, T_VERIFIED), &v.date);
        out.text(threat_slot(t, T_NOTE), &v.note);
        out.text(threat_slot(t, T_LINK), &v.link);
    }
    let previous = keys;
    let keys = present(&risk);
    out.w.key_set(&keys, &previous);
    for (_, r) in keyed(&risk) {
        let packed = [
            r.inherent.likelihood,
            r.inherent.impact,
            r.residual.likelihood,
            r.residual.impact,
        ]
        .into_iter()
        .fold(0, |acc, s| acc * 6 + score_code(s));
        out.w.bits(11, packed);
    }
    let previous = keys;
    let keys = present(&acceptance);
    out.w.key_set(&keys, &previous);
    for (t, x) in keyed(&acceptance) {
        out.w.bits(2, decision_code(x.decision));
        out.date(threat_slot(t, T_ACCEPTED), &x.date);
        out.date(threat_slot(t, T_REVIEW), &x.review);
        out.text(threat_slot(t, T_APPROVER), &x.approver);
        out.text(threat_slot(t, T_ACCEPT_RATIONALE), &x.rationale);
    }
    out.w
        .key_set(&present(&controls), &vec![false; controls.len()]);
    for (c, p) in keyed(&controls) {
        out.w.bits(3, status_code(p.status));
        out.date(control_slot(c, C_DUE), &p.due);
        out.text(control_slot(c, C_RATIONALE), &p.rationale);
        out.text(control_slot(c, C_NOTES), &p.notes);
        out.text(control_slot(c, C_OWNER), &p.owner);
    }

    // Format 4: the treatment map, its key set relative to acceptance's,
    // then the review point.
    let late = after + DETAIL_TEXTS + threats + catalog.controls.len();
    let treatment = by_threat(&a.treatment, catalog);
    let treated = present(&treatment);
    out.w.key_set(&treated, &keys);
    for (t, x) in keyed(&treatment) {
        out.w.bits(2, tri_code(x.needed));
        out.w.bits(3, x.choice.map_or(0, choice_code));
        out.text(late + t, &x.rationale);
    }
    // The history of upgrades travels as its JSON: rare, and a copy made
    // from a link must not lose the decisions an upgrade did not carry.
    let history = if a.history.is_empty() {
        String::new()
    } else {
        serde_json::to_string(&a.history).unwrap_or_default()
    };
    out.text(late + threats + 2, &history);
    // Format 5: the record itself, so that a copy digests like its source
    // and says where it came from: the original's id, its creation time,
    // the aixa that wrote it, the sign-off, the change log, the assessors,
    // and the scope and criteria, tab-separated (the JSON ones never hold a
    // raw tab; the assessors are one per line).
    let signoff = a
        .signoff
        .as_ref()
        .and_then(|s| serde_json::to_string(s).ok())
        .unwrap_or_default();
    let origin = if a.origin.is_empty() {
        &a.id
    } else {
        &a.origin
    };
    let created = super::record::created_text(&a.created, &a.updated);
    let tool = super::record::tool_text(&a.tool);
    // The change log as JSON, or "-" where the link must leave it out.
    let log = match (a.log.is_empty(), with_log) {
        (true, _) => String::new(),
        (false, true) => serde_json::to_string(&a.log).unwrap_or_default(),
        (false, false) => "-".into(),
    };
    let assessors = a.assessors.join("\n");
    let scope = if a.scope.is_empty() && a.criteria.is_empty() {
        String::new()
    } else {
        serde_json::to_string(&(&a.scope, &a.criteria)).unwrap_or_default()
    };
    let record = [
        origin.as_str(),
        &created,
        &tool,
        &signoff,
        &log,
        &assessors,
        &scope,
    ]
    .join("\t");
    out.text(late + threats + 3, record.trim_end_matches('\t'));
    match &a.reviewed {
        None => out.w.bit(false),
        Some(r) => {
            out.w.bit(true);
            out.date(late + threats + 1, &r.date);
            out.text(late + threats, &r.by);
            // A review recorded on the assessment as it stands (the usual
            // case until something changes) is one bit: the receiver takes
            // the snapshot itself.
            let same = is_now(a, r);
            out.w.bit(same);
            if same {
                // Nothing more: see `is_now`.
            } else {
                let in_scope: Vec<bool> = catalog
                    .threats
                    .iter()
                    .map(|t| r.in_scope.iter().any(|id| id == t.id))
                    .collect();
                out.w.key_set(&in_scope, &none);
                let statuses = by_control(&r.controls, catalog);
                out.w
                    .key_set(&present(&statuses), &vec![false; catalog.controls.len()]);
                for (_, status) in keyed(&statuses) {
                    out.w.bits(3, status_code(*status));
                }
                let residual = by_threat(&r.residual, catalog);
                out.w.key_set(&present(&residual), &in_scope);
                for (_, level) in keyed(&residual) {
                    // 1–25, stored as 0–24 in 5 bits.
                    out.w.bits(5, u64::from(level.clamp(&1, &25) - 1));
                }
            }
        }
    }

    // Format 2: the assessment's own time of last change, in the slot after
    // the last control's.
    let mut w = out.w;
    let d = &a.details;
    texts.extend([
        (after, a.updated.as_str()),
        (after + 1, d.description.as_str()),
        (after + 2, d.scope.as_str()),
        (after + 3, d.assessor.as_str()),
        (after + 4, d.version.as_str()),
    ]);
    texts.extend(evidence.iter().map(|(slot, s)| (*slot, s.as_str())));
    texts.retain(|(_, s)| !s.is_empty());
    crate::core::order::sort_by_key(&mut texts, |(slot, _)| *slot);
    w.align();
    w.varint(texts.len() as u64, 7);
    let mut next = 0;
    for (slot, s) in texts {
        w.varint((slot - next) as u64, 7);
        next = slot + 1;
        w.varint(s.len() as u64, 7);
        w.bytes(s.as_bytes());
    }
    w.into_bytes()
}

/// The bit stream being written, with the dates and the texts collected.
struct Out<'a, 'b> {
    w: BitWriter,
    days: &'b [Date],
    texts: &'b mut Vec<(usize, &'a str)>,
}

impl<'a> Out<'a, '_> {
    fn text(&mut self, slot: usize, s: &'a str) {
        self.texts.push((slot, s));
    }

    fn date(&mut self, slot: usize, s: &'a str) {
        match Date::parse(s).and_then(|d| self.days.binary_search(&d).ok()) {
            Some(i) => {
                self.w.bit(true);
                self.w.bits(width(self.days.len()), i as u64);
            }
            None => {
                self.w.bit(false);
                self.text(slot, s);
            }
        }
    }
}

fn write_answers(w: &mut BitWriter, catalog: &Catalog, answers: &Answers) {
    let given = answers.to_json_value();
    for q in catalog.questions {
        match q.kind {
            QuestionKind::YesNo => w.bits(
                2,
                match answers.get(q.id) {
                    Tri::Unknown => 0,
                    Tri::Yes => 1,
                    Tri::No => 2,
                },
            ),
            QuestionKind::Components(choices) => {
                let is_given = given.get(q.id).is_some_and(|v| v.is_array());
                w.bit(is_given);
                if is_given {
                    let picked = answers.components(q.id);
                    for c in choices {
                        w.bit(picked.iter().any(|p| p == c.id));
                    }
                }
            }
        }
    }
}

fn by_threat<'m, V>(map: &'m BTreeMap<String, V>, catalog: &Catalog) -> Vec<Option<&'m V>> {
    let mut out = vec![None; catalog.threats.len()];
    for (k, v) in map {
        if let Some(slot) = catalog.threat(k).and_then(|(i, _)| out.get_mut(i)) {
            *slot = Some(v);
        }
    }
    out
}

/// Controls by index; an entry under the control's own id wins over one
/// under an alias. An alias that stands for several controls (a control the
/// source split) means all of them, as everywhere in the catalog.
fn by_control<'m, V>(map: &'m BTreeMap<String, V>, catalog: &Catalog) -> Vec<Option<&'m V>> {
    let mut out = vec![None; catalog.controls.len()];
    for (k, v) in map {
        for i in catalog.controls_named(k) {
            if let Some(slot) = out.get_mut(i) {
                if slot.is_none() || k == catalog.controls[i].id {
                    *slot = Some(v);
                }
            }
        }
    }
    out
}

fn present<V>(v: &[Option<V>]) -> Vec<bool> {
    v.iter().map(Option::is_some).collect()
}

fn keyed<'v, V>(v: &'v [Option<&'v V>]) -> impl Iterator<Item = (usize, &'v V)> + 'v {
    v.iter().enumerate().filter_map(|(i, x)| Some((i, (*x)?)))
}

fn party_code(p: Party) -> u64 {
    match p {
        Party::Us => 0,
        Party::Provider => 1,
        Party::Shared => 2,
    }
}

fn assurance_code(a: Assurance) -> u64 {
    match a {
        Assurance::NotRequested => 0,
        Assurance::Requested => 1,
        Assurance::EvidenceReceived => 2,
        Assurance::Verified => 3,
        Assurance::NotObtainable => 4,
    }
}

fn decision_code(d: Decision) -> u64 {
    match d {
        Decision::Undecided => 0,
        Decision::Accepted => 1,
        Decision::NotAccepted => 2,
    }
}

fn status_code(s: ControlStatus) -> u64 {
    match s {
        ControlStatus::NotDecided => 0,
        ControlStatus::Planned => 1,
        ControlStatus::Implemented => 2,
        ControlStatus::NotApplicable => 3,
        ControlStatus::Partly => 4,
    }
}

/// Links one per line, URL then a tab and the label: neither may hold a
/// control character (see `Evidence::problem`), so the split is exact.
fn join_evidence(list: &[Evidence]) -> String {
    let mut out = String::new();
    for (i, e) in list.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&e.url);
        if !e.label.is_empty() {
            out.push('\t');
            out.push_str(&e.label);
        }
    }
    out
}

/// Whether `r` holds exactly what a review recorded now would.
fn is_now(a: &Assessment, r: &ReviewPoint) -> bool {
    let now = snapshot(a, &r.date, &r.by);
    let mut was = r.in_scope.clone();
    crate::core::order::sort(&mut was);
    let mut is = now.in_scope.clone();
    crate::core::order::sort(&mut is);
    was == is && now.controls == r.controls && now.residual == r.residual
}

fn tri_code(v: Option<bool>) -> u64 {
    match v {
        None => 0,
        Some(true) => 1,
        Some(false) => 2,
    }
}

fn choice_code(c: TreatChoice) -> u64 {
    match c {
        TreatChoice::Mitigate => 1,
        TreatChoice::Transfer => 2,
        TreatChoice::Avoid => 3,
        TreatChoice::Accept => 4,
    }
}

fn score_code(s: Option<u8>) -> u64 {
    match s {
        Some(v @ 1..=5) => u64::from(v),
        _ => 0,
    }
}
