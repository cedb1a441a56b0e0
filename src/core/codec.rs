//! The share link: a whole assessment in the URL fragment (`#/s/<payload>`).
//!
//! The payload is base64url (no padding) of this byte layout:
//!
//! ```text
//! byte 0        format version (bits 0–6, currently 1) | 0x80 when the body is raw-deflated
//! byte 1        length of the edition id, 1–32
//! bytes 2..     the edition id (UTF-8), e.g. "2024-01"
//! the rest      the body, raw-deflated only when that makes it smaller
//! ```
//!
//! The version and the edition stay outside the compressed body, so a link
//! from a newer aixa or an unknown edition is recognised before anything is
//! unpacked. Catalog ids never travel: questions, threats and controls are
//! indices into the pinned edition.
//!
//! The body starts as a bit stream (most significant bit first). A *varint
//! of k* is groups of k value bits, least significant group first, each
//! followed by one bit saying whether another group follows.
//!
//! ```text
//! answers      per question in catalog order: a yes/no question takes 2 bits
//!              (0 unknown, 1 yes, 2 no); a components question 1 bit "given",
//!              then, if given, one bit per choice in catalog order
//! dates        every distinct date (YYYY-MM-DD) of the assessment, ascending:
//!              count (varint 4), the first as zig-zag days from 2000-01-01
//!              (varint 8), each further one as days after the previous − 1
//!              (varint 4); a date field then refers to an entry in
//!              ceil(log2(count)) bits
//! 5 threat maps, in this order, each a key set then a value per key:
//!   overrides       include (1 bit)
//!   responsibility  party (2 bits: us, provider, shared)
//!   verification    status (3 bits: not requested … not obtainable), date field
//!   risk            inherent likelihood, impact, residual likelihood, impact,
//!                   each 0 (unset) or 1–5, packed base 6 in 11 bits
//!   acceptance      decision (2 bits: undecided, accepted, not accepted),
//!                   date field, review field
//! controls     a key set over the controls; per key its status (2 bits:
//!              not decided, planned, implemented, not applicable), due field
//! ```
//!
//! A key set is 2 bits of mode then: 0 empty; 1 the same keys as the previous
//! map's (for controls: empty); 2 a bitset over every threat (control); 3 a
//! count (varint 3) and that many ascending indices of ceil(log2(n)) bits.
//! A date field is 1 bit: set when it holds a parseable date, followed by the
//! date's reference; anything else it holds travels as text.
//!
//! The bit stream is padded with zero bits to a byte, and then come the
//! texts, byte-aligned: a count, then per text its slot (as the gap after
//! the previous slot), its length in bytes and its UTF-8. Numbers here are
//! varints of 7, so one byte each below 128. Slot 0 is the name; slot
//! `1 + 9·threat + f` is the threat's override rationale (f = 0), provider
//! (1), verification note (2), link (3), date (4), acceptance approver (5),
//! rationale (6), date (7), review (8); slot `1 + 9·threats + 4·control + f`
//! is the control's rationale (0), notes (1), owner (2), due (3). Empty texts
//! do not travel. The body must end there.
//!
//! The receiver makes a new assessment (new id, both times `now`) and runs
//! [`Assessment::validate`]. Decoding never panics and never trusts a claimed
//! length: the payload is capped at [`MAX_LINK_CHARS`], the unpacked body at
//! [`MAX_BODY_BYTES`], and every count and length is checked against the
//! catalog or the bytes left before it is used.
//!
//! Two normalisations: a control keyed by an alias arrives under its own id,
//! and components arrive in catalog order.

use super::answers::{Answers, Tri};
use super::assessment::{
    Acceptance, Assessment, Assurance, ControlPlan, ControlStatus, Decision, LoadError, Override,
    Party, Responsibility, RiskScore, Score, Verification,
};
use super::catalog::{Catalog, QuestionKind};
use super::date::Date;
use std::collections::BTreeMap;
use std::fmt;

