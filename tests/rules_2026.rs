//! The 2026-08 edition's rules: the decision tree of its overview, written
//! out here independently of the catalog data, against the engine; a table
//! of answer sets per question, unknowns included; the agentic flags; and
//! the edition's shape (counts, ids, groups, "minus", aliases, mappings).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use aixa::core::agentic::{self, FlagKind};
use aixa::core::answers::{Answers, Tri};
use aixa::core::assessment::Party;
use aixa::core::catalog::{Catalog, QuestionKind};
use aixa::core::engine::{select, Verdict};
use aixa::core::explain::reasons;
use aixa::core::responsibility::default_for;
use common::Rng;
use Tri::{No, Unknown as Open, Yes};
use Verdict::{Applicable as A, NotApplicable as N, Unknown as U};

fn catalog() -> &'static Catalog {
    Catalog::by_edition("2026-08").expect("the 2026-08 edition is embedded")
}

/// The yes/no questions, in catalog order: the answers-file contract.
const QUESTIONS: [&str; 16] = [
    "genai",
    "untrusted_input",
    "untrusted_data_in_prompt",
    "trains",
    "train_data_sensitive",
    "membership_sensitive",
    "supplied_model",
    "augments_input",
    "augmentation_stored",
    "augmentation_sensitive",
    "classification",
    "model_ip",
    "input_sensitive",
    "text_output",
    "triggers_actions",
    "sends_data_out",
];

/// The threats, in the Exchange's order (issue 15's list).
const THREATS: [&str; 31] = [
    "evasion",
    "zeroknowledgeevasion",
    "perfectknowledgeevasion",
    "transferattack",
    "partialknowledgeevasion",
    "evasionafterpoison",
    "promptinjection",
    "directpromptinjection",
    "indirectpromptinjection",
    "agentmessagestructuremanipulation",
    "disclosureuse",
    "disclosureinoutput",
    "modelinversionandmembership",
    "modelexfiltration",
    "airesourceexhaustion",
    "modelpoison",
    "datapoison",
    "devmodelpoison",
    "supplymodelpoison",
    "devleak",
    "devdataleak",
    "devmodelleak",
    "devcodeleak",
    "genericsecthreats",
    "runtimemodelpoison",
    "runtimemodelleak",
    "outputcontainsconventionalinjection",
    "inputdataleak",
    "augmentationdataleak",
    "augmentationdatamanipulation",
    "agentescape",
];

/// A fully answered profile, one value per question in `QUESTIONS` order.
type Profile = [bool; 16];

fn q(p: &Profile, id: &str) -> bool {
    let i = QUESTIONS.iter().position(|x| *x == id).expect("a question");
    p[i]
}

/// The decision tree of ai_security_overview.md ("How to select relevant
/// threats and controls? risk analysis", step 1), with the readings that
/// catalog/2026-08/threats.toml documents. Dependent questions count as
/// "no" while their parent is "no".
fn expected(p: &Profile) -> Vec<(&'static str, bool)> {
    let genai = q(p, "genai");
    let untrusted_input = q(p, "untrusted_input");
    let untrusted_data = q(p, "untrusted_data_in_prompt");
    let trains = q(p, "trains");
    let train_sensitive = trains && q(p, "train_data_sensitive");
    let membership_sensitive = trains && q(p, "membership_sensitive");
    let supplied = q(p, "supplied_model");
    let augments = q(p, "augments_input");
    let aug_stored = augments && q(p, "augmentation_stored");
    let aug_sensitive = augments && q(p, "augmentation_sensitive");
    let classification = q(p, "classification");
    let model_ip = q(p, "model_ip");
    let input_sensitive = q(p, "input_sensitive");
    let text_output = q(p, "text_output");
    let acts = q(p, "triggers_actions");

    let evasion = classification;
    let direct = genai && untrusted_input;
    let indirect = genai && untrusted_data;
    let messages = acts;
    let in_output = train_sensitive || aug_sensitive;
    let inversion = trains && (train_sensitive || membership_sensitive);
    let stealable = trains && (model_ip || classification);
    let data_poison = trains;
    let dev_poison = trains;
    let supply_poison = supplied;
    let dev_data_leak = train_sensitive;
    vec![
        ("evasion", evasion),
        ("zeroknowledgeevasion", evasion),
        ("perfectknowledgeevasion", evasion),
        ("transferattack", evasion),
        ("partialknowledgeevasion", evasion),
        ("evasionafterpoison", evasion),
        ("promptinjection", direct || indirect || messages),
        ("directpromptinjection", direct),
        ("indirectpromptinjection", indirect),
        ("agentmessagestructuremanipulation", messages),
        ("disclosureuse", in_output || inversion),
        ("disclosureinoutput", in_output),
        ("modelinversionandmembership", inversion),
        ("modelexfiltration", stealable),
        ("airesourceexhaustion", true),
        ("modelpoison", data_poison || dev_poison || supply_poison),
        ("datapoison", data_poison),
        ("devmodelpoison", dev_poison),
        ("supplymodelpoison", supply_poison),
        ("devleak", dev_data_leak || stealable),
        ("devdataleak", dev_data_leak),
        ("devmodelleak", stealable),
        ("devcodeleak", stealable),
        ("genericsecthreats", true),
        ("runtimemodelpoison", true),
        ("runtimemodelleak", stealable),
        ("outputcontainsconventionalinjection", text_output),
        ("inputdataleak", input_sensitive || aug_sensitive),
        ("augmentationdataleak", aug_stored && aug_sensitive),
        ("augmentationdatamanipulation", augments),
        ("agentescape", acts),
    ]
}

