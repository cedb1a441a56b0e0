//! The rules engine against the walking-skeleton issue's rules table, written
//! out here independently of the catalog data.

use aixa::core::answers::{Answers, Tri};
use aixa::core::engine::{select, Basis, Verdict};
use aixa::core::explain::reasons;

mod common;
use common::{answers, bits, catalog, expected};

#[test]
fn the_catalog_lists_the_tables_threats_in_order() {
    let ids: Vec<&str> = catalog().threats.iter().map(|t| t.id).collect();
    let table: Vec<&str> = expected(bits(0)).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, table);
}

#[test]
fn all_128_yes_no_combinations_follow_the_rules_table() {
    for n in 0..128 {
        let v = bits(n);
        let selection = select(catalog(), &answers(v.map(Tri::from_bool)));
        for (id, applies) in expected(v) {
            let got = selection.verdict_of(id).expect("threat exists").verdict;
            let want = if applies {
                Verdict::Applicable
            } else {
                Verdict::NotApplicable
            };
            assert_eq!(got, want, "{id} for answers {v:?}");
        }
    }
}

/// Every way of filling in the unknowns of `v`.
fn completions(v: [Tri; 7]) -> Vec<[bool; 7]> {
    let mut out = vec![[false; 7]];
    for (i, t) in v.iter().enumerate() {
        out = out
            .into_iter()
            .flat_map(|c| {
                let options: &[bool] = match t {
                    Tri::Yes => &[true],
                    Tri::No => &[false],
                    Tri::Unknown => &[false, true],
                };
                options.iter().map(move |b| {
                    let mut c = c;
                    c[i] = *b;
                    c
                })
            })
            .collect();
    }
    out
}

#[test]
fn unknown_exactly_when_the_open_answers_could_change_the_verdict() {
    // All 3^7 answer sets. A definite verdict must hold for every way of
    // answering the open questions (so nothing is dropped too early), and
    // "unknown" must mean that some answer would decide either way (so the
    // user is never asked in vain).
    let tri = [Tri::Yes, Tri::No, Tri::Unknown];
    for n in 0..3u32.pow(7) {
        let v: [Tri; 7] = std::array::from_fn(|i| tri[(n / 3u32.pow(i as u32) % 3) as usize]);
        let selection = select(catalog(), &answers(v));
        let outcomes: Vec<Vec<(&str, bool)>> = completions(v).into_iter().map(expected).collect();
        for (ti, t) in catalog().threats.iter().enumerate() {
            let possible: Vec<bool> = outcomes.iter().map(|o| o[ti].1).collect();
            let got = selection.verdicts[ti].verdict;
            let want = if possible.iter().all(|x| *x) {
                Verdict::Applicable
            } else if possible.iter().all(|x| !*x) {
                Verdict::NotApplicable
            } else {
                Verdict::Unknown
            };
            assert_eq!(got, want, "{} for answers {v:?}", t.id);
        }
    }
}

#[test]
fn nothing_answered_keeps_every_rule_dependent_threat_in_scope() {
    let selection = select(catalog(), &Answers::default());
    for v in &selection.verdicts {
        assert!(v.verdict.in_scope(), "{}", catalog().threats[v.threat].id);
    }
    let counts = selection.counts();
    assert_eq!(
        (counts.applicable, counts.unknown, counts.not_applicable),
        (6, 19, 0)
    );
}

#[test]
fn a_dependent_question_counts_as_no_while_its_parent_is_no() {
    let c = catalog();
    let mut a = Answers::default();
    a.set("trains", Tri::No);
    a.set("train_data_sensitive", Tri::Yes); // a stale answer, overruled
    let sel = select(c, &a);
    let v = sel
        .verdict_of("modelinversionandmembership")
        .expect("exists");
    assert_eq!(v.verdict, Verdict::NotApplicable);
    // The reason cites the parent, which actually decided it.
    assert_eq!(
        reasons(&sel, v),
        ["Not applicable: you don't train or fine-tune the model."]
    );

    let (tds, _) = c.question("train_data_sensitive").expect("exists");
    assert!(!a.is_visible(c, tds), "hidden while trains is no");
    a.set("trains", Tri::Unknown);
    assert!(a.is_visible(c, tds), "shown while trains is unknown");
    a.set("trains", Tri::Yes);
    assert!(a.is_visible(c, tds));
    // The stale answer comes back into force once the parent is yes.
    let sel = select(c, &a);
    assert_eq!(
        sel.verdict_of("devdataleak").expect("exists").verdict,
        Verdict::Applicable
    );
}

#[test]
fn the_unknown_parent_of_a_dependent_question_leaves_it_open() {
    let mut a = Answers::default();
    a.set("genai", Tri::Unknown);
    a.set("llm", Tri::Yes);
    let sel = select(catalog(), &a);
    let v = sel.verdict_of("directpromptinjection").expect("exists");
    assert_eq!(v.verdict, Verdict::Unknown);
    assert_eq!(
        v.basis,
        Basis::Answers(vec![aixa::core::engine::Fact {
            question: catalog().question("genai").expect("exists").0,
            value: Tri::Unknown
        }])
    );
}

