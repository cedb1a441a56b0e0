//! Checks of the catalog's links: a `source` path into the edition's own text
//! and a `go` short-link slug. Full URLs are built from the edition's two
//! bases, so no link can point into a page by an anchor that moves with every
//! edition of the site.

use super::Checker;

/// `https://…/`, ending in a slash so that a relative path can follow.
pub(super) fn check_base(c: &mut Checker, field: &str, value: &str) {
    let rest = value.strip_prefix("https://").unwrap_or_default();
    if rest.is_empty() || !value.ends_with('/') || value.contains('#') || value.contains(' ') {
        c.fail(
            None,
            format!("{field} '{value}' must be an https:// URL ending in '/', without '#'"),
        );
    }
}

fn is_file(s: &str) -> bool {
    s.len() > 3
        && s.ends_with(".md")
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

/// A GitHub heading anchor: lower-case letters, digits, '-' and '_'.
fn is_anchor(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'-'))
}

/// `<file>.md` or `<file>.md#<anchor>`.
pub(super) fn check_source(c: &mut Checker, entry: &Option<String>, value: &str) {
    let (file, anchor) = match value.split_once('#') {
        Some((f, a)) => (f, Some(a)),
        None => (value, None),
    };
    if !is_file(file) || anchor.is_some_and(|a| !is_anchor(a)) {
        c.fail(
            entry.clone(),
            format!(
                "source '{value}' must be a file of the edition's text, such as \
                 \"2_threats_through_use.md#21-evasion\" (a GitHub heading anchor is optional)"
            ),
        );
    }
}

/// A slug of `/go/<slug>/`: lower-case letters, digits, '-' and '_'.
pub(super) fn check_go(c: &mut Checker, entry: &Option<String>, value: Option<&str>) {
    if let Some(slug) = value {
        if !is_anchor(slug) {
            c.fail(
                entry.clone(),
                format!(
                    "go '{slug}' must be a short-link slug such as \"evasion\" \
                     (lower-case letters, digits, '-', '_'); leave it out where there is none"
                ),
            );
        }
    }
}
