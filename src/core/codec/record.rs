//! The short forms of the record's creation time and tool in a link
//! (format 5). A complete assessment's link must stay within 300
//! characters, and these two would otherwise add some 30.

/// The creation time against the time of last change: empty when they are
/// equal, `-` when there is none, `<k>:<rest>` when the first k characters
/// are the same, else as it is.
pub(super) fn created_text(created: &str, updated: &str) -> String {
    if created == updated {
        return String::new();
    }
    if created.is_empty() {
        return "-".into();
    }
    let k = created
        .bytes()
        .zip(updated.bytes())
        .take_while(|(a, b)| a == b)
        .count()
        .min(99);
    // A prefix never splits a character: times are ASCII, and anything else
    // is written whole.
    match created.get(k..) {
        Some(rest) if k >= 4 => format!("{k}:{rest}"),
        _ if is_prefixed(created) || created == "-" => format!("0:{created}"),
        _ => created.to_string(),
    }
}

pub(super) fn created_from(text: &str, updated: &str) -> String {
    if text.is_empty() {
        return updated.to_string();
    }
    if text == "-" {
        return String::new();
    }
    match text.split_once(':') {
        Some((k, rest)) if is_prefixed(text) => {
            let k: usize = k.parse().unwrap_or(0);
            format!("{}{rest}", updated.get(..k).unwrap_or(updated))
        }
        _ => text.to_string(),
    }
}

/// Whether `text` starts as the prefix form does: one or two digits and a
/// colon.
fn is_prefixed(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits) && text.as_bytes().get(digits) == Some(&b':')
}

/// The tool without the "aixa " every aixa writes; anything else is marked
/// with `=`.
pub(super) fn tool_text(tool: &str) -> String {
    match tool.strip_prefix("aixa ") {
        Some(version) if !version.starts_with('=') => version.to_string(),
        _ if tool.is_empty() => String::new(),
        _ => format!("={tool}"),
    }
}

pub(super) fn tool_from(text: &str) -> String {
    match text.strip_prefix('=') {
        Some(tool) => tool.to_string(),
        None if text.is_empty() => String::new(),
        None => format!("aixa {text}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creation_times_round_trip_against_the_last_change() {
        let updated = "2026-11-27T14:22:10.123Z";
        for created in [
            updated,
            "",
            "-",
            "2026-11-20T09:00:00.000Z",
            "1999",
            "12:00",
            "0:x",
            "2026-11-27T14:22:10.123Zé",
            "é",
        ] {
            let text = created_text(created, updated);
            assert_eq!(
                created_from(&text, updated),
                created,
                "{created:?} as {text:?}"
            );
        }
        assert_eq!(
            created_text("2026-11-20T09:00:00.000Z", updated),
            "9:0T09:00:00.000Z"
        );
        // Against an empty time of last change too.
        for created in ["", "x", "2026-01-01"] {
            assert_eq!(created_from(&created_text(created, ""), ""), created);
        }
    }

    #[test]
    fn tools_round_trip() {
        for tool in ["", "aixa 0.1.0", "aixa =1", "other 2", "=x", "aixa"] {
            assert_eq!(tool_from(&tool_text(tool)), tool, "{tool:?}");
        }
        assert_eq!(tool_text("aixa 0.1.0"), "0.1.0");
    }
}
