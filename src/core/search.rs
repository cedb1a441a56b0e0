//! Instant, typo-tolerant search over the catalog's threats and controls.
//!
//! Each query word must match some word of an entry (exactly, as a prefix,
//! inside it, or within a small edit distance), and an entry whose id or
//! name matches scores above one that matches only in its text; an old
//! name (an alias) scores just below the id. Spaces are
//! optional between words, so "ratelimit" finds "Rate limit".

use super::catalog::Catalog;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Item {
    Threat(usize),
    Control(usize),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub item: Item,
    pub score: f32,
}

/// Alphanumeric words, lower-cased by ASCII rules: the catalog is English,
/// and Unicode's case tables would add about 10 KB to the wasm.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Whether the edit distance (with adjacent swaps counting as one edit, as
/// typing slips do) is at most `max`.
fn within(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=m).collect();
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[n][m] <= max
}

/// How well one query word matches one entry word (0 for not at all).
fn word_score(q: &str, w: &str) -> f32 {
    if q == w {
        1.0
    } else if w.starts_with(q) {
        0.8
    } else if q.len() >= 3 && w.contains(q) {
        0.6
    } else {
        let typos = match q.chars().count() {
            0..=3 => 0,
            4..=7 => 1,
            _ => 2,
        };
        if typos > 0 && within(q, w, typos) {
            0.5
        } else {
            0.0
        }
    }
}

/// A field: its words, its words run together, and its weight.
struct Field {
    words: Vec<String>,
    squashed: String,
    weight: f32,
}

impl Field {
    fn new(text: &str, weight: f32) -> Field {
        let words = words(text);
        let squashed = words.concat();
        Field {
            words,
            squashed,
            weight,
        }
    }

    fn score(&self, q: &str) -> f32 {
        let best = self
            .words
            .iter()
            .map(|w| word_score(q, w))
            .fold(0.0, f32::max);
        // "ratelimit" against "rate limit": compare with the words run together.
        let squashed = if q.len() >= 5 && self.squashed.contains(q) {
            0.7
        } else {
            0.0
        };
        best.max(squashed) * self.weight
    }
}

/// The sum of each query word's best match; 0 unless every word matches.
fn entry_score(fields: &[Field], query: &[String]) -> f32 {
    let mut total = 0.0;
    for q in query {
        let best = fields.iter().map(|f| f.score(q)).fold(0.0, f32::max);
        if best == 0.0 {
            return 0.0;
        }
        total += best;
    }
    total
}

/// Threats and controls matching `query`, best first; ties keep catalog
/// order, threats before controls.
pub fn search(catalog: &Catalog, query: &str) -> Vec<Hit> {
    let query_words = words(query);
    if query_words.is_empty() {
        return Vec::new();
    }
    // The edition's search words for an entry, such as "jailbreak".
    let synonyms = |of: &dyn Fn(&super::catalog::Synonym) -> bool| {
        let words: Vec<&str> = catalog
            .synonyms
            .iter()
            .filter(|s| of(s))
            .map(|s| s.word)
            .collect();
        words.join(" ")
    };
    let mut hits = Vec::new();
    for (i, t) in catalog.threats.iter().enumerate() {
        // Old and broken short links, such as "closedboxevasion".
        let aliases: Vec<&str> = catalog
            .threat_aliases
            .iter()
            .filter(|a| a.threat == i)
            .map(|a| a.alias)
            .collect();
        let fields = [
            Field::new(t.id, 3.0),
            Field::new(t.name, 3.0),
            Field::new(&aliases.join(" "), 2.0),
            Field::new(&synonyms(&|s| s.threats.contains(&i)), 2.0),
            Field::new(t.description, 1.0),
            Field::new(t.impact, 1.0),
        ];
        let score = entry_score(&fields, &query_words);
        if score > 0.0 {
            hits.push(Hit {
                item: Item::Threat(i),
                score,
            });
        }
    }
    for (i, c) in catalog.controls.iter().enumerate() {
        let aliases: Vec<&str> = catalog
            .aliases
            .iter()
            .filter(|a| a.control == i)
            .map(|a| a.alias)
            .collect();
        // A control is found by the threats it serves, too.
        let serves: Vec<&str> = catalog
            .threats
            .iter()
            .filter(|t| t.controls.contains(&i))
            .map(|t| t.name)
            .collect();
        let fields = [
            Field::new(c.id, 3.0),
            Field::new(c.name, 3.0),
            Field::new(&aliases.join(" "), 2.0),
            Field::new(&synonyms(&|s| s.controls.contains(&i)), 2.0),
            Field::new(c.purpose, 1.0),
            Field::new(c.category, 1.0),
            Field::new(&serves.join(" "), 0.8),
        ];
        let score = entry_score(&fields, &query_words);
        if score > 0.0 {
            hits.push(Hit {
                item: Item::Control(i),
                score,
            });
        }
    }
    // Catalog order among equal scores.
    crate::core::order::sort_by(&mut hits, |a, b| {
        b.score.total_cmp(&a.score).then(a.item.cmp(&b.item))
    });
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_is_bounded() {
        assert!(within("injecton", "injection", 1));
        assert!(within("promtp", "prompt", 1), "a swap is one edit");
        assert!(!within("injecton", "inspection", 1));
        assert!(within("", "ab", 2));
        assert!(!within("abc", "xyz", 2));
    }

    #[test]
    fn word_scores_rank_exact_then_prefix_then_inner_then_typo() {
        let exact = word_score("prompt", "prompt");
        let prefix = word_score("prom", "prompt");
        let inner = word_score("romp", "prompt");
        let typo = word_score("promtp", "prompt");
        assert!(exact > prefix && prefix > inner && inner > typo && typo > 0.0);
        assert_eq!(word_score("xyz", "prompt"), 0.0);
    }
}
