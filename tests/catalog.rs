//! The catalog loader that `build.rs` runs: valid editions load, broken ones
//! are refused with messages naming the file and the entry.
#![cfg(not(target_arch = "wasm32"))]

use aixa::core::catalog::Catalog;
use aixa::core::source::{self, EditionText};
use std::path::Path;

struct Files {
    edition: String,
    questions: String,
    threats: String,
    controls: Option<String>,
    groups: Option<String>,
    aliases: Option<String>,
    mappings: Option<String>,
}

fn real() -> Files {
    read_edition("2024-01")
}

fn read_edition(id: &str) -> Files {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("catalog")
        .join(id);
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect("catalog file");
    let optional = |f: &str| std::fs::read_to_string(dir.join(f)).ok();
    Files {
        edition: read(source::EDITION_FILE),
        questions: read(source::QUESTIONS_FILE),
        threats: read(source::THREATS_FILE),
        controls: optional(source::CONTROLS_FILE),
        groups: optional(source::GROUPS_FILE),
        aliases: optional(source::ALIASES_FILE),
        mappings: optional(source::MAPPINGS_FILE),
    }
}

fn errors(f: &Files) -> Vec<String> {
    errors_in("catalog/2024-01", f)
}

fn errors_in(dir: &str, f: &Files) -> Vec<String> {
    match source::parse(&EditionText {
        dir,
        edition: &f.edition,
        questions: &f.questions,
        threats: &f.threats,
        controls: f.controls.as_deref(),
        groups: f.groups.as_deref(),
        aliases: f.aliases.as_deref(),
        mappings: f.mappings.as_deref(),
    }) {
        Ok(_) => Vec::new(),
        Err(e) => e.iter().map(ToString::to_string).collect(),
    }
}

fn with_threats(change: impl Fn(&str) -> String) -> Vec<String> {
    let mut f = real();
    f.threats = change(&f.threats);
    errors(&f)
}

fn assert_one(errors: &[String], needle: &str) {
    assert!(
        errors.iter().any(|e| e.contains(needle)),
        "expected an error containing {needle:?}, got {errors:#?}"
    );
}

#[test]
fn every_edition_on_disk_loads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
    for entry in std::fs::read_dir(root).expect("catalog folder") {
        let dir = entry.expect("entry").path();
        if !dir.is_dir() {
            continue;
        }
        if let Err(e) = source::load_dir(&dir) {
            panic!("{}: {e:#?}", dir.display());
        }
    }
}

#[test]
fn a_rule_naming_an_unknown_question_is_refused_with_file_and_threat() {
    let errors = with_threats(|t| {
        t.replace(
            "applies_when = \"input_sensitive or (rag and rag_data_sensitive)\"",
            "applies_when = \"input_sensitve or rag\"",
        )
    });
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(
        errors[0],
        "catalog/2024-01/threats.toml: threat 'inputdataleak': applies_when: 'input_sensitve' is not a question in questions.toml"
    );
}

#[test]
fn a_rule_that_does_not_parse_is_refused() {
    let errors = with_threats(|t| t.replacen("\"not genai\"", "\"not genai and\"", 1));
    assert_one(&errors, "threat 'evasion': applies_when: the rule ends");
}

#[test]
fn a_rule_on_the_components_question_is_refused() {
    let errors = with_threats(|t| t.replacen("\"trains\"", "\"hosted\"", 1));
    assert_one(&errors, "'hosted' is not a yes_no question");
}

#[test]
fn duplicate_ids_and_sections_are_refused() {
    let errors =
        with_threats(|t| t.replace("id = \"openboxevasion\"", "id = \"closedboxevasion\""));
    assert_one(&errors, "threat 'closedboxevasion': is defined twice");
    let errors = with_threats(|t| t.replace("section = \"2.1.2\"", "section = \"2.1.1\""));
    assert_one(&errors, "section '2.1.1' is used twice");
}

