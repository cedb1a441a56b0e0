//! catalog/2026-08/lineage.toml: what build.rs compiles in, and what its
//! check refuses, on broken copies of the real file.
#![cfg(not(target_arch = "wasm32"))]

use aixa::core::lineage::{Carry, Lineage, Relation};
use aixa::core::source::lineage::{parse_lineage, LINEAGE_FILE};
use aixa::core::source::{self, Edition};
use std::path::Path;

fn load(id: &str) -> Edition {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("catalog")
        .join(id);
    source::load_dir(&dir).unwrap_or_else(|e| panic!("{id}: {e:?}"))
}

fn text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("catalog/2026-08")
        .join(LINEAGE_FILE);
    std::fs::read_to_string(path).expect("lineage.toml")
}

/// The problems found in the real file after `edit`, one line each.
fn problems(edit: impl Fn(String) -> String) -> Vec<String> {
    let editions = [load("2024-01"), load("2026-08")];
    let edited = edit(text());
    match parse_lineage("lineage.toml", &edited, &editions[1], &editions) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

/// Replaces `old` (which must occur) with `new`.
fn swap(old: &'static str, new: &'static str) -> impl Fn(String) -> String {
    move |t: String| {
        assert!(t.contains(old), "{old:?} is not in the file");
        t.replacen(old, new, 1)
    }
}

fn assert_refused(found: &[String], want: &[&str]) {
    assert!(!found.is_empty(), "accepted, but should fail with {want:?}");
    for w in want {
        assert!(
            found.iter().any(|p| p.contains(w)),
            "{w:?} missing from {found:#?}"
        );
    }
}

#[test]
fn the_file_passes_and_is_what_the_build_compiled_in() {
    assert_eq!(problems(|t| t), Vec::<String>::new());
    let l = Lineage::between("2024-01", "2026-08").expect("compiled in");
    assert_eq!(Lineage::all().len(), 1);
    assert_eq!(
        (l.threats.len(), l.controls.len(), l.questions.len()),
        (25, 52, 8)
    );
    assert_eq!(
        (
            l.new_threats.len(),
            l.new_controls.len(),
            l.new_questions.len()
        ),
        (6, 5, 9)
    );
    let split = l.threat("closedboxevasion").expect("step");
    assert_eq!(split.relation, Relation::Split);
    assert_eq!(split.carry, Carry::Suggest);
    assert_eq!(split.to, ["zeroknowledgeevasion", "transferattack"]);
    let removed = l.control("FILTERSENSITIVETRAINDATA").expect("step");
    assert_eq!(
        (removed.relation, removed.carry),
        (Relation::Removed, Carry::None)
    );
    assert_eq!(removed.also, ["DATAMINIMIZE"]);
    assert!(l.question("llm").is_some_and(|q| q.carry == Carry::None));
}

#[test]
fn every_old_id_must_appear_exactly_once() {
    assert_refused(
        &problems(swap("from = \"devcodeleak\"", "from = \"devleak\"")),
        &[
            "threat 'devleak': appears more than once",
            "threat 'devcodeleak': the threat of edition 2024-01 has no [[threat]] entry",
        ],
    );
    assert_refused(
        &problems(swap("from = \"RATELIMIT\"", "from = \"RATELIMITS\"")),
        &["control 'RATELIMITS': is not a control of edition 2024-01"],
    );
    assert_refused(
        &problems(swap(
            "from = \"AITRANSPARENCY\"",
            "from = \"AITRANSPRENCY\"",
        )),
        &["'AITRANSPRENCY': is an alias in edition 2024-01"],
    );
    assert_refused(
        &problems(swap("from = \"llm\"", "from = \"lm\"")),
        &["question 'lm': is not a question", "question 'llm'"],
    );
}

#[test]
fn every_successor_must_exist_under_its_own_id() {
    assert_refused(
        &problems(swap(
            "to = [\"runtimemodelleak\"]",
            "to = [\"runtimemodeltheft\"]",
        )),
        &["'runtimemodeltheft' is an alias in edition 2026-08"],
    );
    assert_refused(
        &problems(swap(
            "also = [\"DATAMINIMIZE\"]",
            "also = [\"DATAMINIMISE\"]",
        )),
        &["'DATAMINIMISE' is not a control of edition 2026-08"],
    );
}

#[test]
fn relations_must_agree_with_their_successors() {
    // A split into one.
    assert_refused(
        &problems(swap(
            "to = [\"zeroknowledgeevasion\", \"transferattack\"]",
            "to = [\"zeroknowledgeevasion\"]",
        )),
        &["`split` needs two or more successors, not 1"],
    );
    // A removed item with a successor, or carrying something.
    assert_refused(
        &problems(swap(
            "from = \"ADDTRAINNOISE\"\nto = []",
            "from = \"ADDTRAINNOISE\"\nto = [\"OBFUSCATETRAININGDATA\"]",
        )),
        &["`removed` takes no successor"],
    );
    assert_refused(
        &problems(swap(
            "relation = \"removed\"\ncarry = \"none\"",
            "relation = \"removed\"\ncarry = \"suggest\"",
        )),
        &["a removed item has nothing to carry to"],
    );
    // A merge of one: the other half says `same`.
    assert_refused(
        &problems(swap(
            "from = \"DEVSECURITY\"\nto = [\"DEVSECURITY\"]\nrelation = \"merged\"",
            "from = \"DEVSECURITY\"\nto = [\"DEVSECURITY\"]\nrelation = \"same\"",
        )),
        &[
            "control 'DEVSECURITY': is the successor of DEVDATAPROTECT, DEVSECURITY",
            "`merged` needs every old item that goes into it to say `merged`",
        ],
    );
    // Split, merged and broadened items need a person.
    assert_refused(
        &problems(swap(
            "relation = \"broadened\"\ncarry = \"suggest\"",
            "relation = \"broadened\"\ncarry = \"all\"",
        )),
        &["a broadened item needs a person: `carry = \"suggest\"`"],
    );
    // And a reason for the review.
    assert_refused(
        &problems(|t| {
            let at = t.find("from = \"insecureoutput\"").expect("entry");
            let note = at + t[at..].find("note = ").expect("note");
            let end = note + t[note..].find('\n').expect("line end");
            format!("{}{}", &t[..note], &t[end + 1..])
        }),
        &["threat 'insecureoutput': needs a `note`"],
    );
}

#[test]
fn same_moved_and_renamed_are_checked_against_both_catalogs() {
    assert_refused(
        &problems(swap(
            "from = \"evasion\"\nto = [\"evasion\"]\nrelation = \"renamed\"",
            "from = \"evasion\"\nto = [\"evasion\"]\nrelation = \"same\"",
        )),
        &["threat 'evasion': is not the same in both editions (evasion 2.1 \"Evasion - Model behaviour manipulation through use\" → evasion 2.1 \"Evasion\")"],
    );
    assert_refused(
        &problems(swap(
            "from = \"devleak\"\nto = [\"devleak\"]\nrelation = \"same\"",
            "from = \"devleak\"\nto = [\"devleak\"]\nrelation = \"moved\"",
        )),
        &["threat 'devleak': has not moved"],
    );
    assert_refused(
        &problems(swap(
            "from = \"SMALLMODEL\"\nto = [\"SMALLMODEL\"]\nrelation = \"moved\"",
            "from = \"SMALLMODEL\"\nto = [\"SMALLMODEL\"]\nrelation = \"same\"",
        )),
        &["control 'SMALLMODEL': is not the same in both editions (SMALLMODEL 2.2.2 → SMALLMODEL 2.3.2)"],
    );
    assert_refused(
        &problems(swap(
            "from = \"devcodeleak\"\nto = [\"devcodeleak\"]\nrelation = \"same\"",
            "from = \"devcodeleak\"\nto = [\"devcodeleak\"]\nrelation = \"renamed\"",
        )),
        &["threat 'devcodeleak': keeps its id and name"],
    );
    // The section's own group is the same place: "2" then, "2.0" now.
    assert_eq!(problems(|t| t), Vec::<String>::new());
}

#[test]
fn new_items_must_be_exactly_those_nobody_succeeds() {
    assert_refused(
        &problems(swap("  \"agentescape\",\n", "")),
        &["threat 'agentescape': of edition 2026-08 is nobody's successor; list it under [new] threats"],
    );
    assert_refused(
        &problems(swap("  \"AGENTSANDBOXING\",\n", "  \"AGENTSANDBOXING\",\n  \"DEVSECURITY\",\n")),
        &["[new] control 'DEVSECURITY': is the successor of DEVDATAPROTECT, DEVSECURITY, so not new"],
    );
    assert_refused(
        &problems(swap("  \"sends_data_out\",\n", "")),
        &["question 'sends_data_out': of edition 2026-08 gets no old answer"],
    );
}

#[test]
fn an_answer_goes_only_where_it_fits() {
    assert_refused(
        &problems(swap(
            "from = \"hosted\"\nto = [\"hosted\"]",
            "from = \"hosted\"\nto = [\"genai\"]",
        )),
        &["'genai' is another kind of question", "question 'hosted'"],
    );
    assert_refused(
        &problems(swap(
            "from = \"trains\"\nto = [\"trains\"]",
            "from = \"trains\"\nto = [\"trains\", \"supplied_model\"]",
        )),
        &["`carry = \"all\"` gives the answer to exactly one question, not 2"],
    );
    assert_refused(
        &problems(swap("from = \"2024-01\"", "from = \"1999-01\"")),
        &["from = \"1999-01\" names no other edition under catalog/ (there are: 2024-01)"],
    );
}
