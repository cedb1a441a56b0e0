//! Who handles each threat by default: the seed's step 2.
//!
//! A threat that concerns your own data (by its `ours_when` rule, such as
//! "you use RAG") is yours; a threat the model maker owns (by its
//! `maker_owns_when` rule, such as "you don't train") is the provider's; a
//! threat that lives in a component a provider hosts is shared with that
//! provider; anything else is yours.
//! Unknown answers never hand a threat away: they keep it yours.

use super::answers::{Answers, Tri};
use super::assessment::{Assessment, Party, Responsibility};
use super::catalog::{Catalog, QuestionKind};
use super::engine::eval_expr;
use super::explain::{fact_phrase, join_and};

pub const MODEL_MAKER: &str = "the model maker";
pub const HOSTING_PROVIDER: &str = "the hosting provider";

/// A default responsibility and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggested {
    pub responsibility: Responsibility,
    pub why: String,
}

/// The label of each component, from the components question.
fn component_label(catalog: &Catalog, id: &str) -> String {
    catalog
        .questions
        .iter()
        .find_map(|q| match q.kind {
            QuestionKind::Components(choices) => choices.iter().find(|c| c.id == id),
            QuestionKind::YesNo => None,
        })
        .map_or_else(|| id.to_string(), |c| c.label.to_ascii_lowercase())
}

/// The component ids a provider hosts, from the components question(s).
fn hosted(catalog: &Catalog, answers: &Answers) -> Vec<String> {
    catalog
        .questions
        .iter()
        .filter(|q| matches!(q.kind, QuestionKind::Components(_)))
        .flat_map(|q| answers.components(q.id).iter().cloned())
        .collect()
}

pub fn default_for(catalog: &Catalog, answers: &Answers, threat: usize) -> Suggested {
    let t = &catalog.threats[threat];
    // Your own data stays yours even on a hosted model: a provider does not
    // look after your RAG knowledge base or the data you develop with.
    if let Some(rule) = &t.ours_when {
        let (value, facts) = eval_expr(rule, catalog, answers);
        if value == Tri::Yes {
            let phrases: Vec<&str> = facts.iter().map(|f| fact_phrase(catalog, f)).collect();
            return Suggested {
                responsibility: Responsibility {
                    party: Party::Us,
                    provider: String::new(),
                },
                why: format!(
                    "Yours: {}, so the data this threat concerns is your own.",
                    join_and(&phrases)
                ),
            };
        }
    }
    if let Some(rule) = &t.maker_owns_when {
        let (value, facts) = eval_expr(rule, catalog, answers);
        if value == Tri::Yes {
            let phrases: Vec<&str> = facts.iter().map(|f| fact_phrase(catalog, f)).collect();
            return Suggested {
                responsibility: Responsibility {
                    party: Party::Provider,
                    provider: MODEL_MAKER.into(),
                },
                why: format!(
                    "The model maker's: {}, so this threat is in the maker's hands.",
                    join_and(&phrases)
                ),
            };
        }
    }
    let hosted = hosted(catalog, answers);
    let shared: Vec<String> = t
        .components
        .iter()
        .filter(|c| hosted.iter().any(|h| h == *c))
        .map(|c| component_label(catalog, c))
        .collect();
    let labels: Vec<String> = t
        .components
        .iter()
        .map(|c| component_label(catalog, c))
        .collect();
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    if shared.is_empty() {
        Suggested {
            responsibility: Responsibility {
                party: Party::Us,
                provider: String::new(),
            },
            why: format!(
                "Yours: no provider hosts what it concerns ({}).",
                join_and(&labels)
            ),
        }
    } else {
        let shared: Vec<&str> = shared.iter().map(String::as_str).collect();
        Suggested {
            responsibility: Responsibility {
                party: Party::Shared,
                provider: HOSTING_PROVIDER.into(),
            },
            why: format!(
                "Shared with the hosting provider: a provider hosts {}, where this threat lives.",
                join_and(&shared)
            ),
        }
    }
}

/// The responsibility in force for a threat: the user's choice, or the
/// default. The flag says whether it is the default: not chosen, or chosen
/// and equal to it (a confirmed default is still the default, with its
/// reason, never "changed").
pub fn in_force(a: &Assessment, threat: usize) -> (Responsibility, bool) {
    let catalog = a.catalog();
    let default = || default_for(catalog, &a.answers, threat).responsibility;
    match a.responsibility.get(catalog.threats[threat].id) {
        Some(r) => {
            let same = *r == default();
            (r.clone(), same)
        }
        None => (default(), true),
    }
}
