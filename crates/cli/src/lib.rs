//! The `palisade` command line. The only crate that prints (invariant 6).
//!
//! The whole CLI lives in this library so that the end-to-end tests can build a binary from
//! exactly the same code (`tests/` cannot name another package's binary); `src/main.rs` only
//! calls [`run`].

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
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
    /// One line per finding, `FILE:LINE:COL: SEVERITY: MESSAGE [CHECK]`, for terminals and
    /// editors' problem matchers.
    Compact,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    /// Colour when standard output is a terminal, unless NO_COLOR is set (CLICOLOR_FORCE
    /// forces it).
    Auto,
    Always,
    Never,
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
    #[command(after_help = SCAN_HELP)]
    Scan(Box<ScanArgs>),
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
        /// A check id, a former id, or a peer tool's rule id (CKV_AWS_24): every check
        /// listing it as equivalent is shown.
        id: String,
    },
    /// Run the language server on standard input and output (diagnostics for open
    /// Terraform, CloudFormation and IAM policy files, as they are typed).
    Lsp,
    /// Write a commented palisade.toml in the current directory.
    Init {
        /// Replace an existing palisade.toml.
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) on standard output.
    Man,
}

const SCAN_HELP: &str = "\
Several reports in one run: each --output FILE belongs to the --format before it, e.g.
  palisade scan --format sarif --output palisade.sarif --format text
writes SARIF to the file and text to standard output. A report written to a file still
prints the one-line summary on standard error (not with --quiet).

Exit status:
  0  no finding at or above the failure threshold, and every file parsed (always with
     --exit-zero, unless the status is 2)
  1  findings at or above the failure threshold, or files that could not be read or parsed
  2  usage error, malformed configuration, or an I/O error";

#[derive(clap::Args)]
struct ScanArgs {
    /// Files or directories (default: the current directory). Directories are searched
    /// recursively, honouring .gitignore and skipping .terraform/, .git/, node_modules/.
    /// `-` reads the paths from standard input, one per line.
    paths: Vec<PathBuf>,
    /// Report format; repeat it, each with its own --output, for several reports.
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Vec<ReportFormat>,
    /// Write the report of the --format before it to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    output: Vec<PathBuf>,
    /// The lowest severity shown.
    #[arg(long, value_enum, value_name = "LEVEL")]
    severity: Option<Level>,
    /// Exit with 1 when a shown finding is at or above LEVEL (default: `fail_on` from
    /// palisade.toml, else low).
    #[arg(long, value_enum, value_name = "LEVEL")]
    fail_on: Option<Level>,
    /// Exit with 0 even with findings or unparsable files (2 stays 2).
    #[arg(long, alias = "soft-fail")]
    exit_zero: bool,
    /// Use this configuration file instead of looking for palisade.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore any palisade.toml.
    #[arg(long)]
    no_config: bool,
    /// Skip paths matching GLOB (gitignore syntax, relative to the current directory;
    /// repeatable), besides palisade.toml's `exclude`.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Run only this check (repeatable): a check id, a former id, or a peer tool's rule id
    /// that the check lists as equivalent (CKV_AWS_24, AVD-AWS-0107).
    #[arg(long = "check", value_name = "ID")]
    checks: Vec<String>,
    /// Do not run this check (repeatable; the same ids as --check).
    #[arg(long = "skip-check", value_name = "ID")]
    skip_checks: Vec<String>,
    /// Hide the findings this baseline file knows (instead of palisade.toml's `baseline`).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Write every current finding to FILE as the new baseline, then exit 0.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// List the suppressed findings too, with the suppression's location and reason (text,
    /// compact, JSON; SARIF results with `suppressions`).
    #[arg(long)]
    show_suppressed: bool,
    /// The paths are files to report on (pre-commit): each is scanned with its context (a
    /// Terraform file with its module directory and the local modules it calls), and only
    /// findings in those files, or reached through a module call in them, are reported.
    #[arg(long)]
    with_context: bool,
    /// When to colour the text and compact reports.
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    color: ColorChoice,
    /// Print nothing on standard error but errors (no summary line, no warnings).
    #[arg(long, short)]
    quiet: bool,
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
    /// resolved and not, the share of attribute values that stayed unknown, and the files
    /// that look like infrastructure but are not understood.
    #[arg(long)]
    stats: bool,
    /// Scan files that .gitignore, .ignore or .git/info/exclude leave out (a cdk.out/
    /// folder, generated templates). `.git/`, `.terraform/` and `node_modules/` stay
    /// skipped.
    #[arg(long)]
    no_ignore: bool,
    /// The configuration directory of the Terraform plans scanned (`terraform show -json`
    /// output): their findings point at its resource blocks. By default the plan's own
    /// directory, when it holds `.tf` files.
    #[arg(long, value_name = "DIR")]
    plan_source: Option<PathBuf>,
}

