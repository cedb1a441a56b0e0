//! The share-link codec: round trips, the length budget, and hostile links.

mod common;

use aixa::core::answers::Tri;
use aixa::core::assessment::{
    Acceptance, Assessment, Assurance, ControlPlan, ControlStatus, Decision, Evidence, Override,
    Party, Responsibility, ReviewPoint, RiskScore, Score, TreatChoice, Treatment, Verification,
};
use aixa::core::catalog::{Catalog, QuestionKind};
use aixa::core::codec::{
    decode, encode, from_base64url, link, payload_of, to_base64url, DecodeError, MAX_LINK_CHARS,
};
use aixa::core::digest::digest;
use common::reference::{
    complete, complete_from, control_id, date, empty, fixture, threat_id, typical, Spread, NOW,
};
use common::{catalog, Rng};
use std::time::Instant;

/// Decodes and checks the result equals `a` but for what never travels.
fn round_trip(a: &Assessment) -> String {
    let payload = encode(a);
    let mut b = match decode(&payload, "received".into(), NOW) {
        Ok(b) => b,
        Err(e) => panic!("{e}: {payload}\n{}", a.to_json_pretty()),
    };
    assert_eq!(b.id, "received");
    // The record's times and tool travel (format 5); the copy's own time is
    // recorded apart, and its origin names the original.
    assert_eq!(
        (b.created.as_str(), b.updated.as_str(), b.tool.as_str()),
        (a.created.as_str(), a.updated.as_str(), a.tool.as_str())
    );
    assert_eq!(b.copied, NOW);
    let original = if a.origin.is_empty() {
        &a.id
    } else {
        &a.origin
    };
    assert_eq!(&b.origin, original);
    // So the copy digests like its source.
    assert_eq!(digest(&b), digest(a), "payload {payload}");
    b.id.clone_from(&a.id);
    b.origin.clone_from(&a.origin);
    b.copied.clone_from(&a.copied);
    assert_eq!(&b, a, "payload {payload}");
    payload
}

#[test]
fn the_fixture_round_trips() {
    let a = fixture();
    let payload = round_trip(&a);
    let json = to_base64url(a.to_json().as_bytes());
    eprintln!(
        "fixture: {} characters; base64 of its JSON: {}; ratio {:.3}",
        payload.len(),
        json.len(),
        payload.len() as f64 / json.len() as f64
    );
    assert!(payload.len() < json.len() / 3);
}

#[test]
fn an_empty_assessment_round_trips() {
    let a = empty();
    let payload = round_trip(&a);
    let json = to_base64url(a.to_json().as_bytes()).len();
    eprintln!(
        "empty: {} characters (base64 of its JSON: {json}): {payload}",
        payload.len()
    );
    // Format 2 adds the time of last change, as written (about 30
    // characters once encoded); format 5 the record: the original's id and
    // the tool (about 10 more).
    assert!(payload.len() <= 90);
}

#[test]
fn a_complete_assessment_without_free_text_fits_300_characters() {
    let (mut rng, spread) = typical();
    let a = complete(&mut rng, spread);
    let payload = round_trip(&a);
    eprintln!(
        "complete without text: {} threats, {} controls, {} characters (base64 of its JSON: {}): {payload}",
        a.risk.len(),
        a.controls.len(),
        payload.len(),
        to_base64url(a.to_json().as_bytes()).len()
    );
    assert!(a.risk.len() >= 15 && a.controls.len() >= 20);
    assert!(payload.len() <= 300, "{} characters", payload.len());

    // Worst cases: many seeds, and dates scattered over two years.
    let mut longest = 0;
    for seed in 1..=200 {
        let mut rng = Rng(seed);
        longest = longest.max(round_trip(&complete(&mut rng, Spread::Realistic)).len());
    }
    let scattered = round_trip(&complete(&mut rng, Spread::Random)).len();
    eprintln!("complete without text: longest of 200 seeds {longest}; random dates {scattered}");
    // The worst seeds compress least. Since format 5 they also carry the
    // record that issue 16 asks links to keep (the original's id, its
    // creation time and tool: some 20 characters), so they may pass 300 by
    // that much; the typical assessment above stays within 300.
    assert!(longest <= 320, "{longest} characters");
    assert!(scattered <= 320, "{scattered} characters");
}

