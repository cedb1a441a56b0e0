//! `aixa`: the command-line tool over the same core as the web app.

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use aixa::core::answers::Answers;
    use aixa::core::assessment::Assessment;
    use aixa::core::catalog::{Catalog, QuestionKind};
    use aixa::core::check::{check, Finding};
    use aixa::core::coverage::coverage;
    use aixa::core::date::Date;
    use aixa::core::digest::{digest, parse as parse_digest};
    use aixa::core::edition::Edition;
    use aixa::core::engine::select;
    use aixa::core::report::atlas::atlas_layer;
    use aixa::core::report::selection_report;
    use aixa::core::report::soa::{soa_csv, soa_markdown};
    use aixa::core::report::threat_composer::threat_composer;
    use aixa::core::report::tmbom::tmbom;
    use aixa::core::report::{csv::csv, markdown::markdown};
    use aixa::core::upgrade::upgrade;
    use clap::{Parser, Subcommand, ValueEnum};
    use std::io::{Read, Write};
    use std::process::ExitCode;

    /// Assess the security of an AI system against the OWASP AI Exchange.
    ///
    /// Everything runs locally: aixa reads your files and writes to standard
    /// output, and sends nothing anywhere.
    #[derive(Parser)]
    #[command(name = "aixa", version, about, long_about)]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Clone, Copy, clap::ValueEnum)]
    enum CheckFormat {
        Text,
        /// {"assessment", "edition", "as_of", "covered", "findings": [{"threat",
        /// "section", "reasons": […]}]}
        Json,
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum Format {
        /// A Markdown report.
        Md,
        /// CSV, one row per threat × control, safe for spreadsheets.
        Csv,
        /// The assessment in aixa's versioned JSON format (docs/assessment.schema.json).
        Json,
        /// The statement of applicability as CSV: one row per control of the
        /// edition, undecided ones included.
        SoaCsv,
        /// The statement of applicability as a Markdown table.
        SoaMd,
        /// An AWS Threat Composer workspace (.tc.json), for Threat Composer
        /// and DefectDojo.
        ThreatComposer,
        /// An OWASP Threat Model Library TM-BOM v1.0.2, for OWASP Threat Dragon.
        TmBom,
        /// A MITRE ATLAS Navigator layer of the techniques in scope.
        AtlasLayer,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Print a report of an assessment file (exported from the app), or
        /// its statement of applicability (`--format soa-csv` or `soa-md`), or
        /// a file other tools import (`threat-composer`, `tm-bom`, `atlas-layer`).
        ///
        /// Exit status: 0 on success, 2 when the file is invalid.
        Report {
            /// The assessment file; `-` reads standard input.
            #[arg(value_name = "FILE")]
            file: String,
            #[arg(long, value_enum, default_value = "md")]
            format: Format,
        },
        /// Fail unless every threat in scope is covered. Yours (alone or
        /// shared): a control specific to it implemented (its own or its
        /// parent's; group controls only where it has none), or its residual
        /// risk accepted with an approver, a decision date, a rationale and a
        /// review date not passed. A provider's: assurance verified. A
        /// refused acceptance never covers.
        ///
        /// Prints each uncovered threat with every rule it fails. Exit
        /// status: 0 when all are covered, 1 when any is not, 2 when the
        /// input is invalid.
        Check {
            /// The assessment file; `-` reads standard input.
            #[arg(value_name = "FILE")]
            file: String,
            /// Judge review dates as on this day (YYYY-MM-DD), for
            /// reproducible pipelines; the default is today (UTC).
            #[arg(long, value_name = "DATE")]
            as_of: Option<String>,
            /// `text` (one line per finding) or `json`.
            #[arg(long, value_enum, default_value = "text")]
            format: CheckFormat,
        },
        /// Print the share link of an assessment file: the app at BASE opens
        /// it read-only. The whole assessment travels in the fragment (#…),
        /// which browsers never send to a server.
        ///
        /// Exit status: 0 on success, 2 when the file is invalid or the link
        /// would pass 8,000 characters (share the file instead).
        Share {
            /// The assessment file; `-` reads standard input.
            #[arg(value_name = "FILE")]
            file: String,
            /// Where the app is served, such as https://example.org/aixa/
            #[arg(long, value_name = "URL")]
            base: String,
        },
        /// Print the content digest of an assessment file: `sha256:<hex>`,
        /// a SHA-256 over its canonical form (docs/digest.md). Whitespace,
        /// key order and the copy's own bookkeeping (revision, when it was
        /// copied, the sign-off) do not change it; any decision does.
        ///
        /// Exit status: 0 on success, 2 when the file is invalid.
        Digest {
            /// The assessment file; `-` reads standard input.
            #[arg(value_name = "FILE")]
            file: String,
        },
        /// Check an assessment file against a digest someone gave you.
        ///
        /// Exit status: 0 when they match, 1 when they differ (printing the
        /// file's digest), 2 when the file or the digest is invalid.
        Verify {
            /// The assessment file; `-` reads standard input.
            #[arg(value_name = "FILE")]
            file: String,
            /// `sha256:` and 64 hexadecimal digits (the prefix may be left out).
            #[arg(value_name = "DIGEST")]
            digest: String,
        },
        /// Upgrade an assessment file to a newer edition of the Exchange.
        ///
        /// Prints the upgraded assessment (a new one; the file is left as it
        /// is) as JSON on standard output, and the review on standard error:
        /// every decision carried, offered to a person (split, merged or
        /// broadened items; new threats, controls and questions), retired or
        /// dropped as redundant, with the reason. Decisions not put in force
        /// stay in the new assessment's `history`.
        ///
        /// Exit status: 0 on success, 2 when the file is invalid, the edition
        /// unknown, or the file cannot be upgraded to it (it already uses it,
        /// or aixa knows no way there).
        Migrate {
            /// The assessment file; `-` reads standard input.
            #[arg(value_name = "FILE")]
            file: String,
            /// The edition to upgrade to, such as 2026-08.
            #[arg(long, value_name = "EDITION")]
            to: String,
        },
        /// Decide which threats apply to a system profile, and why.
        ///
        /// Prints JSON: {"edition": "…", "threats": [{"id": "…", "verdict":
        /// "applicable" | "not_applicable" | "unknown", "reasons": ["…"]}, …]},
        /// listing every threat of the edition in catalog order.
        ///
        /// The answers file is a JSON object keyed by question id. Yes/no
        /// questions take true, false or null (null or absent: unknown);
        /// "hosted" takes an array of component names. Example:
        ///
        ///   {"rag": true, "trains": false, "genai": true, "llm": true,
        ///    "input_sensitive": null, "hosted": ["model", "infrastructure"]}
        ///
        /// Exit status: 0 on success, 2 when the input is invalid.
        #[command(verbatim_doc_comment, after_help = questions_help())]
        Select {
            /// The answers file; `-` reads standard input.
            #[arg(long, value_name = "FILE")]
            answers: String,
            /// The catalog edition to use.
            #[arg(long, value_name = "ID", default_value_t = Catalog::default_edition().edition.to_string())]
            edition: String,
        },
    }

    /// The questions of the default edition, from the catalog itself.
    fn questions_help() -> String {
        let catalog = Catalog::default_edition();
        let mut out = format!(
            "Questions of the default edition, {} (other editions: --edition; they have: {}):\n",
            catalog.edition,
            Catalog::known_editions()
        );
        for q in catalog.questions {
            let detail = match (&q.kind, q.depends_on) {
                (QuestionKind::Components(choices), _) => {
                    let ids: Vec<&str> = choices.iter().map(|c| c.id).collect();
                    format!(" (any of: {})", ids.join(", "))
                }
                (QuestionKind::YesNo, Some(p)) => {
                    format!(" (false while {} is false)", catalog.questions[p].id)
                }
                (QuestionKind::YesNo, None) => String::new(),
            };
            out.push_str(&format!("  {:<22} {}{detail}\n", q.id, q.text));
        }
        out
    }

    fn read_input(path: &str) -> Result<String, String> {
        let mut text = String::new();
        if path == "-" {
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| format!("standard input: cannot read: {e}"))?;
        } else {
            text =
                std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
        }
        Ok(text)
    }

    fn run_select(answers_path: &str, edition: &str) -> Result<String, String> {
        let catalog = Catalog::by_edition(edition).ok_or_else(|| {
            format!(
                "unknown edition {edition:?}; the editions are: {}",
                Catalog::known_editions()
            )
        })?;
        let text = read_input(answers_path)?;
        let name = if answers_path == "-" {
            "standard input"
        } else {
            answers_path
        };
        let answers = Answers::from_json(catalog, &text).map_err(|e| format!("{name}: {e}"))?;
        let report = selection_report(&select(catalog, &answers));
        serde_json::to_string_pretty(&report).map_err(|e| format!("cannot write JSON: {e}"))
    }

    fn check_json(a: &Assessment, day: Date, findings: &[Finding]) -> String {
        let findings: Vec<serde_json::Value> = findings
            .iter()
            .map(|f| serde_json::json!({"threat": f.threat, "section": f.section, "reasons": f.reasons}))
            .collect();
        let catalog = a.catalog();
        let threats: Vec<serde_json::Value> = coverage(a, day)
            .iter()
            .map(|c| {
                let t = &catalog.threats[c.threat];
                serde_json::json!({
                    "threat": t.id,
                    "section": t.section,
                    "responsible": c.party.as_str(),
                    "covered": c.covered.is_some(),
                    "why": c.describe(a),
                })
            })
            .collect();
        let out = serde_json::json!({
            "assessment": a.name,
            "edition": a.edition.id(),
            "as_of": day.to_string(),
            "digest": digest(a),
            "covered": findings.is_empty(),
            "findings": findings,
            "threats": threats,
        });
        serde_json::to_string_pretty(&out).unwrap_or_default()
    }

    fn read_assessment(path: &str) -> Result<Assessment, String> {
        let text = read_input(path)?;
        let name = if path == "-" { "standard input" } else { path };
        Assessment::from_json(&text).map_err(|e| format!("{name}: {e}"))
    }

    /// The current time, ISO 8601 in UTC, to the second.
    fn now_iso() -> String {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let day = i64::try_from(secs / 86_400)
            .ok()
            .and_then(Date::from_unix_days)
            .unwrap_or_else(Date::today_utc);
        let s = secs % 86_400;
        format!("{day}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
    }

    /// The upgraded assessment as JSON, and the review for standard error.
    fn run_migrate(path: &str, to: &str) -> Result<(String, String), String> {
        let edition = Edition::find(to).ok_or_else(|| {
            format!(
                "unknown edition {to:?}; the editions are: {}",
                Catalog::known_editions()
            )
        })?;
        let a = read_assessment(path)?;
        let name = if path == "-" { "standard input" } else { path };
        let id = format!("{}-{}", a.id, edition.id());
        let (upgraded, review) =
            upgrade(&a, edition, id, &now_iso()).map_err(|e| format!("{name}: {e}"))?;
        Ok((upgraded.to_json_pretty(), review.to_string()))
    }

    /// Today's date (UTC), for "reviews due".
    fn today() -> String {
        aixa::core::date::Date::today_utc().to_string()
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        let result = match &cli.command {
            Command::Select { answers, edition } => run_select(answers, edition),
            Command::Migrate { file, to } => run_migrate(file, to).map(|(json, review)| {
                // The review first: it says what the JSON holds.
                eprint!("{review}");
                json
            }),
            Command::Report { file, format } => read_assessment(file).map(|a| match format {
                Format::Md => markdown(&a, &today()),
                Format::Csv => csv(&a, &today()),
                Format::Json => a.to_json_pretty(),
                Format::SoaCsv => soa_csv(&a),
                Format::SoaMd => soa_markdown(&a),
                Format::ThreatComposer => threat_composer(&a),
                Format::TmBom => tmbom(&a),
                Format::AtlasLayer => atlas_layer(&a),
            }),
            Command::Digest { file } => read_assessment(file).map(|a| digest(&a)),
            Command::Verify {
                file,
                digest: given,
            } => {
                let read = parse_digest(given)
                    .ok_or_else(|| {
                        format!(
                            "“{}” is not a digest: expected sha256: and 64 hexadecimal digits",
                            given.trim()
                        )
                    })
                    .and_then(|expected| read_assessment(file).map(|a| (expected, digest(&a))));
                match read {
                    Err(e) => Err(e),
                    Ok((expected, actual)) => {
                        let mut stdout = std::io::stdout().lock();
                        if actual == expected {
                            let _ = writeln!(stdout, "aixa verify: {file} matches {expected}");
                            return ExitCode::SUCCESS;
                        }
                        let _ = writeln!(
                            stdout,
                            "aixa verify: {file} does not match: its digest is {actual}, not {expected}"
                        );
                        return ExitCode::from(1);
                    }
                }
            }
            Command::Share { file, base } => read_assessment(file).and_then(|a| {
                aixa::core::codec::share_link(base, &a).map_err(|len| {
                    format!(
                        "the link would be {len} characters, more than {}: share the file instead",
                        aixa::core::codec::MAX_LINK_CHARS
                    )
                })
            }),
            Command::Check {
                file,
                as_of,
                format,
            } => {
                let day = match as_of {
                    None => Ok(Date::today_utc()),
                    Some(text) => Date::parse(text)
                        .ok_or_else(|| format!("--as-of {text:?} is not a date (YYYY-MM-DD)")),
                };
                match day.and_then(|day| read_assessment(file).map(|a| (a, day))) {
                    Err(e) => Err(e),
                    Ok((a, day)) => {
                        let findings = check(&a, day);
                        let out = match format {
                            CheckFormat::Json => check_json(&a, day, &findings),
                            CheckFormat::Text if findings.is_empty() => format!(
                                "aixa check: every threat in scope is covered ({}, edition {}, as of {day})\naixa check: record {}",
                                a.name, a.edition, digest(&a)
                            ),
                            CheckFormat::Text => {
                                let mut lines: Vec<String> = findings
                                    .iter()
                                    .map(|f| format!("aixa check: {}", f.message))
                                    .collect();
                                lines.push(format!(
                                    "aixa check: {} threat(s) not covered, as of {day}",
                                    findings.len()
                                ));
                                lines.push(format!("aixa check: record {}", digest(&a)));
                                lines.join("\n")
                            }
                        };
                        let mut stdout = std::io::stdout().lock();
                        let _ = writeln!(stdout, "{out}");
                        return if findings.is_empty() {
                            ExitCode::SUCCESS
                        } else {
                            ExitCode::from(1)
                        };
                    }
                }
            }
        };
        match result {
            Ok(out) => {
                let mut stdout = std::io::stdout().lock();
                // A closed pipe (`aixa … | head`) is not an error worth a panic.
                let _ = writeln!(stdout, "{out}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("aixa: error: {message}");
                ExitCode::from(2)
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
