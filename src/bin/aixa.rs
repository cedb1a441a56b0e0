//! `aixa`: the command-line tool over the same core as the web app.

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use aixa::core::answers::Answers;
    use aixa::core::assessment::Assessment;
    use aixa::core::catalog::{Catalog, QuestionKind};
    use aixa::core::check::check;
    use aixa::core::engine::select;
    use aixa::core::report::selection_report;
    use aixa::core::report::{csv::csv, markdown::markdown};
    use clap::{Parser, Subcommand};
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
    enum Format {
        /// A Markdown report.
        Md,
        /// CSV, one row per threat × control, safe for spreadsheets.
        Csv,
        /// The assessment in aixa's versioned JSON format (docs/assessment.schema.json).
        Json,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Print a report of an assessment file (exported from the app).
        ///
        /// Exit status: 0 on success, 2 when the file is invalid.
        Report {
            /// The assessment file; `-` reads standard input.
            #[arg(value_name = "FILE")]
            file: String,
            #[arg(long, value_enum, default_value = "md")]
            format: Format,
        },
        /// Fail when a threat in scope that is yours (alone or shared) has
        /// neither an implemented control nor an accepted residual risk.
        ///
        /// Exit status: 0 when every such threat is covered, 1 when some are
        /// not (each listed on standard error), 2 when the file is invalid.
        Check {
            /// The assessment file; `-` reads standard input.
            #[arg(value_name = "FILE")]
            file: String,
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

    fn read_assessment(path: &str) -> Result<Assessment, String> {
        let text = read_input(path)?;
        let name = if path == "-" { "standard input" } else { path };
        Assessment::from_json(&text).map_err(|e| format!("{name}: {e}"))
    }

    /// Today's date (UTC), for "reviews due".
    fn today() -> String {
        aixa::core::date::Date::today_utc().to_string()
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        let result = match &cli.command {
            Command::Select { answers, edition } => run_select(answers, edition),
            Command::Report { file, format } => read_assessment(file).map(|a| match format {
                Format::Md => markdown(&a, &today()),
                Format::Csv => csv(&a),
                Format::Json => a.to_json_pretty(),
            }),
            Command::Share { file, base } => read_assessment(file).and_then(|a| {
                aixa::core::codec::share_link(base, &a).map_err(|len| {
                    format!(
                        "the link would be {len} characters, more than {}: share the file instead",
                        aixa::core::codec::MAX_LINK_CHARS
                    )
                })
            }),
            Command::Check { file } => match read_assessment(file) {
                Err(e) => Err(e),
                Ok(a) => {
                    let findings = check(&a);
                    if findings.is_empty() {
                        Ok(format!(
                            "aixa check: every threat in scope that is yours is covered ({}, edition {})",
                            a.name, a.edition
                        ))
                    } else {
                        for f in &findings {
                            eprintln!("aixa check: {}", f.message);
                        }
                        eprintln!("aixa check: {} threat(s) not covered", findings.len());
                        return ExitCode::from(1);
                    }
                }
            },
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