#[test]
fn parents_must_exist_and_match_the_section_numbers() {
    let errors = with_threats(|t| t.replacen("parent = \"evasion\"", "parent = \"evasio\"", 1));
    assert_one(
        &errors,
        "threat 'closedboxevasion': parent 'evasio' is not a threat defined above it",
    );
    let errors =
        with_threats(|t| t.replacen("parent = \"disclosureuse\"", "parent = \"evasion\"", 1));
    assert_one(
        &errors,
        "section '2.2.1' must sit directly under its parent's section '2.1'",
    );
    let errors = with_threats(|t| t.replacen("parent = \"evasion\"\n", "", 1));
    assert_one(&errors, "is nested, so the threat needs a 'parent'");
}

#[test]
fn a_group_without_children_is_refused() {
    let errors = with_threats(|t| {
        t.replace(
            "applies_when = \"trains\"\nso_applicable = \"the model is your",
            "applies_when = \"any child\"\nso_applicable = \"the model is your",
        )
    });
    assert_one(
        &errors,
        "threat 'modeltheftuse': applies_when is 'any child', but no threat names it as parent",
    );
}

#[test]
fn unknown_fields_and_toml_syntax_errors_name_the_file() {
    let errors = with_threats(|t| {
        t.replacen(
            "name = \"Closed-box evasion\"",
            "nmae = \"Closed-box evasion\"",
            1,
        )
    });
    assert_one(&errors, "catalog/2024-01/threats.toml");
    assert_one(&errors, "nmae");

    let mut f = real();
    f.questions.push_str("\n[[question]\n");
    assert_one(&errors_of(f), "catalog/2024-01/questions.toml");
}

fn errors_of(f: Files) -> Vec<String> {
    errors(&f)
}

#[test]
fn questions_are_checked() {
    let mut f = real();
    f.questions = f
        .questions
        .replace("depends_on = \"trains\"", "depends_on = \"llm\"");
    assert_one(&errors_of(f), "question 'train_data_sensitive': depends_on 'llm', which is not a question defined above it");

    let mut f = real();
    f.questions = f.questions.replacen(
        "no = \"you don't use retrieval-augmented generation\"\n",
        "",
        1,
    );
    assert_one(
        &errors_of(f),
        "question 'rag': a yes_no question needs a non-empty 'no' phrase",
    );
}

#[test]
fn the_edition_id_must_match_its_folder() {
    let mut f = real();
    f.edition = f.edition.replace("id = \"2024-01\"", "id = \"2024-02\"");
    assert_one(&errors_of(f), "catalog/2024-01/edition.toml: the edition id '2024-02' must match its folder name '2024-01'");
}

#[test]
fn all_problems_are_reported_at_once() {
    let errors =
        with_threats(|t| t.replace("applies_when = \"trains\"", "applies_when = \"train\""));
    // modeltheftuse, devmodelpoison, devmodelleak, devcodeleak, runtimemodeltheft
    assert_eq!(errors.len(), 5, "{errors:#?}");
}

fn with(change: impl Fn(&mut Files)) -> Vec<String> {
    let mut f = real();
    change(&mut f);
    errors(&f)
}

#[test]
fn a_threat_naming_an_unknown_control_is_refused() {
    let errors =
        with_threats(|t| t.replacen("\"PROMPTINPUTVALIDATION\"", "\"PROMPTINPUTVALIDATON\"", 1));
    assert_one(&errors, "threats.toml: threat 'indirectpromptinjection': controls: 'PROMPTINPUTVALIDATON' is neither a control in controls.toml nor an alias");
}

#[test]
fn a_group_member_that_does_not_resolve_is_refused() {
    let errors = with(|f| {
        let g = f.groups.as_mut().expect("groups.toml");
        *g = g.replacen("\"RATELIMIT\"", "\"RATELIMITS\"", 1);
    });
    assert_one(&errors, "groups.toml: group '");
    assert_one(&errors, "'RATELIMITS' is neither a control");
}

#[test]
fn an_alias_to_nothing_is_refused() {
    let errors = with(|f| {
        let a = f.aliases.as_mut().expect("aliases.toml");
        a.push_str("\nMONITORUZE = \"MONITORUSE2\"\n");
    });
    assert_one(
        &errors,
        "aliases.toml: alias 'MONITORUZE': points to 'MONITORUSE2', which is not a control",
    );
}

