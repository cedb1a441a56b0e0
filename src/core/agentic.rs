//! The two agentic flags of the 2026-08 edition, computed from the system
//! profile: the "lethal trifecta" and the "rule of two". They are warnings
//! shown beside the verdicts, not threats: they change no verdict.
//!
//! Both combine three conditions, each an "or" over yes/no questions, in the
//! same three-valued logic as the rules (an open answer leaves a flag
//! unknown exactly where it could change it), and say which answers decided.
//!
//! - **Lethal trifecta** (overview, "Agentic AI overview", and step 1 of the
//!   risk analysis): an attacker's data reaches the model, the model or its
//!   agents can reach sensitive data, and they can send data out. Together
//!   they make data exfiltration possible. The text names two ways of
//!   sending out: an action that sends data (the decision tree), and output
//!   that other software renders, such as a link or image whose address
//!   carries the data (the RAG overview, and the decision tree's note on
//!   injecting exfiltration into output). Both count here, as the RAG
//!   overview says no actions are needed; untrusted data counts whether a
//!   user types it or the system inserts it.
//! - **Rule of two** (2.2, "Agentic Rule of Two"): an agent session should
//!   have no more than two of (A) processing untrustworthy input, (B)
//!   accessing sensitive systems or private data, (C) changing state or
//!   communicating externally; with all three, a person must oversee it.
//!   The flag holds ("yes") when all three do. Changing state or
//!   communicating is the model triggering actions; rendered output is not
//!   an action, so here, unlike the trifecta, it does not count.
//!
//! Sensitive data within reach is the model's input (which includes what is
//! retrieved into it) or the data the system adds to it. What the model
//! learned in training is left out: its leaks through output are the
//! threat "disclosure in model output", not an agent's reach.
//!
//! Editions without these questions (2024-01) get `None`.

use super::answers::{Answers, Tri};
use super::catalog::{Catalog, QuestionKind};
use super::engine::Fact;
use super::explain::{fact_phrase, join_and, join_or};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlagKind {
    LethalTrifecta,
    RuleOfTwo,
}

impl FlagKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::LethalTrifecta => "lethal_trifecta",
            FlagKind::RuleOfTwo => "rule_of_two",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FlagKind::LethalTrifecta => "Lethal trifecta",
            FlagKind::RuleOfTwo => "Rule of two",
        }
    }
}

/// One of a flag's three conditions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leg {
    /// What the condition is, in short words: "untrusted input".
    pub name: &'static str,
    pub value: Tri,
    /// The answers that decided it: the "yes" ones when it holds, all of
    /// them when it does not, the open ones when unknown.
    pub facts: Vec<Fact>,
}

/// A flag and what it rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    pub kind: FlagKind,
    /// Yes: all three conditions hold (the trifecta is there; more than two
    /// of the rule of two hold). No: at least one of them does not.
    pub value: Tri,
    pub legs: Vec<Leg>,
}

