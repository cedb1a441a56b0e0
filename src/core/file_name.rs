//! File names from what people call their assessments.

/// The stem of a file name for an assessment named `name`: its ASCII
/// letters and digits, lower-cased, each run of anything else (spaces,
/// punctuation, dashes, and any letter outside ASCII) one `-`, none at
/// either end; "assessment" when nothing is left.
///
/// "Card fraud scoring — GBT" gives `card-fraud-scoring-gbt`. Letters
/// outside ASCII are not transliterated: "Résumé" gives `r-sum`, a
/// separator where the letter was rather than two parts run together.
/// What is left is safe on every file system and in every download.
pub fn file_stem(name: &str) -> String {
    let mut stem = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "assessment".into()
    } else {
        stem.into()
    }
}