#[test]
fn a_guideline_mapping_that_does_not_resolve_is_refused() {
    let errors = with(|f| {
        let m = f.mappings.as_mut().expect("mappings.toml");
        *m = m.replacen("\"SECEDUCATE\"", "\"SECEDUCATION\"", 1);
    });
    assert_one(&errors, "mappings.toml: guideline '");
    assert_one(&errors, "'SECEDUCATION' is neither a control");
}

#[test]
fn a_duplicated_control_is_refused() {
    let errors = with(|f| {
        let c = f.controls.as_mut().expect("controls.toml");
        *c = c.replacen("id = \"SECPROGRAM\"", "id = \"AIPROGRAM\"", 1);
    });
    assert_one(
        &errors,
        "controls.toml: control 'AIPROGRAM': is defined twice",
    );
}

#[test]
fn a_missing_required_field_is_refused() {
    // TOML itself refuses a control without a purpose…
    let errors = with(|f| {
        let c = f.controls.as_mut().expect("controls.toml");
        let start = c.find("purpose = ").expect("a purpose");
        let end = start + c[start..].find('\n').expect("line end");
        c.replace_range(start..=end, "");
    });
    assert_one(&errors, "controls.toml");
    assert_one(&errors, "missing field `purpose`");
    // …and the loader a threat without its description, once controls exist.
    let errors = with_threats(|t| {
        let start = t.find("description = ").expect("a description");
        let end = start + t[start..].find('\n').expect("line end");
        format!("{}{}", &t[..start], &t[end + 1..])
    });
    assert_one(
        &errors,
        "threats.toml: threat 'evasion': the required field 'description' is missing",
    );
}

#[test]
fn a_closed_vocabulary_is_enforced() {
    let errors =
        with_threats(|t| t.replacen("lifecycle = \"runtime\"", "lifecycle = \"run-time\"", 1));
    assert_one(
        &errors,
        "lifecycle 'run-time' must be one of: runtime, development",
    );
    let errors = with(|f| {
        let c = f.controls.as_mut().expect("controls.toml");
        *c = c.replacen("type = \"infosec\"", "type = \"security\"", 1);
    });
    assert_one(&errors, "type 'security' must be one of");
}

#[test]
fn counts_per_section() {
    let c = Catalog::by_edition("2024-01").expect("embedded");
    let threats_in = |n: &str| {
        c.threats
            .iter()
            .filter(|t| t.section.starts_with(&format!("{n}.")))
            .count()
    };
    assert_eq!(
        (threats_in("2"), threats_in("3"), threats_in("4")),
        (10, 8, 7)
    );
    let controls_in = |n: &str| {
        c.controls
            .iter()
            .filter(|k| k.section == n || k.section.starts_with(&format!("{n}.")))
            .count()
    };
    assert_eq!(c.controls.len(), 52);
    assert_eq!(
        (
            controls_in("1"),
            controls_in("2"),
            controls_in("3"),
            controls_in("4")
        ),
        (17, 16, 11, 8)
    );
    assert_eq!(c.aliases.len(), 6);
    assert_eq!(c.guidelines.len(), 17);
    let genai_numbers: Vec<u32> = c.genai.iter().map(|g| g.number).collect();
    assert_eq!(
        genai_numbers,
        (1..=genai_numbers.len() as u32).collect::<Vec<_>>()
    );
}

#[test]
fn a_bad_maker_rule_is_refused() {
    let errors = with_threats(|t| {
        t.replacen(
            "maker_owns_when = \"not trains\"",
            "maker_owns_when = \"not trainz\"",
            1,
        )
    });
    assert_one(
        &errors,
        "threats.toml: threat 'modelinversionandmembership': maker_owns_when: 'trainz' is not a yes_no question",
    );
    let errors = with_threats(|t| {
        t.replacen(
            "maker_owns_when = \"not trains\"",
            "maker_owns_when = \"always\"",
            1,
        )
    });
    assert_one(
        &errors,
        "maker_owns_when must be an expression over questions",
    );
}

