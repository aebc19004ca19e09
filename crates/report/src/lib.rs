//! Reporters: turn a [`ScanResult`] into text (miette snippets), JSON, SARIF, JUnit XML or
//! GitHub Actions annotations.
//!
//! Reporters return strings; only the CLI writes them anywhere (invariant 6).

mod compact;
mod github;
mod junit;
mod sarif;
mod visible;

pub use compact::compact;
pub use github::github;
pub use junit::junit;
pub use sarif::{sarif, sarif_with};

use std::collections::BTreeSet;
use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan,
};
use palisade_checks::Severity;
use palisade_engine::{ResolvedFinding, ScanError, ScanResult, SuppressedFinding};
use schemars::JsonSchema;
use serde::Serialize;

/// The JSON schema version; bumped on any incompatible change.
pub const JSON_VERSION: u32 = 1;

/// The report of `palisade scan --format json`.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "Palisade JSON report", deny_unknown_fields)]
struct JsonReport<'a> {
    /// Bumped on any incompatible change.
    version: u32,
    /// Sorted by file, line, column, check.
    findings: Vec<JsonFinding<'a>>,
    /// Files or parts of files that could not be read or parsed; they fail the scan.
    errors: Vec<JsonError<'a>>,
    /// Where evaluation was bounded (same shape as errors; they do not fail the scan).
    notes: Vec<JsonError<'a>>,
    /// Parts of files that were read but not analysed though the file is valid for its tool
    /// (a policy written as a string whose JSON is invalid); same shape as errors, they do not
    /// fail the scan.
    file_warnings: Vec<JsonError<'a>>,
    /// Things to know that are not errors of the scanned files (a suppression naming no
    /// check, an expiry that is not a date, module calls outside the scanned paths).
    warnings: Vec<&'a str>,
    /// With `--show-suppressed`: the findings that suppressions hid, each with its
    /// suppression.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    suppressed: Option<Vec<JsonSuppressed<'a>>>,
    summary: JsonSummary,
}

/// A place in a file, 1-based.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
struct JsonLocation<'a> {
    file: &'a str,
    #[schemars(range(min = 1))]
    line: u32,
    #[schemars(range(min = 1))]
    column: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
}

#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
enum JsonSeverity {
    Critical,
    High,
    Medium,
    Low,
}

impl From<Severity> for JsonSeverity {
    fn from(s: Severity) -> JsonSeverity {
        match s {
            Severity::Critical => JsonSeverity::Critical,
            Severity::High => JsonSeverity::High,
            Severity::Medium => JsonSeverity::Medium,
            Severity::Low => JsonSeverity::Low,
        }
    }
}

/// One finding. Lines and columns are 1-based; columns count characters.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
struct JsonFinding<'a> {
    /// The check's id (`palisade explain ID`).
    check: &'a str,
    severity: JsonSeverity,
    message: &'a str,
    /// Relative to the current directory.
    file: &'a str,
    #[schemars(range(min = 1))]
    line: u32,
    #[schemars(range(min = 1))]
    column: u32,
    #[schemars(range(min = 1))]
    end_line: u32,
    #[schemars(range(min = 1))]
    end_column: u32,
    /// Terraform address or CloudFormation logical id; null for a standalone policy.
    resource: Option<&'a str>,
    resource_start_line: u32,
    resource_end_line: u32,
    /// Module call sites, outermost first (omitted when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    trace: Vec<JsonLocation<'a>>,
    /// Where a value was defined, other places involved (omitted when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    related: Vec<JsonLocation<'a>>,
}

#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
enum JsonSuppressionKind {
    /// A comment or a resource's `Metadata`.
    Inline,
    /// The baseline file.
    Baseline,
}

/// The suppression that hid a finding.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
struct JsonSuppression<'a> {
    kind: JsonSuppressionKind,
    /// Where it is written (the baseline file for `baseline`).
    file: Option<&'a str>,
    line: Option<u32>,
    reason: Option<&'a str>,
    /// The last day it applies, `YYYY-MM-DD`.
    expires: Option<&'a str>,
}

/// A suppressed finding: the finding's fields and its suppression.
#[derive(Serialize, JsonSchema)]
struct JsonSuppressed<'a> {
    #[serde(flatten)]
    finding: JsonFinding<'a>,
    suppression: JsonSuppression<'a>,
}