/// Parses the process arguments, runs the command and returns the exit status.
pub fn run() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => e.exit(),
    };
    match cli.command {
        Command::Scan(args) => {
            let scan_matches = matches.subcommand_matches("scan");
            let index = |id: &str| -> Vec<usize> {
                scan_matches
                    .and_then(|m| m.indices_of(id))
                    .map(|i| i.collect())
                    .unwrap_or_default()
            };
            let (format_at, output_at) = (index("format"), index("output"));
            scan(*args, &format_at, &output_at)
        }
        Command::Checks { format, layer } => checks(format, layer),
        Command::Explain { id } => explain(&id),
        Command::Lsp => match palisade_lsp::serve_stdio() {
            // The protocol: exit code 1 for `exit` without `shutdown` first.
            Ok(palisade_lsp::Ended::ExitWithoutShutdown) => ExitCode::from(1),
            Ok(palisade_lsp::Ended::Exit | palisade_lsp::Ended::Closed) => ExitCode::SUCCESS,
            Err(e) => usage(&format!("cannot start the language server: {e}")),
        },
        Command::Init { force } => init(force),
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut cmd, "palisade", &mut out);
            print_bytes(&out)
        }
        Command::Man => {
            let mut out = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut out) {
                Ok(()) => print_bytes(&out),
                Err(e) => usage(&e.to_string()),
            }
        }
    }
}

fn print_bytes(bytes: &[u8]) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|_| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => usage(&format!("cannot write to standard output: {e}")),
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("palisade: error: {message}");
    ExitCode::from(2)
}

type Reports = Vec<(ReportFormat, Option<PathBuf>)>;

/// Pairs each `--output` with the `--format` before it (an `--output` before any `--format`
/// goes with the first one); a format without an output goes to standard output.
fn reports(
    formats: &[ReportFormat],
    outputs: &[PathBuf],
    format_at: &[usize],
    output_at: &[usize],
) -> Result<Reports, String> {
    let mut reports: Reports = if formats.is_empty() {
        vec![(ReportFormat::Text, None)]
    } else {
        formats.iter().map(|f| (*f, None)).collect()
    };
    for (k, out) in outputs.iter().enumerate() {
        let at = output_at.get(k).copied().unwrap_or(0);
        let owner = format_at.iter().rposition(|&f| f < at).unwrap_or(0);
        match reports.get_mut(owner) {
            Some(slot) if slot.1.is_none() => slot.1 = Some(out.clone()),
            _ => {
                return Err(format!(
                    "--output {} has no --format of its own (write `--format F --output FILE` per report)",
                    out.display()
                ))
            }
        }
    }
    if reports.iter().filter(|r| r.1.is_none()).count() > 1 {
        return Err("several reports on standard output: give all but one an --output FILE".into());
    }
    Ok(reports)
}

/// Whether to colour: --color, then NO_COLOR (set and not empty: never), then
/// CLICOLOR_FORCE (set and not `0`: always), then whether standard output is a terminal.
fn use_color(choice: ColorChoice) -> bool {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if var("NO_COLOR").is_some() {
                false
            } else if var("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                true
            } else {
                std::io::stdout().is_terminal()
            }
        }
    }
}

/// `-` among the paths: the paths on standard input, one per line.
fn read_paths(paths: Vec<PathBuf>) -> Result<(Vec<PathBuf>, bool), String> {
    if !paths.iter().any(|p| p.as_os_str() == "-") {
        return Ok((paths, false));
    }
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
        .map_err(|e| format!("cannot read paths from standard input: {e}"))?;
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.extend(
                text.lines()
                    .map(str::trim_end)
                    .filter(|l| !l.is_empty())
                    .map(PathBuf::from),
            );
        } else {
            out.push(p);
        }
    }
    Ok((out, true))
}