#[test]
fn reasons_name_the_answers_that_decided() {
    let mut a = answers([Tri::No; 7]);
    a.set("genai", Tri::Yes);
    a.set("llm", Tri::Yes);
    let sel = select(catalog(), &a);
    let say = |id: &str| reasons(&sel, sel.verdict_of(id).expect("exists"));

    assert_eq!(
        say("modeltheftuse"),
        ["Not applicable: you don't train or fine-tune the model, so the model's intellectual property is the maker's concern."]
    );
    assert_eq!(
        say("disclosureinoutput")[0],
        "Not applicable: you don't train or fine-tune the model and you don't use retrieval-augmented generation, so there is no sensitive data of yours for the model to reveal."
    );
    assert_eq!(
        say("directpromptinjection")[0],
        "Applicable: it is a generative AI model and it is a large language model, so users can steer it with crafted instructions."
    );
    assert!(say("genericsecthreats")[0].starts_with("Applicable whatever your answers"));
    assert_eq!(
        say("devleak")[0],
        "Not applicable: none of the threats it covers applies."
    );
    assert!(say("modelpoison")[0].contains("Transfer learning attack"));
    // GenAI sets evasion aside by the overview's own rule, not because
    // another threat would cover it.
    assert_eq!(
        say("evasion"),
        ["Not applicable: it is a generative AI model, so the Exchange's risk analysis sets the evasion threats aside for generative models."]
    );
    assert!(!say("closedboxevasion")[0].contains("prompt injection"));
    assert_eq!(
        say("transferlearningattack"),
        ["Applicable whatever your answers: any model you obtain may have been manipulated at its source or on the way to you, whether or not you train it further."]
    );
    assert_eq!(
        say("devmodelpoison"),
        ["Not applicable: you don't train or fine-tune the model, so tampering with the model during its development is the maker's concern; a model you obtain is checked under the transfer learning attack (3.1.3)."]
    );

    let sel = select(catalog(), &Answers::default());
    let v = sel.verdict_of("inputdataleak").expect("exists");
    let r = reasons(&sel, v);
    assert_eq!(
        r[0],
        "Unknown: not yet known whether the input data is sensitive, whether you use retrieval-augmented generation or whether the data in your retrieval repository is sensitive."
    );
    assert!(r[1].contains("Kept in scope"));
}

#[test]
fn evasion_after_poisoning_is_an_attack_through_use_on_any_non_genai_model() {
    // Neither training nor RAG: the poisoning may have been the supplier's.
    let a = answers([Tri::No; 7]);
    let sel = select(catalog(), &a);
    let v = sel.verdict_of("evasionafterpoison").expect("exists");
    assert_eq!(v.verdict, Verdict::Applicable);
    assert_eq!(
        reasons(&sel, v),
        ["Applicable: it is not a generative AI model, so a model poisoned before it reached you, by your own data or at its supplier, may hide a trigger that input can set off."]
    );
}

#[test]
fn every_verdict_has_a_reason_that_states_it() {
    for n in 0..128 {
        let sel = select(catalog(), &answers(bits(n).map(Tri::from_bool)));
        for v in &sel.verdicts {
            let r = reasons(&sel, v);
            assert!(!r.is_empty());
            let first = &r[0];
            let ok = match v.verdict {
                Verdict::Applicable => first.starts_with("Applicable"),
                Verdict::NotApplicable => first.starts_with("Not applicable"),
                Verdict::Unknown => first.starts_with("Unknown"),
            };
            assert!(ok, "{first}");
        }
    }
}

#[test]
fn an_override_sets_the_effective_verdict_and_the_counts() {
    use aixa::core::assessment::Assessment;
    use aixa::core::engine::Verdict;
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/assessment-rag-llm.json"
    ))
    .expect("fixture");
    let mut a = Assessment::from_json(&text).expect("valid");
    a.overrides.insert(
        "indirectpromptinjection".into(),
        serde_json::from_str(r#"{"include": false, "rationale": "No documents reach it"}"#)
            .expect("override"),
    );
    let sel = a.selection();
    let v = |id: &str| sel.verdict_of(id).expect("a threat");
    // Excluded: the rules say applicable, the effective verdict is not.
    assert_eq!(v("indirectpromptinjection").verdict, Verdict::Applicable);
    assert_eq!(
        v("indirectpromptinjection").effective(),
        Verdict::NotApplicable
    );
    // Included (the fixture's evasion override): the other way round.
    assert_eq!(v("evasion").verdict, Verdict::NotApplicable);
    assert_eq!(v("evasion").effective(), Verdict::Applicable);
    // The counts add up to what is in scope.
    let c = sel.counts();
    let in_scope = sel.verdicts.iter().filter(|v| v.in_scope()).count();
    assert_eq!(c.applicable + c.unknown, in_scope);
    assert_eq!(
        c.applicable + c.unknown + c.not_applicable,
        sel.verdicts.len()
    );
}
