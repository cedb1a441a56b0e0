//! The body's decoding, the inverse of `write`, trusting no count or length
//! it reads (see the layout in the parent module).

use super::bits::{unzigzag, width, Reader};
use super::{
    DecodeError, Result, CONTROL_DATES, CONTROL_TEXTS, C_DUE, C_NOTES, C_OWNER, C_RATIONALE,
    DATE_EPOCH, DETAIL_TEXTS, THREAT_DATES, THREAT_TEXTS, T_ACCEPTED, T_ACCEPT_RATIONALE,
    T_APPROVER, T_LINK, T_NOTE, T_PROVIDER, T_RATIONALE, T_REVIEW, T_VERIFIED,
};
use crate::core::answers::{Answers, Tri};
use crate::core::assessment::{
    Acceptance, Assurance, ControlPlan, ControlStatus, Decision, Evidence, Override, Party,
    Responsibility, ReviewPoint, RiskScore, Score, TreatChoice, Treatment, Verification,
};
use crate::core::catalog::{Catalog, QuestionKind};
use crate::core::date::Date;

#[derive(Default)]
pub(super) struct Decoded {
    pub(super) name: String,
    /// The sender's time of last change (format 2 on); empty when unknown.
    pub(super) updated: String,
    pub(super) details: crate::core::assessment::Details,
    pub(super) answers: Answers,
    pub(super) overrides: Vec<Option<Override>>,
    pub(super) responsibility: Vec<Option<Responsibility>>,
    pub(super) verification: Vec<Option<Verification>>,
    pub(super) risk: Vec<Option<RiskScore>>,
    pub(super) acceptance: Vec<Option<Acceptance>>,
    pub(super) controls: Vec<Option<ControlPlan>>,
    pub(super) treatment: Vec<Option<Treatment>>,
    pub(super) reviewed: Option<ReviewPoint>,
    /// The review point is the assessment's own snapshot (format 4).
    pub(super) review_is_now: bool,
    /// The upgrades' history as JSON (format 4); empty when none.
    pub(super) history: String,
    /// The record: original id, creation time, tool and sign-off, tab
    /// separated (format 5); empty in older links.
    pub(super) record: String,
}

