//! File names of exports: one dash between words, ASCII only.
#![cfg(not(target_arch = "wasm32"))]

use aixa::core::file_name::file_stem;

#[test]
fn a_file_stem_has_one_dash_between_words() {
    let cases = [
        ("Card fraud scoring — GBT", "card-fraud-scoring-gbt"),
        (
            "Support chatbot (RAG + hosted LLM)",
            "support-chatbot-rag-hosted-llm",
        ),
        ("Customer T&Cs assistant", "customer-t-cs-assistant"),
        ("AI_2026/Q1: v2.0", "ai-2026-q1-v2-0"),
        ("  --Already-dashed--  ", "already-dashed"),
        ("../../etc/passwd", "etc-passwd"),
        ("a", "a"),
        // Letters outside ASCII are separators, never glued together.
        ("Résumé screening", "r-sum-screening"),
        ("naïve Bayes", "na-ve-bayes"),
        // Nothing usable left: a name that still says what the file is.
        ("", "assessment"),
        ("   ", "assessment"),
        ("— ✓ —", "assessment"),
        ("チャットボット", "assessment"),
    ];
    for (name, stem) in cases {
        assert_eq!(file_stem(name), stem, "{name:?}");
    }
}

#[test]
fn a_file_stem_is_lower_case_ascii_without_stray_dashes() {
    let names = [
        "Card fraud scoring — GBT",
        "<script>alert(1)</script>",
        "x - - - y",
        "Ünïcödé — ✓ 名前 1",
        "\u{0}\t\nnull",
    ];
    for name in names {
        let stem = file_stem(name);
        assert!(
            stem.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{name:?} gave {stem:?}"
        );
        assert!(!stem.contains("--"), "{name:?} gave {stem:?}");
        assert!(
            !stem.starts_with('-') && !stem.ends_with('-'),
            "{name:?} gave {stem:?}"
        );
    }
}
