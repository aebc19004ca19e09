//! From a scan result to LSP diagnostics: byte offsets and character columns to UTF-16
//! positions, severities, related information.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use palisade_checks::{CheckMeta, Severity};
use palisade_engine::{ScanError, ScanResult};
use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Position, Range, Uri,
};

/// A diagnostic as published, with the check it came from (for hover).
pub struct Published {
    pub diagnostic: Diagnostic,
    pub check: Option<&'static str>,
}

/// The LSP position of byte `offset` in `text`: 0-based line, UTF-16 code units into it.
/// An offset past the end or inside a character is clamped to the nearest boundary before it.
pub fn position(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let character: usize = before[line_start..].chars().map(char::len_utf16).sum();
    Position::new(to_u32(line), to_u32(character))
}

/// The LSP position of a 1-based line and 1-based character column (how the engine reports
/// locations that have no offset).
fn position_of_line_column(text: &str, line: u32, column: u32) -> Position {
    let line_index = line.saturating_sub(1) as usize;
    let Some(line_text) = text.split('\n').nth(line_index) else {
        return Position::new(line.saturating_sub(1), 0);
    };
    let character: usize = line_text
        .chars()
        .take(column.saturating_sub(1) as usize)
        .map(char::len_utf16)
        .sum();
    Position::new(to_u32(line_index), to_u32(character))
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Whether `position` lies in `range` (its end included, so a cursor just after the
/// offending value still hovers it).
pub fn contains(range: &Range, position: Position) -> bool {
    range.start <= position && position <= range.end
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Critical | Severity::High => DiagnosticSeverity::ERROR,
        Severity::Medium => DiagnosticSeverity::WARNING,
        Severity::Low => DiagnosticSeverity::INFORMATION,
    }
}

/// Every diagnostic of a scan, by absolute file path (`cwd` joined with the shown path).
pub fn diagnostics(result: &ScanResult, cwd: &Path) -> BTreeMap<PathBuf, Vec<Published>> {
    let mut out: BTreeMap<PathBuf, Vec<Published>> = BTreeMap::new();
    let absolute = |shown: &str| cwd.join(shown);
    let text_of = |shown: &str| {
        result
            .sources
            .iter()
            .find(|s| s.path.as_os_str() == shown)
            .map(|s| &*s.text)
    };
    let location = |shown: &str, line: u32, column: u32| -> Option<Location> {
        let uri = Uri::from_file_path(absolute(shown))?;
        let at = position_of_line_column(text_of(shown).unwrap_or(""), line, column);
        Some(Location::new(uri, Range::new(at, at)))
    };
    for f in &result.findings {
        let text = result.sources.get(f.source).map(|s| &*s.text).unwrap_or("");
        let range = Range::new(position(text, f.start_offset), position(text, f.end_offset));
        let mut related: Vec<DiagnosticRelatedInformation> = f
            .trace
            .iter()
            .filter_map(|t| {
                Some(DiagnosticRelatedInformation {
                    location: location(&t.file, t.line, t.column)?,
                    message: "via this module call".into(),
                })
            })
            .collect();
        related.extend(f.related.iter().filter_map(|r| {
            Some(DiagnosticRelatedInformation {
                location: location(&r.location.file, r.location.line, r.location.column)?,
                message: r.message.clone(),
            })
        }));
        let diagnostic = Diagnostic {
            range,
            severity: Some(severity(f.severity)),
            code: Some(NumberOrString::String(f.check.to_string())),
            source: Some("palisade".into()),
            message: format!("[{}] {}", f.severity.as_str(), f.message),
            related_information: (!related.is_empty()).then_some(related),
            ..Diagnostic::default()
        };
        out.entry(absolute(&f.file)).or_default().push(Published {
            diagnostic,
            check: Some(f.check),
        });
    }
    let problems = result
        .errors
        .iter()
        .map(|e| (e, DiagnosticSeverity::ERROR))
        .chain(
            result
                .notes
                .iter()
                .map(|n| (n, DiagnosticSeverity::INFORMATION)),
        );
    for (e, level) in problems {
        if e.file.is_empty() {
            continue;
        }
        out.entry(absolute(&e.file)).or_default().push(Published {
            diagnostic: problem(result, e, level),
            check: None,
        });
    }
    out
}

fn problem(result: &ScanResult, e: &ScanError, level: DiagnosticSeverity) -> Diagnostic {
    let at = match e
        .source
        .and_then(|(i, offset)| Some((result.sources.get(i)?, offset)))
    {
        Some((source, offset)) => position(&source.text, offset),
        None => Position::new(e.line.saturating_sub(1), e.column.saturating_sub(1)),
    };
    Diagnostic {
        range: Range::new(at, at),
        severity: Some(level),
        source: Some("palisade".into()),
        message: e.message.clone(),
        ..Diagnostic::default()
    }
}

/// A check's documentation for hover (Markdown).
pub fn explain(meta: &CheckMeta) -> String {
    format!(
        "**{}** `{}` ({})\n\n{}\n\n**Fix.** {}",
        meta.title,
        meta.id,
        meta.severity.as_str(),
        meta.description,
        meta.remediation
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_code_units_per_line() {
        let text = "a = 1\nb = \"é😀\" # x\n";
        // Line 1 (0-based), after `b = "`: 5 characters, all one unit.
        assert_eq!(position(text, 11), Position::new(1, 5));
        // After é (2 bytes, 1 unit) and 😀 (4 bytes, 2 units).
        let after_emoji = text.find('"').map(|i| i + 1 + 2 + 4).unwrap_or(0);
        assert_eq!(position(text, after_emoji), Position::new(1, 8));
        // Inside a multi-byte character (é is bytes 11-12): the boundary before it.
        assert_eq!(position(text, 12), Position::new(1, 5));
        // Past the end: the end.
        assert_eq!(position(text, 10_000), Position::new(2, 0));
        assert_eq!(position_of_line_column(text, 2, 8), Position::new(1, 8));
        assert_eq!(position_of_line_column(text, 9, 1), Position::new(8, 0));
    }

    #[test]
    fn ranges_contain_their_end() {
        let r = Range::new(Position::new(1, 2), Position::new(1, 5));
        assert!(contains(&r, Position::new(1, 5)));
        assert!(contains(&r, Position::new(1, 2)));
        assert!(!contains(&r, Position::new(1, 6)));
        assert!(!contains(&r, Position::new(0, 3)));
    }
}
