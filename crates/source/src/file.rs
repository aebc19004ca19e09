use std::path::PathBuf;
use std::sync::Arc;

/// Index of a file in the scan's file table. Stable for the duration of one scan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// A byte range `[start, end)` in one file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Span {
        Span {
            file,
            start: start as u32,
            end: end.max(start) as u32,
        }
    }

    /// The smallest span covering both (they must be in the same file; otherwise `self`).
    pub fn to(self, other: Span) -> Span {
        if self.file != other.file {
            return self;
        }
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A 1-based line and a 1-based column counted in Unicode scalar values (characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

/// One file's text and the offsets of its line starts.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub id: FileId,
    /// The path as the user should see it (relative to the working directory when possible).
    pub path: PathBuf,
    pub text: Arc<str>,
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(id: FileId, path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> SourceFile {
        let text: Arc<str> = text.into();
        let mut line_starts = vec![0u32];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceFile {
            id,
            path: path.into(),
            text,
            line_starts,
        }
    }

    pub fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.id, start, end)
    }

    /// The whole file.
    pub fn full_span(&self) -> Span {
        Span::new(self.id, 0, self.text.len())
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Line and column of a byte offset (clamped to the text; never panics).
    pub fn line_col(&self, offset: u32) -> LineCol {
        let offset = (offset as usize).min(self.text.len());
        let line = match self.line_starts.binary_search(&(offset as u32)) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line] as usize;
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column = self.text[start..end].chars().count() as u32 + 1;
        LineCol {
            line: line as u32 + 1,
            column,
        }
    }

    /// Byte offset of the start of a 1-based line (clamped).
    pub fn line_start(&self, line: u32) -> usize {
        let idx = (line.max(1) as usize - 1).min(self.line_starts.len() - 1);
        self.line_starts[idx] as usize
    }

    /// The text of a 1-based line without its line terminator.
    pub fn line_text(&self, line: u32) -> &str {
        let idx = line.max(1) as usize - 1;
        if idx >= self.line_starts.len() {
            return "";
        }
        let start = self.line_starts[idx] as usize;
        let end = self
            .line_starts
            .get(idx + 1)
            .map(|e| *e as usize)
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// Byte offset of a 0-based (line, column-in-characters) position, as YAML parsers count.
    pub fn offset_of_char_position(&self, line0: usize, col_chars: usize) -> usize {
        let Some(&start) = self.line_starts.get(line0) else {
            return self.text.len();
        };
        let start = start as usize;
        let rest = &self.text[start..];
        rest.char_indices()
            .nth(col_chars)
            .map(|(i, _)| start + i)
            .unwrap_or(self.text.len())
    }

    /// The text a span covers (empty when out of range).
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

/// A problem reading a file (broken syntax, an unreadable file, an unsupported construct), or
/// a note where evaluation was bounded.
/// Carries a span so every error has a file and a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Span,
    pub message: String,
    pub level: Level,
}

/// How much a diagnostic matters to the scan's outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Level {
    /// Input that could not be read as written (a syntax error, a malformed template): part of
    /// the file was not analysed, and the scan fails.
    #[default]
    Error,
    /// Evaluation was bounded on purpose (a huge `count`, deep nesting): what lies past the
    /// bound is treated as unknown. Reported, but the input is valid and the scan does not
    /// fail for it.
    Note,
}

impl Diagnostic {
    pub fn new(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            span,
            message: message.into(),
            level: Level::Error,
        }
    }

    /// A key or argument given twice in one mapping or block, located at the second place and
    /// naming the first; `consequence` says which value is analysed and why.
    pub fn duplicate_key(
        file: &SourceFile,
        name: &str,
        first: Span,
        again: Span,
        consequence: &str,
    ) -> Diagnostic {
        let at = file.line_col(first.start);
        let name: String = name.chars().take(60).collect();
        Diagnostic::new(
            again,
            format!(
                "duplicate key `{name}`: already given at line {}, column {}; {consequence}",
                at.line, at.column
            ),
        )
    }

    /// A [`Level::Note`].
    pub fn note(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            span,
            message: message.into(),
            level: Level::Note,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_and_lines() {
        let f = SourceFile::new(FileId(0), "a.tf", "ab\nçd = 1\n");
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(3), LineCol { line: 2, column: 1 });
        // 'ç' is two bytes: offset 5 is the 'd', column 2.
        assert_eq!(f.line_col(5), LineCol { line: 2, column: 2 });
        assert_eq!(f.line_text(2), "çd = 1");
        // Out of range offsets clamp instead of panicking.
        assert_eq!(f.line_col(10_000).line, 3);
    }

    #[test]
    fn char_positions_map_to_bytes() {
        let f = SourceFile::new(FileId(0), "a.yaml", "é: x\nk: ü\n");
        assert_eq!(f.offset_of_char_position(0, 1), 2);
        assert_eq!(f.offset_of_char_position(1, 3), 9);
        assert_eq!(&f.text[9..], "ü\n");
    }
}
