//! The rules table of the walking-skeleton issue, written out independently of
//! the catalog data, as the oracle for the engine and the CLI tests.
#![allow(dead_code)]

pub mod reference;

use aixa::core::answers::{Answers, Tri};
use aixa::core::catalog::Catalog;

pub const QUESTIONS: [&str; 7] = [
    "rag",
    "trains",
    "train_data_sensitive",
    "rag_data_sensitive",
    "genai",
    "llm",
    "input_sensitive",
];

/// `../shared/reference`, which must hold `aix-2024-01/` and `aix-2026-08/`.
/// A test that reads it fails, naming the path, when it is missing: it never
/// passes without having checked anything.
pub fn shared_reference() -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference");
    assert!(
        dir.join("aix-2024-01").is_dir() && dir.join("aix-2026-08").is_dir(),
        "the reference documents are missing: {} must hold aix-2024-01/ and aix-2026-08/; \
         this test checks the catalog against them and cannot pass without them",
        dir.display()
    );
    dir
}

pub fn catalog() -> &'static Catalog {
    Catalog::by_edition("2024-01").expect("the 2024-01 edition is embedded")
}

/// Answers from one value per question, in `QUESTIONS` order.
pub fn answers(values: [Tri; 7]) -> Answers {
    let mut a = Answers::default();
    for (q, v) in QUESTIONS.iter().zip(values) {
        a.set(q, v);
    }
    a
}

/// The table, for fully answered profiles. Dependent questions count
/// as "no" when their parent is "no".
pub fn expected(v: [bool; 7]) -> Vec<(&'static str, bool)> {
    let [rag, trains, tds, rds, genai, llm, input] = v;
    let tds = trains && tds;
    let rds = rag && rds;
    let llm = genai && llm;
    let evasion_children = [!genai, !genai, !genai];
    let disclosure_children = [tds || rds, !genai && trains && tds];
    let poison_children = [trains || rag, trains, true];
    let leak_children = [tds || rds, trains, trains];
    vec![
        ("evasion", !genai),
        ("closedboxevasion", evasion_children[0]),
        ("openboxevasion", evasion_children[1]),
        ("evasionafterpoison", evasion_children[2]),
        ("disclosureuse", disclosure_children.iter().any(|x| *x)),
        ("disclosureinoutput", disclosure_children[0]),
        ("modelinversionandmembership", disclosure_children[1]),
        ("modeltheftuse", trains),
        ("failureuse", true),
        ("denialmodelservice", true),
        ("modelpoison", poison_children.iter().any(|x| *x)),
        ("datapoison", poison_children[0]),
        ("devmodelpoison", poison_children[1]),
        ("transferlearningattack", poison_children[2]),
        ("devleak", leak_children.iter().any(|x| *x)),
        ("devdataleak", leak_children[0]),
        ("devmodelleak", leak_children[1]),
        ("devcodeleak", leak_children[2]),
        ("genericsecthreats", true),
        ("runtimemodelpoison", true),
        ("runtimemodeltheft", trains),
        ("insecureoutput", genai && llm),
        ("directpromptinjection", genai && llm),
        ("indirectpromptinjection", genai && llm),
        ("inputdataleak", input || rds),
    ]
}

pub fn bits(n: u32) -> [bool; 7] {
    std::array::from_fn(|i| n & (1 << i) != 0)
}

/// xorshift64*: deterministic, no dependency; for fuzzing and random cases.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[self.below(from.len())]
    }
}

/// A minimal RFC 4180 reader, to check what a spreadsheet would see.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}