/// `version` is the link's format: 2 adds the time of last change.
pub(super) fn read_body(catalog: &Catalog, body: &[u8], version: u8) -> Result<Decoded> {
    let mut r = Reader::new(body);
    let threats = catalog.threats.len();
    let mut d = Decoded {
        answers: read_answers(&mut r, catalog)?,
        ..Decoded::default()
    };

    // The dictionary is bounded by the date fields the catalog has room for.
    let count = r.varint(4)?;
    // Plus one: the review point's date (format 4).
    let room = threats * THREAT_DATES + catalog.controls.len() * CONTROL_DATES + 1;
    if count > room as u64 {
        return Err(DecodeError::Malformed(
            "it holds more dates than it can use",
        ));
    }
    let mut days: Vec<Date> = Vec::new();
    for i in 0..count {
        let day = if i == 0 {
            unzigzag(r.varint(8)?).checked_add(DATE_EPOCH)
        } else {
            let gap = r.varint(4)?;
            days.last()
                .and_then(|p| i64::try_from(gap).ok()?.checked_add(p.unix_days() + 1))
        };
        match day.and_then(Date::from_unix_days) {
            Some(day) => days.push(day),
            None => return Err(DecodeError::Malformed("a date is out of range")),
        }
    }
    let dates = Dates { days: &days };

    let none = vec![false; threats];
    let keys = r.key_set(threats, &none)?;
    d.overrides = read_values(&mut r, &keys, |r| {
        Ok(Override {
            include: r.bit()?,
            rationale: String::new(),
        })
    })?;
    let keys = r.key_set(threats, &keys)?;
    d.responsibility = read_values(&mut r, &keys, |r| {
        let party = match r.bits(2)? {
            0 => Party::Us,
            1 => Party::Provider,
            2 => Party::Shared,
            _ => return Err(DecodeError::Malformed("a party is unknown")),
        };
        Ok(Responsibility {
            party,
            provider: String::new(),
        })
    })?;
    let keys = r.key_set(threats, &keys)?;
    d.verification = read_values(&mut r, &keys, |r| {
        let status = match r.bits(3)? {
            0 => Assurance::NotRequested,
            1 => Assurance::Requested,
            2 => Assurance::EvidenceReceived,
            3 => Assurance::Verified,
            4 => Assurance::NotObtainable,
            _ => return Err(DecodeError::Malformed("a verification status is unknown")),
        };
        Ok(Verification {
            status,
            date: dates.read(r)?,
            ..Verification::default()
        })
    })?;
    let keys = r.key_set(threats, &keys)?;
    d.risk = read_values(&mut r, &keys, |r| {
        let packed = r.bits(11)?;
        if packed >= 6 * 6 * 6 * 6 {
            return Err(DecodeError::Malformed("a risk score is out of range"));
        }
        let s = |i: u32| match (packed / 6u64.pow(3 - i)) % 6 {
            0 => None,
            v => Some(v as u8),
        };
        Ok(RiskScore {
            inherent: Score {
                likelihood: s(0),
                impact: s(1),
            },
            residual: Score {
                likelihood: s(2),
                impact: s(3),
            },
        })
    })?;
    let keys = r.key_set(threats, &keys)?;
    d.acceptance = read_values(&mut r, &keys, |r| {
        let decision = match r.bits(2)? {
            0 => Decision::Undecided,
            1 => Decision::Accepted,
            2 => Decision::NotAccepted,
            _ => return Err(DecodeError::Malformed("a decision is unknown")),
        };
        Ok(Acceptance {
            decision,
            date: dates.read(r)?,
            review: dates.read(r)?,
            ..Acceptance::default()
        })
    })?;
    let none = vec![false; catalog.controls.len()];
    let control_keys = r.key_set(catalog.controls.len(), &none)?;
    let status_bits = if version >= 3 { 3 } else { 2 };
    d.controls = read_values(&mut r, &control_keys, |r| {
        let status = match r.bits(status_bits)? {
            0 => ControlStatus::NotDecided,
            1 => ControlStatus::Planned,
            2 => ControlStatus::Implemented,
            3 => ControlStatus::NotApplicable,
            4 => ControlStatus::Partly,
            _ => return Err(DecodeError::Malformed("a control status is unknown")),
        };
        Ok(ControlPlan {
            status,
            due: dates.read(r)?,
            ..ControlPlan::default()
        })
    })?;

    if version >= 4 {
        read_late(&mut r, catalog, &dates, &keys, &mut d)?;
    }

    r.align()?;
    let count = r.varint(7)?;
    // Each text takes at least three bytes: slot, length and one byte.
    if count > (r.remaining() / 24) as u64 {
        return Err(DecodeError::Truncated);
    }
    let mut next: u64 = 0;
    for _ in 0..count {
        let slot = next
            .checked_add(r.varint(7)?)
            .ok_or(DecodeError::OutsideCatalog)?;
        next = slot.saturating_add(1);
        let len = r.varint(7)?;
        if len == 0 {
            return Err(DecodeError::Malformed("it holds an empty text"));
        }
        let len = usize::try_from(len).map_err(|_| DecodeError::Truncated)?;
        let bytes = r.bytes(len)?;
        let text = std::str::from_utf8(bytes)
            .map_err(|_| DecodeError::Malformed("a text is not UTF-8"))?;
        let slot = usize::try_from(slot).map_err(|_| DecodeError::OutsideCatalog)?;
        match evidence_field(&mut d, catalog, slot, version) {
            Some(Ok(Late::Evidence(list))) => {
                if !list.is_empty() {
                    return Err(DecodeError::Malformed("it gives evidence twice"));
                }
                *list = split_evidence(text);
                continue;
            }
            Some(Ok(Late::Text(field))) => {
                if !field.is_empty() {
                    return Err(DecodeError::Malformed("it gives a text twice"));
                }
                field.push_str(text);
                continue;
            }
            Some(Err(e)) => return Err(e),
            None => {}
        }
        let field = text_field(&mut d, catalog, slot, version)?;
        if !field.is_empty() {
            return Err(DecodeError::Malformed("a date is given twice"));
        }
        field.push_str(text);
    }
    if r.remaining() != 0 {
        return Err(DecodeError::Malformed("it has data past its end"));
    }
    // A time of last change is shown as the record's own: it must be one.
    let is_time = d.updated.get(..10).and_then(Date::parse).is_some() && d.updated.len() <= 40;
    if !d.updated.is_empty() && !is_time {
        return Err(DecodeError::Malformed(
            "its time of last change is not a time",
        ));
    }
    Ok(d)
}

