//! Catalogs many times the size of an edition, for the benchmarks only.
//!
//! Copy `k` of every threat gets the id suffix `x<k>` (controls `X<k>`); a copied
//! threat keeps its rule and points at the copies of its parent and controls,
//! so a scaled catalog puts exactly `factor` times as many threats in scope.
//! The groups stay the edition's: a larger catalog has more threats, not more
//! general programmes, and a group control lists every threat it serves, so
//! copying the groups too would grow the selection with the square of the
//! size.
//! Nothing here reaches a shipped app: the browser uses it only when built
//! with the `bench-20x` feature, which `scripts/bench` alone turns on.

use super::catalog::Catalog;

/// `base` with every threat and control repeated `factor` times.
pub fn scaled(base: &'static Catalog, factor: usize) -> &'static Catalog {
    Box::leak(Box::new(build(base, factor)))
}

fn build(base: &'static Catalog, factor: usize) -> Catalog {
    let factor = factor.max(1);
    let (nt, nc) = (base.threats.len(), base.controls.len());
    let shift = |indices: &[usize], k: usize| leak(indices.iter().map(|i| i + k * nc).collect());
    let every_copy = |indices: &[usize]| {
        leak(
            (0..factor)
                .flat_map(|k| indices.iter().map(move |i| i + k * nc))
                .collect(),
        )
    };

    let mut threats = Vec::with_capacity(nt * factor);
    let mut controls = Vec::with_capacity(nc * factor);
    for k in 0..factor {
        for t in base.threats {
            let mut t = t.clone();
            if k > 0 {
                t.id = leak_str(format!("{}x{k}", t.id));
                t.name = leak_str(format!("{} (copy {k})", t.name));
                t.parent = t.parent.map(|p| p + k * nt);
                t.controls = shift(t.controls, k);
                t.minus = shift(t.minus, k);
                t.genai = &[];
            }
            threats.push(t);
        }
        for c in base.controls {
            let mut c = c.clone();
            if k > 0 {
                c.id = leak_str(format!("{}X{k}", c.id));
                c.name = leak_str(format!("{} (copy {k})", c.name));
            }
            controls.push(c);
        }
    }
    Catalog {
        edition: base.edition,
        title: base.title,
        published: base.published,
        source_commit: base.source_commit,
        site: base.site,
        source_base: base.source_base,
        go_base: base.go_base,
        overview: base.overview,
        sections: base.sections,
        questions: base.questions,
        threats: Box::leak(threats.into_boxed_slice()),
        controls: Box::leak(controls.into_boxed_slice()),
        groups: base.groups,
        aliases: base.aliases,
        threat_aliases: base.threat_aliases,
        guidelines: base.guidelines,
        genai: base.genai,
        // The first copy keeps them, as it keeps the groups.
        synonyms: base.synonyms,
        regulations: base.regulations,
        steps: base.steps,
        development_controls_when: base.development_controls_when.clone(),
        development_controls_kept: every_copy(base.development_controls_kept),
    }
}

/// Every embedded edition scaled `factor` times, built once.
#[cfg(feature = "bench-20x")]
pub fn scaled_editions(factor: usize) -> &'static [Catalog] {
    use super::catalog::EDITIONS;
    static SCALED: std::sync::OnceLock<&'static [Catalog]> = std::sync::OnceLock::new();
    SCALED.get_or_init(|| {
        let all: Vec<Catalog> = EDITIONS.iter().map(|e| build(e, factor)).collect();
        Box::leak(all.into_boxed_slice())
    })
}

fn leak(v: Vec<usize>) -> &'static [usize] {
    Box::leak(v.into_boxed_slice())
}

fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}