#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
struct JsonError<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    message: &'a str,
}

#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
struct BySeverity {
    critical: usize,
    high: usize,
    medium: usize,
    low: usize,
}

#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
struct JsonSummary {
    findings: usize,
    by_severity: BySeverity,
    files_scanned: usize,
    files_with_findings: usize,
    /// Findings hidden by inline suppressions or the baseline.
    suppressed: usize,
    errors: usize,
    notes: usize,
    file_warnings: usize,
}

/// The JSON Schema of the JSON report, generated from the types that write it (committed as
/// `docs/report.schema.json`; a test fails when it is stale).
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(JsonReport<'static>);
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}

/// What reporters show beyond the findings.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReportOptions {
    /// List suppressed findings with their suppressions (`--show-suppressed`).
    pub show_suppressed: bool,
}

fn json_finding(f: &ResolvedFinding) -> JsonFinding<'_> {
    JsonFinding {
        check: f.check,
        severity: f.severity.into(),
        message: &f.message,
        file: &f.file,
        line: f.line,
        column: f.column,
        end_line: f.end_line,
        end_column: f.end_column,
        resource: f.resource.as_deref(),
        resource_start_line: f.resource_start_line,
        resource_end_line: f.resource_end_line,
        trace: f
            .trace
            .iter()
            .map(|t| JsonLocation {
                file: &t.file,
                line: t.line,
                column: t.column,
                message: None,
            })
            .collect(),
        related: f
            .related
            .iter()
            .map(|r| JsonLocation {
                file: &r.location.file,
                line: r.location.line,
                column: r.location.column,
                message: Some(&r.message),
            })
            .collect(),
    }
}

fn json_suppressed(s: &SuppressedFinding) -> JsonSuppressed<'_> {
    JsonSuppressed {
        finding: json_finding(&s.finding),
        suppression: JsonSuppression {
            kind: match s.by.kind {
                palisade_engine::SuppressionKind::InSource => JsonSuppressionKind::Inline,
                palisade_engine::SuppressionKind::Baseline => JsonSuppressionKind::Baseline,
            },
            file: s.by.location.as_ref().map(|l| l.file.as_str()),
            line: s.by.location.as_ref().map(|l| l.line),
            reason: s.by.reason.as_deref(),
            expires: s.by.expires.as_deref(),
        },
    }
}

fn count(findings: &[ResolvedFinding], s: Severity) -> usize {
    findings.iter().filter(|f| f.severity == s).count()
}

fn files_with_findings(findings: &[ResolvedFinding]) -> usize {
    findings
        .iter()
        .map(|f| f.file.as_str())
        .collect::<BTreeSet<_>>()
        .len()
}

fn json_error(e: &ScanError) -> JsonError<'_> {
    JsonError {
        file: &e.file,
        line: e.line,
        column: e.column,
        message: &e.message,
    }
}

/// The JSON report: one object, pretty-printed, ending in a newline.
pub fn json(result: &ScanResult) -> String {
    json_with(result, ReportOptions::default())
}

/// The JSON report, with suppressed findings when asked.
pub fn json_with(result: &ScanResult, options: ReportOptions) -> String {
    let report = JsonReport {
        version: JSON_VERSION,
        findings: result.findings.iter().map(json_finding).collect(),
        warnings: result.warnings.iter().map(String::as_str).collect(),
        suppressed: options.show_suppressed.then(|| {
            result
                .suppressed_findings
                .iter()
                .map(json_suppressed)
                .collect()
        }),
        errors: result.errors.iter().map(json_error).collect(),
        notes: result.notes.iter().map(json_error).collect(),
        file_warnings: result.file_warnings.iter().map(json_error).collect(),
        summary: JsonSummary {
            findings: result.findings.len(),
            by_severity: BySeverity {
                critical: count(&result.findings, Severity::Critical),
                high: count(&result.findings, Severity::High),
                medium: count(&result.findings, Severity::Medium),
                low: count(&result.findings, Severity::Low),
            },
            files_scanned: result.files_scanned,
            files_with_findings: files_with_findings(&result.findings),
            suppressed: result.suppressed,
            errors: result.errors.len(),
            notes: result.notes.len(),
            file_warnings: result.file_warnings.len(),
        },
    };
    // Serialising plain structs of strings and integers cannot fail.
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}

