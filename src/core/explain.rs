//! Plain-language reasons for verdicts, built from the user's own answers.

use super::answers::Tri;
use super::catalog::Catalog;
use super::engine::{Basis, Fact, Selection, ThreatVerdict, Verdict};

/// "a", "a and b", "a, b and c".
pub fn join_and(items: &[&str]) -> String {
    join_with(items, "and")
}

/// "a", "a or b", "a, b or c".
pub fn join_or(items: &[&str]) -> String {
    join_with(items, "or")
}

fn join_with(items: &[&str], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

pub fn fact_phrase(catalog: &Catalog, fact: &Fact) -> &'static str {
    let q = &catalog.questions[fact.question];
    match fact.value {
        Tri::Yes => q.yes,
        Tri::No => q.no,
        Tri::Unknown => q.unknown,
    }
}

/// The reasons for one verdict. The first sentence always states the verdict
/// and what decided it.
pub fn reasons(selection: &Selection, verdict: &ThreatVerdict) -> Vec<String> {
    let catalog = selection.catalog;
    let threat = &catalog.threats[verdict.threat];
    let so = match verdict.verdict {
        Verdict::Applicable => threat.so_applicable,
        Verdict::NotApplicable => threat.so_not_applicable,
        Verdict::Unknown => None,
    };
    let with_so = |because: String| match so {
        Some(s) => format!("{because}, so {s}."),
        None => format!("{because}."),
    };

    match (&verdict.basis, verdict.verdict) {
        (Basis::Always, _) => vec![match so {
            Some(s) => format!("Applicable whatever your answers: {s}."),
            None => "Applicable whatever your answers: every AI system faces this threat.".into(),
        }],
        (Basis::Answers(facts), Verdict::Unknown) => {
            let open: Vec<&str> = facts.iter().map(|f| fact_phrase(catalog, f)).collect();
            vec![
                format!("Unknown: not yet known {}.", join_or(&open)),
                "Kept in scope until answered, so that nothing is dropped unseen.".into(),
            ]
        }
        (Basis::Answers(facts), v) => {
            let phrases: Vec<&str> = facts.iter().map(|f| fact_phrase(catalog, f)).collect();
            vec![with_so(format!("{}: {}", v.label(), join_and(&phrases)))]
        }
        (Basis::Children(children), v) => {
            let names: Vec<&str> = children.iter().map(|c| catalog.threats[*c].name).collect();
            let listed = join_and(&names);
            vec![match v {
                Verdict::Applicable if names.len() == 1 => {
                    format!("Applicable: it covers {listed}, which applies.")
                }
                Verdict::Applicable => format!("Applicable: it covers {listed}, which apply."),
                Verdict::NotApplicable => {
                    "Not applicable: none of the threats it covers applies.".to_string()
                }
                Verdict::Unknown => format!(
                    "Unknown: it covers {listed}, not yet decided; kept in scope until answered."
                ),
            }]
        }
    }
}

/// The first sentence of a text: a control's purpose in one line.
pub fn first_sentence(text: &str) -> &str {
    text.find(". ").map_or(text, |end| &text[..=end])
}