#[test]
fn links_must_be_relative_sources_and_slugs() {
    let errors = with_threats(|t| {
        t.replacen(
            "source = \"2_threats_through_use.md#211-closed-box-evasion\"",
            "source = \"https://owaspai.org/docs/2_threats_through_use/#211-closed-box-evasion\"",
            1,
        )
    });
    assert_one(
        &errors,
        "threat 'closedboxevasion': source 'https://owaspai.org/docs/2_threats_through_use/#211-closed-box-evasion' must be a file of the edition's text",
    );
    let errors = with_threats(|t| t.replacen("go = \"evasion\"", "go = \"/go/evasion/\"", 1));
    assert_one(
        &errors,
        "threat 'evasion': go '/go/evasion/' must be a short-link slug",
    );
    let errors = with(|f| {
        f.edition = f.edition.replace(
            "go_base = \"https://owaspai.org/go/\"",
            "go_base = \"https://owaspai.org/go\"",
        );
    });
    assert_one(
        &errors,
        "edition.toml: go_base 'https://owaspai.org/go' must be an https:// URL ending in '/'",
    );
    let errors = with_threats(|t| t.replacen("source = ", "url = ", 1));
    assert_one(&errors, "unknown field `url`");
}

#[test]
fn llm_top10_ids_carry_their_edition() {
    let c = Catalog::by_edition("2024-01").expect("embedded");
    assert_eq!(c.genai[0].llm_top10, ["LLM01:2023"]);
    let errors = with(|f| {
        let m = f.mappings.as_mut().expect("mappings.toml");
        *m = m.replacen("\"LLM01:2023\"", "\"LLM01\"", 1);
    });
    assert_one(
        &errors,
        "mappings.toml: genai row 1: llm_top10 'LLM01' must name its list's edition",
    );
}

#[test]
fn a_child_threat_inherits_its_parents_controls() {
    let c = Catalog::by_edition("2024-01").expect("embedded");
    let index = |id: &str| c.threat(id).expect("a threat").0;
    let ids = |v: &[usize]| v.iter().map(|&k| c.controls[k].id).collect::<Vec<_>>();
    for child in ["closedboxevasion", "openboxevasion", "evasionafterpoison"] {
        let inherited = c.inherited_controls(index(child));
        assert_eq!(inherited.len(), 1, "{child}");
        assert_eq!(inherited[0].0, index("evasion"));
        assert_eq!(
            ids(&inherited[0].1),
            [
                "DETECTODDINPUT",
                "DETECTADVERSARIALINPUT",
                "EVASIONROBUSTMODEL",
                "TRAINADVERSARIAL",
                "INPUTDISTORTION",
                "ADVERSARIALROBUSTDISTILLATION"
            ]
        );
    }
    for child in ["datapoison", "devmodelpoison", "transferlearningattack"] {
        let inherited = c.inherited_controls(index(child));
        assert_eq!(inherited.len(), 1, "{child}");
        assert_eq!(inherited[0].0, index("modelpoison"));
        assert_eq!(ids(&inherited[0].1), ["MODELENSEMBLE"]);
    }
    // Top-level threats, and children of parents without controls, inherit
    // nothing.
    for id in [
        "evasion",
        "modelpoison",
        "disclosureinoutput",
        "devdataleak",
    ] {
        assert!(c.inherited_controls(index(id)).is_empty(), "{id}");
    }
}

#[test]
fn a_control_may_carry_every_type_the_navigator_draws() {
    let c = Catalog::by_edition("2024-01").expect("embedded");
    let (_, k) = c.control("CONTINUOUSVALIDATION").expect("a control");
    assert_eq!(k.kinds, ["runtime_datascience", "devtime_datascience"]);
    assert_eq!(k.main_kind(), "runtime_datascience");
    assert_eq!(
        c.control("MONITORUSE").expect("a control").1.kinds,
        ["infosec"]
    );
    let errors = with(|f| {
        let k = f.controls.as_mut().expect("controls.toml");
        *k = k.replacen(
            "type = [\"runtime_datascience\", \"devtime_datascience\"]",
            "type = [\"runtime_datascience\", \"runtime_datascience\"]",
            1,
        );
    });
    assert_one(
        &errors,
        "control 'CONTINUOUSVALIDATION': type must name one type, or a list of different types",
    );
    let errors = with(|f| {
        let k = f.controls.as_mut().expect("controls.toml");
        *k = k.replacen(
            "type = [\"runtime_datascience\", \"devtime_datascience\"]",
            "type = []",
            1,
        );
    });
    assert_one(&errors, "type must name one type");
}

