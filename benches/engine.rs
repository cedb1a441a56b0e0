//! `select` on the 2024-01 edition and on catalogs 20 and 100 times its size.
//!
//! scripts/bench reads `target/criterion/select/<id>/new/estimates.json`, so
//! the group name `select` and the ids `1x`, `20x` and `100x` are its
//! interface: renaming them breaks it.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

// Criterion does not build for wasm32, yet clippy checks every target there.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use aixa::core::answers::{Answers, Tri};
    use aixa::core::catalog::Catalog;
    use aixa::core::engine::select;
    use aixa::core::synthetic::scaled;
    use criterion::{Criterion, SamplingMode, Throughput};
    use std::hint::black_box;
    use std::process::exit;
    use std::time::Duration;

    const EDITION: &str = "2024-01";

    pub fn main() {
        // With the feature, every embedded edition is already 20 times its
        // size, so each id would silently measure 20 times what it names.
        if cfg!(feature = "bench-20x") {
            eprintln!("benches/engine: build it without the bench-20x feature");
            exit(2);
        }
        let Some(edition) = Catalog::by_edition(EDITION) else {
            eprintln!("benches/engine: the {EDITION} edition is not embedded");
            exit(1);
        };
        let answers = rag_llm_with_open_questions();

        // Warm-up and measurement short enough for a loaded two-core machine;
        // the command line may still override them.
        let mut criterion = Criterion::default()
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3))
            .configure_from_args();
        let mut group = criterion.benchmark_group("select");
        for (id, factor) in [("1x", 1), ("20x", 20), ("100x", 100)] {
            // Built outside the measurement: only `select` is timed.
            let catalog = if factor == 1 {
                edition
            } else {
                scaled(edition, factor)
            };
            group.throughput(Throughput::Elements(catalog.threats.len() as u64));
            if factor >= 100 {
                // Linear sampling runs 5,050 iterations, over 3 s at this
                // size; flat sampling splits the 3 s evenly instead.
                group.sampling_mode(SamplingMode::Flat);
            }
            group.bench_function(id, |b| {
                b.iter(|| select(black_box(catalog), black_box(&answers)))
            });
        }
        group.finish();
        criterion.final_summary();
    }

    /// A RAG application on an LLM, with sensitive retrieved data, whose
    /// training and input questions are still open: unknowns keep threats in
    /// scope, so every rule form is evaluated, not only the short cuts.
    fn rag_llm_with_open_questions() -> Answers {
        let mut a = Answers::default();
        for (q, v) in [
            ("rag", Tri::Yes),
            ("rag_data_sensitive", Tri::Yes),
            ("genai", Tri::Yes),
            ("llm", Tri::Yes),
            ("trains", Tri::Unknown),
            ("train_data_sensitive", Tri::Unknown),
            ("input_sensitive", Tri::Unknown),
        ] {
            a.set(q, v);
        }
        a
    }
}