#[test]
fn notes_grow_the_link_with_their_text() {
    let mut rng = Rng(7);
    let mut a = complete(&mut rng, Spread::Realistic);
    let base = encode(&a).len();
    let ids: Vec<String> = a.controls.keys().cloned().collect();
    let mut lengths = vec![(0, base)];
    let mut text_bytes = 0;
    for (n, id) in ids.iter().enumerate() {
        let note = format!(
            "Step {n}: reviewed with the platform team; tracked in ticket SEC-{}.",
            1000 + n * 37
        );
        text_bytes += note.len();
        if let Some(plan) = a.controls.get_mut(id) {
            plan.notes = note;
            plan.owner = "Platform team".into();
            text_bytes += plan.owner.len();
        }
        if n % 10 == 9 {
            lengths.push((text_bytes, round_trip(&a).len()));
        }
    }
    eprintln!("with notes (text bytes, characters): {lengths:?}");
    let (text, with_notes) = lengths[lengths.len() - 1];
    assert!(with_notes > base);
    // Compression keeps repetitive notes well under base64 of the text.
    assert!(with_notes < base + text * 4 / 3, "{with_notes}");
    assert!(lengths.windows(2).all(|w| w[0].1 < w[1].1));

    // Incompressible text grows the link about 4/3 per byte.
    let mut b = complete(&mut Rng(7), Spread::Realistic);
    let mut noise = Rng(99);
    let text: String = (0..300)
        .map(|_| char::from(b'!' + noise.below(94) as u8))
        .collect();
    b.name = text.clone();
    let grown = round_trip(&b).len();
    eprintln!("300 bytes of noise as the name: {grown} characters");
    assert!(grown <= base + 300 * 4 / 3 + 8, "{grown}");
}