/// The format this version writes; it reads this one and every older one.
pub const FORMAT: u8 = 1;
/// The longest link this version makes sense of; longer ones are refused
/// before decoding, and a sharing UI should not offer them.
pub const MAX_LINK_CHARS: usize = 8000;
/// The most a body may unpack to.
pub const MAX_BODY_BYTES: usize = 256 * 1024;
/// The fragment that precedes the payload.
pub const FRAGMENT_PREFIX: &str = "#/s/";

const COMPRESSED: u8 = 0x80;
const VERSION_MASK: u8 = 0x7f;
const MAX_EDITION_BYTES: usize = 32;
/// Text slots per threat and per control.
const THREAT_TEXTS: usize = 9;
const CONTROL_TEXTS: usize = 4;
/// Date fields per threat and per control, which bound the date dictionary.
const THREAT_DATES: usize = 3;
const CONTROL_DATES: usize = 1;
/// The date dictionary's first entry counts from 2000-01-01, this many days
/// after 1970-01-01, so that recent dates take few bits.
const DATE_EPOCH: i64 = 10_957;

// Threat text slots.
const T_RATIONALE: usize = 0;
const T_PROVIDER: usize = 1;
const T_NOTE: usize = 2;
const T_LINK: usize = 3;
const T_VERIFIED: usize = 4;
const T_APPROVER: usize = 5;
const T_ACCEPT_RATIONALE: usize = 6;
const T_ACCEPTED: usize = 7;
const T_REVIEW: usize = 8;
// Control text slots.
const C_RATIONALE: usize = 0;
const C_NOTES: usize = 1;
const C_OWNER: usize = 2;
const C_DUE: usize = 3;

/// Why a share link cannot be opened. Each renders as one user-facing line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    TooLong,
    NotBase64,
    Truncated,
    NotALink,
    NewerVersion(u8),
    UnknownEdition(String),
    /// The compressed body does not unpack.
    Corrupt,
    /// The body unpacks to more than [`MAX_BODY_BYTES`].
    TooLarge,
    OutsideCatalog,
    /// Well-formed base64 whose content breaks the format.
    Malformed(&'static str),
    /// A well-formed link to an assessment that does not validate.
    Invalid(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "the link holds no assessment"),
            DecodeError::TooLong => {
                write!(f, "the link is longer than {MAX_LINK_CHARS} characters")
            }
            DecodeError::NotBase64 => write!(f, "the link is not base64url"),
            DecodeError::Truncated => write!(f, "the link is cut short"),
            DecodeError::NotALink => write!(f, "the link is not an aixa share link"),
            DecodeError::NewerVersion(v) => write!(
                f,
                "the link is from a newer version of aixa (format {v}; this version reads up to {FORMAT})"
            ),
            DecodeError::UnknownEdition(e) => write!(
                f,
                "the link is from the catalog edition {e:?}, which this version of aixa does not \
                 have (it has: {}); a version that has it can open the link",
                Catalog::known_editions()
            ),
            DecodeError::Corrupt => write!(f, "the link is damaged: its data does not unpack"),
            DecodeError::TooLarge => write!(
                f,
                "the link unpacks to more than {} KiB",
                MAX_BODY_BYTES / 1024
            ),
            DecodeError::OutsideCatalog => {
                write!(f, "the link holds an index outside the catalog")
            }
            DecodeError::Malformed(what) => write!(f, "the link is damaged: {what}"),
            DecodeError::Invalid(e) => write!(f, "the link holds an invalid assessment: {e}"),
        }
    }
}

impl std::error::Error for DecodeError {}

type Result<T> = std::result::Result<T, DecodeError>;

/// `{base_url}#/s/{payload}`, dropping any fragment `base_url` has.
pub fn link(base_url: &str, a: &Assessment) -> String {
    let base = base_url.split_once('#').map_or(base_url, |(b, _)| b);
    format!("{base}{FRAGMENT_PREFIX}{}", encode(a))
}

/// The payload of a share-link fragment (`#/s/…`, the `#` optional).
pub fn payload_of(fragment: &str) -> Option<&str> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    f.strip_prefix(&FRAGMENT_PREFIX[1..])
}

