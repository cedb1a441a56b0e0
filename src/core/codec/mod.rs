//! The share link: a whole assessment in the URL fragment (`#/s/<payload>`).
//!
//! The payload is base64url (no padding) of this byte layout:
//!
//! ```text
//! byte 0        format version (bits 0–6, currently 4) | 0x80 when the body is raw-deflated
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
//! controls     a key set over the controls; per key its status (format 3:
//!              3 bits, format 1 and 2: 2 bits; 0 not decided, 1 planned,
//!              2 implemented, 3 not applicable, 4 partly implemented), due
//!              field
//! treatment    (format 4) a key set over the threats, relative to
//!              acceptance's; per key: needed (2 bits: unknown, yes, no),
//!              choice (3 bits: none, mitigate, transfer, avoid, accept)
//! reviewed     (format 4) 1 bit; if set: date field, then 1 bit set when
//!              it is the assessment's own snapshot as decoded (nothing
//!              follows; the receiver takes it), else the threats in scope
//!              then (a key set), the controls' statuses then (a key set,
//!              3 bits each), residual levels then (a key set relative to
//!              those in scope, level − 1 in 5 bits each)
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
//! is the control's rationale (0), notes (1), owner (2), due (3). From format
//! 2 on, slot `1 + 9·threats + 4·controls` is the assessment's own time of
//! last change (ISO 8601), and the four after it its details: description,
//! scope, assessor, version; format 1 has no such slots. From format 3 on,
//! the slots after those hold evidence links: `+ t` for threat t's
//! acceptance, `+ threats + c` for control c's, each a list of lines
//! "URL" or "URL\tlabel". From format 4 on, the `threats` slots after the
//! controls' evidence hold each treatment's rationale, the one after them
//! the reviewer, then the review date when it is not a date (never, as
//! it must be one), then the history of upgrades as JSON. From format 5 on,
//! the slot after that holds the record: the original's id (the sender's
//! own, or the one it was copied from), its creation time, the aixa that
//! wrote it, the sign-off as JSON, the change log as JSON (or `-` when a
//! link left it out for length), the assessors one per line, and the scope
//! and criteria as a JSON pair, separated by tabs. The creation time
//! is written against the time of last change, and the tool without its
//! "aixa " (see `record.rs`). Empty texts do not
//! travel. The body must end there.
//!
//! The receiver makes a new assessment (a new id, the original's in
//! `origin`; the sender's creation time and time of last change, as far as
//! the format carries them; `copied` at `now`), so that it digests like the
//! sender's (see [`super::digest`]), and runs
//! [`Assessment::validate`]. Decoding never panics and never trusts a claimed
//! length: the payload is capped at [`MAX_LINK_CHARS`], the unpacked body at
//! [`MAX_BODY_BYTES`], and every count and length is checked against the
//! catalog or the bytes left before it is used.
//!
//! Two normalisations: a control keyed by an alias arrives under its own id,
//! and components arrive in catalog order.

mod base64;
mod bits;
mod read;
mod record;
mod write;

pub use base64::{from_base64url, to_base64url};

use super::assessment::{Assessment, LoadError};
use super::catalog::Catalog;
use super::review::snapshot;
use read::read_body;
use std::collections::BTreeMap;
use std::fmt;
use write::write_body;

/// The format this version writes; it reads this one and every older one.
pub const FORMAT: u8 = 5;
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
/// The time of last change and the four details, from format 2 on.
const DETAIL_TEXTS: usize = 5;
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
    let full = format!("{base}{FRAGMENT_PREFIX}{}", encode(a));
    if full.len() <= MAX_LINK_CHARS || a.log.is_empty() {
        return full;
    }
    // The change log is what makes a record long: without it, the link
    // still opens, and says that the file holds the history.
    format!("{base}{FRAGMENT_PREFIX}{}", encode_with(a, false))
}

/// The share link for `a` (see [`link`]), or, when it is longer than
/// [`MAX_LINK_CHARS`], its length: mail and chat apps cut such links, and
/// [`decode`] refuses them, so no one should be offered one.
pub fn share_link(base_url: &str, a: &Assessment) -> std::result::Result<String, usize> {
    let link = link(base_url, a);
    if link.len() > MAX_LINK_CHARS {
        Err(link.len())
    } else {
        Ok(link)
    }
}

/// The payload of a share-link fragment (`#/s/…`, the `#` optional).
pub fn payload_of(fragment: &str) -> Option<&str> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    f.strip_prefix(&FRAGMENT_PREFIX[1..])
}

