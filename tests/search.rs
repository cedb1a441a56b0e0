//! Catalog search: typo-tolerant, ranked by where the match is.

mod common;

use aixa::core::catalog::Catalog;
use aixa::core::search::{search, Item};
use common::catalog;

fn top(query: &str, n: usize) -> Vec<String> {
    top_in(catalog(), query, n)
}

fn top_in(c: &Catalog, query: &str, n: usize) -> Vec<String> {
    search(c, query)
        .into_iter()
        .take(n)
        .map(|h| match h.item {
            Item::Threat(i) => c.threats[i].id.to_string(),
            Item::Control(i) => c.controls[i].id.to_string(),
        })
        .collect()
}

#[test]
fn a_misspelled_query_still_finds_prompt_injection() {
    let hits = top("prompt injecton", 3);
    assert!(
        hits.contains(&"directpromptinjection".to_string()),
        "{hits:?}"
    );
    assert!(
        hits.contains(&"indirectpromptinjection".to_string()),
        "{hits:?}"
    );
}

#[test]
fn ids_run_together_are_found() {
    assert_eq!(top("ratelimit", 1), ["RATELIMIT"]);
    assert_eq!(top("rate limit", 1), ["RATELIMIT"]);
    assert_eq!(top("monitoruse", 1), ["MONITORUSE"]);
}

#[test]
fn aliases_are_searchable() {
    assert_eq!(top("AITRANSPRENCY", 1), ["AITRANSPARENCY"]);
}

#[test]
fn name_matches_rank_above_text_matches() {
    let hits = top("evasion", 4);
    assert_eq!(hits[0], "evasion", "{hits:?}");
    assert!(
        hits.iter()
            .take(4)
            .all(|h| h.contains("evasion") || h.contains("EVASION")),
        "{hits:?}"
    );
}

#[test]
fn every_word_must_match() {
    assert!(top("prompt zzzzqqq", 5).is_empty());
    assert!(top("", 5).is_empty());
    assert!(top("  !!  ", 5).is_empty());
}

#[test]
fn common_words_lead_to_the_right_threats_and_controls() {
    let jailbreak = top("jailbreak", 3);
    assert!(
        jailbreak.contains(&"directpromptinjection".to_string()),
        "{jailbreak:?}"
    );
    assert!(
        jailbreak.contains(&"closedboxevasion".to_string()),
        "{jailbreak:?}"
    );
    let agent = top("agent", 6);
    assert!(
        agent.contains(&"LEASTMODELPRIVILEGE".to_string()),
        "{agent:?}"
    );
    let tool = top("tool", 6);
    assert!(
        tool.contains(&"LEASTMODELPRIVILEGE".to_string()),
        "{tool:?}"
    );
    // Typos still count.
    assert!(top("jailbrake", 3).contains(&"directpromptinjection".to_string()));
}

#[test]
fn a_control_is_found_by_the_threats_it_serves() {
    // "model inversion" names a threat; its controls are found through it.
    let hits = top("membership inference", 10);
    assert!(
        hits.contains(&"modelinversionandmembership".to_string()),
        "{hits:?}"
    );
    assert!(hits.contains(&"OBSCURECONFIDENCE".to_string()), "{hits:?}");
}

#[test]
fn a_purpose_in_one_line_is_its_first_sentence() {
    use aixa::core::explain::first_sentence;
    assert_eq!(
        first_sentence("Limit the rate. So that probing is slow."),
        "Limit the rate."
    );
    assert_eq!(first_sentence("One sentence only."), "One sentence only.");
    assert_eq!(first_sentence("e.g.x"), "e.g.x");
}

fn top_2026(query: &str, n: usize) -> Vec<String> {
    top_in(
        Catalog::by_edition("2026-08").expect("2026-08 is embedded"),
        query,
        n,
    )
}

#[test]
fn an_old_threat_id_finds_what_it_became_in_2026() {
    // Renamed 2026-02; its surrogate-model part became transferattack, so
    // the alias stands for both.
    assert_eq!(
        top_2026("closedboxevasion", 2),
        ["zeroknowledgeevasion", "transferattack"]
    );
    assert_eq!(top_2026("openboxevasion", 1), ["perfectknowledgeevasion"]);
    assert_eq!(top_2026("transferlearningattack", 1), ["supplymodelpoison"]);
    assert_eq!(top_2026("denialmodelservice", 1), ["airesourceexhaustion"]);
    // A typo in an old id still counts; the 2024-01 id itself still leads.
    assert_eq!(
        top_2026("insecureoutpt", 1),
        ["outputcontainsconventionalinjection"]
    );
    assert_eq!(top("closedboxevasion", 1), ["closedboxevasion"]);
}

#[test]
fn an_old_control_id_finds_every_control_it_became_in_2026() {
    let hits = top_2026("DETECTADVERSARIALINPUT", 2);
    assert!(
        hits.contains(&"EVASIONINPUTHANDLING".to_string()),
        "{hits:?}"
    );
    assert!(
        hits.contains(&"UNWANTEDINPUTSERIESHANDLING".to_string()),
        "{hits:?}"
    );
    assert_eq!(top_2026("agentsandboxing", 1), ["AGENTSANDBOXING"]);
}
