//! Share-link lengths of the share-link issue's three reference assessments,
//! against base64 of their JSON export, the link they would need without the
//! codec. Prints one JSON object on one line, which scripts/bench reads:
//!
//! `{"links":[{"name":"min","what":"…","link":N,"base64_json":N,"ratio":R},…]}`
//!
//! The assessments and the measure are those of tests/codec.rs, so these
//! figures and the ones its tests print cannot drift apart.

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/common/mod.rs"]
mod common;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // With the feature, the catalog is 20 times its size: the typical
    // assessment would fill in 20 times the threats and controls.
    if cfg!(feature = "bench-20x") {
        eprintln!("benches/links: build it without the bench-20x feature");
        std::process::exit(2);
    }
    match measure() {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("benches/links: {e}");
            std::process::exit(1);
        }
    }
}

// The bench needs the file system and the native test helpers; clippy still
// checks every target for wasm32.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn measure() -> Result<String, String> {
    use aixa::core::codec::{encode, to_base64url};
    use common::reference::{complete_from, empty, load_fixture, typical};
    use serde_json::Value;

    let fixture = load_fixture()?;
    let (mut rng, spread) = typical();
    let complete = complete_from(&fixture, &mut rng, spread)?;
    let references = [
        ("min", "new and empty".to_string(), empty()),
        ("typical", "complete, no free text".to_string(), complete),
        (
            "max",
            "the RAG + LLM fixture, with its notes".to_string(),
            fixture,
        ),
    ];

    let rows: Vec<String> = references
        .iter()
        .map(|(name, what, a)| {
            let link = encode(a).len();
            // The compact export, as tests/codec.rs measures it.
            let base64_json = to_base64url(a.to_json().as_bytes()).len();
            let ratio = link as f64 / base64_json as f64;
            // Written by hand to keep the documented key order; serde_json
            // would sort the keys.
            format!(
                r#"{{"name":{},"what":{},"link":{link},"base64_json":{base64_json},"ratio":{ratio:.3}}}"#,
                Value::from(*name),
                Value::from(what.as_str()),
            )
        })
        .collect();
    Ok(format!(r#"{{"links":[{}]}}"#, rows.join(",")))
}
