//! Exported JSON is indented exactly as serde_json would indent it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use aixa::core::assessment::Assessment;
use aixa::core::pretty::pretty;
use common::reference::{complete, fixture, Spread};
use common::Rng;

fn serde_pretty(a: &Assessment) -> String {
    serde_json::to_string_pretty(a).expect("serialises")
}

#[test]
fn exports_are_indented_as_serde_json_indents_them() {
    let a = fixture();
    assert_eq!(a.to_json_pretty(), serde_pretty(&a));
    let mut rng = Rng(0x0070_7265);
    for _ in 0..200 {
        let a = complete(&mut rng, Spread::Realistic);
        assert_eq!(a.to_json_pretty(), serde_pretty(&a));
    }
}

#[test]
fn strings_with_json_punctuation_and_escapes_are_left_alone() {
    let mut a = fixture();
    a.name = r#"a "quoted" {name}, [with]: commas, \ and \"escapes\""#.into();
    assert_eq!(a.to_json_pretty(), serde_pretty(&a));
    assert_eq!(pretty(r#"{"a":{},"b":[],"c":[1,{"d":"e,f"}]}"#), "{\n  \"a\": {},\n  \"b\": [],\n  \"c\": [\n    1,\n    {\n      \"d\": \"e,f\"\n    }\n  ]\n}");
}
