//! The benchmarks' scaled catalogs: a catalog `factor` times an edition's size
//! must decide exactly as the edition does, copy by copy, or the benchmarks
//! would time a different workload than they claim to.

mod common;

use aixa::core::answers::{Answers, Tri};
use aixa::core::catalog::Catalog;
use aixa::core::engine::{select, Selection};
use aixa::core::synthetic::scaled;
use common::{answers, catalog};
use std::collections::HashSet;
use std::sync::OnceLock;

const FACTOR: usize = 20;

fn twenty() -> &'static Catalog {
    // Each call leaks a catalog; one is enough for every test here.
    static SCALED: OnceLock<&'static Catalog> = OnceLock::new();
    SCALED.get_or_init(|| scaled(catalog(), FACTOR))
}

/// Unknowns among them, since they keep threats in scope through a
/// different path of the engine than a "yes" does.
fn answer_sets() -> Vec<(&'static str, Answers)> {
    use Tri::{No, Unknown as U, Yes};
    vec![
        ("nothing answered", Answers::default()),
        ("all yes", answers([Yes; 7])),
        ("all no", answers([No; 7])),
        (
            "RAG on an LLM, the rest open",
            answers([Yes, U, U, Yes, Yes, Yes, U]),
        ),
        (
            "trains, not generative, open data",
            answers([No, Yes, U, U, No, U, Yes]),
        ),
        (
            "neither trains nor uses RAG",
            answers([No, No, U, U, Yes, U, U]),
        ),
    ]
}

fn in_scope(s: &Selection) -> usize {
    s.verdicts.iter().filter(|v| v.in_scope()).count()
}

#[test]
fn twenty_times_the_threats_and_controls() {
    let (base, big) = (catalog(), twenty());
    assert_eq!(big.threats.len(), FACTOR * base.threats.len());
    assert_eq!(big.controls.len(), FACTOR * base.controls.len());
    // The groups stay the edition's: copying their controls would make each
    // copy serve every copy's threats, growing `select` with the square.
    assert_eq!(big.groups.len(), base.groups.len());
    for (g, b) in big.groups.iter().zip(base.groups) {
        assert_eq!(g.controls, b.controls, "{}", g.id);
    }
    assert_eq!(
        big.development_controls_kept.len(),
        FACTOR * base.development_controls_kept.len()
    );
}

#[test]
fn every_id_is_unique() {
    let big = twenty();
    let threats: HashSet<&str> = big.threats.iter().map(|t| t.id).collect();
    let controls: HashSet<&str> = big.controls.iter().map(|c| c.id).collect();
    assert_eq!(threats.len(), big.threats.len());
    assert_eq!(controls.len(), big.controls.len());
    // Lookups by id must find the copy, not an original.
    for (i, t) in big.threats.iter().enumerate() {
        assert_eq!(big.threat(t.id).map(|(j, _)| j), Some(i), "{}", t.id);
    }
    for (i, c) in big.controls.iter().enumerate() {
        assert_eq!(big.control(c.id).map(|(j, _)| j), Some(i), "{}", c.id);
    }
}

#[test]
fn parents_and_controls_point_inside_the_same_copy() {
    let (base, big) = (catalog(), twenty());
    let (nt, nc) = (base.threats.len(), base.controls.len());
    let mut parents = 0;
    for (i, t) in big.threats.iter().enumerate() {
        let (copy, original) = (i / nt, &base.threats[i % nt]);
        assert_eq!(t.section, original.section);
        match (t.parent, original.parent) {
            (Some(p), Some(q)) => {
                assert_eq!(p / nt, copy, "{}", t.id);
                assert_eq!(p % nt, q, "{}", t.id);
                // The engine decides children first by walking backwards.
                assert!(p < i, "{}", t.id);
                parents += 1;
            }
            (None, None) => {}
            (p, q) => panic!("{}: parent {p:?}, originally {q:?}", t.id),
        }
        assert_eq!(t.controls.len(), original.controls.len(), "{}", t.id);
        for (&c, &o) in t.controls.iter().zip(original.controls) {
            assert_eq!((c / nc, c % nc), (copy, o), "{}", t.id);
        }
    }
    assert!(parents > 0, "the edition has threat groups to check");
}

/// The controls a selection picks in each copy of the catalog, as indices
/// into the edition's controls.
fn per_copy(s: &Selection, nc: usize) -> Vec<HashSet<usize>> {
    let mut copies = vec![HashSet::new(); FACTOR];
    for c in &s.controls {
        copies[c.control / nc].insert(c.control % nc);
    }
    copies
}

#[test]
fn select_finds_twenty_times_the_threats_and_each_copy_its_controls() {
    let (base, big) = (catalog(), twenty());
    let (nt, nc) = (base.threats.len(), base.controls.len());
    for (name, a) in answer_sets() {
        let small = select(base, &a);
        let large = select(big, &a);
        assert!(in_scope(&small) > 0, "{name}");
        assert_eq!(in_scope(&large), FACTOR * in_scope(&small), "{name}");
        assert_eq!(large.development_controls, small.development_controls);
        // Not only as many: every copy decides as its original does.
        for (i, v) in large.verdicts.iter().enumerate() {
            assert_eq!(v.verdict, small.verdicts[i % nt].verdict, "{name}: {i}");
        }

        // The first copy holds the groups, so it selects what the edition
        // does; every other copy the threats' own controls among those.
        let selected: HashSet<usize> = small.controls.iter().map(|c| c.control).collect();
        let own: HashSet<usize> = small
            .verdicts
            .iter()
            .filter(|v| v.in_scope())
            .flat_map(|v| base.threats[v.threat].controls.iter().copied())
            .filter(|c| selected.contains(c))
            .collect();
        let copies = per_copy(&large, nc);
        assert_eq!(copies[0], selected, "{name}");
        for (k, copy) in copies.iter().enumerate().skip(1) {
            assert_eq!(copy, &own, "{name}: copy {k}");
        }
        assert_eq!(
            large.controls.len(),
            selected.len() + (FACTOR - 1) * own.len(),
            "{name}"
        );
        assert!(own.len() < selected.len(), "{name}: the groups add some");
    }
}

#[test]
fn factor_one_selects_as_the_edition() {
    let base = catalog();
    let one = scaled(base, 1);
    let ids = |c: &Catalog| c.threats.iter().map(|t| t.id).collect::<Vec<_>>();
    assert_eq!(ids(one), ids(base));
    for (name, a) in answer_sets() {
        let (s, t) = (select(base, &a), select(one, &a));
        // `Selection`'s own equality also compares the catalog's address.
        assert_eq!(s.verdicts, t.verdicts, "{name}");
        assert_eq!(s.controls, t.controls, "{name}");
        assert_eq!(s.development_controls, t.development_controls, "{name}");
    }
}