/// The agentic flags, written out the same way: (trifecta, rule of two
/// broken).
fn expected_flags(p: &Profile) -> (bool, bool) {
    let untrusted = q(p, "untrusted_input") || q(p, "untrusted_data_in_prompt");
    let sensitive =
        q(p, "input_sensitive") || (q(p, "augments_input") && q(p, "augmentation_sensitive"));
    let acts = q(p, "triggers_actions");
    let sends = (acts && q(p, "sends_data_out")) || q(p, "text_output");
    (
        untrusted && sensitive && sends,
        untrusted && sensitive && acts,
    )
}

fn answers(values: &[Tri; 16]) -> Answers {
    let mut a = Answers::default();
    for (id, v) in QUESTIONS.iter().zip(values) {
        a.set(id, *v);
    }
    a
}

fn profile(n: u32) -> Profile {
    std::array::from_fn(|i| n & (1 << i) != 0)
}

fn verdict(a: &Answers, id: &str) -> Verdict {
    select(catalog(), a)
        .verdict_of(id)
        .unwrap_or_else(|| panic!("{id} is a threat"))
        .verdict
}

/// Answers from a few (question, value) pairs; the rest unanswered.
fn given(pairs: &[(&str, Tri)]) -> Answers {
    let mut a = Answers::default();
    for (id, v) in pairs {
        assert!(QUESTIONS.contains(id), "{id} is a question");
        a.set(id, *v);
    }
    a
}

#[test]
fn the_edition_has_the_issues_threats_questions_and_counts() {
    let c = catalog();
    let ids: Vec<&str> = c.threats.iter().map(|t| t.id).collect();
    assert_eq!(ids, THREATS);
    assert_eq!(c.threats.len(), 31);
    assert_eq!(c.controls.len(), 55);
    let yes_no: Vec<&str> = c
        .questions
        .iter()
        .filter(|q| matches!(q.kind, QuestionKind::YesNo))
        .map(|q| q.id)
        .collect();
    assert_eq!(yes_no, QUESTIONS);
    let (hosted, q) = c.question("hosted").expect("the components question");
    assert!(matches!(q.kind, QuestionKind::Components(_)));
    assert_eq!(c.questions[hosted - 1].id, "augmentation_sensitive");
    let parent = |id: &str| {
        c.question(id)
            .expect("a question")
            .1
            .depends_on
            .map(|p| c.questions[p].id)
    };
    for (child, of) in [
        ("train_data_sensitive", "trains"),
        ("membership_sensitive", "trains"),
        ("augmentation_stored", "augments_input"),
        ("augmentation_sensitive", "augments_input"),
        ("sends_data_out", "triggers_actions"),
    ] {
        assert_eq!(parent(child), Some(of), "{child}");
    }
    let in_section = |n: &str| {
        c.threats
            .iter()
            .filter(|t| t.section.split('.').next() == Some(n))
            .count()
    };
    assert_eq!(
        (in_section("2"), in_section("3"), in_section("4")),
        (15, 8, 8)
    );
    let sections: Vec<&str> = c.groups.iter().map(|g| g.section).collect();
    assert_eq!(sections, ["1.1", "1.2", "1.3", "2.0", "3.0"]);
    assert_eq!(c.genai.len(), 9);
    assert_eq!(c.guidelines.len(), 17);
    let (i, sandboxing) = c.control("AGENTSANDBOXING").expect("4.9 is a control");
    assert_eq!(sandboxing.section, "4.9");
    let (_, escape) = c.threat("agentescape").expect("a threat");
    assert!(escape.controls.contains(&i));
    // Every threat and control links to its own short link.
    assert!(c.threats.iter().all(|t| t.go == t.id));
    assert!(c.controls.iter().all(|k| k.go == k.id.to_lowercase()));
}

#[test]
fn every_yes_no_profile_follows_the_decision_tree() {
    // All 2^16 fully answered profiles.
    let c = catalog();
    for n in 0..(1u32 << 16) {
        let p = profile(n);
        let a = answers(&p.map(Tri::from_bool));
        let sel = select(c, &a);
        for (ti, (id, applies)) in expected(&p).into_iter().enumerate() {
            let want = if applies { A } else { N };
            assert_eq!(sel.verdicts[ti].verdict, want, "{id} for {p:?}");
        }
        let (trifecta, broken) = expected_flags(&p);
        let t = agentic::lethal_trifecta(c, &a).expect("2026-08 has the flags");
        let r = agentic::rule_of_two(c, &a).expect("2026-08 has the flags");
        assert_eq!(t.value, Tri::from_bool(trifecta), "trifecta for {p:?}");
        assert_eq!(r.value, Tri::from_bool(broken), "rule of two for {p:?}");
    }
}