/// Text rendering options.
#[derive(Clone, Copy, Debug)]
pub struct TextOptions {
    /// ANSI colours (the CLI turns them on for a terminal without `NO_COLOR`).
    pub color: bool,
    /// Fixed wrap width, so output does not depend on the terminal and snapshots are stable.
    pub width: usize,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            color: false,
            width: 100,
        }
    }
}

/// A finding or an error as a miette diagnostic.
struct Rendered {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<NamedSource<visible::CharColumns>>,
    labels: Vec<LabeledSpan>,
}

impl fmt::Debug for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Rendered {}

impl Diagnostic for Rendered {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }
}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Critical | Severity::High => miette::Severity::Error,
        Severity::Medium => miette::Severity::Warning,
        Severity::Low => miette::Severity::Advice,
    }
}

fn render_finding(result: &ScanResult, f: &ResolvedFinding) -> Rendered {
    let source = result.sources.get(f.source);
    let snippet = source.map(|s| visible::CharColumns::new(s.text.clone()));
    let mut labels = Vec::new();
    if let (Some(src), Some(v)) = (source, &snippet) {
        let (start, end) = (v.offset(f.start_offset), v.offset(f.end_offset));
        labels.push(LabeledSpan::new_primary_with_span(
            Some(f.severity.as_str().to_string()),
            SourceSpan::new(start.into(), end.saturating_sub(start)),
        ));
        // "value defined here" and friends, when they are in the same file and so can share
        // the snippet; others are listed in the help text.
        for r in &f.related {
            if r.location.file == f.file {
                let offset = src.line_start(r.location.line)
                    + src
                        .line_text(r.location.line)
                        .char_indices()
                        .nth(r.location.column.saturating_sub(1) as usize)
                        .map(|(i, _)| i)
                        .unwrap_or(0);
                labels.push(LabeledSpan::new(
                    Some(visible::text(&r.message)),
                    v.offset(offset.min(src.text.len())),
                    0,
                ));
            }
        }
    }
    let mut help = Vec::new();
    match &f.resource {
        Some(r) => help.push(format!(
            "resource {r} ({}:{}-{})",
            f.file, f.resource_start_line, f.resource_end_line
        )),
        None => help.push(format!(
            "policy statement at {}:{}-{}",
            f.file, f.resource_start_line, f.resource_end_line
        )),
    }
    for t in &f.trace {
        help.push(format!(
            "via module call at {}:{}:{}",
            t.file, t.line, t.column
        ));
    }
    for r in &f.related {
        if r.location.file != f.file {
            help.push(format!(
                "{} at {}:{}:{}",
                r.message, r.location.file, r.location.line, r.location.column
            ));
        }
    }
    help.push(format!("run `palisade explain {}` for details", f.check));
    Rendered {
        message: visible::text(&format!("[{}] {}", f.severity.as_str(), f.message)),
        code: Some(f.check.to_string()),
        severity: miette_severity(f.severity),
        help: Some(visible::text(&help.join("\n"))),
        source: source
            .zip(snippet)
            .map(|(s, v)| NamedSource::new(visible::text(&s.path.display().to_string()), v)),
        labels,
    }
}

fn render_error(result: &ScanResult, e: &ScanError, severity: miette::Severity) -> Rendered {
    let (source, labels) = match e
        .source
        .and_then(|(i, off)| Some((result.sources.get(i)?, off)))
    {
        Some((src, offset)) => {
            let v = visible::CharColumns::new(src.text.clone());
            let at = v.offset(offset);
            (
                Some(NamedSource::new(
                    visible::text(&src.path.display().to_string()),
                    v,
                )),
                vec![LabeledSpan::new_primary_with_span(
                    Some("here".to_string()),
                    SourceSpan::new(at.into(), 0),
                )],
            )
        }
        None => (None, Vec::new()),
    };
    Rendered {
        message: visible::text(&format!(
            "{}:{}:{}: {}",
            e.file, e.line, e.column, e.message
        )),
        code: None,
        severity,
        help: None,
        source,
        labels,
    }
}