#[test]
fn qualified_references_keep_their_qualifier() {
    let c = Catalog::by_edition("2024-01").expect("embedded");
    let k = |id: &str| c.control(id).expect("a control").1;
    assert_eq!(
        k("DEVPROGRAM").iso27002[0].describe(),
        "5.37 (covers minimally)"
    );
    assert_eq!(k("DEVPROGRAM").opencre[0].gap, Some("covers minimally"));
    assert!(k("SEGREGATEDATA").iso27002[0].gap.is_some());
    assert!(k("OVERSIGHT").iso42001[0].gap.is_some());
    assert!(k("AITRANSPARENCY").iso42001[0].gap.is_some());
    assert!(k("EVASIONROBUSTMODEL").references[0].gap.is_some());
    assert!(k("DATAQUALITYCONTROL").references[0].gap.is_some());
    assert_eq!(k("SECDEVPROGRAM").iso27002[0].describe(), "8.25");
    let errors = with(|f| {
        let k = f.controls.as_mut().expect("controls.toml");
        *k = k.replacen("gap = \"covers minimally\"", "gap = \" \"", 1);
    });
    assert_one(
        &errors,
        "control 'DEVPROGRAM': reference '5.37' needs a non-empty id",
    );
}

#[test]
fn controls_named_without_an_id_are_on_their_threat() {
    let c = Catalog::by_edition("2024-01").expect("embedded");
    let other = |id: &str| c.threat(id).expect("a threat").1.other_controls;
    let generic = other("genericsecthreats");
    assert_eq!(generic.len(), 2);
    assert_eq!(generic[0].opencre[0].id, "636-660");
    assert_eq!(generic[1].opencre[0].id, "862-452");
    let refs: Vec<&str> = generic[0].references.iter().map(|r| r.id).collect();
    assert_eq!(
        refs,
        [
            "ISO/IEC 27002",
            "ISO/IEC 15408",
            "ISO/IEC 18045",
            "OWASP ASVS"
        ]
    );
    assert!(generic[0].references[0].gap.is_some());
    assert_eq!(other("directpromptinjection").len(), 1);
    assert_eq!(other("transferlearningattack").len(), 1);
    let errors = with_threats(|t| t.replacen("name = \"Operational security\"", "name = \"\"", 1));
    assert_one(
        &errors,
        "threat 'genericsecthreats': other_controls: every entry needs a name and a note",
    );
}

// --- The 2026-08 edition's additions to the format ---------------------------

fn with_2026(change: impl Fn(&mut Files)) -> Vec<String> {
    let mut f = read_edition("2026-08");
    change(&mut f);
    errors_in("catalog/2026-08", &f)
}

fn threats_2026(change: impl Fn(&str) -> String) -> Vec<String> {
    with_2026(|f| f.threats = change(&f.threats))
}

#[test]
fn the_2026_edition_loads_as_written() {
    assert_eq!(with_2026(|_| {}), Vec::<String>::new());
}

#[test]
fn minus_takes_away_only_what_a_threat_would_get() {
    // A control no group or parent gives it.
    let errors = threats_2026(|t| {
        t.replacen(
            "minus = [\"RATELIMIT\", ",
            "minus = [\"ENCODEMODELOUTPUT\", \"RATELIMIT\", ",
            1,
        )
    });
    assert_one(
        &errors,
        "threats.toml: threat 'transferattack': minus: 'ENCODEMODELOUTPUT' is not a control it gets from its section's group or a threat above it",
    );
    // One of its own controls.
    let errors = threats_2026(|t| {
        t.replacen(
            "minus = [\"DEVSECURITY\", ",
            "minus = [\"SUPPLYCHAINMANAGE\", \"DEVSECURITY\", ",
            1,
        )
    });
    assert_one(
        &errors,
        "threat 'supplymodelpoison': minus: 'SUPPLYCHAINMANAGE' is also one of its own controls",
    );
    // An id that is nothing at all.
    let errors = threats_2026(|t| t.replacen("\"OBSCURECONFIDENCE\"]", "\"OBSCURECONFIDENT\"]", 1));
    assert_one(
        &errors,
        "threat 'transferattack': minus: 'OBSCURECONFIDENT' is neither a control",
    );
}

