//! Fuzzing without a nightly toolchain: a deterministic mutation fuzzer over
//! the committed seed corpus in tests/fuzz-corpus, for the two parsers that
//! take untrusted input: JSON import and share-link decoding. Neither may
//! ever panic; nor may the CLI's answers parser. (cargo-fuzz needs nightly, which this project's machines lack;
//! this runs in every `cargo test`.)

mod common;

use aixa::core::answers::Answers;
use aixa::core::assessment::Assessment;
use aixa::core::catalog::Catalog;
use aixa::core::codec;
use common::Rng;
use std::path::Path;

fn corpus(kind: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-corpus")
        .join(kind);
    let mut seeds: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .map(|e| std::fs::read(e.expect("entry").path()).expect("seed"))
        .map(|mut s| {
            while s.last().is_some_and(u8::is_ascii_whitespace) {
                s.pop();
            }
            s
        })
        .collect();
    seeds.sort();
    assert!(seeds.len() >= 3, "{kind}: the corpus needs seeds");
    seeds
}

/// One to four random edits: flip, insert, delete, duplicate a span,
/// splice from another seed, or truncate. `alphabet` biases inserted bytes
/// toward what the parser expects.
fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], alphabet: &[u8]) -> Vec<u8> {
    let mut input = seeds[rng.below(seeds.len())].clone();
    for _ in 0..=rng.below(4) {
        let at = rng.below(input.len() + 1);
        match rng.below(6) {
            0 if !input.is_empty() => {
                let i = at.min(input.len() - 1);
                input[i] ^= 1 << rng.below(8);
            }
            1 => input.insert(at, alphabet[rng.below(alphabet.len())]),
            2 if at < input.len() => {
                input.remove(at);
            }
            3 => {
                let end = (at + rng.below(16)).min(input.len());
                let span = input[at..end].to_vec();
                input.splice(at..at, span);
            }
            4 => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len());
                let end = (from + rng.below(32)).min(other.len());
                input.splice(at..at, other[from..end].iter().copied());
            }
            _ => input.truncate(at),
        }
    }
    input
}

#[test]
fn json_import_never_panics_on_a_million_inputs() {
    let seeds = corpus("import");
    for seed in &seeds {
        let text = std::str::from_utf8(seed).expect("utf-8 seed");
        Assessment::from_json(text).expect("every seed is a valid assessment");
    }
    let alphabet = br#"{}[]":,0123456789-.truefalsnl \u00e9"#;
    let mut rng = Rng(0x5eed_a1c5);
    let (mut accepted, mut refused) = (0usize, 0usize);
    for _ in 0..1_000_000 {
        let input = mutate(&mut rng, &seeds, alphabet);
        let text = String::from_utf8_lossy(&input);
        match Assessment::from_json(&text) {
            Ok(a) => {
                accepted += 1;
                // Whatever is accepted is valid and re-exports losslessly.
                assert_eq!(Assessment::from_json(&a.to_json()).as_ref(), Ok(&a));
            }
            Err(e) => {
                refused += 1;
                // Each refusal says which kind of problem it is, in one line,
                // as the import message and the CLI print it.
                let message = e.to_string();
                assert!(!message.contains('\n'), "{message}");
                assert!(
                    [
                        "it is not valid JSON (",
                        "it was written by a newer version of aixa",
                        "it has no schema version this version knows",
                        "it uses the catalog edition",
                        "it is not a valid assessment: ",
                    ]
                    .iter()
                    .any(|kind| message.starts_with(kind)),
                    "an unexplained refusal: {message}"
                );
            }
        }
    }
    eprintln!("json import: {accepted} accepted, {refused} refused");
    assert!(accepted > 0 && refused > 0);
}

#[test]
fn share_decoding_never_panics_on_the_corpus_mutated() {
    let seeds = corpus("share");
    for seed in &seeds {
        let text = std::str::from_utf8(seed).expect("utf-8 seed");
        codec::decode(text, "x".into(), "").expect("every seed decodes");
    }
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut rng = Rng(0x0dec_0de5);
    for _ in 0..200_000 {
        let input = mutate(&mut rng, &seeds, alphabet);
        let text = String::from_utf8_lossy(&input);
        match codec::decode(&text, "x".into(), "") {
            // Whatever a link opens as, it shares again as itself, the copy
            // naming the record shared as its origin.
            Ok(a) => {
                let again = codec::decode(&codec::encode(&a), "x".into(), "");
                let mut expected = a.clone();
                if expected.origin.is_empty() {
                    expected.origin.clone_from(&expected.id);
                }
                assert_eq!(again.as_ref(), Ok(&expected), "{text}");
            }
            Err(e) => assert!(!e.to_string().contains('\n'), "{e}"),
        }
    }
}

#[test]
fn the_answers_parser_never_panics_on_a_million_inputs() {
    let catalog = Catalog::by_edition("2024-01").expect("embedded");
    let seeds = corpus("answers");
    for seed in &seeds {
        let text = std::str::from_utf8(seed).expect("utf-8 seed");
        Answers::from_json(catalog, text).expect("every seed is valid");
    }
    let alphabet = br#"{}[]":,truefalsnl ragtrainshosted_model"#;
    let mut rng = Rng(0x0a45_3e25);
    let mut refused = 0usize;
    for _ in 0..1_000_000 {
        let input = mutate(&mut rng, &seeds, alphabet);
        match Answers::from_json(catalog, &String::from_utf8_lossy(&input)) {
            Ok(a) => a.validate(catalog).expect("accepted answers are valid"),
            Err(e) => {
                refused += 1;
                // Every refusal is one line, as the CLI prints it.
                assert!(!e.to_string().contains('\n'), "{e}");
            }
        }
    }
    assert!(refused > 0);
}