/// A condition: its name, and alternatives any of which makes it hold, each
/// a list of questions that must all be "yes". A dependent question comes
/// with its parent, as in the catalog's rules, so that a stale answer under
/// an open parent decides nothing.
struct Condition {
    name: &'static str,
    any_of: &'static [&'static [&'static str]],
}

const UNTRUSTED: Condition = Condition {
    name: "untrusted input",
    any_of: &[&["untrusted_input"], &["untrusted_data_in_prompt"]],
};
const SENSITIVE: Condition = Condition {
    name: "access to sensitive data",
    any_of: &[
        &["input_sensitive"],
        &["augments_input", "augmentation_sensitive"],
    ],
};
const SEND_OUT: Condition = Condition {
    name: "a way to send data out",
    any_of: &[&["triggers_actions", "sends_data_out"], &["text_output"]],
};
const ACTS: Condition = Condition {
    name: "changing state or communicating externally",
    any_of: &[&["triggers_actions"]],
};

/// The lethal trifecta for these answers, or `None` for an edition that
/// does not ask what it needs.
pub fn lethal_trifecta(catalog: &Catalog, answers: &Answers) -> Option<Flag> {
    flag(
        catalog,
        answers,
        FlagKind::LethalTrifecta,
        [&UNTRUSTED, &SENSITIVE, &SEND_OUT],
    )
}

/// The rule of two for these answers ("yes": all three hold, so the rule
/// is broken), or `None` for an edition that does not ask what it needs.
pub fn rule_of_two(catalog: &Catalog, answers: &Answers) -> Option<Flag> {
    flag(
        catalog,
        answers,
        FlagKind::RuleOfTwo,
        [&UNTRUSTED, &SENSITIVE, &ACTS],
    )
}

/// Both flags, or none for an edition without them.
pub fn flags(catalog: &Catalog, answers: &Answers) -> Vec<Flag> {
    [
        lethal_trifecta(catalog, answers),
        rule_of_two(catalog, answers),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn flag(
    catalog: &Catalog,
    answers: &Answers,
    kind: FlagKind,
    conditions: [&Condition; 3],
) -> Option<Flag> {
    let effective = answers.effective(catalog);
    let mut legs = Vec::with_capacity(3);
    for c in conditions {
        let mut alternatives = Vec::with_capacity(c.any_of.len());
        for all_of in c.any_of {
            let mut parts = Vec::with_capacity(all_of.len());
            for id in *all_of {
                let (index, q) = catalog.question(id)?;
                if !matches!(q.kind, QuestionKind::YesNo) {
                    return None;
                }
                let (value, source) = effective[index];
                parts.push(Fact {
                    question: source,
                    value,
                });
            }
            let parts = parts.into_iter().map(|f| (f.value, vec![f])).collect();
            alternatives.push(kleene(parts, Tri::No));
        }
        let (value, facts) = kleene(alternatives, Tri::Yes);
        legs.push(Leg {
            name: c.name,
            value,
            facts,
        });
    }
    let value = if legs.iter().any(|l| l.value == Tri::No) {
        Tri::No
    } else if legs.iter().all(|l| l.value == Tri::Yes) {
        Tri::Yes
    } else {
        Tri::Unknown
    };
    Some(Flag { kind, value, legs })
}

/// Kleene "and" (`decisive` = No) or "or" (`decisive` = Yes) over parts,
/// with the facts that decided it: the decisive parts' facts, else the open
/// parts' facts, else all of them.
fn kleene(results: Vec<(Tri, Vec<Fact>)>, decisive: Tri) -> (Tri, Vec<Fact>) {
    let gather = |want: Option<Tri>| -> Vec<Fact> {
        let mut out: Vec<Fact> = Vec::new();
        for f in results
            .iter()
            .filter(|(v, _)| want.is_none_or(|w| *v == w))
            .flat_map(|(_, f)| f)
        {
            if !out.iter().any(|o| o.question == f.question) {
                out.push(*f);
            }
        }
        out
    };
    if results.iter().any(|(v, _)| *v == decisive) {
        (decisive, gather(Some(decisive)))
    } else if results.iter().any(|(v, _)| *v == Tri::Unknown) {
        (Tri::Unknown, gather(Some(Tri::Unknown)))
    } else {
        (decisive.negate(), gather(None))
    }
}

impl Flag {
    /// The flag in one or two sentences, from the user's own answers.
    pub fn reason(&self, catalog: &Catalog) -> String {
        let phrases = |legs: &[&Leg]| -> Vec<&'static str> {
            let mut out: Vec<&'static str> = Vec::new();
            for f in legs.iter().flat_map(|l| &l.facts) {
                let p = fact_phrase(catalog, f);
                if !out.contains(&p) {
                    out.push(p);
                }
            }
            out
        };
        let with =
            |want: Tri| -> Vec<&Leg> { self.legs.iter().filter(|l| l.value == want).collect() };
        match (self.kind, self.value) {
            (FlagKind::LethalTrifecta, Tri::Yes) => format!(
                "Lethal trifecta: {}. Whoever can steer the model could make it send sensitive data to an attacker.",
                join_and(&phrases(&with(Tri::Yes)))
            ),
            (FlagKind::LethalTrifecta, Tri::No) => format!(
                "No lethal trifecta: {}.",
                join_and(&phrases(&with(Tri::No)))
            ),
            (FlagKind::RuleOfTwo, Tri::Yes) => format!(
                "Rule of two broken: {}. With untrusted input, sensitive data and actions all together, keep a person in the loop or remove one of them.",
                join_and(&phrases(&with(Tri::Yes)))
            ),
            (FlagKind::RuleOfTwo, Tri::No) => format!(
                "Within the rule of two: {}.",
                join_and(&phrases(&with(Tri::No)))
            ),
            (kind, _) => format!(
                "{}: not yet known {}.",
                kind.label(),
                join_or(&phrases(&with(Tri::Unknown)))
            ),
        }
    }
}