#[test]
fn an_alias_of_several_controls_is_checked_like_any_other() {
    let errors = with_2026(|f| {
        let a = f.aliases.as_mut().expect("aliases.toml");
        *a = a.replace(
            "[\"EVASIONINPUTHANDLING\", \"UNWANTEDINPUTSERIESHANDLING\"]",
            "[\"EVASIONINPUTHANDLING\", \"UNWANTEDINPUTSERIES\"]",
        );
    });
    assert_one(
        &errors,
        "aliases.toml: alias 'DETECTADVERSARIALINPUT': points to 'UNWANTEDINPUTSERIES', which is not a control",
    );
    let errors = with_2026(|f| {
        let a = f.aliases.as_mut().expect("aliases.toml");
        *a = a.replace(
            "[\"EVASIONINPUTHANDLING\", \"UNWANTEDINPUTSERIESHANDLING\"]",
            "[]",
        );
    });
    assert_one(
        &errors,
        "alias 'DETECTADVERSARIALINPUT': must name one id, or a list of different ids",
    );
    let errors = with_2026(|f| {
        let a = f.aliases.as_mut().expect("aliases.toml");
        *a = a.replace("HUMANOVERSIGHT = ", "human_oversight = ");
    });
    assert_one(
        &errors,
        "alias 'human_oversight': an alias of a control is upper-case letters and digits",
    );
    // A reference by the alias counts as both controls: listing one of
    // them beside it is listing it twice.
    let errors = with_2026(|f| {
        let m = f.mappings.as_mut().expect("mappings.toml");
        *m = m.replace(
            "[\"MONITORUSE\", \"DETECTODDINPUT\", \"DETECTADVERSARIALINPUT\"]",
            "[\"UNWANTEDINPUTSERIESHANDLING\", \"DETECTADVERSARIALINPUT\"]",
        );
    });
    assert_one(&errors, "'DETECTADVERSARIALINPUT' is listed twice");
}

#[test]
fn threat_aliases_must_name_threats() {
    let errors = with_2026(|f| {
        let a = f.aliases.as_mut().expect("aliases.toml");
        *a = a.replace(
            "insecureoutput = \"outputcontainsconventionalinjection\"",
            "insecureoutput = \"outputcontainsinjection\"",
        );
    });
    assert_one(
        &errors,
        "aliases.toml: threat alias 'insecureoutput': points to 'outputcontainsinjection', which is not a threat in threats.toml",
    );
    let errors = with_2026(|f| {
        let a = f.aliases.as_mut().expect("aliases.toml");
        a.push_str("\nevasion = \"zeroknowledgeevasion\"\n");
    });
    assert_one(&errors, "threat alias 'evasion': is also a threat id");
}

#[test]
fn dsit_principles_and_articles_are_checked() {
    let errors = with_2026(|f| {
        let m = f.mappings.as_mut().expect("mappings.toml");
        *m = m.replacen("dsit = [1]", "dsit = [14]", 1);
    });
    assert_one(
        &errors,
        "guideline 'Raise staff awareness of threats and risks': dsit 14 is not a principle",
    );
    let errors = with_2026(|f| {
        let m = f.mappings.as_mut().expect("mappings.toml");
        *m = m.replacen("eu_ai_act = [\"3(23)\"", "eu_ai_act = [\"Art 3(23)\"", 1);
    });
    assert_one(
        &errors,
        "regulation 'Provider conversion / substantial modification': eu_ai_act 'Art 3(23)' must be an article number",
    );
}

#[test]
fn a_section_group_must_belong_to_a_section() {
    let errors = with_2026(|f| {
        let g = f.groups.as_mut().expect("groups.toml");
        *g = g.replace("section = \"3.0\"", "section = \"5.0\"");
    });
    assert_one(
        &errors,
        "groups.toml: group 'development': section '5.0' serves the threats of section '5', which is no [[section]]",
    );
}