/// Every way of filling in the open answers.
fn completions(v: &[Tri; 16]) -> Vec<Profile> {
    let mut out = vec![[false; 16]];
    for (i, t) in v.iter().enumerate() {
        let options: &[bool] = match t {
            Yes => &[true],
            No => &[false],
            Open => &[false, true],
        };
        out = out
            .into_iter()
            .flat_map(|c| {
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

fn three_valued(possible: impl Iterator<Item = bool> + Clone) -> Tri {
    if possible.clone().all(|x| x) {
        Yes
    } else if possible.clone().all(|x| !x) {
        No
    } else {
        Open
    }
}

#[test]
fn unknown_exactly_when_the_open_answers_could_change_the_outcome() {
    // Random answer sets with up to eight open questions. A definite verdict
    // must hold for every way of answering the open questions (nothing is
    // dropped too early), and "unknown" must mean some answer would decide
    // either way (nobody is asked in vain). The same for both flags.
    let c = catalog();
    let mut rng = Rng(0x2026_0822);
    for _ in 0..1500 {
        let v: [Tri; 16] = std::array::from_fn(|_| rng.pick(&[Yes, No, Open]));
        if v.iter().filter(|t| **t == Open).count() > 8 {
            continue;
        }
        let a = answers(&v);
        let sel = select(c, &a);
        let outcomes: Vec<Vec<(&str, bool)>> = completions(&v).iter().map(expected).collect();
        for (ti, t) in c.threats.iter().enumerate() {
            let want = match three_valued(outcomes.iter().map(|o| o[ti].1)) {
                Yes => A,
                No => N,
                Open => U,
            };
            assert_eq!(sel.verdicts[ti].verdict, want, "{} for {v:?}", t.id);
        }
        let flags: Vec<(bool, bool)> = completions(&v).iter().map(expected_flags).collect();
        let t = agentic::lethal_trifecta(c, &a).expect("flags");
        let r = agentic::rule_of_two(c, &a).expect("flags");
        assert_eq!(t.value, three_valued(flags.iter().map(|f| f.0)), "{v:?}");
        assert_eq!(r.value, three_valued(flags.iter().map(|f| f.1)), "{v:?}");
    }
}

/// One row of the table: answers given (the rest open), and verdicts for the
/// threats the question concerns.
struct Case {
    what: &'static str,
    given: &'static [(&'static str, Tri)],
    want: &'static [(&'static str, Verdict)],
}

