//! The `palisade` command line. The only crate that prints (invariant 6).
//!
//! The whole CLI lives in this library so that the end-to-end tests can build a binary from
//! exactly the same code (`tests/` cannot name another package's binary); `src/main.rs` only
//! calls [`run`].

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use palisade_checks::{Layer, Severity};
use palisade_engine::{ConfigChoice, ScanOptions};
use serde::Serialize;

mod examples {
    include!(concat!(env!("OUT_DIR"), "/examples.rs"));
}

const EXIT_HELP: &str = "\
Exit status:
  0  no finding at or above the failure threshold, and every file parsed
  1  findings at or above the failure threshold (--fail-on, else `fail_on` in palisade.toml,
     else low: any finding), or files that could not be read or parsed (notes, where
     evaluation was bounded on purpose, do not count)
  2  usage error, malformed configuration, or an I/O error (a missing path, an unwritable
     --output file)";

#[derive(Parser)]
#[command(
    name = "palisade",
    version,
    about = "Infrastructure-as-Code security linter for Terraform, CloudFormation and IAM policies",
    after_help = EXIT_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Report formats of `scan`.
#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    /// Findings with source snippets and a summary line.
    Text,
    /// One JSON object: findings, errors, summary (the stable contract).
    Json,
    /// SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps).
    Sarif,
    /// JUnit XML for CI test reports.
    Junit,
    /// GitHub Actions annotations (`::error file=...`), one per finding.
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum Level {
    Low,
    Medium,
    High,
    Critical,
}

impl From<Level> for Severity {
    fn from(l: Level) -> Severity {
        match l {
            Level::Low => Severity::Low,
            Level::Medium => Severity::Medium,
            Level::High => Severity::High,
            Level::Critical => Severity::Critical,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Scan files and directories for security problems.
    #[command(after_help = EXIT_HELP)]
    Scan {
        /// Files or directories (default: the current directory). Directories are searched
        /// recursively, honouring .gitignore and skipping .terraform/, .git/, node_modules/.
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
        /// Write the report to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The lowest severity shown.
        #[arg(long, value_enum, value_name = "LEVEL")]
        severity: Option<Level>,
        /// Exit with 1 when a shown finding is at or above LEVEL (default: `fail_on` from
        /// palisade.toml, else low).
        #[arg(long, value_enum, value_name = "LEVEL")]
        fail_on: Option<Level>,
        /// Use this configuration file instead of looking for palisade.toml.
        #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
        config: Option<PathBuf>,
        /// Ignore any palisade.toml.
        #[arg(long)]
        no_config: bool,
        /// Set a Terraform input variable of the scanned root modules, as `terraform plan
        /// -var` does (repeatable; overrides tfvars files). `[...]` and `{...}` values are read
        /// as HCL lists and objects.
        #[arg(long = "var", value_name = "NAME=VALUE")]
        vars: Vec<String>,
        /// Read Terraform input variables from FILE (HCL, or JSON when it ends in .json), as
        /// `terraform plan -var-file` does (repeatable; overrides tfvars files).
        #[arg(long = "var-file", value_name = "FILE")]
        var_files: Vec<PathBuf>,
        /// Do not evaluate local Terraform module calls: each module directory is analysed
        /// only on its own, with its variables' defaults (a called module is otherwise
        /// evaluated with each caller's inputs, and its findings carry the call sites).
        #[arg(long)]
        no_follow_modules: bool,
        /// Print evaluation statistics to standard error after the report: module calls
        /// resolved and not, and the share of attribute values that stayed unknown.
        #[arg(long)]
        stats: bool,
    },
    /// List every check with its metadata.
    Checks {
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Only the checks of one layer of defense in depth: edge, network, identity, data,
        /// monitoring.
        #[arg(long, value_parser = parse_layer)]
        layer: Option<Layer>,
    },
    /// Show a check's documentation and examples.
    Explain {
        /// A check id (or a former id).
        id: String,
    },
    /// Run the language server on standard input and output (diagnostics for open
    /// Terraform, CloudFormation and IAM policy files, as they are typed).
    Lsp,
}

/// Parses the process arguments, runs the command and returns the exit status.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Scan {
            paths,
            format,
            output,
            severity,
            fail_on,
            config,
            no_config,
            vars,
            var_files,
            no_follow_modules,
            stats,
        } => {
            let mut pairs = Vec::with_capacity(vars.len());
            for v in vars {
                match v.split_once('=') {
                    Some((name, value)) if !name.trim().is_empty() => {
                        pairs.push((name.trim().to_string(), value.to_string()))
                    }
                    _ => {
                        eprintln!("palisade: error: --var expects NAME=VALUE, got `{v}`");
                        return ExitCode::from(2);
                    }
                }
            }
            let options = ScanOptions {
                config: match (config, no_config) {
                    (_, true) => ConfigChoice::Disabled,
                    (Some(p), false) => ConfigChoice::File(p),
                    (None, false) => ConfigChoice::Discover,
                },
                min_severity: severity.map(Into::into),
                cwd: None,
                terraform_vars: pairs,
                terraform_var_files: var_files,
                follow_modules: !no_follow_modules,
                ..ScanOptions::default()
            };
            scan(
                paths,
                format,
                output,
                fail_on.map(Into::into),
                &options,
                stats,
            )
        }
        Command::Checks { format, layer } => checks(format, layer),
        Command::Explain { id } => explain(&id),
        Command::Lsp => match palisade_lsp::serve_stdio() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("palisade: error: cannot start the language server: {e}");
                ExitCode::from(2)
            }
        },
    }
}

