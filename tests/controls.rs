//! Control selection: the general controls, the branch group controls of
//! every in-scope threat, and each in-scope threat's own controls, with
//! development-time controls dropped when you neither train nor use RAG.

mod common;

use aixa::core::answers::{Answers, Tri};
use aixa::core::catalog::Scope;
use aixa::core::engine::select;
use common::{answers, bits, catalog};
use std::collections::BTreeSet;

fn selected_ids(a: &Answers) -> BTreeSet<&'static str> {
    let c = catalog();
    select(c, a)
        .controls
        .iter()
        .map(|s| c.controls[s.control].id)
        .collect()
}

/// The rule, restated from the catalog data for one answer set.
fn expected_ids(a: &Answers) -> BTreeSet<&'static str> {
    let c = catalog();
    let sel = select(c, a);
    let in_scope: Vec<usize> = sel
        .verdicts
        .iter()
        .filter(|v| v.in_scope())
        .map(|v| v.threat)
        .collect();
    let mut out = BTreeSet::new();
    for g in c.groups {
        // A branch group serves the threats of its top-level section, which
        // build.rs records per threat (not the engine's prefix test).
        let applies = match g.scope {
            Scope::All => true,
            _ => in_scope
                .iter()
                .any(|&t| c.sections[c.threats[t].top_section].number == g.section),
        };
        if applies {
            out.extend(g.controls.iter().map(|&i| c.controls[i].id));
        }
    }
    for &t in &in_scope {
        out.extend(c.threats[t].controls.iter().map(|&i| c.controls[i].id));
    }
    let no_dev = a.get("trains") == Tri::No && a.get("rag") == Tri::No;
    if no_dev {
        out.retain(|id| {
            let (_, control) = c.control(id).expect("exists");
            control.lifecycle != "development" || *id == "SUPPLYCHAINMANAGE"
        });
    }
    out
}

/// Two profiles with their controls written out by hand from the catalog
/// and the seed's rule, so that the rule itself is pinned, not restated.
#[test]
fn two_profiles_select_exactly_the_controls_worked_out_by_hand() {
    let json = |text: &str| {
        aixa::core::answers::Answers::from_json(catalog(), text).expect("valid answers")
    };
    // A hosted LLM chatbot: no training, no RAG, no sensitive input. The
    // general controls bar OBFUSCATETRAININGDATA (development-time), the
    // use group for 2.4, supply-chain management kept for 3.1.3, and the
    // own controls of 2.4.1, 4.2, 4.4 and 4.6 (4.5 has none with an id).
    let chatbot = json(
        r#"{"genai": true, "llm": true, "trains": false, "rag": false,
            "input_sensitive": false, "hosted": ["model"]}"#,
    );
    let expected: BTreeSet<&str> = "AIPROGRAM SECPROGRAM SECDEVPROGRAM DEVPROGRAM CHECKCOMPLIANCE \
        SECEDUCATE DATAMINIMIZE ALLOWEDDATA SHORTRETAIN DISCRETE OVERSIGHT LEASTMODELPRIVILEGE \
        AITRANSPARENCY CONTINUOUSVALIDATION EXPLAINABILITY UNWANTEDBIASTESTING MONITORUSE RATELIMIT \
        MODELACCESSCONTROL DOSINPUTVALIDATION LIMITRESOURCES SUPPLYCHAINMANAGE RUNTIMEMODELINTEGRITY \
        RUNTIMEMODELIOINTEGRITY ENCODEMODELOUTPUT PROMPTINPUTVALIDATION INPUTSEGREGATION"
        .split_whitespace()
        .collect();
    assert_eq!(selected_ids(&chatbot), expected);

    // An in-house classifier trained on sensitive data, with sensitive
    // input: everything but the controls of the LLM-only threats 4.4 and 4.6.
    let classifier = json(
        r#"{"genai": false, "trains": true, "train_data_sensitive": true, "rag": false,
            "input_sensitive": true}"#,
    );
    let all: BTreeSet<&str> = catalog().controls.iter().map(|c| c.id).collect();
    let llm_only: BTreeSet<&str> = [
        "ENCODEMODELOUTPUT",
        "PROMPTINPUTVALIDATION",
        "INPUTSEGREGATION",
    ]
    .into_iter()
    .collect();
    let expected: BTreeSet<&str> = all.difference(&llm_only).copied().collect();
    assert_eq!(selected_ids(&classifier), expected);
}

