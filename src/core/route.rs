//! The app's routes, kept in the URL fragment (`#/threat/evasion`).
//!
//! A fragment never reaches the server, so every route survives a reload on a
//! plain static host under any sub-path, with no rewrite rules.

use super::dashboard::Step;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// Home: opens the most recent assessment (creating one if there is none).
    Profile,
    /// The list of assessments.
    Assessments,
    /// One step of one assessment.
    Step {
        id: String,
        step: Step,
    },
    /// The printable report of one assessment.
    Report(String),
    /// The statement of applicability of one assessment.
    Soa(String),
    /// A new assessment of the edition named, then its first step: how an
    /// older edition is chosen on purpose.
    New(String),
    /// The upgrade of one assessment to the newest edition: what would be
    /// carried, what needs a person, what is retired; then the new copy.
    Upgrade(String),
    /// A shared assessment carried in the link itself (read-only).
    Shared(String),
    /// The catalog browser: search and filters, kept in the URL.
    Catalog {
        query: String,
    },
    Threat(String),
    Control(String),
    Navigator,
    About,
    /// A fragment that names no page; shown as "not found", never guessed.
    NotFound(String),
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let path = hash.strip_prefix('/').unwrap_or(hash);
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] | ["profile"] => Route::Profile,
            ["assessments"] => Route::Assessments,
            ["a", id] => Route::Step {
                id: decode(id),
                step: Step::Profile,
            },
            ["a", id, "report"] => Route::Report(decode(id)),
            ["a", id, "soa"] => Route::Soa(decode(id)),
            ["a", id, "upgrade"] => Route::Upgrade(decode(id)),
            ["new", edition] => Route::New(decode(edition)),
            ["s", payload] => Route::Shared((*payload).to_string()),
            ["a", id, step] => match Step::parse(step) {
                Some(step) => Route::Step {
                    id: decode(id),
                    step,
                },
                None => Route::NotFound(hash.to_string()),
            },
            ["catalog"] => Route::Catalog {
                query: query_value(query, "q").unwrap_or_default(),
            },
            ["threat", id] => Route::Threat(decode(id)),
            ["control", id] => Route::Control(decode(id)),
            ["navigator"] => Route::Navigator,
            ["about"] => Route::About,
            _ => Route::NotFound(hash.to_string()),
        }
    }

    /// The fragment for this route, starting with `#`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Profile => "#/".into(),
            Route::Assessments => "#/assessments".into(),
            Route::Step { id, step } => format!("#/a/{}/{}", encode(id), step.slug()),
            Route::Report(id) => format!("#/a/{}/report", encode(id)),
            Route::Soa(id) => format!("#/a/{}/soa", encode(id)),
            Route::Upgrade(id) => format!("#/a/{}/upgrade", encode(id)),
            Route::New(edition) => format!("#/new/{}", encode(edition)),
            Route::Shared(payload) => format!("#/s/{payload}"),
            Route::Catalog { query } if query.is_empty() => "#/catalog".into(),
            Route::Catalog { query } => format!("#/catalog?q={}", encode(query)),
            Route::Threat(id) => format!("#/threat/{}", encode(id)),
            Route::Control(id) => format!("#/control/{}", encode(id)),
            Route::Navigator => "#/navigator".into(),
            Route::About => "#/about".into(),
            Route::NotFound(raw) => format!("#{raw}"),
        }
    }
}

fn query_value(query: &str, key: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == key).then(|| decode(&v.replace('+', " ")))
    })
}

/// Percent-encodes everything but unreserved characters.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes percent-escapes; malformed ones are kept as they are.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_page() {
        assert_eq!(Route::parse(""), Route::Profile);
        assert_eq!(Route::parse("#/"), Route::Profile);
        assert_eq!(Route::parse("#/profile"), Route::Profile);
        assert_eq!(
            Route::parse("#/threat/evasion"),
            Route::Threat("evasion".into())
        );
        assert_eq!(
            Route::parse("#/control/RATELIMIT"),
            Route::Control("RATELIMIT".into())
        );
        assert_eq!(Route::parse("#/navigator"), Route::Navigator);
        assert_eq!(Route::parse("#/about"), Route::About);
        assert_eq!(Route::parse("#/assessments"), Route::Assessments);
        assert_eq!(Route::parse("#/new/2024-01"), Route::New("2024-01".into()));
        assert_eq!(Route::parse("#/a/x1/upgrade"), Route::Upgrade("x1".into()));
        assert_eq!(Route::parse("#/a/x1/soa"), Route::Soa("x1".into()));
        for r in [Route::New("2024-01".into()), Route::Upgrade("x1".into())] {
            assert_eq!(Route::parse(&r.to_hash()), r);
        }
        assert_eq!(
            Route::parse("#/a/x1/controls"),
            Route::Step {
                id: "x1".into(),
                step: Step::Controls
            }
        );
        assert_eq!(
            Route::parse("#/a/x1"),
            Route::Step {
                id: "x1".into(),
                step: Step::Profile
            }
        );
        assert!(matches!(Route::parse("#/a/x1/nope"), Route::NotFound(_)));
        assert_eq!(
            Route::parse("#/catalog?q=prompt%20injecton"),
            Route::Catalog {
                query: "prompt injecton".into()
            }
        );
        assert_eq!(
            Route::parse("#/catalog?q=a+b"),
            Route::Catalog {
                query: "a b".into()
            }
        );
        assert_eq!(
            Route::parse("#/nowhere/at/all"),
            Route::NotFound("/nowhere/at/all".into())
        );
    }

    #[test]
    fn round_trips() {
        for r in [
            Route::Profile,
            Route::Catalog {
                query: String::new(),
            },
            Route::Catalog {
                query: "rate limit & <b>?".into(),
            },
            Route::Threat("evasion".into()),
            Route::Control("MONITORUSE".into()),
            Route::Navigator,
            Route::About,
            Route::Assessments,
            Route::Report("x1".into()),
            Route::Soa("k3x9-a b".into()),
            Route::Step {
                id: "k3x9-a b".into(),
                step: Step::Risk,
            },
        ] {
            assert_eq!(Route::parse(&r.to_hash()), r, "{}", r.to_hash());
        }
    }

    #[test]
    fn malformed_escapes_are_kept() {
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%41"), "A");
    }
}
