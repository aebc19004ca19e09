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
///
/// Every position lookup is independent of the file's size and of how many lookups are
/// made: the line comes from a binary search of the line starts, and a column from the line
/// start and a checkpoint every [`CHECKPOINT`] bytes (characters and UTF-16 units before it),
/// so a one-line minified template with tens of thousands of findings resolves them in
/// milliseconds. ASCII text needs no checkpoints (a column is a byte difference).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub id: FileId,
    /// The path as the user should see it (relative to the working directory when possible).
    pub path: PathBuf,
    pub text: Arc<str>,
    line_starts: Vec<u32>,
    /// `None` for ASCII text; built on first use otherwise.
    checkpoints: std::sync::OnceLock<Option<Vec<Checkpoint>>>,
    /// For a text derived from another file (Terraform JSON written as HCL): the range of
    /// that file each byte came from. Spans made from this text are spans of that file.
    origin: Option<Arc<Origin>>,
}

/// The source ranges of a derived text's bytes.
#[derive(Debug)]
struct Origin {
    starts: Vec<u32>,
    ends: Vec<u32>,
    /// The file the text was written from (for positions of its offsets).
    of: SourceFile,
}

/// Bytes between two [`Checkpoint`]s.
const CHECKPOINT: usize = 256;

/// Characters and UTF-16 code units that start before byte `k * CHECKPOINT`.
#[derive(Debug, Clone, Copy)]
struct Checkpoint {
    chars: u32,
    utf16: u32,
}

/// A UTF-8 byte that starts a character (not a continuation byte).
fn starts_char(b: u8) -> bool {
    (b & 0xC0) != 0x80
}