/// The payload for `a` (no `#`). Id, created and updated never travel.
/// Meant for a valid assessment: ids outside its edition and scores outside
/// 1–5 are left out. The edition is always the assessment's own.
pub fn encode(a: &Assessment) -> String {
    let catalog = a.catalog();
    let body = write_body(a, catalog);
    let packed = miniz_oxide::deflate::compress_to_vec(&body, 10);
    let (flag, body) = if packed.len() < body.len() {
        (COMPRESSED, packed)
    } else {
        (0, body)
    };
    let edition = catalog.edition.as_bytes();
    let edition = edition.get(..MAX_EDITION_BYTES).unwrap_or(edition);
    let mut out = Vec::with_capacity(2 + edition.len() + body.len());
    out.push(FORMAT | flag);
    out.push(edition.len() as u8);
    out.extend_from_slice(edition);
    out.extend_from_slice(&body);
    to_base64url(&out)
}

/// A new assessment, `id` and `now` given by the receiver, from a payload.
pub fn decode(payload: &str, id: String, now: &str) -> Result<Assessment> {
    if payload.is_empty() {
        return Err(DecodeError::Empty);
    }
    if payload.len() > MAX_LINK_CHARS {
        return Err(DecodeError::TooLong);
    }
    let bytes = from_base64url(payload)?;
    let (&head, rest) = bytes.split_first().ok_or(DecodeError::Truncated)?;
    match head & VERSION_MASK {
        0 => return Err(DecodeError::NotALink),
        v if v > FORMAT => return Err(DecodeError::NewerVersion(v)),
        _ => {}
    }
    let (&len, rest) = rest.split_first().ok_or(DecodeError::Truncated)?;
    let len = usize::from(len);
    if len == 0 || len > MAX_EDITION_BYTES {
        return Err(DecodeError::NotALink);
    }
    let (edition, body) = rest.split_at_checked(len).ok_or(DecodeError::Truncated)?;
    let edition = std::str::from_utf8(edition).map_err(|_| DecodeError::NotALink)?;
    let catalog = Catalog::by_edition(edition)
        .ok_or_else(|| DecodeError::UnknownEdition(edition.to_string()))?;
    let inflated;
    let body = if head & COMPRESSED != 0 {
        inflated = inflate(body)?;
        &inflated[..]
    } else {
        body
    };
    if body.len() > MAX_BODY_BYTES {
        return Err(DecodeError::TooLarge);
    }
    let d = read_body(catalog, body)?;
    let mut a = Assessment::new(catalog, id, d.name, now);
    a.answers = d.answers;
    let threat_ids = || catalog.threats.iter().map(|t| t.id);
    a.overrides = keyed_by(threat_ids(), d.overrides);
    a.responsibility = keyed_by(threat_ids(), d.responsibility);
    a.verification = keyed_by(threat_ids(), d.verification);
    a.risk = keyed_by(threat_ids(), d.risk);
    a.acceptance = keyed_by(threat_ids(), d.acceptance);
    a.controls = keyed_by(catalog.controls.iter().map(|c| c.id), d.controls);
    a.validate().map_err(|e| match e {
        LoadError::Invalid(m) => DecodeError::Invalid(m),
        LoadError::UnknownEdition(e) => DecodeError::UnknownEdition(e),
        other => DecodeError::Invalid(other.to_string()),
    })?;
    Ok(a)
}

/// Index-ordered entries, keyed by catalog id.
fn keyed_by<V>(
    ids: impl Iterator<Item = &'static str>,
    values: Vec<Option<V>>,
) -> BTreeMap<String, V> {
    // Inserted one by one: collecting into a map sorts first, and each such
    // sort adds about 4 KB to the wasm.
    let mut map = BTreeMap::new();
    map.extend(
        ids.zip(values)
            .filter_map(|(id, v)| Some((id.to_string(), v?))),
    );
    map
}