const CASES: &[Case] = &[
    // genai, with who can instruct it.
    Case {
        what: "generative, outsiders type prompts",
        given: &[("genai", Yes), ("untrusted_input", Yes)],
        want: &[
            ("directpromptinjection", A),
            ("promptinjection", A),
            ("indirectpromptinjection", U),
        ],
    },
    Case {
        what: "generative, only staff give input",
        given: &[
            ("genai", Yes),
            ("untrusted_input", No),
            ("untrusted_data_in_prompt", No),
        ],
        want: &[
            ("directpromptinjection", N),
            ("indirectpromptinjection", N),
            ("promptinjection", U),
        ],
    },
    Case {
        what: "not generative: no prompt injection, whoever gives input",
        given: &[
            ("genai", No),
            ("untrusted_input", Yes),
            ("untrusted_data_in_prompt", Yes),
        ],
        want: &[("directpromptinjection", N), ("indirectpromptinjection", N)],
    },
    Case {
        what: "generative, unknown who gives input",
        given: &[("genai", Yes)],
        want: &[("directpromptinjection", U), ("indirectpromptinjection", U)],
    },
    Case {
        what: "unknown whether generative, outsiders give input",
        given: &[("untrusted_input", Yes)],
        want: &[("directpromptinjection", U)],
    },
    // untrusted data in the prompt.
    Case {
        what: "generative reading web pages",
        given: &[("genai", Yes), ("untrusted_data_in_prompt", Yes)],
        want: &[("indirectpromptinjection", A), ("directpromptinjection", U)],
    },
    // trains, and its children.
    Case {
        what: "trains on sensitive data",
        given: &[("trains", Yes), ("train_data_sensitive", Yes)],
        want: &[
            ("datapoison", A),
            ("devmodelpoison", A),
            ("devdataleak", A),
            ("disclosureinoutput", A),
            ("modelinversionandmembership", A),
            ("disclosureuse", A),
            ("devleak", A),
            ("modelpoison", A),
        ],
    },
    Case {
        what: "trains, data not sensitive, membership sensitive",
        given: &[
            ("trains", Yes),
            ("train_data_sensitive", No),
            ("membership_sensitive", Yes),
        ],
        want: &[
            ("modelinversionandmembership", A),
            ("devdataleak", N),
            ("disclosureinoutput", U),
        ],
    },
    Case {
        what: "trains, nothing sensitive, nothing added",
        given: &[
            ("trains", Yes),
            ("train_data_sensitive", No),
            ("membership_sensitive", No),
            ("augments_input", No),
        ],
        want: &[
            ("modelinversionandmembership", N),
            ("disclosureinoutput", N),
            ("disclosureuse", N),
            ("devdataleak", N),
            ("datapoison", A),
        ],
    },
    Case {
        what: "does not train: stale child answers are overruled",
        given: &[
            ("trains", No),
            ("train_data_sensitive", Yes),
            ("membership_sensitive", Yes),
        ],
        want: &[
            ("datapoison", N),
            ("devmodelpoison", N),
            ("devdataleak", N),
            ("modelinversionandmembership", N),
            ("modelexfiltration", N),
            ("devmodelleak", N),
            ("devcodeleak", N),
            ("runtimemodelleak", N),
            ("disclosureinoutput", U),
        ],
    },
    Case {
        what: "trains, sensitivity open",
        given: &[("trains", Yes)],
        want: &[
            ("devdataleak", U),
            ("modelinversionandmembership", U),
            ("datapoison", A),
        ],
    },
    Case {
        what: "nothing known about training",
        given: &[],
        want: &[
            ("datapoison", U),
            ("devmodelpoison", U),
            ("devdataleak", U),
            ("modelpoison", U),
        ],
    },
    // supplied model.
    Case {
        what: "supplied model used as is",
        given: &[("supplied_model", Yes), ("trains", No)],
        want: &[
            ("supplymodelpoison", A),
            ("modelpoison", A),
            ("datapoison", N),
        ],
    },
    Case {
        what: "own model, not supplied, not trained here",
        given: &[("supplied_model", No), ("trains", No)],
        want: &[("supplymodelpoison", N), ("modelpoison", N)],
    },
    Case {
        what: "supplier unknown",
        given: &[("trains", No)],
        want: &[("supplymodelpoison", U), ("modelpoison", U)],
    },
    // augmentation, and its children.
    Case {
        what: "RAG on a vector store of sensitive documents",
        given: &[
            ("augments_input", Yes),
            ("augmentation_stored", Yes),
            ("augmentation_sensitive", Yes),
        ],
        want: &[
            ("augmentationdatamanipulation", A),
            ("augmentationdataleak", A),
            ("disclosureinoutput", A),
            ("inputdataleak", A),
        ],
    },
    Case {
        what: "system prompt only, not sensitive, not stored apart",
        given: &[
            ("augments_input", Yes),
            ("augmentation_stored", No),
            ("augmentation_sensitive", No),
            ("input_sensitive", No),
        ],
        want: &[
            ("augmentationdatamanipulation", A),
            ("augmentationdataleak", N),
            ("inputdataleak", N),
        ],
    },
    Case {
        what: "adds data, store and sensitivity open",
        given: &[("augments_input", Yes), ("input_sensitive", No)],
        want: &[
            ("augmentationdatamanipulation", A),
            ("augmentationdataleak", U),
            ("inputdataleak", U),
        ],
    },
    Case {
        what: "adds nothing: stale child answers overruled",
        given: &[
            ("augments_input", No),
            ("augmentation_stored", Yes),
            ("augmentation_sensitive", Yes),
            ("input_sensitive", No),
            ("trains", No),
        ],
        want: &[
            ("augmentationdatamanipulation", N),
            ("augmentationdataleak", N),
            ("inputdataleak", N),
            ("disclosureinoutput", N),
            ("disclosureuse", N),
        ],
    },
    // classification: evasion follows it, GenAI or not.
    Case {
        what: "generative model used as a classifier",
        given: &[("genai", Yes), ("classification", Yes)],
        want: &[
            ("evasion", A),
            ("zeroknowledgeevasion", A),
            ("perfectknowledgeevasion", A),
            ("transferattack", A),
            ("partialknowledgeevasion", A),
            ("evasionafterpoison", A),
        ],
    },
    Case {
        what: "no classification",
        given: &[("genai", No), ("classification", No)],
        want: &[
            ("evasion", N),
            ("transferattack", N),
            ("evasionafterpoison", N),
        ],
    },
    Case {
        what: "classification open",
        given: &[("genai", No)],
        want: &[("evasion", U), ("zeroknowledgeevasion", U)],
    },
    // model_ip, with training and classification.
    Case {
        what: "own model, intellectual property",
        given: &[("trains", Yes), ("model_ip", Yes)],
        want: &[
            ("modelexfiltration", A),
            ("devmodelleak", A),
            ("devcodeleak", A),
            ("runtimemodelleak", A),
        ],
    },
    Case {
        what: "own public model, but open to evasion",
        given: &[("trains", Yes), ("model_ip", No), ("classification", Yes)],
        want: &[("modelexfiltration", A), ("runtimemodelleak", A)],
    },
    Case {
        what: "own public model, no classification",
        given: &[("trains", Yes), ("model_ip", No), ("classification", No)],
        want: &[
            ("modelexfiltration", N),
            ("devmodelleak", N),
            ("devcodeleak", N),
            ("runtimemodelleak", N),
        ],
    },
    Case {
        what: "own model, value open",
        given: &[("trains", Yes), ("classification", No)],
        want: &[("modelexfiltration", U), ("devmodelleak", U)],
    },
    // input_sensitive.
    Case {
        what: "sensitive prompts",
        given: &[("input_sensitive", Yes)],
        want: &[("inputdataleak", A)],
    },
    Case {
        what: "input sensitivity open",
        given: &[("augments_input", No)],
        want: &[("inputdataleak", U)],
    },
    // text_output.
    Case {
        what: "output rendered in a browser",
        given: &[("text_output", Yes)],
        want: &[("outputcontainsconventionalinjection", A)],
    },
    Case {
        what: "output only stored as a number",
        given: &[("text_output", No)],
        want: &[("outputcontainsconventionalinjection", N)],
    },
    Case {
        what: "output use open",
        given: &[],
        want: &[("outputcontainsconventionalinjection", U)],
    },
    // triggers_actions.
    Case {
        what: "an agent with tools",
        given: &[("triggers_actions", Yes), ("genai", No)],
        want: &[
            ("agentescape", A),
            ("agentmessagestructuremanipulation", A),
            ("promptinjection", A),
            ("directpromptinjection", N),
        ],
    },
    Case {
        what: "no actions",
        given: &[("triggers_actions", No), ("sends_data_out", Yes)],
        want: &[("agentescape", N), ("agentmessagestructuremanipulation", N)],
    },
    Case {
        what: "actions open",
        given: &[],
        want: &[("agentescape", U), ("agentmessagestructuremanipulation", U)],
    },
    // Always.
    Case {
        what: "nothing answered",
        given: &[],
        want: &[
            ("airesourceexhaustion", A),
            ("genericsecthreats", A),
            ("runtimemodelpoison", A),
        ],
    },
    Case {
        what: "everything no",
        given: &[
            ("genai", No),
            ("untrusted_input", No),
            ("untrusted_data_in_prompt", No),
            ("trains", No),
            ("supplied_model", No),
            ("augments_input", No),
            ("classification", No),
            ("model_ip", No),
            ("input_sensitive", No),
            ("text_output", No),
            ("triggers_actions", No),
        ],
        want: &[
            ("airesourceexhaustion", A),
            ("genericsecthreats", A),
            ("runtimemodelpoison", A),
            ("evasion", N),
            ("promptinjection", N),
            ("disclosureuse", N),
            ("modelpoison", N),
            ("devleak", N),
            ("agentescape", N),
        ],
    },
];

