//! The catalog compiled into the app equals its source files in every field,
//! for every edition on disk: build.rs may drop or garble nothing.
#![cfg(not(target_arch = "wasm32"))]

use aixa::core::catalog::{Catalog, Expr, QuestionKind, Ref, Rule, Scope};
use aixa::core::rule::Ast;
use aixa::core::source::{self, Edition, KindSrc, RefSrc};
use std::path::Path;

fn editions() -> Vec<(Edition, &'static Catalog)> {
    let mut found = Vec::new();
    for root in ["catalog", "tests/editions"] {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(root);
        let entries =
            std::fs::read_dir(&root).unwrap_or_else(|e| panic!("{}: {e}", root.display()));
        for entry in entries {
            let dir = entry.expect("a folder entry").path();
            if !dir.is_dir() {
                continue;
            }
            let src = source::load_dir(&dir).unwrap_or_else(|e| panic!("{}: {e:?}", dir.display()));
            let embedded = Catalog::by_edition(&src.meta.id)
                .unwrap_or_else(|| panic!("{} is not embedded", src.meta.id));
            found.push((src, embedded));
        }
    }
    assert!(found.len() >= 3, "2024-01, 2026-08 and the test edition");
    found
}

/// An embedded rule in words: `genai`, `not(x)`, `all(a, b)`, `any(a, b)`.
fn expr(c: &Catalog, e: &Expr) -> String {
    match e {
        Expr::Question(i) => c.questions[*i].id.to_string(),
        Expr::Not(inner) => format!("not({})", expr(c, inner)),
        Expr::All(items) => format!(
            "all({})",
            items
                .iter()
                .map(|i| expr(c, i))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Expr::Any(items) => format!(
            "any({})",
            items
                .iter()
                .map(|i| expr(c, i))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The same words for a rule as the source file states it.
fn ast(a: &Ast) -> String {
    match a {
        Ast::Always => "always".into(),
        Ast::AnyChild => "any child".into(),
        Ast::Question(q) => q.clone(),
        Ast::Not(inner) => format!("not({})", ast(inner)),
        Ast::And(items) => format!(
            "all({})",
            items.iter().map(ast).collect::<Vec<_>>().join(", ")
        ),
        Ast::Or(items) => format!(
            "any({})",
            items.iter().map(ast).collect::<Vec<_>>().join(", ")
        ),
    }
}

fn rule(c: &Catalog, r: &Rule) -> String {
    match r {
        Rule::Always => "always".into(),
        Rule::AnyChild => "any child".into(),
        Rule::When(e) => expr(c, e),
    }
}

fn refs(embedded: &[Ref]) -> Vec<(String, Option<String>)> {
    embedded
        .iter()
        .map(|r| (r.id.to_string(), r.gap.map(str::to_string)))
        .collect()
}

fn src_refs(src: &[RefSrc]) -> Vec<(String, Option<String>)> {
    src.iter()
        .map(|r| (r.id().to_string(), r.gap().map(str::to_string)))
        .collect()
}

fn opt(s: &Option<String>) -> Option<&str> {
    s.as_deref()
}

/// Control ids as the source writes them (aliases allowed, an alias of
/// several controls standing for all of them), resolved.
fn control_ids(c: &Catalog, ids: &[String]) -> Vec<&'static str> {
    ids.iter()
        .flat_map(|id| {
            let found = c.controls_named(id);
            assert!(!found.is_empty(), "{id} resolves");
            found.into_iter().map(|k| c.controls[k].id)
        })
        .collect()
}

#[test]
fn every_field_of_every_edition_is_embedded_as_written() {
    for (s, c) in editions() {
        let m = &s.meta;
        let at = |what: &str| format!("edition {}: {what}", m.id);
        assert_eq!(
            (c.edition, c.title, c.published, c.source_commit, c.site),
            (
                m.id.as_str(),
                m.title.as_str(),
                m.published.as_str(),
                m.source_commit.as_str(),
                m.site.as_str()
            ),
            "{}",
            at("meta")
        );
        assert_eq!(
            (c.source_base, c.go_base, c.overview),
            (
                m.source_base.as_str(),
                m.go_base.as_str(),
                m.overview.as_str()
            )
        );
        assert_eq!(c.sections.len(), m.sections.len(), "{}", at("sections"));
        for (e, x) in c.sections.iter().zip(&m.sections) {
            assert_eq!(
                (e.number, e.name, e.source),
                (x.number.as_str(), x.name.as_str(), x.source.as_str())
            );
            assert_eq!(e.go, x.go.as_deref().unwrap_or(""));
        }

        assert_eq!(c.questions.len(), s.questions.len(), "{}", at("questions"));
        for (e, x) in c.questions.iter().zip(&s.questions) {
            let here = at(&format!("question {}", x.id));
            assert_eq!(
                (e.id, e.text, e.help),
                (x.id.as_str(), x.text.as_str(), x.help.as_str()),
                "{here}"
            );
            assert_eq!(
                e.depends_on.map(|p| c.questions[p].id),
                opt(&x.depends_on),
                "{here}"
            );
            assert_eq!(
                (e.yes, e.no, e.unknown),
                (
                    opt(&x.yes).unwrap_or(""),
                    opt(&x.no).unwrap_or(""),
                    opt(&x.unknown).unwrap_or("")
                ),
                "{here}"
            );
            match (&e.kind, x.kind) {
                (QuestionKind::YesNo, KindSrc::YesNo) => {}
                (QuestionKind::Components(choices), KindSrc::Components) => {
                    let got: Vec<(&str, &str)> = choices.iter().map(|o| (o.id, o.label)).collect();
                    let want: Vec<(&str, &str)> = x
                        .options
                        .iter()
                        .flatten()
                        .map(|o| (o.id.as_str(), o.label.as_str()))
                        .collect();
                    assert_eq!(got, want, "{here}");
                }
                _ => panic!("{here}: kind differs"),
            }
        }

        assert_eq!(c.threats.len(), s.threats.len(), "{}", at("threats"));
        for (i, (e, x)) in c.threats.iter().zip(&s.threats).enumerate() {
            let here = at(&format!("threat {}", x.id));
            assert_eq!(
                (e.id, e.section, e.name),
                (x.id.as_str(), x.section.as_str(), x.name.as_str()),
                "{here}"
            );
            assert_eq!(e.parent.map(|p| c.threats[p].id), opt(&x.parent), "{here}");
            let top = x.section.split('.').next().unwrap_or_default();
            assert_eq!(c.sections[e.top_section].number, top, "{here}");
            assert_eq!(rule(c, &e.rule), ast(&s.threat_rule[i]), "{here}: rule");
            assert_eq!(
                (e.so_applicable, e.so_not_applicable),
                (opt(&x.so_applicable), opt(&x.so_not_applicable)),
                "{here}"
            );
            assert_eq!(
                (e.description, e.impact, e.lifecycle, e.asset, e.property),
                (
                    opt(&x.description).unwrap_or(""),
                    opt(&x.impact).unwrap_or(""),
                    opt(&x.lifecycle).unwrap_or(""),
                    opt(&x.asset).unwrap_or(""),
                    opt(&x.property).unwrap_or("")
                ),
                "{here}"
            );
            assert_eq!(e.attack_surface, x.attack_surface.as_slice(), "{here}");
            let own: Vec<&str> = e.controls.iter().map(|&k| c.controls[k].id).collect();
            assert_eq!(own, control_ids(c, &x.controls), "{here}: controls");
            let genai: Vec<u32> = e.genai.iter().map(|&g| c.genai[g].number).collect();
            assert_eq!(genai, x.genai, "{here}: genai");
            assert_eq!(e.atlas, x.atlas.as_slice(), "{here}");
            assert_eq!(
                (e.source, e.go),
                (opt(&x.source).unwrap_or(""), opt(&x.go).unwrap_or("")),
                "{here}"
            );
            assert_eq!(e.components, x.components.as_slice(), "{here}");
            assert_eq!(
                e.maker_owns_when.as_ref().map(|r| expr(c, r)),
                s.threat_maker_rule[i].as_ref().map(ast),
                "{here}: maker_owns_when"
            );
            assert_eq!(
                e.ours_when.as_ref().map(|r| expr(c, r)),
                s.threat_ours_rule[i].as_ref().map(ast),
                "{here}: ours_when"
            );
            assert_eq!(e.other_controls.len(), x.other_controls.len(), "{here}");
            for (eo, xo) in e.other_controls.iter().zip(&x.other_controls) {
                assert_eq!(
                    (eo.name, eo.note),
                    (xo.name.as_str(), xo.note.as_str()),
                    "{here}"
                );
                assert_eq!(refs(eo.opencre), src_refs(&xo.opencre), "{here}");
                assert_eq!(refs(eo.iso27002), src_refs(&xo.iso27002), "{here}");
                assert_eq!(refs(eo.references), src_refs(&xo.references), "{here}");
            }
            assert_eq!(refs(e.opencre), src_refs(&x.opencre), "{here}: opencre");
            let minus: Vec<&str> = e.minus.iter().map(|&k| c.controls[k].id).collect();
            assert_eq!(minus, control_ids(c, &x.minus), "{here}: minus");
        }

        assert_eq!(c.controls.len(), s.controls.len(), "{}", at("controls"));
        for (e, x) in c.controls.iter().zip(&s.controls) {
            let here = at(&format!("control {}", x.id));
            assert_eq!(
                (e.id, e.name, e.section, e.category, e.lifecycle, e.purpose),
                (
                    x.id.as_str(),
                    x.name.as_str(),
                    x.section.as_str(),
                    x.category.as_str(),
                    x.lifecycle.as_str(),
                    x.purpose.as_str()
                ),
                "{here}"
            );
            assert_eq!(e.kinds, x.kinds.as_slice(), "{here}");
            assert_eq!(e.only_when_training, x.only_when_training, "{here}");
            assert_eq!(e.remaining_risk, opt(&x.remaining_risk), "{here}");
            assert_eq!(refs(e.iso27002), src_refs(&x.iso27002), "{here}");
            assert_eq!(refs(e.iso42001), src_refs(&x.iso42001), "{here}");
            assert_eq!(refs(e.opencre), src_refs(&x.opencre), "{here}");
            assert_eq!(refs(e.references), src_refs(&x.references), "{here}");
            assert_eq!(
                (e.source, e.go),
                (x.source.as_str(), opt(&x.go).unwrap_or("")),
                "{here}"
            );
        }

        assert_eq!(c.groups.len(), s.groups.len(), "{}", at("groups"));
        for (e, x) in c.groups.iter().zip(&s.groups) {
            let here = at(&format!("group {}", x.id));
            assert_eq!(
                (e.id, e.section, e.name),
                (x.id.as_str(), x.section.as_str(), x.name.as_str()),
                "{here}"
            );
            let scope = match x.applies_to.as_str() {
                "all" => Scope::All,
                "use" => Scope::Use,
                "development" => Scope::Development,
                other => panic!("{here}: applies_to {other}"),
            };
            assert_eq!(e.scope, scope, "{here}");
            let members: Vec<&str> = e.controls.iter().map(|&k| c.controls[k].id).collect();
            assert_eq!(members, control_ids(c, &x.controls), "{here}");
        }

        let aliases: Vec<(&str, &str)> = c
            .aliases
            .iter()
            .map(|a| (a.alias, c.controls[a.control].id))
            .collect();
        let want: Vec<(&str, &str)> = s
            .aliases
            .iter()
            .map(|(alias, k)| (alias.as_str(), s.controls[*k].id.as_str()))
            .collect();
        assert_eq!(aliases, want, "{}", at("aliases"));
        let threat_aliases: Vec<(&str, &str)> = c
            .threat_aliases
            .iter()
            .map(|a| (a.alias, c.threats[a.threat].id))
            .collect();
        let want: Vec<(&str, &str)> = s
            .threat_aliases
            .iter()
            .map(|(alias, t)| (alias.as_str(), s.threats[*t].id.as_str()))
            .collect();
        assert_eq!(threat_aliases, want, "{}", at("threat aliases"));

        assert_eq!(
            c.guidelines.len(),
            s.guidelines.len(),
            "{}",
            at("guidelines")
        );
        for (e, x) in c.guidelines.iter().zip(&s.guidelines) {
            let here = at(&format!("guideline {}", x.text));
            assert_eq!(
                (e.section, e.text, e.note, e.partial),
                (x.section.as_str(), x.text.as_str(), opt(&x.note), x.partial),
                "{here}"
            );
            let mapped: Vec<&str> = e.controls.iter().map(|&k| c.controls[k].id).collect();
            assert_eq!(mapped, control_ids(c, &x.controls), "{here}");
            assert_eq!(e.dsit, x.dsit.as_slice(), "{here}: dsit");
        }

        assert_eq!(
            c.regulations.len(),
            s.regulations.len(),
            "{}",
            at("regulations")
        );
        for (e, x) in c.regulations.iter().zip(&s.regulations) {
            let here = at(&format!("regulation {}", x.topic));
            assert_eq!(
                (e.topic, e.obligation, e.note),
                (x.topic.as_str(), x.obligation.as_str(), opt(&x.note)),
                "{here}"
            );
            assert_eq!(e.eu_ai_act, x.eu_ai_act.as_slice(), "{here}");
            let mapped: Vec<&str> = e.controls.iter().map(|&k| c.controls[k].id).collect();
            assert_eq!(mapped, control_ids(c, &x.controls), "{here}");
        }

        assert_eq!(c.genai.len(), s.genai.len(), "{}", at("genai"));
        for (e, x) in c.genai.iter().zip(&s.genai) {
            let here = at(&format!("genai {}", x.number));
            assert_eq!(
                (e.number, e.summary),
                (x.number, x.summary.as_str()),
                "{here}"
            );
            assert_eq!(e.llm_top10, x.llm_top10.as_slice(), "{here}");
            let threats: Vec<&str> = e.threats.iter().map(|&t| c.threats[t].id).collect();
            let want: Vec<&str> = x.threats.iter().map(String::as_str).collect();
            assert_eq!(threats, want, "{here}");
        }

        assert_eq!(c.synonyms.len(), s.synonyms.len(), "{}", at("synonyms"));
        for (e, x) in c.synonyms.iter().zip(&s.synonyms) {
            let here = at(&format!("synonym {}", x.word));
            assert_eq!(e.word, x.word, "{here}");
            let threats: Vec<&str> = e.threats.iter().map(|&t| c.threats[t].id).collect();
            let want: Vec<&str> = x.threats.iter().map(String::as_str).collect();
            assert_eq!(threats, want, "{here}");
            let controls: Vec<&str> = e.controls.iter().map(|&k| c.controls[k].id).collect();
            assert_eq!(controls, control_ids(c, &x.controls), "{here}");
        }

        let selection = m.selection.as_ref();
        assert_eq!(
            c.development_controls_when.as_ref().map(|r| expr(c, r)),
            s.dev_rule.as_ref().map(ast),
            "{}",
            at("development_controls_when")
        );
        let kept: Vec<&str> = c
            .development_controls_kept
            .iter()
            .map(|&k| c.controls[k].id)
            .collect();
        let want = selection
            .map(|sel| control_ids(c, &sel.development_controls_kept))
            .unwrap_or_default();
        assert_eq!(kept, want, "{}", at("development_controls_kept"));
    }
}