#[test]
fn selection_follows_the_rule_for_all_128_combinations() {
    for n in 0..128 {
        let a = answers(bits(n).map(Tri::from_bool));
        assert_eq!(selected_ids(&a), expected_ids(&a), "answers {:?}", bits(n));
    }
}

#[test]
fn the_general_controls_are_always_selected() {
    // Bar the development-time ones (OBFUSCATETRAININGDATA), which follow the
    // seed's rule for development-time controls like any other.
    let c = catalog();
    let general: Vec<&str> = c
        .groups
        .iter()
        .filter(|g| g.scope == Scope::All)
        .flat_map(|g| g.controls.iter().map(|&i| &c.controls[i]))
        .filter(|control| control.lifecycle != "development")
        .map(|control| control.id)
        .collect();
    assert!(general.contains(&"AIPROGRAM") && general.contains(&"OVERSIGHT"));
    for n in [0, 127, 42] {
        let ids = selected_ids(&answers(bits(n).map(Tri::from_bool)));
        for g in &general {
            assert!(ids.contains(g), "{g} for {n}");
        }
    }
}

#[test]
fn without_training_or_rag_development_controls_go_except_supply_chain() {
    let c = catalog();
    let mut a = Answers::default();
    a.set("trains", Tri::No);
    a.set("rag", Tri::No);
    let sel = select(c, &a);
    let ids: Vec<&str> = sel
        .controls
        .iter()
        .map(|s| c.controls[s.control].id)
        .collect();
    assert!(!ids.contains(&"DEVDATAPROTECT"), "{ids:?}");
    assert!(!ids.contains(&"SEGREGATEDATA"), "{ids:?}");
    let supply = sel
        .controls
        .iter()
        .find(|s| c.controls[s.control].id == "SUPPLYCHAINMANAGE")
        .expect("kept for the transfer-learning threat");
    let served: Vec<&str> = supply.threats.iter().map(|&t| c.threats[t].id).collect();
    assert!(served.contains(&"transferlearningattack"), "{served:?}");

    // RAG brings development-time controls back; so does not knowing yet.
    a.set("rag", Tri::Yes);
    assert!(selected_ids(&a).contains("DEVDATAPROTECT"));
    a.set("rag", Tri::Unknown);
    assert!(selected_ids(&a).contains("DEVDATAPROTECT"));
}

#[test]
fn each_selected_control_lists_the_in_scope_threats_it_serves() {
    let c = catalog();
    let a = answers([Tri::Yes; 7]);
    let sel = select(c, &a);
    let ratelimit = sel
        .controls
        .iter()
        .find(|s| c.controls[s.control].id == "RATELIMIT")
        .expect("selected");
    let served: Vec<&str> = ratelimit.threats.iter().map(|&t| c.threats[t].id).collect();
    // A use-group control serves every in-scope threat through use, and only those.
    assert!(served.contains(&"modeltheftuse"), "{served:?}");
    assert!(served
        .iter()
        .all(|id| c.threat(id).expect("exists").1.section.starts_with("2.")));
    for s in &sel.controls {
        assert!(!s.threats.is_empty(), "{}", c.controls[s.control].id);
        for &t in &s.threats {
            assert!(sel.verdicts[t].in_scope());
        }
    }
}

#[test]
fn selection_is_deduplicated_and_in_catalog_order() {
    let sel = select(catalog(), &Answers::default());
    let order: Vec<usize> = sel.controls.iter().map(|s| s.control).collect();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(order, sorted);
}

#[test]
fn every_control_is_reachable() {
    // A control no threat, group or guideline names would never be shown.
    let c = catalog();
    for (i, control) in c.controls.iter().enumerate() {
        let named = c.threats.iter().any(|t| t.controls.contains(&i))
            || c.groups.iter().any(|g| g.controls.contains(&i))
            || c.guidelines.iter().any(|g| g.controls.contains(&i));
        assert!(named, "{} is referenced nowhere", control.id);
    }
}

#[test]
fn aliases_resolve_to_one_control() {
    let c = catalog();
    for (alias, id) in [
        ("AITRANSPRENCY", "AITRANSPARENCY"),
        ("AITRAINSPARENCY", "AITRANSPARENCY"),
        ("SECPROGAM", "SECPROGRAM"),
        ("DEVPROGAM", "DEVPROGRAM"),
        ("POISIONROBUSTMODEL", "POISONROBUSTMODEL"),
    ] {
        let (_, control) = c
            .control(alias)
            .unwrap_or_else(|| panic!("{alias} resolves"));
        assert_eq!(control.id, id);
    }
}