/// What `--stats` prints: how many module calls were followed and what share of attribute
/// values stayed unknown, so the depth of evaluation on a code base is visible.
pub fn stats_line(result: &ScanResult) -> String {
    let s = &result.stats;
    let share = |n: usize| {
        if s.values == 0 {
            0.0
        } else {
            100.0 * n as f64 / s.values as f64
        }
    };
    let mut line = format!(
        "stats: {} files; module calls: {} resolved, {} registry/git (not fetched), {} local not followed ({} outside the scanned paths); \
         attribute values: {}, {:.1}% unknown, {:.1}% references to other resources",
        result.files_scanned,
        s.modules_resolved,
        s.modules_remote,
        s.modules_unresolved,
        s.modules_outside,
        s.values,
        share(s.values_unknown),
        share(s.values_reference),
    );
    if !result.not_understood.is_empty() {
        let listed: Vec<String> = result
            .not_understood
            .iter()
            .map(|(file, why)| format!("{} ({why})", visible::text(file)))
            .collect();
        line.push_str(&format!(
            "; {} file{} that look{} like infrastructure but {} not understood: {}",
            listed.len(),
            if listed.len() == 1 { "" } else { "s" },
            if listed.len() == 1 { "s" } else { "" },
            if listed.len() == 1 { "is" } else { "are" },
            listed.join(", ")
        ));
    }
    line
}