fn inflate(body: &[u8]) -> Result<Vec<u8>> {
    use miniz_oxide::inflate::TINFLStatus;
    miniz_oxide::inflate::decompress_to_vec_with_limit(body, MAX_BODY_BYTES).map_err(|e| {
        match e.status {
            TINFLStatus::HasMoreOutput => DecodeError::TooLarge,
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                DecodeError::Truncated
            }
            _ => DecodeError::Corrupt,
        }
    })
}

// ---------------------------------------------------------------- encoding

fn write_body(a: &Assessment, catalog: &Catalog) -> Vec<u8> {
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
        .filter_map(|s| Date::parse(s))
        .collect();
    days.sort_unstable();
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
        out.w.bits(2, status_code(p.status));
        out.date(control_slot(c, C_DUE), &p.due);
        out.text(control_slot(c, C_RATIONALE), &p.rationale);
        out.text(control_slot(c, C_NOTES), &p.notes);
        out.text(control_slot(c, C_OWNER), &p.owner);
    }

    let mut w = out.w;
    texts.retain(|(_, s)| !s.is_empty());
    texts.sort_unstable_by_key(|(slot, _)| *slot);
    w.align();
    w.varint(texts.len() as u64, 7);
    let mut next = 0;
    for (slot, s) in texts {
        w.varint((slot - next) as u64, 7);
        next = slot + 1;
        w.varint(s.len() as u64, 7);
        w.bytes(s.as_bytes());
    }
    w.out
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
/// under an alias.
fn by_control<'m, V>(map: &'m BTreeMap<String, V>, catalog: &Catalog) -> Vec<Option<&'m V>> {
    let mut out = vec![None; catalog.controls.len()];
    for (k, v) in map {
        if let Some((i, c)) = catalog.control(k) {
            if let Some(slot) = out.get_mut(i) {
                if slot.is_none() || k == c.id {
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
    }
}

fn score_code(s: Option<u8>) -> u64 {
    match s {
        Some(v @ 1..=5) => u64::from(v),
        _ => 0,
    }
}

#[derive(Default)]
struct BitWriter {
    out: Vec<u8>,
    /// Bits used in the last byte; 0 when it is full (or there is none).
    used: u32,
}

impl BitWriter {
    fn bit(&mut self, b: bool) {
        if self.used == 0 {
            self.out.push(0);
        }
        if b {
            if let Some(last) = self.out.last_mut() {
                *last |= 0x80 >> self.used;
            }
        }
        self.used = (self.used + 1) % 8;
    }

    fn bits(&mut self, n: u32, v: u64) {
        for i in (0..n).rev() {
            self.bit((v >> i) & 1 == 1);
        }
    }

    fn varint(&mut self, mut v: u64, k: u32) {
        loop {
            self.bits(k, v & ((1 << k) - 1));
            v >>= k;
            self.bit(v != 0);
            if v == 0 {
                return;
            }
        }
    }

    /// Mode, then the cheapest form (see the module docs).
    fn key_set(&mut self, keys: &[bool], previous: &[bool]) {
        let count = keys.iter().filter(|k| **k).count();
        if count == 0 {
            self.bits(2, 0);
        } else if keys == previous {
            self.bits(2, 1);
        } else {
            let width = width(keys.len());
            let list = varint_bits(count as u64, 3) + count as u64 * u64::from(width);
            if list < keys.len() as u64 {
                self.bits(2, 3);
                self.varint(count as u64, 3);
                for (i, _) in keys.iter().enumerate().filter(|(_, k)| **k) {
                    self.bits(width, i as u64);
                }
            } else {
                self.bits(2, 2);
                for &k in keys {
                    self.bit(k);
                }
            }
        }
    }

    fn align(&mut self) {
        self.used = 0;
    }

    fn bytes(&mut self, b: &[u8]) {
        self.align();
        self.out.extend_from_slice(b);
    }
}

fn varint_bits(mut v: u64, k: u32) -> u64 {
    let mut n = 0;
    loop {
        n += u64::from(k) + 1;
        v >>= k;
        if v == 0 {
            return n;
        }
    }
}

/// Bits to write an index below `n`.
fn width(n: usize) -> u32 {
    match n {
        0 | 1 => 0,
        n => usize::BITS - (n - 1).leading_zeros(),
    }
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

// ---------------------------------------------------------------- decoding

#[derive(Default)]
struct Decoded {
    name: String,
    answers: Answers,
    overrides: Vec<Option<Override>>,
    responsibility: Vec<Option<Responsibility>>,
    verification: Vec<Option<Verification>>,
    risk: Vec<Option<RiskScore>>,
    acceptance: Vec<Option<Acceptance>>,
    controls: Vec<Option<ControlPlan>>,
}

fn read_body(catalog: &Catalog, body: &[u8]) -> Result<Decoded> {
    let mut r = Reader { data: body, pos: 0 };
    let threats = catalog.threats.len();
    let mut d = Decoded {
        answers: read_answers(&mut r, catalog)?,
        ..Decoded::default()
    };

    // The dictionary is bounded by the date fields the catalog has room for.
    let count = r.varint(4)?;
    let room = threats * THREAT_DATES + catalog.controls.len() * CONTROL_DATES;
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
    let keys = r.key_set(catalog.controls.len(), &none)?;
    d.controls = read_values(&mut r, &keys, |r| {
        let status = match r.bits(2)? {
            0 => ControlStatus::NotDecided,
            1 => ControlStatus::Planned,
            2 => ControlStatus::Implemented,
            _ => ControlStatus::NotApplicable,
        };
        Ok(ControlPlan {
            status,
            due: dates.read(r)?,
            ..ControlPlan::default()
        })
    })?;

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
        let field = text_field(&mut d, catalog, slot)?;
        if !field.is_empty() {
            return Err(DecodeError::Malformed("a date is given twice"));
        }
        field.push_str(text);
    }
    if r.remaining() != 0 {
        return Err(DecodeError::Malformed("it has data past its end"));
    }
    Ok(d)
}

/// The string a text slot fills.
fn text_field<'d>(d: &'d mut Decoded, catalog: &Catalog, slot: usize) -> Result<&'d mut String> {
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
    if s >= catalog.controls.len() * CONTROL_TEXTS {
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

struct Reader<'a> {
    data: &'a [u8],
    /// In bits.
    pos: usize,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        (self.data.len() * 8).saturating_sub(self.pos)
    }

    fn bit(&mut self) -> Result<bool> {
        let byte = self.data.get(self.pos / 8).ok_or(DecodeError::Truncated)?;
        let b = byte & (0x80 >> (self.pos % 8)) != 0;
        self.pos += 1;
        Ok(b)
    }

    /// Up to 64 bits, a byte's worth at a time.
    fn bits(&mut self, n: u32) -> Result<u64> {
        let end = self.pos + n as usize;
        if end > self.data.len() * 8 {
            return Err(DecodeError::Truncated);
        }
        let mut v: u64 = 0;
        while self.pos < end {
            let byte = self.data.get(self.pos / 8).ok_or(DecodeError::Truncated)?;
            let offset = self.pos % 8;
            let take = (8 - offset).min(end - self.pos);
            let chunk = (byte >> (8 - offset - take)) & (0xff >> (8 - take));
            v = (v << take) | u64::from(chunk);
            self.pos += take;
        }
        Ok(v)
    }

    fn varint(&mut self, k: u32) -> Result<u64> {
        let mut v: u64 = 0;
        let mut shift = 0;
        loop {
            let group = self.bits(k)?;
            if shift >= 64 || (shift > 0 && group >> (64 - shift) != 0) {
                return Err(DecodeError::Malformed("a number is too large"));
            }
            v |= group << shift;
            shift += k;
            if !self.bit()? {
                return Ok(v);
            }
        }
    }

    fn key_set(&mut self, n: usize, previous: &[bool]) -> Result<Vec<bool>> {
        match self.bits(2)? {
            0 => Ok(vec![false; n]),
            1 => Ok(previous.to_vec()),
            2 => {
                let mut keys = vec![false; n];
                for k in &mut keys {
                    *k = self.bit()?;
                }
                Ok(keys)
            }
            _ => {
                let count = self.varint(3)?;
                if count > n as u64 {
                    return Err(DecodeError::OutsideCatalog);
                }
                let mut keys = vec![false; n];
                let mut next = 0;
                for _ in 0..count {
                    let i = usize::try_from(self.bits(width(n))?)
                        .map_err(|_| DecodeError::OutsideCatalog)?;
                    if i < next {
                        return Err(DecodeError::Malformed("its keys are out of order"));
                    }
                    *keys.get_mut(i).ok_or(DecodeError::OutsideCatalog)? = true;
                    next = i + 1;
                }
                Ok(keys)
            }
        }
    }

    /// Skips to the next byte; the padding must be zero.
    fn align(&mut self) -> Result<()> {
        while self.pos % 8 != 0 {
            if self.bit()? {
                return Err(DecodeError::Malformed("it has stray bits"));
            }
        }
        Ok(())
    }

    /// `n` bytes at a byte boundary.
    fn bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        self.align()?;
        let start = self.pos / 8;
        let end = start.checked_add(n).ok_or(DecodeError::Truncated)?;
        let b = self.data.get(start..end).ok_or(DecodeError::Truncated)?;
        self.pos = end * 8;
        Ok(b)
    }
}

