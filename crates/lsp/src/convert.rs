//! From a scan result to LSP diagnostics: byte offsets and character columns to UTF-16
//! positions, severities, related information.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use palisade_checks::{CheckMeta, Severity};
use palisade_engine::{ScanError, ScanResult};
use palisade_source::SourceFile;
use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Position, Range, Uri,
};

/// A diagnostic as published, with the check it came from (for hover).
pub struct Published {
    pub diagnostic: Diagnostic,
    pub check: Option<&'static str>,
}

/// The LSP position of byte `offset` of a file: 0-based line, UTF-16 code units into it,
/// from the file's line index (no rescan of the text per position). An offset past the end
/// or inside a character is clamped to the nearest boundary before it.
pub fn position(file: &SourceFile, offset: usize) -> Position {
    let (line, character) = file.utf16_position(offset);
    Position::new(line, character)
}

/// The LSP position of a 1-based line and 1-based character column (how the engine reports
/// locations that have no offset).
fn position_of_line_column(file: Option<&SourceFile>, line: u32, column: u32) -> Position {
    match file {
        Some(f) if (line as usize) <= f.line_count() => {
            position(f, f.offset_of_line_column(line, column))
        }
        _ => Position::new(line.saturating_sub(1), 0),
    }
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

/// The diagnostics of a scan for the files directly in `unit_dir`, by absolute path (shown
/// paths are relative to `cwd`). A finding inside a called module (another directory) is shown at the call
/// site in this directory that leads to it, pointing at the module's line; the module's own
/// files are published when they are analysed as their own unit, so that two units never
/// publish for the same file.
pub fn diagnostics(
    result: &ScanResult,
    cwd: &Path,
    unit_dir: &Path,
) -> BTreeMap<PathBuf, Vec<Published>> {
    let mut out: BTreeMap<PathBuf, Vec<Published>> = BTreeMap::new();
    let absolute = |shown: &str| cwd.join(shown);
    let in_unit = |path: &Path| path.parent() == Some(unit_dir);
    let by_path: HashMap<&std::ffi::OsStr, &SourceFile> = result
        .sources
        .iter()
        .map(|s| (s.path.as_os_str(), s))
        .collect();
    let file_of = |shown: &str| by_path.get(std::ffi::OsStr::new(shown)).copied();
    let location = |shown: &str, line: u32, column: u32| -> Option<Location> {
        let uri = Uri::from_file_path(absolute(shown))?;
        let at = position_of_line_column(file_of(shown), line, column);
        Some(Location::new(uri, Range::new(at, at)))
    };
    let empty = SourceFile::new(palisade_source::FileId(0), "", "");
    for f in &result.findings {
        let file = result.sources.get(f.source).unwrap_or(&empty);
        let range = Range::new(position(file, f.start_offset), position(file, f.end_offset));
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
        let mut message = format!("[{}] {}", f.severity.as_str(), f.message);
        let (path, range) = if in_unit(&absolute(&f.file)) {
            (absolute(&f.file), range)
        } else {
            // Shown at the call site in this directory, pointing at the module's line.
            let Some(call) = f.trace.iter().find(|t| in_unit(&absolute(&t.file))) else {
                continue;
            };
            let Some(call_location) = location(&call.file, call.line, call.column) else {
                continue;
            };
            let Some(inside) =
                Uri::from_file_path(absolute(&f.file)).map(|uri| Location::new(uri, range))
            else {
                continue;
            };
            message.push_str(&format!(
                " (in {}:{})",
                relative(&absolute(&f.file), unit_dir).display(),
                f.line
            ));
            related.insert(
                0,
                DiagnosticRelatedInformation {
                    location: inside,
                    message: "the finding, inside the called module".into(),
                },
            );
            (absolute(&call.file), call_location.range)
        };
        let diagnostic = Diagnostic {
            range,
            severity: Some(severity(f.severity)),
            code: Some(NumberOrString::String(f.check.to_string())),
            source: Some("palisade".into()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            ..Diagnostic::default()
        };
        out.entry(path).or_default().push(Published {
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
                .file_warnings
                .iter()
                .map(|w| (w, DiagnosticSeverity::WARNING)),
        )
        .chain(
            result
                .notes
                .iter()
                .map(|n| (n, DiagnosticSeverity::INFORMATION)),
        );
    for (e, level) in problems {
        if e.file.is_empty() || !in_unit(&absolute(&e.file)) {
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
        Some((source, offset)) => position(source, offset),
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

/// `path` as seen from `dir` (`../modules/sg/main.tf`), when they share an ancestor.
fn relative(path: &Path, dir: &Path) -> PathBuf {
    let mut up = PathBuf::new();
    for ancestor in dir.ancestors() {
        if let Ok(rest) = path.strip_prefix(ancestor) {
            return up.join(rest);
        }
        up.push("..");
    }
    path.to_path_buf()
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
        let f = SourceFile::new(palisade_source::FileId(0), "t.tf", text);
        // Line 1 (0-based), after `b = "`: 5 characters, all one unit.
        assert_eq!(position(&f, 11), Position::new(1, 5));
        // After é (2 bytes, 1 unit) and 😀 (4 bytes, 2 units).
        let after_emoji = text.find('"').map(|i| i + 1 + 2 + 4).unwrap_or(0);
        assert_eq!(position(&f, after_emoji), Position::new(1, 8));
        // Inside a multi-byte character (é is bytes 11-12): the boundary before it.
        assert_eq!(position(&f, 12), Position::new(1, 5));
        // Past the end: the end.
        assert_eq!(position(&f, 10_000), Position::new(2, 0));
        assert_eq!(position_of_line_column(Some(&f), 2, 8), Position::new(1, 8));
        assert_eq!(position_of_line_column(Some(&f), 9, 1), Position::new(8, 0));
    }

    /// 22,000 diagnostics on one long non-ASCII line convert in milliseconds: positions come
    /// from the line index, never from rescanning the text.
    #[test]
    fn many_positions_on_one_line_convert_quickly() {
        let text = "{\"é\": 1, ".repeat(100_000);
        let f = SourceFile::new(palisade_source::FileId(0), "t.json", text.as_str());
        let t = std::time::Instant::now();
        let mut last = Position::new(0, 0);
        for i in 0..22_000 {
            last = position(&f, i * 45);
        }
        let took = t.elapsed();
        let expected: usize = text[..21_999 * 45].chars().map(char::len_utf16).sum();
        assert_eq!(last, Position::new(0, expected as u32));
        assert!(took < std::time::Duration::from_millis(500), "{took:?}");
    }

    /// The server's whole conversion (findings, file warnings, notes) of 22,000 findings on one
    /// 1.1 MB non-ASCII line stays in milliseconds in a release build (a hang guard here;
    /// measured in the issue note); a file warning is a WARNING, a note INFORMATION.
    #[test]
    fn twenty_two_thousand_findings_convert_linearly_with_their_severities() {
        let text = "{\"é\": 1, ".repeat(100_000);
        let dir = std::env::temp_dir().join("palisade-convert-test");
        let path = dir.join("t.json");
        let shown = path.to_string_lossy().into_owned();
        let source = SourceFile::new(palisade_source::FileId(0), path.clone(), text.as_str());
        let finding = |i: usize| palisade_engine::ResolvedFinding {
            file: shown.clone(),
            line: 1,
            column: 1,
            check: "aws-test",
            message: "m".into(),
            end_line: 1,
            end_column: 1,
            severity: palisade_checks::Severity::High,
            resource: None,
            resource_start_line: 1,
            resource_end_line: 1,
            trace: Vec::new(),
            related: Vec::new(),
            source: 0,
            start_offset: i * 45,
            end_offset: i * 45 + 4,
        };
        let problem = |message: &str| ScanError {
            file: shown.clone(),
            line: 1,
            column: 1,
            message: message.into(),
            source: Some((0, 9)),
        };
        let result = ScanResult {
            findings: (0..22_000).map(finding).collect(),
            file_warnings: vec![problem("warning")],
            notes: vec![problem("note")],
            sources: vec![source],
            ..ScanResult::default()
        };
        let t = std::time::Instant::now();
        let published = diagnostics(&result, &dir, &dir);
        let took = t.elapsed();
        let all = &published[&path];
        assert_eq!(all.len(), 22_002);
        let expected: usize = text[..21_999 * 45].chars().map(char::len_utf16).sum();
        assert_eq!(
            all[21_999].diagnostic.range.start,
            Position::new(0, expected as u32)
        );
        let level = |m: &str| {
            all.iter()
                .find(|p| p.diagnostic.message == m)
                .and_then(|p| p.diagnostic.severity)
        };
        assert_eq!(level("warning"), Some(DiagnosticSeverity::WARNING));
        assert_eq!(level("note"), Some(DiagnosticSeverity::INFORMATION));
        eprintln!("22,000 findings converted in {took:?}");
        assert!(took < std::time::Duration::from_secs(30), "{took:?}");
    }

    #[test]
    fn relative_paths_climb_to_the_common_ancestor() {
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(
            relative(&p("/r/modules/sg/main.tf"), &p("/r/examples/a")),
            p("../../modules/sg/main.tf")
        );
        assert_eq!(relative(&p("/r/a/x.tf"), &p("/r/a")), p("x.tf"));
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