#[test]
fn the_table_of_answer_sets_per_question() {
    for case in CASES {
        let a = given(case.given);
        for (id, want) in case.want {
            assert_eq!(verdict(&a, id), *want, "{}: {id}", case.what);
        }
    }
}

#[test]
fn nothing_answered_keeps_every_threat_in_scope() {
    let sel = select(catalog(), &Answers::default());
    assert!(sel.verdicts.iter().all(|v| v.verdict.in_scope()));
    let counts = sel.counts();
    assert_eq!(
        (counts.applicable, counts.unknown, counts.not_applicable),
        (3, 28, 0)
    );
}

#[test]
fn reasons_name_the_answers_that_decided() {
    let a = given(&[
        ("genai", Yes),
        ("untrusted_input", Yes),
        ("trains", No),
        ("classification", No),
        ("augments_input", No),
    ]);
    let sel = select(catalog(), &a);
    let say = |id: &str| reasons(&sel, sel.verdict_of(id).expect("a threat"));
    assert_eq!(
        say("directpromptinjection"),
        ["Applicable: it is a generative AI model and people outside your control can give the model input, so a user can try to talk it out of its instructions."]
    );
    assert_eq!(
        say("zeroknowledgeevasion"),
        ["Not applicable: the model does not classify or detect on input an adversary can influence, so there is no decision for an attacker to flip."]
    );
    assert_eq!(
        say("modelexfiltration"),
        ["Not applicable: you don't train or fine-tune the model, so a copy made by querying it would gain an attacker little."]
    );
    assert_eq!(
        say("augmentationdatamanipulation"),
        ["Not applicable: your system adds no data to the model's input, so no added data steers the model."]
    );
    // A dependent question overruled by its parent: the parent is cited.
    assert_eq!(
        say("augmentationdataleak"),
        ["Not applicable: your system adds no data to the model's input, so no sensitive added data sits in a store of its own."]
    );
    assert!(say("airesourceexhaustion")[0].starts_with("Applicable whatever your answers"));
    let r = say("indirectpromptinjection");
    assert_eq!(
        r[0],
        "Unknown: not yet known whether data from untrusted sources goes into the model's input."
    );
    assert!(r[1].contains("Kept in scope"));
}