/// Format 4's bits after the controls: the treatment map (its key set
/// relative to acceptance's, `previous`), then the review point.
fn read_late(
    r: &mut Reader,
    catalog: &Catalog,
    dates: &Dates,
    previous: &[bool],
    d: &mut Decoded,
) -> Result<()> {
    let threats = catalog.threats.len();
    let keys = r.key_set(threats, previous)?;
    d.treatment = read_values(r, &keys, |r| {
        let needed = match r.bits(2)? {
            0 => None,
            1 => Some(true),
            2 => Some(false),
            _ => return Err(DecodeError::Malformed("a treatment need is unknown")),
        };
        let choice = match r.bits(3)? {
            0 => None,
            1 => Some(TreatChoice::Mitigate),
            2 => Some(TreatChoice::Transfer),
            3 => Some(TreatChoice::Avoid),
            4 => Some(TreatChoice::Accept),
            _ => return Err(DecodeError::Malformed("a treatment is unknown")),
        };
        Ok(Treatment {
            needed,
            choice,
            rationale: String::new(),
        })
    })?;
    if !r.bit()? {
        return Ok(());
    }
    let mut point = ReviewPoint {
        date: dates.read(r)?,
        ..ReviewPoint::default()
    };
    if r.bit()? {
        // Recorded on the assessment as it stands: `decode` takes the
        // snapshot once the rest is read.
        d.review_is_now = true;
        d.reviewed = Some(point);
        return Ok(());
    }
    let none = vec![false; threats];
    let in_scope = r.key_set(threats, &none)?;
    for (t, _) in in_scope.iter().enumerate().filter(|(_, k)| **k) {
        point.in_scope.push(catalog.threats[t].id.to_string());
    }
    let controls = r.key_set(catalog.controls.len(), &vec![false; catalog.controls.len()])?;
    for (c, _) in controls.iter().enumerate().filter(|(_, k)| **k) {
        let status = match r.bits(3)? {
            0 => ControlStatus::NotDecided,
            1 => ControlStatus::Planned,
            2 => ControlStatus::Implemented,
            3 => ControlStatus::NotApplicable,
            4 => ControlStatus::Partly,
            _ => return Err(DecodeError::Malformed("a control status is unknown")),
        };
        point
            .controls
            .insert(catalog.controls[c].id.to_string(), status);
    }
    let residual = r.key_set(threats, &in_scope)?;
    for (t, _) in residual.iter().enumerate().filter(|(_, k)| **k) {
        let level = r.bits(5)?;
        if level > 24 {
            return Err(DecodeError::Malformed("a residual level is out of range"));
        }
        point
            .residual
            .insert(catalog.threats[t].id.to_string(), level as u8 + 1);
    }
    d.reviewed = Some(point);
    Ok(())
}

/// The evidence list a text slot fills (format 3 on), `None` for a slot
/// that holds no evidence.
fn evidence_field<'d>(
    d: &'d mut Decoded,
    catalog: &Catalog,
    slot: usize,
    version: u8,
) -> Option<Result<Late<'d>>> {
    let first = 1
        + catalog.threats.len() * THREAT_TEXTS
        + catalog.controls.len() * CONTROL_TEXTS
        + DETAIL_TEXTS;
    let i = slot.checked_sub(first).filter(|_| version >= 3)?;
    let missing = DecodeError::Malformed("it holds evidence for an entry it lacks");
    let threats = catalog.threats.len();
    Some(if i < threats {
        entry(&mut d.acceptance, i)
            .map(|x| Late::Evidence(&mut x.evidence))
            .ok_or(missing)
    } else if i - threats < catalog.controls.len() {
        entry(&mut d.controls, i - threats)
            .map(|x| Late::Evidence(&mut x.evidence))
            .ok_or(missing)
    } else if version < 4 {
        Err(DecodeError::OutsideCatalog)
    } else {
        // Format 4: each treatment's rationale, then the reviewer.
        let j = i - threats - catalog.controls.len();
        if j < threats {
            entry(&mut d.treatment, j)
                .map(|x| Late::Text(&mut x.rationale))
                .ok_or(missing)
        } else if j == threats {
            d.reviewed
                .as_mut()
                .map(|x| Late::Text(&mut x.by))
                .ok_or(missing)
        } else if j == threats + 2 {
            Ok(Late::Text(&mut d.history))
        } else if j == threats + 3 && version >= 5 {
            Ok(Late::Text(&mut d.record))
        } else {
            Err(DecodeError::OutsideCatalog)
        }
    })
}