#[test]
fn the_link_carries_the_payload_in_the_fragment() {
    let a = fixture();
    let payload = encode(&a);
    let l = link("https://example.org/aixa/#/a/x/risk", &a);
    assert_eq!(l, format!("https://example.org/aixa/#/s/{payload}"));
    assert_eq!(link("https://example.org/", &a), l.replace("aixa/", ""));
    let fragment = &l[l.find('#').expect("a fragment")..];
    assert_eq!(payload_of(fragment), Some(payload.as_str()));
    assert_eq!(payload_of("/s/abc"), Some("abc"));
    assert_eq!(payload_of("#/a/x"), None);
    assert!(l.len() < MAX_LINK_CHARS);
    assert!(payload
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
}

#[test]
fn dates_that_are_not_dates_travel_as_text() {
    let c = catalog();
    let mut a = Assessment::new(c, "d".into(), "Dates".into(), NOW);
    let odd = [
        "2024-02-29",
        "2023-02-29",
        "2026-13-01",
        "2026-1-5",
        "0000-01-01",
        "9999-12-31",
        "1999-12-31",
        "next week",
        " 2026-01-01",
        "2026-01-01 ",
        "２０２６-01-01",
        "2026/01/01",
    ];
    for (i, d) in odd.iter().enumerate() {
        a.verification.insert(
            threat_id(i),
            Verification {
                date: d.to_string(),
                ..Verification::default()
            },
        );
        a.acceptance.insert(
            threat_id(i),
            Acceptance {
                date: d.to_string(),
                review: odd[(i + 1) % odd.len()].to_string(),
                ..Acceptance::default()
            },
        );
        a.controls.insert(
            control_id(i),
            ControlPlan {
                due: d.to_string(),
                ..ControlPlan::default()
            },
        );
    }
    round_trip(&a);
}

#[test]
fn a_control_under_an_alias_arrives_under_its_id() {
    let c = catalog();
    let alias = &c.aliases[0];
    let mut a = Assessment::new(c, "x".into(), "Aliases".into(), NOW);
    a.controls.insert(
        alias.alias.to_string(),
        ControlPlan {
            status: ControlStatus::Planned,
            ..ControlPlan::default()
        },
    );
    a.validate().expect("an alias is a valid key");
    let b = decode(&encode(&a), "y".into(), NOW).expect("decodes");
    let id = c.controls[alias.control].id;
    assert_eq!(b.controls.keys().collect::<Vec<_>>(), [id]);
    assert_eq!(b.controls[id].status, ControlStatus::Planned);
}

/// 2026-08's DETECTADVERSARIALINPUT stands for the two controls it was split
/// into: a decision under it arrives under both ids, and a decision under a
/// control's own id wins over it.
#[test]
fn a_control_under_an_alias_of_several_arrives_under_each_id() {
    let c = Catalog::by_edition("2026-08").expect("2026-08 is embedded");
    let named: Vec<&str> = c
        .controls_named("DETECTADVERSARIALINPUT")
        .into_iter()
        .map(|i| c.controls[i].id)
        .collect();
    assert_eq!(
        named,
        ["EVASIONINPUTHANDLING", "UNWANTEDINPUTSERIESHANDLING"]
    );
    let plan = |status| ControlPlan {
        status,
        ..ControlPlan::default()
    };
    let mut a = Assessment::new(c, "x".into(), "Split alias".into(), NOW);
    a.controls.insert(
        "DETECTADVERSARIALINPUT".into(),
        plan(ControlStatus::Planned),
    );
    a.validate().expect("an alias is a valid key");
    let b = decode(&encode(&a), "y".into(), NOW).expect("decodes");
    assert_eq!(b.controls.keys().collect::<Vec<_>>(), named);
    assert!(named
        .iter()
        .all(|id| b.controls[*id].status == ControlStatus::Planned));

    a.controls.insert(
        "UNWANTEDINPUTSERIESHANDLING".into(),
        plan(ControlStatus::Implemented),
    );
    let b = decode(&encode(&a), "y".into(), NOW).expect("decodes");
    assert_eq!(
        b.controls["EVASIONINPUTHANDLING"].status,
        ControlStatus::Planned
    );
    assert_eq!(
        b.controls["UNWANTEDINPUTSERIESHANDLING"].status,
        ControlStatus::Implemented
    );
}

// ------------------------------------------------------------ random assessments

/// Up to three links of any text without control characters, which the
/// model refuses; labels may be empty.
fn random_evidence(rng: &mut Rng) -> Vec<Evidence> {
    let line = |rng: &mut Rng, max| -> String {
        random_text(rng, max)
            .chars()
            .filter(|c| !c.is_control())
            .collect()
    };
    let n = if rng.chance(15) { 1 + rng.below(2) } else { 0 };
    (0..n)
        .map(|_| Evidence {
            url: format!("https://x.example/{}", line(rng, 6)),
            label: line(rng, 6),
        })
        .collect()
}

fn random_text(rng: &mut Rng, max: usize) -> String {
    const POOL: &[char] = &[
        'a', 'b', 'Z', '0', ' ', ' ', '\n', '\t', '\r', '\0', '\u{7}', '\u{7f}', '\u{85}', 'é',
        'ß', 'Ж', '中', '文', '😀', '👩', '\u{200d}', '💻', '🏳', '\u{fe0f}', '\u{202e}',
        '\u{200b}', '\u{fffd}', '\u{301}', '#', '/', '%', '"', '\\', '&', '?', '=', '+',
    ];
    let len = rng.below(max + 1);
    (0..len)
        .map(|_| {
            if rng.chance(10) {
                // Any scalar value.
                loop {
                    if let Some(c) = char::from_u32(rng.below(0x11_0000) as u32) {
                        break c;
                    }
                }
            } else {
                rng.pick(POOL)
            }
        })
        .collect()
}

fn nonblank(rng: &mut Rng, max: usize) -> String {
    let mut s = random_text(rng, max);
    if s.trim().is_empty() {
        s.push('x');
    }
    s
}

fn random_date(rng: &mut Rng) -> String {
    match rng.below(8) {
        0..=2 => String::new(),
        3..=5 => date(rng.below(730) as u64),
        6 => rng
            .pick(&[
                "0000-01-01",
                "9999-12-31",
                "2024-02-29",
                "2023-02-29",
                "2026-00-10",
                "soon",
                "Q3",
            ])
            .to_string(),
        _ => random_text(rng, 12),
    }
}

/// Texts are at most `max_text` characters long (or the generator's own limit).
fn random_assessment(rng: &mut Rng, max_text: usize) -> Assessment {
    let cap = |n: usize| n.min(max_text);
    let c = catalog();
    let mut a = Assessment::new(
        c,
        "original".into(),
        nonblank(rng, cap(30)),
        "2026-05-06T07:08:09Z",
    );
    for q in c.questions {
        match q.kind {
            QuestionKind::YesNo => a
                .answers
                .set(q.id, rng.pick(&[Tri::Yes, Tri::No, Tri::Unknown])),
            QuestionKind::Components(choices) => {
                if rng.chance(60) {
                    for choice in choices {
                        let on = rng.chance(50);
                        a.answers.toggle_component(c, q.id, choice.id, on);
                    }
                }
            }
        }
    }
    // Each map has its own density, so every form of key set occurs.
    let mut density = || rng.pick(&[0, 5, 30, 70, 100]);
    let densities: [usize; 6] = std::array::from_fn(|_| density());
    for t in 0..c.threats.len() {
        let id = threat_id(t);
        if rng.chance(densities[0]) {
            a.overrides.insert(
                id.clone(),
                Override {
                    include: rng.chance(50),
                    rationale: nonblank(rng, cap(40)),
                },
            );
        }
        if rng.chance(densities[1]) {
            a.responsibility.insert(
                id.clone(),
                Responsibility {
                    party: rng.pick(&Party::ALL),
                    provider: random_text(rng, cap(10)),
                },
            );
        }
        if rng.chance(densities[2]) {
            a.verification.insert(
                id.clone(),
                Verification {
                    status: rng.pick(&Assurance::ALL),
                    note: random_text(rng, cap(20)),
                    link: random_text(rng, cap(20)),
                    date: random_date(rng),
                },
            );
        }
        if rng.chance(densities[3]) {
            let mut s = || rng.pick(&[None, Some(1), Some(2), Some(3), Some(4), Some(5)]);
            a.risk.insert(
                id.clone(),
                RiskScore {
                    inherent: Score {
                        likelihood: s(),
                        impact: s(),
                    },
                    residual: Score {
                        likelihood: s(),
                        impact: s(),
                    },
                },
            );
        }
        if rng.chance(densities[4]) {
            a.acceptance.insert(
                id,
                Acceptance {
                    decision: rng.pick(&Decision::ALL),
                    approver: random_text(rng, cap(10)),
                    date: random_date(rng),
                    rationale: random_text(rng, cap(30)),
                    review: random_date(rng),
                    evidence: random_evidence(rng),
                },
            );
        }
    }
    for i in 0..c.controls.len() {
        if rng.chance(densities[5]) {
            let status = rng.pick(&ControlStatus::ALL);
            let rationale = if status == ControlStatus::NotApplicable {
                nonblank(rng, cap(30))
            } else {
                random_text(rng, cap(10))
            };
            a.controls.insert(
                control_id(i),
                ControlPlan {
                    status,
                    rationale,
                    notes: random_text(rng, cap(30)),
                    owner: random_text(rng, cap(10)),
                    due: random_date(rng),
                    evidence: random_evidence(rng),
                },
            );
        }
    }
    for t in c.threats {
        if rng.chance(densities[4]) {
            a.treatment.insert(
                t.id.to_string(),
                Treatment {
                    needed: rng.pick(&[None, Some(true), Some(false)]),
                    choice: rng.pick(&[
                        None,
                        Some(TreatChoice::Mitigate),
                        Some(TreatChoice::Transfer),
                        Some(TreatChoice::Avoid),
                        Some(TreatChoice::Accept),
                    ]),
                    rationale: random_text(rng, cap(20)),
                },
            );
        }
    }
    if rng.chance(30) {
        let mut point = ReviewPoint {
            date: loop {
                let d = random_date(rng);
                if !d.is_empty() && aixa::core::date::Date::parse(&d).is_some() {
                    break d;
                }
            },
            by: random_text(rng, cap(10)),
            ..ReviewPoint::default()
        };
        for t in c.threats {
            if rng.chance(50) {
                point.in_scope.push(t.id.to_string());
                if rng.chance(50) {
                    point
                        .residual
                        .insert(t.id.to_string(), 1 + rng.below(25) as u8);
                }
            }
        }
        for k in c.controls {
            if rng.chance(30) {
                point
                    .controls
                    .insert(k.id.to_string(), rng.pick(&ControlStatus::ALL));
            }
        }
        a.reviewed = Some(point);
    }
    a.validate().expect("the generator makes valid assessments");
    a
}

#[test]
fn random_assessments_round_trip() {
    let start = Instant::now();
    let mut rng = Rng(0x00c0_ffee);
    let (mut total, mut longest) = (0, 0);
    for _ in 0..2000 {
        let a = random_assessment(&mut rng, usize::MAX);
        let n = round_trip(&a).len();
        total += n;
        longest = longest.max(n);
    }
    eprintln!(
        "2,000 random assessments: mean {} characters, longest {longest}, in {:?}",
        total / 2000,
        start.elapsed()
    );
}

// ------------------------------------------------------------ hostile links

/// Writes bits as the codec does, to build hostile bodies.
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    used: u32,
}

