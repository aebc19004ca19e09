//! GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding, so
//! that a plain `palisade scan --format github` step annotates the pull request's diff without
//! uploading SARIF. Parse errors are `::error` lines, file warnings `::warning` lines,
//! evaluation notes `::notice` lines; the summary line ends the output.

use palisade_checks::Severity;
use palisade_engine::{ScanError, ScanResult};

/// Escapes a command's message (GitHub's rules: `%`, CR and LF).
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (as `data`, plus `:` and `,`, which separate properties).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "notice",
    }
}

fn problem(level: &str, e: &ScanError) -> String {
    format!(
        "::{level} file={},line={},col={},title=palisade::{}\n",
        property(&e.file),
        e.line.max(1),
        e.column.max(1),
        data(&e.message)
    )
}

/// The annotations, one per line, then the summary line.
pub fn github(result: &ScanResult) -> String {
    let mut out = String::new();
    for e in &result.errors {
        out.push_str(&problem("error", e));
    }
    for w in &result.file_warnings {
        out.push_str(&problem("warning", w));
    }
    for n in &result.notes {
        out.push_str(&problem("notice", n));
    }
    for f in &result.findings {
        let mut message = f.message.clone();
        for t in &f.trace {
            message.push_str(&format!("\nvia module call at {}:{}", t.file, t.line));
        }
        for r in &f.related {
            message.push_str(&format!(
                "\n{} at {}:{}",
                r.message, r.location.file, r.location.line
            ));
        }
        out.push_str(&format!(
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            level(f.severity),
            property(&f.file),
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            property(&format!("{} ({})", f.check, f.severity.as_str())),
            data(&message)
        ));
    }
    out.push_str(&crate::summary_line(result));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_commands_on_one_line() {
        assert_eq!(data("50% of\r\nit"), "50%25 of%0D%0Ait");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