#[test]
fn every_verdict_has_a_reason_that_states_it() {
    let mut rng = Rng(7);
    for _ in 0..300 {
        let v: [Tri; 16] = std::array::from_fn(|_| rng.pick(&[Yes, No, Open]));
        let sel = select(catalog(), &answers(&v));
        for verdict in &sel.verdicts {
            let first = &reasons(&sel, verdict)[0];
            let prefix = match verdict.verdict {
                A => "Applicable",
                N => "Not applicable",
                U => "Unknown",
            };
            assert!(first.starts_with(prefix), "{first}");
        }
    }
}

// --- The agentic flags -------------------------------------------------------

struct FlagCase {
    what: &'static str,
    given: &'static [(&'static str, Tri)],
    trifecta: Tri,
    rule_of_two: Tri,
}

const FLAGS: &[FlagCase] = &[
    FlagCase {
        what: "an e-mail agent reading untrusted mail with access to company data",
        given: &[
            ("untrusted_data_in_prompt", Yes),
            ("input_sensitive", Yes),
            ("triggers_actions", Yes),
            ("sends_data_out", Yes),
        ],
        trifecta: Yes,
        rule_of_two: Yes,
    },
    FlagCase {
        what: "a RAG chatbot on sensitive documents rendering Markdown, without actions",
        given: &[
            ("untrusted_input", Yes),
            ("augments_input", Yes),
            ("augmentation_sensitive", Yes),
            ("text_output", Yes),
            ("triggers_actions", No),
        ],
        trifecta: Yes,
        rule_of_two: No,
    },
    FlagCase {
        what: "an agent that acts but cannot send anything out, output shown as plain text",
        given: &[
            ("untrusted_input", Yes),
            ("input_sensitive", Yes),
            ("triggers_actions", Yes),
            ("sends_data_out", No),
            ("text_output", No),
        ],
        trifecta: No,
        rule_of_two: Yes,
    },
    FlagCase {
        what: "nothing sensitive within reach",
        given: &[
            ("untrusted_input", Yes),
            ("input_sensitive", No),
            ("augments_input", No),
            ("triggers_actions", Yes),
            ("sends_data_out", Yes),
        ],
        trifecta: No,
        rule_of_two: No,
    },
    FlagCase {
        what: "only trusted input",
        given: &[
            ("untrusted_input", No),
            ("untrusted_data_in_prompt", No),
            ("input_sensitive", Yes),
            ("triggers_actions", Yes),
            ("sends_data_out", Yes),
        ],
        trifecta: No,
        rule_of_two: No,
    },
    FlagCase {
        what: "untrusted and sensitive, the ways out still open",
        given: &[("untrusted_input", Yes), ("input_sensitive", Yes)],
        trifecta: Open,
        rule_of_two: Open,
    },
    FlagCase {
        what: "acts and sends, untrusted input open",
        given: &[
            ("input_sensitive", Yes),
            ("triggers_actions", Yes),
            ("sends_data_out", Yes),
        ],
        trifecta: Open,
        rule_of_two: Open,
    },
    FlagCase {
        what: "sensitivity of added data open",
        given: &[
            ("untrusted_input", Yes),
            ("input_sensitive", No),
            ("augments_input", Yes),
            ("triggers_actions", Yes),
            ("sends_data_out", Yes),
        ],
        trifecta: Open,
        rule_of_two: Open,
    },
    FlagCase {
        what: "nothing answered",
        given: &[],
        trifecta: Open,
        rule_of_two: Open,
    },
];

#[test]
fn the_agentic_flags_per_answer_set() {
    let c = catalog();
    for case in FLAGS {
        let a = given(case.given);
        let t = agentic::lethal_trifecta(c, &a).expect("2026-08 has the flags");
        let r = agentic::rule_of_two(c, &a).expect("2026-08 has the flags");
        assert_eq!(t.value, case.trifecta, "trifecta: {}", case.what);
        assert_eq!(r.value, case.rule_of_two, "rule of two: {}", case.what);
        assert_eq!(
            (t.kind, r.kind),
            (FlagKind::LethalTrifecta, FlagKind::RuleOfTwo)
        );
        assert_eq!(agentic::flags(c, &a).len(), 2);
    }
}