impl Bits {
    fn push(&mut self, n: u32, v: u64) {
        for i in (0..n).rev() {
            if self.used == 0 {
                self.out.push(0);
            }
            if (v >> i) & 1 == 1 {
                *self.out.last_mut().expect("a byte") |= 0x80 >> self.used;
            }
            self.used = (self.used + 1) % 8;
        }
    }

    /// A varint of `k`-bit groups, each followed by a "more" bit.
    fn varint(&mut self, mut v: u64, k: u32) {
        loop {
            self.push(k, v & ((1 << k) - 1));
            v >>= k;
            self.push(1, u64::from(v != 0));
            if v == 0 {
                return;
            }
        }
    }

    /// The bits of an empty answer set and an empty date dictionary.
    fn empty_prefix(catalog: &Catalog) -> Bits {
        let mut b = Bits::default();
        for q in catalog.questions {
            match q.kind {
                QuestionKind::YesNo => b.push(2, 0),
                QuestionKind::Components(_) => b.push(1, 0),
            }
        }
        b.varint(0, 4);
        b
    }

    fn payload(self, head: u8, edition: &str) -> String {
        let mut bytes = vec![head, edition.len() as u8];
        bytes.extend_from_slice(edition.as_bytes());
        bytes.extend_from_slice(&self.out);
        to_base64url(&bytes)
    }
}