/// The payload for `a` (no `#`). The id travels as the copy's `origin`.
/// Meant for a valid assessment: ids outside its edition and scores outside
/// 1–5 are left out. The edition is always the assessment's own.
pub fn encode(a: &Assessment) -> String {
    encode_with(a, true)
}

fn encode_with(a: &Assessment, with_log: bool) -> String {
    let catalog = a.catalog();
    let body = write_body(a, catalog, with_log);
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
    decode_noting(payload, id, now).map(|(a, _)| a)
}

/// [`decode`], and whether the link left the change log out for length
/// (the file has it).
pub fn decode_noting(payload: &str, id: String, now: &str) -> Result<(Assessment, bool)> {
    if payload.is_empty() {
        return Err(DecodeError::Empty);
    }
    if payload.len() > MAX_LINK_CHARS {
        return Err(DecodeError::TooLong);
    }
    let bytes = from_base64url(payload)?;
    let (&head, rest) = bytes.split_first().ok_or(DecodeError::Truncated)?;
    // Every format this version wrote stays readable: links already shared
    // keep opening.
    let version = match head & VERSION_MASK {
        0 => return Err(DecodeError::NotALink),
        v if v > FORMAT => return Err(DecodeError::NewerVersion(v)),
        v => v,
    };
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
    let d = read_body(catalog, body, version)?;
    // The copy keeps the sender's time of last change (unknown in format-1
    // links, which lack it) and, from format 5, its creation time, origin
    // and tool; it records its own time apart.
    let mut a = Assessment::new(catalog, id, d.name, "");
    a.tool.clear();
    a.updated = d.updated;
    a.details = d.details;
    a.copied = now.to_string();
    a.answers = d.answers;
    let threat_ids = || catalog.threats.iter().map(|t| t.id);
    a.overrides = keyed_by(threat_ids(), d.overrides);
    a.responsibility = keyed_by(threat_ids(), d.responsibility);
    a.verification = keyed_by(threat_ids(), d.verification);
    a.risk = keyed_by(threat_ids(), d.risk);
    a.acceptance = keyed_by(threat_ids(), d.acceptance);
    a.controls = keyed_by(catalog.controls.iter().map(|c| c.id), d.controls);
    a.treatment = keyed_by(threat_ids(), d.treatment);
    a.reviewed = d.reviewed;
    if !d.history.is_empty() {
        // Through a `Value`, as files are read: a typed parse from the
        // string would add a second copy of the history's decoder.
        a.history = serde_json::from_str::<serde_json::Value>(&d.history)
            .and_then(serde_json::from_value)
            .map_err(|_| DecodeError::Malformed("its history is not valid"))?;
    }
    let mut log_omitted = false;
    if !d.record.is_empty() {
        let mut parts = d.record.splitn(7, '\t');
        let mut next = || parts.next().unwrap_or_default().to_string();
        a.origin = next();
        a.created = record::created_from(&next(), &a.updated);
        a.tool = record::tool_from(&next());
        let signoff = next();
        if !signoff.is_empty() {
            a.signoff = serde_json::from_str::<serde_json::Value>(&signoff)
                .and_then(serde_json::from_value)
                .map(Some)
                .map_err(|_| DecodeError::Malformed("its sign-off is not valid"))?;
        }
        let log = next();
        log_omitted = log == "-";
        if !log.is_empty() && !log_omitted {
            a.log = serde_json::from_str::<serde_json::Value>(&log)
                .and_then(serde_json::from_value)
                .map_err(|_| DecodeError::Malformed("its change log is not valid"))?;
        }
        a.assessors = next()
            .split('\n')
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect();
        let scope = next();
        if !scope.is_empty() {
            (a.scope, a.criteria) = serde_json::from_str::<serde_json::Value>(&scope)
                .and_then(serde_json::from_value)
                .map_err(|_| DecodeError::Malformed("its scope and criteria are not valid"))?;
        }
    }
    if d.review_is_now {
        if let Some(point) = a.reviewed.take() {
            a.reviewed = Some(snapshot(&a, &point.date, &point.by));
        }
    }
    a.validate().map_err(|e| match e {
        LoadError::Invalid(m) => DecodeError::Invalid(m),
        LoadError::UnknownEdition(e) => DecodeError::UnknownEdition(e),
        other => DecodeError::Invalid(other.to_string()),
    })?;
    Ok((a, log_omitted))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::Date;

    #[test]
    fn the_date_epoch_is_2000_01_01() {
        assert_eq!(
            Date::parse("2000-01-01").map(Date::unix_days),
            Some(DATE_EPOCH)
        );
    }
}