fn scan(
    paths: Vec<PathBuf>,
    format: ReportFormat,
    output: Option<PathBuf>,
    fail_on: Option<Severity>,
    options: &ScanOptions,
    stats: bool,
) -> ExitCode {
    let result = match palisade_engine::scan(&paths, options) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("palisade: error: {e}");
            return ExitCode::from(2);
        }
    };
    for w in &result.warnings {
        eprintln!("palisade: warning: {w}");
    }
    let report = match format {
        ReportFormat::Json => palisade_report::json(&result),
        ReportFormat::Sarif => palisade_report::sarif(&result),
        ReportFormat::Junit => palisade_report::junit(&result),
        ReportFormat::Github => palisade_report::github(&result),
        ReportFormat::Text => {
            let color = output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            palisade_report::text(
                &result,
                palisade_report::TextOptions {
                    color,
                    ..Default::default()
                },
            )
        }
    };
    let written = match &output {
        Some(path) => std::fs::write(path, &report)
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(report.as_bytes())
                .and_then(|_| stdout.flush())
                .map_err(|e| format!("cannot write to standard output: {e}"))
        }
    };
    if let Err(e) = written {
        eprintln!("palisade: error: {e}");
        return ExitCode::from(2);
    }
    // Standard error, so that JSON, SARIF and JUnit on standard output stay parseable.
    if stats {
        eprintln!("palisade: {}", palisade_report::stats_line(&result));
    }
    let threshold = fail_on.or(result.config.fail_on).unwrap_or(Severity::Low);
    let failing = result.findings.iter().any(|f| f.severity >= threshold);
    if failing || !result.errors.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[derive(Serialize)]
struct CheckJson {
    id: &'static str,
    title: &'static str,
    severity: &'static str,
    service: &'static str,
    layer: &'static str,
    description: &'static str,
    remediation: &'static str,
    references: &'static [&'static str],
    equivalents: Vec<String>,
    aliases: &'static [&'static str],
}

#[derive(Serialize)]
struct ChecksJson {
    checks: Vec<CheckJson>,
}

fn parse_layer(s: &str) -> Result<Layer, String> {
    Layer::parse(s).ok_or_else(|| {
        let names: Vec<&str> = Layer::ALL.iter().map(|l| l.as_str()).collect();
        format!("unknown layer `{s}`; one of {}", names.join(", "))
    })
}

fn checks(format: Format, layer: Option<Layer>) -> ExitCode {
    let mut all = palisade_checks::all();
    all.retain(|c| layer.is_none_or(|l| c.meta.layer == l));
    let out = match format {
        Format::Json => {
            let doc = ChecksJson {
                checks: all
                    .iter()
                    .map(|c| CheckJson {
                        id: c.meta.id,
                        title: c.meta.title,
                        severity: c.meta.severity.as_str(),
                        service: c.meta.service,
                        layer: c.meta.layer.as_str(),
                        description: c.meta.description,
                        remediation: c.meta.remediation,
                        references: c.meta.references,
                        equivalents: c.meta.equivalent_ids(),
                        aliases: c.meta.aliases,
                    })
                    .collect(),
            };
            let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
            s.push('\n');
            s
        }
        Format::Text => {
            let width = all.iter().map(|c| c.meta.id.len()).max().unwrap_or(0);
            let mut s = String::new();
            for c in &all {
                s.push_str(&format!(
                    "{:width$}  {:8}  {:10}  {}\n",
                    c.meta.id,
                    c.meta.severity.as_str(),
                    c.meta.layer.as_str(),
                    c.meta.title
                ));
            }
            s.push_str(&format!("{} checks\n", all.len()));
            s
        }
    };
    print!("{out}");
    ExitCode::SUCCESS
}

fn explain(id: &str) -> ExitCode {
    let Some(check) = palisade_checks::find(id) else {
        eprintln!("palisade: error: unknown check `{id}` (see `palisade checks`)");
        return ExitCode::from(2);
    };
    let m = &check.meta;
    let mut s = format!("{} — {}\n\n", m.id, m.title);
    s.push_str(&format!(
        "severity: {}   service: {}   layer: {}\n",
        m.severity.as_str(),
        m.service,
        m.layer.as_str()
    ));
    if !m.aliases.is_empty() {
        s.push_str(&format!("former ids: {}\n", m.aliases.join(", ")));
    }
    if !m.equivalents.is_empty() {
        s.push_str(&format!("equivalents: {}\n", m.equivalents.join(", ")));
    }
    s.push_str(&format!(
        "\n{}\n\nHow to fix\n\n{}\n",
        m.description.trim(),
        m.remediation.trim()
    ));
    if !m.references.is_empty() {
        s.push_str("\nReferences\n\n");
        for r in m.references {
            s.push_str(&format!("- {r}\n"));
        }
    }
    if !m.examples.is_empty() {
        s.push_str("\nExamples\n");
    }
    for ex in m.examples {
        let verdict = if ex.expect.is_empty() {
            "good (no finding)".to_string()
        } else {
            let lines: Vec<String> = ex.expect.iter().map(|(l, _)| l.to_string()).collect();
            format!("bad (finding on line {})", lines.join(", "))
        };
        s.push_str(&format!("\n--- {} — {verdict}\n", ex.file));
        match examples::EXAMPLES
            .iter()
            .find(|(cid, file, _)| *cid == m.id && *file == ex.file)
        {
            Some((_, _, text)) => {
                s.push_str(text);
                if !text.ends_with('\n') {
                    s.push('\n');
                }
            }
            None => s.push_str("(example file not embedded in this build)\n"),
        }
    }
    print!("{s}");
    ExitCode::SUCCESS
}