fn decode_err(payload: &str) -> DecodeError {
    match decode(payload, "x".into(), NOW) {
        Ok(a) => panic!("decoded {payload} to {}", a.to_json()),
        Err(e) => e,
    }
}

#[test]
fn every_prefix_of_a_link_fails_cleanly() {
    let mut rng = Rng(3);
    let mut noted = complete(&mut rng, Spread::Realistic);
    for plan in noted.controls.values_mut() {
        plan.notes = "Some words that compress well, some words that compress well.".into();
    }
    for a in [fixture(), complete(&mut rng, Spread::Random), noted] {
        let payload = encode(&a);
        for end in 0..payload.len() {
            let e = decode_err(&payload[..end]);
            assert!(
                matches!(
                    e,
                    DecodeError::Empty
                        | DecodeError::Truncated
                        | DecodeError::NotBase64
                        | DecodeError::Malformed(_)
                        | DecodeError::Corrupt
                ),
                "prefix {end}: {e:?}"
            );
        }
    }
}

#[test]
fn errors_name_what_is_wrong_in_one_line() {
    let c = catalog();
    let ok = encode(&fixture());
    let cases: Vec<(String, DecodeError)> = vec![
        (String::new(), DecodeError::Empty),
        ("A".repeat(MAX_LINK_CHARS + 1), DecodeError::TooLong),
        (format!("{ok}="), DecodeError::NotBase64),
        (ok.replace(&ok[5..6], "+"), DecodeError::NotBase64),
        // Cut short at whole groups of base64url, so only the cut is wrong.
        (
            ok[..(ok.len() - 9) / 4 * 4].to_string(),
            DecodeError::Truncated,
        ),
        (to_base64url(&[0x00, 1, b'x']), DecodeError::NotALink),
        (
            Bits::default().payload(0x06, "2024-01"),
            DecodeError::NewerVersion(6),
        ),
        (
            Bits::default().payload(0x81, "2099-01"),
            DecodeError::UnknownEdition("2099-01".into()),
        ),
        (
            to_base64url(&[
                0x81, 7, b'2', b'0', b'2', b'4', b'-', b'0', b'1', 0xff, 0xff,
            ]),
            DecodeError::Corrupt,
        ),
    ];
    // An override of threat 31 when there are fewer.
    let mut b = Bits::empty_prefix(c);
    b.push(2, 3);
    b.varint(1, 3);
    b.push(5, 31);
    assert!(c.threats.len() < 32);
    let mut cases = cases;
    cases.push((b.payload(0x01, c.edition), DecodeError::OutsideCatalog));
    // Everything empty, then a text in a slot past the last control.
    let mut b = Bits::empty_prefix(c);
    b.push(12, 0);
    b.used = 0;
    b.out.extend_from_slice(&[1 << 1]); // one text
    b.varint(10_000, 7);
    b.varint(1, 7);
    b.push(8, u64::from(b'x'));
    cases.push((b.payload(0x01, c.edition), DecodeError::OutsideCatalog));
    // Everything empty, no text: the name is missing.
    let mut b = Bits::empty_prefix(c);
    b.push(12, 0);
    b.used = 0;
    b.varint(0, 7);
    let no_name = b.payload(0x01, c.edition);
    assert!(matches!(decode_err(&no_name), DecodeError::Invalid(m) if m.contains("name")));

    for (payload, expected) in cases {
        let e = decode_err(&payload);
        assert_eq!(e, expected, "{payload}");
        let line = e.to_string();
        assert!(
            !line.contains('\n') && line.starts_with("the link "),
            "{line}"
        );
    }
    assert_eq!(DecodeError::Truncated.to_string(), "the link is cut short");
    assert_eq!(
        DecodeError::NotBase64.to_string(),
        "the link is not base64url"
    );
    assert!(DecodeError::NewerVersion(2)
        .to_string()
        .starts_with("the link is from a newer version of aixa"));
    assert!(DecodeError::UnknownEdition("1999-01".into())
        .to_string()
        .starts_with("the link is from the catalog edition \"1999-01\", which this version"));
    assert_eq!(
        DecodeError::OutsideCatalog.to_string(),
        "the link holds an index outside the catalog"
    );
}