/// The summary line, e.g. `3 findings (1 critical, 2 high) in 2 files; 0 errors; 12 files
/// scanned`.
pub fn summary_line(result: &ScanResult) -> String {
    let n = result.findings.len();
    let mut s = if n == 0 {
        "no findings".to_string()
    } else {
        let parts: Vec<String> = [
            Severity::Critical,
            Severity::High,
            Severity::Medium,
            Severity::Low,
        ]
        .iter()
        .filter_map(|&sev| {
            let c = count(&result.findings, sev);
            (c > 0).then(|| format!("{c} {}", sev.as_str()))
        })
        .collect();
        let files = files_with_findings(&result.findings);
        format!(
            "{n} finding{} ({}) in {files} file{}",
            plural(n),
            parts.join(", "),
            plural(files)
        )
    };
    s.push_str(&format!(
        "; {} error{}; {} file{} scanned",
        result.errors.len(),
        plural(result.errors.len()),
        result.files_scanned,
        plural(result.files_scanned)
    ));
    if !result.file_warnings.is_empty() {
        s.push_str(&format!(
            "; {} warning{}",
            result.file_warnings.len(),
            plural(result.file_warnings.len())
        ));
    }
    if !result.notes.is_empty() {
        s.push_str(&format!(
            "; {} note{} (evaluation bounded)",
            result.notes.len(),
            plural(result.notes.len())
        ));
    }
    if result.suppressed > 0 {
        s.push_str(&format!("; {} suppressed", result.suppressed));
    }
    s
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The text report: every error, every finding with its snippet, then the summary line.
pub fn text(result: &ScanResult, options: TextOptions) -> String {
    text_with(result, options, ReportOptions::default())
}

/// The text report; with `show_suppressed`, the suppressed findings are listed before the
/// summary, one line each with the suppression's location and reason.
pub fn text_with(result: &ScanResult, options: TextOptions, report: ReportOptions) -> String {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_links(false)
        .with_context_lines(1);
    let mut out = String::new();
    let diagnostics = result
        .errors
        .iter()
        .map(|e| render_error(result, e, miette::Severity::Error))
        .chain(
            result
                .file_warnings
                .iter()
                .map(|e| render_error(result, e, miette::Severity::Warning)),
        )
        .chain(
            result
                .notes
                .iter()
                .map(|e| render_error(result, e, miette::Severity::Advice)),
        )
        .chain(result.findings.iter().map(|f| render_finding(result, f)));
    for d in diagnostics {
        let mut buf = String::new();
        if handler.render_report(&mut buf, &d).is_err() {
            // Rendering only fails on a formatter error; fall back to the plain message.
            buf = format!("{d}\n");
        }
        out.push_str(buf.trim_end());
        // A blank line between diagnostics keeps them apart when read in a terminal.
        out.push_str("\n\n");
    }
    if report.show_suppressed && !result.suppressed_findings.is_empty() {
        out.push_str("Suppressed findings:\n");
        for sf in &result.suppressed_findings {
            let f = &sf.finding;
            let at = sf
                .by
                .location
                .as_ref()
                .map(|l| format!(" at {}:{}", l.file, l.line))
                .unwrap_or_default();
            let mut extra = Vec::new();
            if let Some(r) = &sf.by.reason {
                extra.push(format!("reason: {r}"));
            }
            if let Some(e) = &sf.by.expires {
                extra.push(format!("expires {e}"));
            }
            let extra = if extra.is_empty() {
                String::new()
            } else {
                format!("; {}", extra.join("; "))
            };
            out.push_str(&visible::text(&format!(
                "  {}:{}:{} [{}] {} {}\n    suppressed by {}{at}{extra}\n",
                f.file,
                f.line,
                f.column,
                f.severity.as_str(),
                f.check,
                f.message,
                match sf.by.kind {
                    palisade_engine::SuppressionKind::InSource => "an inline suppression",
                    palisade_engine::SuppressionKind::Baseline => "the baseline",
                },
            )));
        }
        out.push('\n');
    }
    out.push_str(&summary_line(result));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_engine::Location;
    use palisade_source::{FileId, SourceFile};

    fn sample() -> ScanResult {
        let text =
            "resource \"aws_security_group\" \"web\" {\n  cidr_blocks = [\"0.0.0.0/0\"]\n}\n";
        let file = SourceFile::new(FileId(0), "main.tf", text);
        let start = text.find("[\"0.0.0.0/0\"]").unwrap();
        ScanResult {
            findings: vec![ResolvedFinding {
                file: "main.tf".into(),
                line: 2,
                column: 17,
                check: "aws-ec2-sg-open-ingress",
                message: "open to the world".into(),
                end_line: 2,
                end_column: 30,
                severity: Severity::High,
                resource: Some("aws_security_group.web".into()),
                resource_start_line: 1,
                resource_end_line: 3,
                trace: vec![Location {
                    file: "root.tf".into(),
                    line: 4,
                    column: 1,
                }],
                related: vec![],
                source: 0,
                start_offset: start,
                end_offset: start + 13,
            }],
            errors: vec![ScanError {
                file: "bad.yaml".into(),
                line: 3,
                column: 5,
                message: "mapping values are not allowed here".into(),
                source: None,
            }],
            files_scanned: 2,
            sources: vec![file],
            ..ScanResult::default()
        }
    }

    #[test]
    fn json_has_the_contract_fields() {
        let v: serde_json::Value = serde_json::from_str(&json(&sample())).unwrap();
        assert_eq!(v["version"], 1);
        let f = &v["findings"][0];
        for key in [
            "check",
            "severity",
            "message",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "resource",
            "resource_start_line",
            "resource_end_line",
            "trace",
        ] {
            assert!(f.get(key).is_some(), "missing {key}");
        }
        assert!(f.get("related").is_none(), "empty related is omitted");
        assert_eq!(f["trace"][0]["line"], 4);
        assert_eq!(v["errors"][0]["line"], 3);
        assert_eq!(v["summary"]["by_severity"]["high"], 1);
        assert_eq!(v["summary"]["errors"], 1);
    }

    #[test]
    fn text_shows_snippet_and_summary() {
        let t = text(&sample(), TextOptions::default());
        assert!(
            t.contains("help: resource aws_security_group.web (main.tf:1-3)"),
            "{t}"
        );
        assert!(t.contains("via module call at root.tf:4:1"), "{t}");
        assert!(t.contains("╭─[main.tf:2:17]"), "{t}");
        assert!(t.contains("aws-ec2-sg-open-ingress"), "{t}");
        assert!(t.contains("cidr_blocks = [\"0.0.0.0/0\"]"), "{t}");
        assert!(t.contains("bad.yaml:3:5"), "{t}");
        assert!(!t.contains('\u{1b}'), "no colour codes: {t}");
        assert!(
            t.ends_with("1 finding (1 high) in 1 file; 1 error; 2 files scanned\n"),
            "{t}"
        );
    }
}
