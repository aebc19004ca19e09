//! Control characters from the scanned files (ESC, BEL, a lone CR, C1 controls) made visible
//! in the text report: written raw they would drive the reader's terminal (an ESC sequence
//! can recolour, move the cursor or rewrite earlier lines, a CR overwrites the line it is on).
//! Each becomes its escape (`\x1b`, `\u{9b}`); offsets into a snippet are moved to match.

use std::sync::Arc;

/// The escape of a character that must not reach a terminal raw, `None` for others. Tabs,
/// newlines and a CR before a newline stay.
fn escape(c: char, next: Option<char>) -> Option<String> {
    match c {
        '\t' | '\n' => None,
        '\r' if next == Some('\n') => None,
        c if (c as u32) < 0x20 || c as u32 == 0x7f => Some(format!("\\x{:02x}", c as u32)),
        c if (0x80..0xa0).contains(&(c as u32)) => Some(format!("\\u{{{:x}}}", c as u32)),
        _ => None,
    }
}

/// `text` with its control characters escaped.
pub(crate) fn text(s: &str) -> String {
    Snippet::new(s).text.to_string()
}

/// A source snippet with its control characters escaped, and the map from offsets in the
/// original text to offsets in the escaped one.
pub(crate) struct Snippet {
    pub text: Arc<str>,
    /// (original offset of an escaped character, bytes added by escapes up to and including it)
    shifts: Vec<(usize, usize)>,
}

impl Snippet {
    pub(crate) fn new(s: &str) -> Snippet {
        let mut shifts = Vec::new();
        let mut out: Option<String> = None;
        let mut added = 0;
        let mut chars = s.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|(_, n)| *n);
            match escape(c, next) {
                Some(e) => {
                    let o = out.get_or_insert_with(|| s[..i].to_string());
                    o.push_str(&e);
                    added += e.len() - c.len_utf8();
                    shifts.push((i, added));
                }
                None => {
                    if let Some(o) = out.as_mut() {
                        o.push(c);
                    }
                }
            }
        }
        Snippet {
            text: match out {
                Some(o) => o.into(),
                None => s.into(),
            },
            shifts,
        }
    }

    /// The escaped offset of an original offset (an offset on an escaped character points at
    /// its escape's start).
    pub(crate) fn offset(&self, original: usize) -> usize {
        let before = self.shifts.partition_point(|(at, _)| *at < original);
        match before {
            0 => original,
            n => original + self.shifts[n - 1].1,
        }
    }
}

/// A snippet as miette reads it, with columns counted in characters of the original text:
/// miette counts bytes, and the report's one column convention (text, JSON, SARIF alike) is
/// 1-based characters (Unicode scalar values), so a line with `é` or an emoji before the
/// finding shows the same column in every format.
pub(crate) struct CharColumns {
    original: Arc<str>,
    snippet: Snippet,
}

impl CharColumns {
    pub(crate) fn new(original: Arc<str>) -> CharColumns {
        let snippet = Snippet::new(&original);
        CharColumns { original, snippet }
    }

    pub(crate) fn offset(&self, original: usize) -> usize {
        self.snippet.offset(original)
    }

    /// The original offset of an escaped one.
    fn original_offset(&self, escaped: usize) -> usize {
        let mut added = 0;
        for &(at, total) in &self.snippet.shifts {
            if at + total <= escaped {
                added = total;
            } else {
                break;
            }
        }
        escaped.saturating_sub(added).min(self.original.len())
    }

    /// 0-based column in characters of an escaped offset.
    fn column(&self, escaped: usize) -> usize {
        let mut o = self.original_offset(escaped);
        while !self.original.is_char_boundary(o) {
            o -= 1;
        }
        let line_start = self.original[..o].rfind('\n').map_or(0, |p| p + 1);
        self.original[line_start..o].chars().count()
    }
}

impl miette::SourceCode for CharColumns {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self
            .snippet
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        // Only a read without context lines starts at the span, where the column is the
        // one shown in the location header; the others start at a line.
        let column = match context_lines_before {
            0 => self.column(span.offset()),
            _ => inner.column(),
        };
        Ok(Box::new(miette::MietteSpanContents::new(
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_offsets_follow() {
        let s = "a\x1b[31mb\x07c\rd\r\ne\u{9b}f\tg";
        let v = Snippet::new(s);
        assert_eq!(&*v.text, "a\\x1b[31mb\\x07c\\x0dd\r\ne\\u{9b}f\tg");
        for (i, c) in s.char_indices() {
            if escape(c, s[i + c.len_utf8()..].chars().next()).is_none() {
                assert_eq!(v.text[v.offset(i)..].chars().next(), Some(c), "{i}");
            }
        }
        assert_eq!(text("plain"), "plain");
    }

    #[test]
    fn columns_are_characters_of_the_original() {
        use miette::SourceCode;
        let s = "x\n\x1b é😀 ab\n";
        let c = CharColumns::new(s.into());
        let at = s.find("ab").unwrap();
        let span = miette::SourceSpan::new(c.offset(at).into(), 2);
        let contents = c.read_span(&span, 0, 0).unwrap();
        assert_eq!((contents.line(), contents.column()), (1, 5));
    }
}