#[test]
fn a_link_claiming_a_huge_length_or_a_deflate_bomb_is_refused() {
    let c = catalog();
    let mut a = Assessment::new(c, "e".into(), "x".into(), NOW);
    a.updated.clear();
    a.created.clear();
    a.tool.clear();
    let bytes = from_base64url(&encode(&a)).expect("base64url");
    // Uncompressed; the texts end the body: two texts, the name "x" in slot
    // 0 and the record "e" (the id alone) in its slot (format 5).
    assert_eq!(bytes[0], 0x05);
    let (threats, controls) = (c.threats.len(), c.controls.len());
    let record = (1 + 9 * threats + 4 * controls) + 5 + threats + controls + threats + 3;
    let mut texts = Bits::default();
    for (v, k) in [(2, 7), (0, 7), (1, 7), (u64::from(b'x'), 0)] {
        if k == 0 {
            texts.push(8, v);
        } else {
            texts.varint(v, k);
        }
    }
    texts.varint(record as u64 - 1, 7);
    texts.varint(1, 7);
    texts.push(8, u64::from(b'e'));
    assert!(bytes.ends_with(&texts.out));
    let body = &bytes[..bytes.len() - texts.out.len()];
    // Seven groups of 0x7f: a length of 2^49 - 1, then a count that large.
    let huge = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe];
    let length = [body, &[1 << 1, 0], &huge, b"x"].concat();
    let count = [body, &huge, &[0, 1 << 1], b"x"].concat();
    let overflow = [body, &[1 << 1, 0], &[0xff; 12], b"x"].concat();
    for (bytes, expected) in [
        (length, DecodeError::Truncated),
        (count, DecodeError::Truncated),
        (overflow, DecodeError::Malformed("a number is too large")),
    ] {
        // Refused by what it claims, before anything that size is read or
        // allocated. How fast is the bench's business, not a test's.
        assert_eq!(decode_err(&to_base64url(&bytes)), expected);
    }

    // A deflate bomb: a few KB that would unpack to megabytes.
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![0u8; 4 << 20], 10);
    let mut bytes = vec![0x81, 7];
    bytes.extend_from_slice(c.edition.as_bytes());
    bytes.extend_from_slice(&bomb);
    let payload = to_base64url(&bytes);
    assert!(payload.len() <= MAX_LINK_CHARS, "{}", payload.len());
    // Inflating stops at the body limit, so the bomb never unpacks.
    assert_eq!(decode_err(&payload), DecodeError::TooLarge);
}