/// UTF-16 code units of the character a leading byte starts (two for four-byte sequences).
fn utf16_units(b: u8) -> u32 {
    if b >= 0xF0 {
        2
    } else {
        1
    }
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
            checkpoints: std::sync::OnceLock::new(),
            origin: None,
        }
    }

    /// A text written from `of` (the HCL equivalent of a Terraform JSON file), where byte `i`
    /// came from `starts[i]..ends[i]` of `of`: it has `of`'s id and path, and every span made
    /// with [`SourceFile::span`] is a span of `of`, so that anything located in the derived
    /// text is reported in the file the user wrote.
    pub fn derived(of: &SourceFile, text: String, starts: Vec<u32>, ends: Vec<u32>) -> SourceFile {
        let mut f = SourceFile::new(of.id, of.path.clone(), text);
        if starts.len() == f.text.len() && ends.len() == f.text.len() {
            f.origin = Some(Arc::new(Origin {
                starts,
                ends,
                of: of.clone(),
            }));
        }
        f
    }

    /// The line and column of an offset of a span made from this text with
    /// [`SourceFile::span`]: an offset of the original file when the text is derived.
    pub fn span_line_col(&self, offset: u32) -> LineCol {
        match &self.origin {
            Some(o) => o.of.line_col(offset),
            None => self.line_col(offset),
        }
    }

    /// The offset in the original file of a byte of this text (itself when not derived).
    pub fn origin_offset(&self, offset: usize) -> usize {
        match &self.origin {
            Some(o) => o.starts.get(offset).or(o.ends.last()).copied().unwrap_or(0) as usize,
            None => offset,
        }
    }

    fn checkpoints(&self) -> Option<&[Checkpoint]> {
        self.checkpoints
            .get_or_init(|| {
                if self.text.is_ascii() {
                    return None;
                }
                let bytes = self.text.as_bytes();
                let mut out = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
                let (mut chars, mut utf16) = (0u32, 0u32);
                for block in bytes.chunks(CHECKPOINT) {
                    out.push(Checkpoint { chars, utf16 });
                    for &b in block.iter().filter(|b| starts_char(**b)) {
                        chars += 1;
                        utf16 += utf16_units(b);
                    }
                }
                out.push(Checkpoint { chars, utf16 });
                Some(out)
            })
            .as_deref()
    }

    /// Characters and UTF-16 units starting before byte `offset` (at most the text length).
    fn counts_before(&self, offset: usize) -> (u32, u32) {
        let Some(cps) = self.checkpoints() else {
            return (offset as u32, offset as u32);
        };
        let k = offset / CHECKPOINT;
        let cp = cps
            .get(k)
            .copied()
            .unwrap_or(Checkpoint { chars: 0, utf16: 0 });
        let block = self
            .text
            .as_bytes()
            .get(k * CHECKPOINT..offset)
            .unwrap_or(&[]);
        let mut chars = cp.chars;
        let mut utf16 = cp.utf16;
        for &b in block.iter().filter(|b| starts_char(**b)) {
            chars += 1;
            utf16 += utf16_units(b);
        }
        (chars, utf16)
    }

    /// 0-based line index of a byte offset (clamped).
    fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&(offset as u32)) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// `offset` clamped to the text and moved back to a character boundary.
    fn boundary(&self, offset: usize) -> usize {
        let mut end = offset.min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        end
    }

    /// The LSP position of a byte offset: 0-based line and UTF-16 code units into it
    /// (clamped to the text and to a character boundary; never panics).
    pub fn utf16_position(&self, offset: usize) -> (u32, u32) {
        let offset = self.boundary(offset);
        let line = self.line_index(offset);
        let start = self.line_starts[line] as usize;
        let (_, at) = self.counts_before(offset);
        let (_, line_at) = self.counts_before(start);
        (line as u32, at - line_at)
    }

    /// Byte offset of a 1-based line and 1-based column in characters (clamped to the line).
    pub fn offset_of_line_column(&self, line: u32, column: u32) -> usize {
        let idx = (line.max(1) as usize - 1).min(self.line_starts.len() - 1);
        let start = self.line_starts[idx] as usize;
        let line_end = self
            .line_starts
            .get(idx + 1)
            .map(|e| *e as usize - 1)
            .unwrap_or(self.text.len());
        let want = column.max(1) as usize - 1;
        let Some(cps) = self.checkpoints() else {
            return (start + want).min(line_end);
        };
        // The checkpoint at or before the wanted character, then a walk of one block.
        let (line_chars, _) = self.counts_before(start);
        let target = line_chars as usize + want;
        let k = cps
            .partition_point(|cp| cp.chars as usize <= target)
            .saturating_sub(1);
        let mut at = (k * CHECKPOINT).max(start);
        let (mut chars, _) = self.counts_before(at);
        let bytes = self.text.as_bytes();
        while at < line_end && ((chars as usize) < target || !starts_char(bytes[at])) {
            if starts_char(bytes[at]) {
                chars += 1;
            }
            at += 1;
        }
        at.min(line_end)
    }

    pub fn span(&self, start: usize, end: usize) -> Span {
        let Some(o) = &self.origin else {
            return Span::new(self.id, start, end);
        };
        let s = self.origin_offset(start);
        let e = match end.checked_sub(1).filter(|&last| last >= start) {
            Some(last) => o.ends.get(last).copied().unwrap_or(s as u32) as usize,
            None => s,
        };
        Span::new(self.id, s, e.max(s))
    }

    /// The whole file.
    pub fn full_span(&self) -> Span {
        self.span(0, self.text.len())
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Line and column of a byte offset (clamped to the text; never panics).
    pub fn line_col(&self, offset: u32) -> LineCol {
        let offset = (offset as usize).min(self.text.len());
        let line = self.line_index(offset);
        let start = self.line_starts[line] as usize;
        let end = self.boundary(offset).max(start);
        let column = self.counts_before(end).0 - self.counts_before(start).0 + 1;
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
    /// Input that was read but part of it could not be analysed, though the file is valid for
    /// its tool (a policy written as a string whose JSON is invalid: Terraform and
    /// CloudFormation accept the file, AWS rejects the policy when it is deployed). Reported
    /// where it is, but the scan does not fail for it.
    Warning,
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
        let at = file.span_line_col(first.start);
        let name: String = name.chars().take(60).collect();
        Diagnostic::new(
            again,
            format!(
                "duplicate key `{name}`: already given at line {}, column {}; {consequence}",
                at.line, at.column
            ),
        )
    }

    /// A key given twice in one object of JSON held in a string (a policy written as a JSON
    /// string), whose offsets do not map to the file: located at the string, naming both
    /// places as lines and columns of the string's text.
    pub fn duplicate_key_in_text(
        string: Span,
        name: &str,
        text: &str,
        first: usize,
        again: usize,
        consequence: &str,
    ) -> Diagnostic {
        let name: String = name.chars().take(60).collect();
        let (l1, c1) = text_line_col(text, first);
        let (l2, c2) = text_line_col(text, again);
        Diagnostic::new(
            string,
            format!(
                "duplicate key `{name}` in the JSON of this string: given at line {l1}, column \
                 {c1} of the string and again at line {l2}, column {c2}; {consequence}"
            ),
        )
    }

    /// A [`Level::Warning`].
    pub fn warning(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            span,
            message: message.into(),
            level: Level::Warning,
        }
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

/// The 1-based line and column (in characters) of byte `offset` of `text`.
fn text_line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
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
    fn positions_agree_with_counting_and_stay_fast_on_one_long_line() {
        // Non-ASCII across many checkpoints, on one line and on several.
        let unit = "aé😀\u{10ffff}b\n";
        let text: String = unit.repeat(300) + &"xé".repeat(2_000);
        let f = SourceFile::new(FileId(0), "t.yaml", text.as_str());
        for offset in (0..text.len()).step_by(7) {
            let mut b = offset;
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            let line_start = text[..b].rfind('\n').map_or(0, |i| i + 1);
            let chars = text[line_start..b].chars().count() as u32;
            let utf16: u32 = text[line_start..b]
                .chars()
                .map(|c| c.len_utf16() as u32)
                .sum();
            let line = text[..b].matches('\n').count() as u32;
            assert_eq!(
                f.line_col(offset as u32),
                LineCol {
                    line: line + 1,
                    column: chars + 1
                }
            );
            assert_eq!(f.utf16_position(offset), (line, utf16));
            assert_eq!(f.offset_of_line_column(line + 1, chars + 1), b, "{offset}");
        }
        // 40,000 lookups on a 2 MB line: independent of the line length.
        let long = "é".repeat(1_000_000);
        let f = SourceFile::new(FileId(0), "t.json", long.as_str());
        let t = std::time::Instant::now();
        let mut sum = 0u64;
        for i in 0..40_000u32 {
            sum += u64::from(f.line_col((i * 50) & !1).column);
            sum += u64::from(f.utf16_position((i * 50) as usize).1);
        }
        assert!(sum > 0);
        assert!(
            t.elapsed() < std::time::Duration::from_secs(2),
            "{:?}",
            t.elapsed()
        );
    }

    #[test]
    fn char_positions_map_to_bytes() {
        let f = SourceFile::new(FileId(0), "a.yaml", "é: x\nk: ü\n");
        assert_eq!(f.offset_of_char_position(0, 1), 2);
        assert_eq!(f.offset_of_char_position(1, 3), 9);
        assert_eq!(&f.text[9..], "ü\n");
    }
}
