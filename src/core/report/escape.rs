//! Text made inert for Markdown (CommonMark with GitHub's extensions), with
//! as few backslashes as that takes.
//!
//! A backslash before any ASCII punctuation character makes it literal
//! (CommonMark §2.4), and CommonMark renderers honour `\<` where HTML
//! entities would be wrong in Markdown. So each character that could start
//! markup where it stands is backslash-escaped, and nothing else is:
//!
//! - `` ` ``, `[` and `<`, always: a code span, a link, image or footnote
//!   (`![` needs the `[`, so `!` never needs one, nor does `]`, which opens
//!   nothing), raw HTML or an autolink. They are rare in prose, and whether
//!   they pair up depends on the text around them, so one rule is safer
//!   than a guess.
//! - `*` and `_` by their runs (§6.2): a run between two spaces can neither
//!   open nor close emphasis, nor can a `_` run between two letters or
//!   digits (`a_b_c`). Every other run is escaped, and so is any run at
//!   either end of the text, whose neighbour is not known here.
//! - `~` when the text holds two or more: strikethrough takes a pair, so a
//!   lone `~400M` stays as it is.
//! - `\` before ASCII punctuation or at the end (where what follows is not
//!   known); `C:\Users` keeps its one backslash.
//! - `&` only where it would make an entity or character reference
//!   (`&amp;`, `&#123;`, `&#x1F;`): `T&Cs` stays as it is.
//! - `|` in a table cell, where it would end the cell.
//! - At the start of the text, where a line may start, the block markers:
//!   `>`; `#`, `-`, `+` and `=` unless a letter or digit follows (`#1`,
//!   `-400` stay); `|` or `:` in a text of only `|:-` and spaces, which
//!   could be a table's delimiter row; and the `.` or `)` of a list number
//!   (`1\. Threats`). At its end, where a line may end, a run of `#` after
//!   a space, which would close a heading (`Team \#`). A table cell never
//!   starts or ends a line, so a cell skips these rules.
//!
//! Line breaks and tabs fold to spaces, other control characters are
//! dropped, and the ends are trimmed: the text stays on its line, and no
//! indentation can make it a code block.
//!
//! One call per line's text (or per table cell): `~` and `` ` `` pair with
//! what shares their line, so compose a line first, then escape it.

/// Text for a Markdown line, at its start or after other text.
pub fn md_escape(text: &str) -> String {
    escape(text, false)
}

