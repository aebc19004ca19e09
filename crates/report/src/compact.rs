//! One line per finding, `FILE:LINE:COLUMN: SEVERITY: MESSAGE [CHECK]`, the shape compilers
//! print and editors' problem matchers read; errors and notes in the same shape
//! (`error`, `note`), suppressed findings (when asked) as `suppressed`, then the summary line.

use palisade_checks::Severity;
use palisade_engine::{ScanError, ScanResult};

use crate::{ReportOptions, TextOptions};

fn paint(color: bool, code: &str, s: &str) -> String {
    if color {
        format!("\u{1b}[{code}m{s}\u{1b}[0m")
    } else {
        s.to_string()
    }
}

fn severity_color(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "1;31",
        Severity::High => "31",
        Severity::Medium => "33",
        Severity::Low => "36",
    }
}

fn problem(e: &ScanError, level: &str, color: bool, code: &str) -> String {
    format!(
        "{}:{}:{}: {}: {}\n",
        e.file,
        e.line.max(1),
        e.column.max(1),
        paint(color, code, level),
        e.message.replace('\n', " ")
    )
}

/// The compact report.
pub fn compact(result: &ScanResult, text: TextOptions, options: ReportOptions) -> String {
    let color = text.color;
    let mut out = String::new();
    for e in &result.errors {
        out.push_str(&problem(e, "error", color, "1;31"));
    }
    for w in &result.file_warnings {
        out.push_str(&problem(w, "warning", color, "33"));
    }
    for n in &result.notes {
        out.push_str(&problem(n, "note", color, "2"));
    }
    for f in &result.findings {
        out.push_str(&format!(
            "{}:{}:{}: {}: {} [{}]\n",
            f.file,
            f.line,
            f.column,
            paint(color, severity_color(f.severity), f.severity.as_str()),
            f.message.replace('\n', " "),
            f.check
        ));
    }
    if options.show_suppressed {
        for s in &result.suppressed_findings {
            let f = &s.finding;
            let by = match &s.by.location {
                Some(l) => format!("{} at {}:{}", s.by.kind.as_str(), l.file, l.line),
                None => s.by.kind.as_str().to_string(),
            };
            let reason =
                s.by.reason
                    .as_deref()
                    .map(|r| format!(": {r}"))
                    .unwrap_or_default();
            out.push_str(&format!(
                "{}:{}:{}: {}: {} [{}] (suppressed {by}{reason})\n",
                f.file,
                f.line,
                f.column,
                paint(color, "2", "suppressed"),
                f.message.replace('\n', " "),
                f.check
            ));
        }
    }
    out.push_str(&crate::summary_line(result));
    out.push('\n');
    out
}