/// What a text slot past the details fills.
enum Late<'d> {
    Evidence(&'d mut Vec<Evidence>),
    Text(&'d mut String),
}

fn split_evidence(text: &str) -> Vec<Evidence> {
    text.split('\n')
        .map(|line| match line.split_once('\t') {
            Some((url, label)) => Evidence {
                url: url.into(),
                label: label.into(),
            },
            None => Evidence {
                url: line.into(),
                label: String::new(),
            },
        })
        .collect()
}

/// The string a text slot fills.
fn text_field<'d>(
    d: &'d mut Decoded,
    catalog: &Catalog,
    slot: usize,
    version: u8,
) -> Result<&'d mut String> {
    let missing = DecodeError::Malformed("it holds a text for an entry it lacks");
    let Some(s) = slot.checked_sub(1) else {
        return Ok(&mut d.name);
    };
    let threat_slots = catalog.threats.len() * THREAT_TEXTS;
    if s < threat_slots {
        let (t, f) = (s / THREAT_TEXTS, s % THREAT_TEXTS);
        let field = match f {
            T_RATIONALE => entry(&mut d.overrides, t).map(|x| &mut x.rationale),
            T_PROVIDER => entry(&mut d.responsibility, t).map(|x| &mut x.provider),
            T_NOTE => entry(&mut d.verification, t).map(|x| &mut x.note),
            T_LINK => entry(&mut d.verification, t).map(|x| &mut x.link),
            T_VERIFIED => entry(&mut d.verification, t).map(|x| &mut x.date),
            T_APPROVER => entry(&mut d.acceptance, t).map(|x| &mut x.approver),
            T_ACCEPT_RATIONALE => entry(&mut d.acceptance, t).map(|x| &mut x.rationale),
            T_ACCEPTED => entry(&mut d.acceptance, t).map(|x| &mut x.date),
            T_REVIEW => entry(&mut d.acceptance, t).map(|x| &mut x.review),
            _ => None,
        };
        return field.ok_or(missing);
    }
    let s = s - threat_slots;
    let control_slots = catalog.controls.len() * CONTROL_TEXTS;
    if version >= 2 {
        let field = match s.checked_sub(control_slots) {
            Some(0) => Some(&mut d.updated),
            Some(1) => Some(&mut d.details.description),
            Some(2) => Some(&mut d.details.scope),
            Some(3) => Some(&mut d.details.assessor),
            Some(4) => Some(&mut d.details.version),
            _ => None,
        };
        if let Some(field) = field {
            return Ok(field);
        }
    }
    if s >= control_slots {
        return Err(DecodeError::OutsideCatalog);
    }
    let (c, f) = (s / CONTROL_TEXTS, s % CONTROL_TEXTS);
    let plan = entry(&mut d.controls, c);
    match f {
        C_RATIONALE => plan.map(|x| &mut x.rationale),
        C_NOTES => plan.map(|x| &mut x.notes),
        C_OWNER => plan.map(|x| &mut x.owner),
        C_DUE => plan.map(|x| &mut x.due),
        _ => None,
    }
    .ok_or(missing)
}

fn entry<V>(v: &mut [Option<V>], i: usize) -> Option<&mut V> {
    v.get_mut(i).and_then(Option::as_mut)
}

/// A value for each key, in index order.
fn read_values<V>(
    r: &mut Reader,
    keys: &[bool],
    mut read: impl FnMut(&mut Reader) -> Result<V>,
) -> Result<Vec<Option<V>>> {
    let mut out = Vec::with_capacity(keys.len());
    for &k in keys {
        out.push(if k { Some(read(r)?) } else { None });
    }
    Ok(out)
}

fn read_answers(r: &mut Reader, catalog: &Catalog) -> Result<Answers> {
    let mut answers = Answers::default();
    for q in catalog.questions {
        match q.kind {
            QuestionKind::YesNo => match r.bits(2)? {
                0 => {}
                1 => answers.set(q.id, Tri::Yes),
                2 => answers.set(q.id, Tri::No),
                _ => return Err(DecodeError::Malformed("an answer is unknown")),
            },
            QuestionKind::Components(choices) => {
                if r.bit()? {
                    // Given, possibly with nothing picked.
                    answers.toggle_component(catalog, q.id, "", false);
                    for c in choices {
                        if r.bit()? {
                            answers.toggle_component(catalog, q.id, c.id, true);
                        }
                    }
                }
            }
        }
    }
    Ok(answers)
}

struct Dates<'a> {
    days: &'a [Date],
}

impl Dates<'_> {
    fn read(&self, r: &mut Reader) -> Result<String> {
        if !r.bit()? {
            return Ok(String::new());
        }
        let i = r.bits(width(self.days.len()))?;
        let day = usize::try_from(i)
            .ok()
            .and_then(|i| self.days.get(i))
            .ok_or(DecodeError::Malformed("a date reference is out of range"))?;
        Ok(day.to_string())
    }
}