/// Text for a cell of a Markdown (GitHub) table.
pub fn md_cell(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, cell: bool) -> String {
    let text = fold(text);
    let chars: Vec<char> = text.chars().collect();
    let tildes = chars.iter().filter(|&&c| c == '~').count();
    let list_number = (!cell).then(|| list_number(&chars)).flatten();
    let closing_hashes = (!cell).then(|| closing_hashes(&chars)).flatten();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let escaped = match c {
            '`' | '[' | '<' => true,
            '*' | '_' => active_run(&chars, i),
            '~' => tildes >= 2,
            '\\' => next.is_none_or(|n| n.is_ascii_punctuation()),
            '&' => entity_follows(&chars[i + 1..]),
            '|' => cell,
            _ => false,
        } || (i == 0 && !cell && block_marker(&chars))
            || list_number == Some(i)
            || closing_hashes == Some(i);
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Line breaks and tabs as spaces, other control characters dropped, the
/// ends trimmed.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

/// Whether the run of `*` or `_` holding `chars[i]` could open or close
/// emphasis.
fn active_run(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    let start = chars[..i]
        .iter()
        .rposition(|&x| x != c)
        .map_or(0, |p| p + 1);
    let end = chars[i..]
        .iter()
        .position(|&x| x != c)
        .map_or(chars.len(), |p| i + p);
    let (Some(before), Some(after)) = (start.checked_sub(1).map(|p| chars[p]), chars.get(end))
    else {
        return true;
    };
    let spaced = before.is_whitespace() && after.is_whitespace();
    let in_word = c == '_' && before.is_alphanumeric() && after.is_alphanumeric();
    !(spaced || in_word)
}

/// Whether `rest` (what follows an `&`) would make it a reference:
/// `name;`, `#digits;` or `#xhex;`.
fn entity_follows(rest: &[char]) -> bool {
    let rest = rest.strip_prefix(&['#']).unwrap_or(rest);
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

/// Whether the text's first character, first on a line, would start a
/// block: a block quote, an ATX heading, a list item, a thematic break, a
/// setext underline or a table's delimiter row (`|`, `:` and `-` alone).
fn block_marker(chars: &[char]) -> bool {
    let next = chars.get(1).copied();
    match chars.first() {
        Some('>') => true,
        Some('#' | '-' | '+' | '=') => !next.is_some_and(char::is_alphanumeric),
        Some('|' | ':') => chars.iter().all(|c| matches!(c, '|' | ':' | '-' | ' ')),
        _ => false,
    }
}

/// The index of the `.` or `)` that would make the text an ordered list
/// item, such as "1. Threats" or "2) a".
fn list_number(chars: &[char]) -> Option<usize> {
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let after = chars.get(digits + 1);
    (digits > 0
        && matches!(chars.get(digits), Some('.' | ')'))
        && after.is_none_or(|c| c.is_whitespace()))
    .then_some(digits)
}

/// The index of the first `#` of a run that ends the text after a space
/// (or is all of it): last on a heading's line, the run would close it.
fn closing_hashes(chars: &[char]) -> Option<usize> {
    let start = chars.iter().rposition(|&c| c != '#').map_or(0, |p| p + 1);
    (start < chars.len() && (start == 0 || chars[start - 1].is_whitespace())).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::{md_cell, md_escape};

    /// (input, as a line's text, as a table cell).
    const CASES: &[(&str, &str, &str)] = &[
        // Plain text and what needs nothing.
        ("", "", ""),
        ("plain text", "plain text", "plain text"),
        ("Customer T&Cs", "Customer T&Cs", "Customer T&Cs"),
        ("~400M", "~400M", "~400M"),
        ("a_b_c", "a_b_c", "a_b_c"),
        ("snake__case", "snake__case", "snake__case"),
        ("2 * 3 = 6", "2 * 3 = 6", "2 * 3 = 6"),
        ("a _ b", "a _ b", "a _ b"),
        ("issue #12", "issue #12", "issue #12"),
        ("#1 priority", "#1 priority", "#1 priority"),
        ("-400 and +3", "-400 and +3", "-400 and +3"),
        ("1.5M users", "1.5M users", "1.5M users"),
        ("3.1.3 Transfer", "3.1.3 Transfer", "3.1.3 Transfer"),
        ("C:\\Users\\x", "C:\\Users\\x", "C:\\Users\\x"),
        ("x > y, wow!", "x > y, wow!", "x > y, wow!"),
        (
            "see https://a.example/b",
            "see https://a.example/b",
            "see https://a.example/b",
        ),
        (
            "(ok) \"q\" 'q' {} $5 % ^ :",
            "(ok) \"q\" 'q' {} $5 % ^ :",
            "(ok) \"q\" 'q' {} $5 % ^ :",
        ),
        ("naïve café", "naïve café", "naïve café"),
        // Emphasis and strikethrough.
        ("*bold*", "\\*bold\\*", "\\*bold\\*"),
        ("**bold**", "\\*\\*bold\\*\\*", "\\*\\*bold\\*\\*"),
        ("a*b*c", "a\\*b\\*c", "a\\*b\\*c"),
        ("_under_", "\\_under\\_", "\\_under\\_"),
        ("x _y_ z", "x \\_y\\_ z", "x \\_y\\_ z"),
        ("a_ b", "a\\_ b", "a\\_ b"),
        ("(_a_)", "(\\_a\\_)", "(\\_a\\_)"),
        ("~~gone~~", "\\~\\~gone\\~\\~", "\\~\\~gone\\~\\~"),
        ("~400M to ~500M", "\\~400M to \\~500M", "\\~400M to \\~500M"),
        // Code, links, images, HTML, autolinks, entities.
        ("`code`", "\\`code\\`", "\\`code\\`"),
        ("it`s", "it\\`s", "it\\`s"),
        (
            "[x](javascript:alert(1))",
            "\\[x](javascript:alert(1))",
            "\\[x](javascript:alert(1))",
        ),
        (
            "![i](http://a/b.png)",
            "!\\[i](http://a/b.png)",
            "!\\[i](http://a/b.png)",
        ),
        ("[ref]: /url", "\\[ref]: /url", "\\[ref]: /url"),
        ("[ ] task", "\\[ ] task", "\\[ ] task"),
        ("[^1]", "\\[^1]", "\\[^1]"),
        (
            "<script>alert(1)</script>",
            "\\<script>alert(1)\\</script>",
            "\\<script>alert(1)\\</script>",
        ),
        (
            "<https://a.example>",
            "\\<https://a.example>",
            "\\<https://a.example>",
        ),
        ("<1@a.example>", "\\<1@a.example>", "\\<1@a.example>"),
        ("a < b", "a \\< b", "a \\< b"),
        (
            "&amp; &#123; &#x1F; &copy;",
            "\\&amp; \\&#123; \\&#x1F; \\&copy;",
            "\\&amp; \\&#123; \\&#x1F; \\&copy;",
        ),
        ("&;", "&;", "&;"),
        ("\\*", "\\\\\\*", "\\\\\\*"),
        ("a\\", "a\\\\", "a\\\\"),
        ("\\\\", "\\\\\\\\", "\\\\\\\\"),
        // Tables.
        ("| pipe", "| pipe", "\\| pipe"),
        ("a|b\\|c", "a|b\\\\|c", "a\\|b\\\\\\|c"),
        // Blocks, at the start only.
        ("# heading", "\\# heading", "# heading"),
        ("###", "\\###", "###"),
        ("> quote", "\\> quote", "> quote"),
        (">quote", "\\>quote", ">quote"),
        ("- item", "\\- item", "- item"),
        ("+ item", "\\+ item", "+ item"),
        ("* item", "\\* item", "\\* item"),
        ("---", "\\---", "---"),
        ("===", "\\===", "==="),
        ("|-", "\\|-", "\\|-"),
        (":-", "\\:-", ":-"),
        (":ok", ":ok", ":ok"),
        ("| - |", "\\| - |", "\\| - \\|"),
        ("Team #", "Team \\#", "Team #"),
        ("Team ##", "Team \\##", "Team ##"),
        ("C#", "C#", "C#"),
        ("1. Threats", "1\\. Threats", "1. Threats"),
        ("2026) later", "2026\\) later", "2026) later"),
        ("7.", "7\\.", "7."),
        ("```", "\\`\\`\\`", "\\`\\`\\`"),
        ("~~~", "\\~\\~\\~", "\\~\\~\\~"),
        (
            "a # b > c - d 1. e",
            "a # b > c - d 1. e",
            "a # b > c - d 1. e",
        ),
        // Lines fold, controls go, ends are trimmed.
        (
            "one\ntwo\r\nthree\rfour\tfive",
            "one two three four five",
            "one two three four five",
        ),
        ("  \n  # x  \n", "\\# x", "# x"),
        ("    code?", "code?", "code?"),
        ("bell\u{7}\u{0}", "bell", "bell"),
        ("a\n\n- b", "a  - b", "a  - b"),
    ];

    #[test]
    fn escapes_what_could_start_markup_and_nothing_else() {
        for (input, line, cell) in CASES {
            assert_eq!(md_escape(input), *line, "as a line's text: {input:?}");
            assert_eq!(md_cell(input), *cell, "as a table cell: {input:?}");
        }
    }

    #[test]
    fn never_an_html_entity() {
        for (input, _, _) in CASES {
            for out in [md_escape(input), md_cell(input)] {
                for entity in ["&amp;", "&lt;", "&gt;", "&quot;"] {
                    assert!(
                        !out.contains(entity) || input.contains(entity),
                        "{input:?} gave {out:?}"
                    );
                }
            }
        }
    }
}