fn kind(e: &DecodeError) -> &'static str {
    match e {
        DecodeError::Empty => "Empty",
        DecodeError::TooLong => "TooLong",
        DecodeError::NotBase64 => "NotBase64",
        DecodeError::Truncated => "Truncated",
        DecodeError::NotALink => "NotALink",
        DecodeError::NewerVersion(_) => "NewerVersion",
        DecodeError::UnknownEdition(_) => "UnknownEdition",
        DecodeError::Corrupt => "Corrupt",
        DecodeError::TooLarge => "TooLarge",
        DecodeError::OutsideCatalog => "OutsideCatalog",
        DecodeError::Malformed(_) => "Malformed",
        DecodeError::Invalid(_) => "Invalid",
    }
}

#[test]
fn a_million_random_and_mutated_links_never_panic() {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let start = Instant::now();
    let mut rng = Rng(0xf022_f022);
    let mut seeds: Vec<String> = vec![
        encode(&fixture()),
        encode(&complete(&mut rng, Spread::Realistic)),
        encode(&Assessment::new(catalog(), "e".into(), "e".into(), NOW)),
    ];
    let mut noted = fixture();
    for plan in noted.controls.values_mut() {
        plan.notes = "Reviewed quarterly; reviewed quarterly; see the runbook.".into();
    }
    seeds.push(encode(&noted));
    // Short seeds keep the loop fast in a debug build.
    while seeds.len() < 12 {
        let p = encode(&random_assessment(&mut rng, 0));
        if p.len() <= 300 {
            seeds.push(p);
        }
    }
    let lengths: Vec<usize> = seeds.iter().map(String::len).collect();
    let header: Vec<u8> = [&[0x01u8, 7][..], catalog().edition.as_bytes()].concat();
    let (mut ok, mut errors) = (0u32, std::collections::BTreeMap::new());
    for i in 0..1_000_000u32 {
        let payload = match i % 4 {
            // Random bytes, half of them behind a valid header.
            0 => {
                let mut bytes = Vec::new();
                if rng.chance(50) {
                    bytes.extend_from_slice(&header);
                    if rng.chance(30) {
                        bytes[0] |= 0x80;
                    }
                }
                let n = rng.below(48);
                bytes.extend((0..n).map(|_| rng.next() as u8));
                to_base64url(&bytes)
            }
            // Random base64url text, now and then with a foreign character.
            1 => {
                let n = rng.below(64);
                (0..n)
                    .map(|_| {
                        if rng.chance(1) {
                            char::from(rng.pick(b"=+/ .#%\n\xe9"))
                        } else {
                            char::from(rng.pick(ALPHABET))
                        }
                    })
                    .collect()
            }
            // A valid link with a few characters changed, added or removed.
            _ => {
                let mut p = seeds[rng.below(seeds.len())].clone().into_bytes();
                for _ in 0..1 + rng.below(3) {
                    let at = rng.below(p.len().max(1));
                    match rng.below(5) {
                        0 | 1 if !p.is_empty() => p[at] = rng.pick(ALPHABET),
                        2 => p.insert(at.min(p.len()), rng.pick(ALPHABET)),
                        3 if !p.is_empty() => {
                            p.remove(at);
                        }
                        _ => p.truncate(at),
                    }
                }
                String::from_utf8(p).expect("ASCII")
            }
        };
        match decode(&payload, "f".into(), NOW) {
            Ok(a) => {
                a.validate().expect("a decoded assessment is valid");
                ok += 1;
            }
            Err(e) => {
                *errors.entry(kind(&e)).or_insert(0u32) += 1;
            }
        }
    }
    eprintln!(
        "1,000,000 decodes in {:?} (seeds of {lengths:?} characters): {ok} decoded, errors {errors:?}",
        start.elapsed()
    );
}