#[test]
fn the_agentic_flags_say_why() {
    let c = catalog();
    let a = given(FLAGS[0].given);
    let t = agentic::lethal_trifecta(c, &a).expect("flags");
    assert_eq!(
        t.reason(c),
        "Lethal trifecta: data from untrusted sources goes into the model's input, the input data is sensitive, the model can trigger actions and an action can send data where an adversary could see it. Whoever can steer the model could make it send sensitive data to an attacker."
    );
    let r = agentic::rule_of_two(c, &a).expect("flags");
    assert!(
        r.reason(c).starts_with("Rule of two broken: "),
        "{}",
        r.reason(c)
    );
    assert_eq!(r.legs.len(), 3);
    assert_eq!(r.legs[2].name, "changing state or communicating externally");

    let a = given(FLAGS[3].given);
    let t = agentic::lethal_trifecta(c, &a).expect("flags");
    // The parent "no" answer decides the dependent question.
    assert_eq!(
        t.reason(c),
        "No lethal trifecta: the input data is not sensitive and your system adds no data to the model's input."
    );

    let a = given(FLAGS[5].given);
    let t = agentic::lethal_trifecta(c, &a).expect("flags");
    assert_eq!(
        t.reason(c),
        "Lethal trifecta: not yet known whether the model can trigger actions, whether an action can send data where an adversary could see it or whether other software interprets the model's output."
    );
    let r = agentic::rule_of_two(c, &a).expect("flags");
    assert_eq!(
        r.reason(c),
        "Rule of two: not yet known whether the model can trigger actions."
    );
}

#[test]
fn editions_without_the_questions_have_no_flags() {
    let old = Catalog::by_edition("2024-01").expect("embedded");
    let mut a = Answers::default();
    a.set("genai", Yes);
    assert!(agentic::lethal_trifecta(old, &a).is_none());
    assert!(agentic::rule_of_two(old, &a).is_none());
    assert!(agentic::flags(old, &a).is_empty());
}

// --- Controls: groups, "minus", aliases --------------------------------------

fn control(id: &str) -> usize {
    catalog().control(id).expect("a control").0
}

fn threat(id: &str) -> usize {
    catalog().threat(id).expect("a threat").0
}

#[test]
fn section_groups_numbered_2_0_and_3_0_serve_their_sections() {
    let c = catalog();
    let sel = select(c, &given(&[("classification", Yes), ("trains", Yes)]));
    let serves = |k: &str| -> Vec<&str> {
        sel.controls
            .iter()
            .find(|s| s.control == control(k))
            .map(|s| s.threats.iter().map(|&t| c.threats[t].id).collect())
            .unwrap_or_default()
    };
    let monitor = serves("MONITORUSE");
    assert!(monitor.contains(&"evasion") && monitor.contains(&"zeroknowledgeevasion"));
    assert!(
        !monitor.contains(&"datapoison"),
        "2.0 serves section 2 only"
    );
    let dev = serves("DEVSECURITY");
    assert!(dev.contains(&"datapoison") && dev.contains(&"devmodelpoison"));
    assert!(
        !dev.contains(&"runtimemodelpoison"),
        "3.0 serves section 3 only"
    );
    // A general group serves everything in scope.
    assert_eq!(
        serves("AIPROGRAM").len(),
        sel.verdicts.iter().filter(|v| v.in_scope()).count()
    );
}

#[test]
fn the_parents_controls_minus_and_plus() {
    let c = catalog();
    let sel = select(
        c,
        &given(&[
            ("classification", Yes),
            ("trains", Yes),
            ("supplied_model", Yes),
        ]),
    );
    let served = |k: &str, t: &str| {
        sel.controls
            .iter()
            .any(|s| s.control == control(k) && s.threats.contains(&threat(t)))
    };
    // Transferability-based evasion: the search happens on a surrogate, so
    // the controls against the search do not serve it…
    for k in [
        "RATELIMIT",
        "UNWANTEDINPUTSERIESHANDLING",
        "OBSCURECONFIDENCE",
    ] {
        assert!(!served(k, "transferattack"), "{k}");
        assert!(!served(k, "evasionafterpoison"), "{k}");
        assert!(
            served(k, "zeroknowledgeevasion"),
            "{k} still serves the others"
        );
    }
    // …the rest of evasion's do, and the controls against theft are added.
    for k in [
        "MONITORUSE",
        "ANOMALOUSINPUTHANDLING",
        "RUNTIMEMODELCONFIDENTIALITY",
        "DEVSECURITY",
    ] {
        assert!(served(k, "transferattack"), "{k}");
    }
    let inherited: Vec<&str> = c
        .inherited_controls(threat("transferattack"))
        .into_iter()
        .flat_map(|(_, ks)| ks)
        .map(|k| c.controls[k].id)
        .collect();
    assert_eq!(
        inherited,
        [
            "EVASIONINPUTHANDLING",
            "EVASIONROBUSTMODEL",
            "TRAINADVERSARIAL",
            "INPUTDISTORTION",
            "ADVERSARIALROBUSTDISTILLATION"
        ]
    );
    // Evasion after poisoning adds the controls against model poisoning.
    assert!(served("MODELENSEMBLE", "evasionafterpoison"));
    // Supply-chain model poisoning: of the development-time group, only
    // supply chain management is the user's.
    assert!(served("SUPPLYCHAINMANAGE", "supplymodelpoison"));
    for k in [
        "DEVSECURITY",
        "SEGREGATEDATA",
        "CONFCOMPUTE",
        "FEDERATEDLEARNING",
    ] {
        assert!(!served(k, "supplymodelpoison"), "{k}");
        assert!(served(k, "datapoison"), "{k} still serves data poisoning");
    }
}