// ---------------------------------------------------------------- base64url

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding.
pub fn to_base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 6 {
            bits -= 6;
            out.push(char::from(ALPHABET[((acc >> bits) & 63) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((acc << (6 - bits)) & 63) as usize]));
    }
    out
}

/// Each byte's value in [`ALPHABET`], or 0xff.
const SEXTETS: [u8; 256] = {
    let mut t = [0xff; 256];
    let mut i = 0;
    while i < 64 {
        t[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    t
};

/// Strict base64url without padding: the unused bits of the last character
/// must be zero.
pub fn from_base64url(text: &str) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in text.as_bytes() {
        let v = SEXTETS[usize::from(c)];
        if v == 0xff {
            return Err(DecodeError::NotBase64);
        }
        acc = ((acc << 6) | u32::from(v)) & 0xfff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    match bits {
        // One character past a group cannot hold a byte: the text was cut.
        6 => Err(DecodeError::Truncated),
        _ if acc & ((1 << bits) - 1) != 0 => Err(DecodeError::NotBase64),
        _ => Ok(out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_epoch_is_2000_01_01() {
        assert_eq!(
            Date::parse("2000-01-01").map(Date::unix_days),
            Some(DATE_EPOCH)
        );
    }

    #[test]
    fn varints_and_bits_read_back() {
        let mut w = BitWriter::default();
        let values = [0, 1, 7, 8, 127, 128, 300, 65_535, u64::MAX];
        for (k, v) in (1..=8).cycle().zip(values) {
            w.varint(v, k);
            w.bit(true);
        }
        let mut r = Reader {
            data: &w.out,
            pos: 0,
        };
        for (k, v) in (1..=8).cycle().zip(values) {
            assert_eq!(r.varint(k), Ok(v));
            assert_eq!(r.bit(), Ok(true));
        }
        assert_eq!(zigzag(-1), 1);
        assert_eq!(unzigzag(zigzag(i64::MIN)), i64::MIN);
        assert_eq!(width(25), 5);
        assert_eq!(width(1), 0);
    }

    #[test]
    fn base64url_matches_the_rfc_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(to_base64url(plain.as_bytes()), coded);
            assert_eq!(from_base64url(coded).as_deref(), Ok(plain.as_bytes()));
        }
        assert_eq!(to_base64url(&[0xfb, 0xff]), "-_8");
        assert_eq!(from_base64url("Zh"), Err(DecodeError::NotBase64));
        assert_eq!(from_base64url("Zm9vY"), Err(DecodeError::Truncated));
        assert_eq!(from_base64url("Zm9v="), Err(DecodeError::NotBase64));
    }
}