#[test]
fn a_share_link_is_offered_only_within_the_length_limit() {
    let a = empty();
    assert_eq!(
        aixa::core::codec::share_link("https://x.test/#/a", &a),
        Ok(link("https://x.test/#/a", &a))
    );
    let mut b = empty();
    let mut noise = Rng(5);
    b.name = (0..MAX_LINK_CHARS)
        .map(|_| char::from(b'!' + noise.below(94) as u8))
        .collect();
    let long = link("https://x.test/", &b);
    assert!(long.len() > MAX_LINK_CHARS);
    assert_eq!(
        aixa::core::codec::share_link("https://x.test/", &b),
        Err(long.len())
    );
}

#[test]
fn the_assessments_details_travel_in_a_link() {
    let mut a = fixture();
    a.details.description = "Support chatbot over the help centre".into();
    a.details.scope = "The chat service; not the ticketing system".into();
    a.details.assessor = "A. Architect".into();
    a.details.version = "2.3".into();
    round_trip(&a);
}

/// The 2026-08 agent with RAG (the golden file's profile), every threat in
/// scope decided through all ten steps, with no free text but the name, and
/// a review recorded: the link stays within the 300-character budget.
#[test]
fn a_complete_2026_assessment_without_free_text_fits_300_characters() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/files/agent-2026.aixa.json");
    let golden = Assessment::from_json(&std::fs::read_to_string(path).expect("the golden file"))
        .expect("it loads");
    let c = golden.catalog();
    assert_eq!(c.edition, "2026-08");
    let mut longest = 0;
    for seed in 1..=50 {
        let mut rng = Rng(seed);
        let mut a = complete_from(&golden, &mut rng, Spread::Realistic).expect("valid");
        a.reviewed = Some(aixa::core::review::snapshot(&a, &date(330), ""));
        a.validate().expect("valid");
        if seed == 1 {
            assert!(
                a.treatment.len() >= 15 && a.controls.len() >= 30,
                "{} {}",
                a.treatment.len(),
                a.controls.len()
            );
        }
        longest = longest.max(round_trip(&a).len());
    }
    eprintln!("complete 2026-08 without text, reviewed: longest of 50 seeds {longest} characters");
    assert!(longest <= 300, "{longest} characters");
}

/// An upgraded assessment keeps, in its history, the decisions the upgrade
/// did not carry: a copy made from its link keeps them too.
#[test]
fn an_upgraded_assessments_history_travels_in_its_link() {
    let old = fixture();
    let to = aixa::core::edition::Edition::find("2026-08").expect("2026-08");
    let (a, _) = aixa::core::upgrade::upgrade(&old, to, "u".into(), NOW).expect("upgrades");
    assert!(!a.history.is_empty());
    let back = decode(&encode(&a), "v".into(), NOW).expect("decodes");
    assert_eq!(back.history, a.history);
    assert_eq!(back.treatment, a.treatment);
}