fn scan(args: ScanArgs, format_at: &[usize], output_at: &[usize]) -> ExitCode {
    let mut pairs = Vec::with_capacity(args.vars.len());
    for v in &args.vars {
        match v.split_once('=') {
            Some((name, value)) if !name.trim().is_empty() => {
                pairs.push((name.trim().to_string(), value.to_string()))
            }
            _ => return usage(&format!("--var expects NAME=VALUE, got `{v}`")),
        }
    }
    let reports = match reports(&args.format, &args.output, format_at, output_at) {
        Ok(r) => r,
        Err(e) => return usage(&e),
    };
    let (paths, from_stdin) = match read_paths(args.paths) {
        Ok(p) => p,
        Err(e) => return usage(&e),
    };
    let options = ScanOptions {
        config: match (args.config, args.no_config) {
            (_, true) => ConfigChoice::Disabled,
            (Some(p), false) => ConfigChoice::File(p),
            (None, false) => ConfigChoice::Discover,
        },
        min_severity: args.severity.map(Into::into),
        cwd: None,
        terraform_vars: pairs,
        terraform_var_files: args.var_files,
        follow_modules: !args.no_follow_modules,
        exclude: args.exclude,
        checks: args.checks,
        skip_checks: args.skip_checks,
        baseline: args.baseline,
        in_context: args.with_context,
        no_ignore: args.no_ignore,
        plan_source: args.plan_source,
        ..ScanOptions::default()
    };
    // An empty list (pre-commit's, or standard input's) scans nothing, not the current
    // directory.
    let result = if paths.is_empty() && (from_stdin || args.with_context) {
        palisade_engine::scan_nothing(&options)
    } else {
        palisade_engine::scan(&paths, &options)
    };
    let result = match result {
        Ok(r) => r,
        Err(e) => return usage(&e.to_string()),
    };
    if !args.quiet {
        for w in &result.warnings {
            eprintln!("palisade: warning: {w}");
        }
    }
    if let Some(path) = &args.write_baseline {
        let text = palisade_engine::baseline::render(&result, path);
        if let Err(e) = std::fs::write(path, text) {
            return usage(&format!("cannot write {}: {e}", path.display()));
        }
        if !args.quiet {
            eprintln!("palisade: wrote the baseline {}", path.display());
        }
        return ExitCode::SUCCESS;
    }
    let color = use_color(args.color);
    let options = palisade_report::ReportOptions {
        show_suppressed: args.show_suppressed,
    };
    let mut summary_on_stdout = false;
    for (format, output) in &reports {
        let text_options = palisade_report::TextOptions {
            color: output.is_none() && color,
            ..Default::default()
        };
        let report = match format {
            ReportFormat::Json => palisade_report::json_with(&result, options),
            ReportFormat::Sarif => palisade_report::sarif_with(&result, options),
            ReportFormat::Junit => palisade_report::junit(&result),
            ReportFormat::Github => palisade_report::github(&result),
            ReportFormat::Text => palisade_report::text_with(&result, text_options, options),
            ReportFormat::Compact => palisade_report::compact(&result, text_options, options),
        };
        let written = match output {
            Some(path) => std::fs::write(path, &report)
                .map_err(|e| format!("cannot write {}: {e}", path.display())),
            None => {
                summary_on_stdout = matches!(
                    format,
                    ReportFormat::Text | ReportFormat::Compact | ReportFormat::Github
                );
                let mut stdout = std::io::stdout().lock();
                stdout
                    .write_all(report.as_bytes())
                    .and_then(|_| stdout.flush())
                    .map_err(|e| format!("cannot write to standard output: {e}"))
            }
        };
        if let Err(e) = written {
            return usage(&e);
        }
    }
    // Standard error, so that JSON, SARIF and JUnit on standard output stay parseable.
    if !args.quiet && !summary_on_stdout {
        eprintln!("palisade: {}", palisade_report::summary_line(&result));
    }
    if args.stats && !args.quiet {
        eprintln!("palisade: {}", palisade_report::stats_line(&result));
    }
    let threshold = args
        .fail_on
        .map(Into::into)
        .or(result.config.fail_on)
        .unwrap_or(Severity::Low);
    let failing = result.findings.iter().any(|f| f.severity >= threshold);
    if (failing || !result.errors.is_empty()) && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

const INIT_TEMPLATE: &str = r#"# palisade.toml: the configuration of `palisade scan`, found by walking up from the scanned
# path. Every key is optional; unknown keys and unknown check ids are errors.

# Checks that never run (ids from `palisade checks`).
# disable = ["aws-sqs-no-cmk"]

# Paths never scanned: gitignore syntax, relative to this file.
# exclude = ["legacy/", "**/test-fixtures/**"]

# Exit with 1 only for findings at or above this severity: low, medium, high or critical.
# fail_on = "high"

# Findings accepted as known, written by
# `palisade scan --write-baseline palisade-baseline.json`.
# baseline = "palisade-baseline.json"

# Suppression comments must give a reason to apply, as in
#   # palisade:ignore[aws-ec2-sg-open-ingress]:exp:2026-12-31 public web tier, reviewed
# require_reason = true

# Severity overrides per check.
# [severity]
# aws-iam-oidc-no-audience = "low"
"#;

fn init(force: bool) -> ExitCode {
    let path = PathBuf::from(palisade_engine::config::CONFIG_FILE_NAME);
    if path.exists() && !force {
        return usage("palisade.toml already exists (--force replaces it)");
    }
    match std::fs::write(&path, INIT_TEMPLATE) {
        Ok(()) => {
            eprintln!("palisade: wrote palisade.toml");
            ExitCode::SUCCESS
        }
        Err(e) => usage(&format!("cannot write palisade.toml: {e}")),
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
    let found = palisade_engine::lookup_checks(id);
    if found.is_empty() {
        return usage(&format!("unknown check `{id}` (see `palisade checks`)"));
    }
    let texts: Vec<String> = found.iter().map(|c| explain_one(c)).collect();
    print!("{}", texts.join("\n\n"));
    ExitCode::SUCCESS
}

fn explain_one(check: &palisade_checks::Check) -> String {
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
    s
}