#[test]
fn aliases_may_stand_for_several_ids() {
    let c = catalog();
    let names = |id: &str| -> Vec<&str> {
        c.controls_named(id)
            .into_iter()
            .map(|k| c.controls[k].id)
            .collect()
    };
    assert_eq!(
        names("DETECTADVERSARIALINPUT"),
        ["EVASIONINPUTHANDLING", "UNWANTEDINPUTSERIESHANDLING"]
    );
    assert_eq!(names("DETECTODDINPUT"), ["ANOMALOUSINPUTHANDLING"]);
    assert_eq!(names("FEDERATIVELEARNING"), ["FEDERATEDLEARNING"]);
    assert_eq!(names("MONITORUSE"), ["MONITORUSE"]);
    assert!(names("NOSUCHCONTROL").is_empty());
    let threats = |id: &str| -> Vec<&str> {
        c.threats_named(id)
            .into_iter()
            .map(|t| c.threats[t].id)
            .collect()
    };
    assert_eq!(
        threats("closedboxevasion"),
        ["zeroknowledgeevasion", "transferattack"]
    );
    assert_eq!(
        threats("insecureoutput"),
        ["outputcontainsconventionalinjection"]
    );
    assert_eq!(threats("evasion"), ["evasion"]);
    // The guideline that names the split control maps to both halves.
    let g = c
        .guidelines
        .iter()
        .find(|g| g.text == "Monitor your system’s inputs")
        .expect("the guideline");
    let mapped: Vec<&str> = g.controls.iter().map(|&k| c.controls[k].id).collect();
    assert_eq!(
        mapped,
        [
            "MONITORUSE",
            "ANOMALOUSINPUTHANDLING",
            "EVASIONINPUTHANDLING",
            "UNWANTEDINPUTSERIESHANDLING"
        ]
    );
}

// --- Mappings ----------------------------------------------------------------

#[test]
fn the_mappings_carry_their_editions_and_numbers() {
    let c = catalog();
    let top10: Vec<&str> = c
        .genai
        .iter()
        .flat_map(|g| g.llm_top10.iter().copied())
        .collect();
    assert!(top10.iter().all(|id| id.ends_with(":2026")), "{top10:?}");
    assert_eq!(c.genai[0].llm_top10, ["LLM01:2026"]);
    let mut articles: Vec<&str> = c
        .regulations
        .iter()
        .flat_map(|r| r.eu_ai_act.iter().copied())
        .collect();
    articles.sort_by_key(|a| {
        let n: String = a.chars().take_while(char::is_ascii_digit).collect();
        n.parse::<u32>().unwrap_or(0)
    });
    assert_eq!(
        articles,
        ["3(23)", "5", "6", "10", "12", "13", "14", "25", "50", "73"]
    );
    let dsit: Vec<u32> = c
        .guidelines
        .iter()
        .flat_map(|g| g.dsit.iter().copied())
        .collect();
    assert!(dsit.iter().all(|n| (1..=13).contains(n)));
    for n in [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12] {
        assert!(dsit.contains(&n), "DSIT principle {n} is mapped");
    }
    // "All development-time data science controls (currently 13)".
    let choose = c
        .guidelines
        .iter()
        .find(|g| g.text.starts_with("Consider security benefits"))
        .expect("the guideline");
    let devtime = choose
        .controls
        .iter()
        .filter(|&&k| c.controls[k].kinds == ["devtime_datascience"])
        .count();
    assert_eq!(devtime, 13);
    assert_eq!(
        c.controls
            .iter()
            .filter(|k| k.kinds == ["devtime_datascience"])
            .count(),
        13
    );
}

// --- Responsibility ----------------------------------------------------------

#[test]
fn responsibility_defaults_follow_who_trains_and_whose_data() {
    let c = catalog();
    let party = |a: &Answers, id: &str| default_for(c, a, threat(id)).responsibility.party;
    // A supplied model used as is: poisoning at the supplier is the maker's.
    let a = given(&[("supplied_model", Yes), ("trains", No)]);
    assert_eq!(party(&a, "supplymodelpoison"), Party::Provider);
    let a = given(&[("supplied_model", Yes), ("trains", Yes)]);
    assert_eq!(party(&a, "supplymodelpoison"), Party::Us);
    // Your own sensitive added data stays yours, even on a hosted model.
    let mut a = given(&[("augments_input", Yes), ("augmentation_sensitive", Yes)]);
    a.toggle_component(c, "hosted", "model", true);
    assert_eq!(party(&a, "disclosureinoutput"), Party::Us);
    // Hosted model: runtime poisoning is shared with the host.
    assert_eq!(party(&a, "runtimemodelpoison"), Party::Shared);
}
