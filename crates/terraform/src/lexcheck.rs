//! The cause of a syntax error, found by a small HCL lexer when tree-sitter reports damage.
//!
//! tree-sitter's error recovery places an ERROR node around whatever it could not fit,
//! which for the two commonest slips is far from the slip itself: a string missing its
//! closing quote swallows the next line and surfaces as "unexpected `private"`" a line later
//! and a missing `}` at the end of the file; a stray `]` turns the whole block into one
//! ERROR reported at the block's first byte. This lexer follows HCL's token rules (comments,
//! heredocs, quoted templates with `${ }` / `%{ }` and their `$${` / `%%{` escapes, bracket
//! nesting) and reports the first unterminated string at its opening quote and the first
//! closing bracket that closes nothing, at that bracket. It runs only for files that have a
//! syntax error, so it costs nothing on the files that parse.

/// The first cause of a syntax error the lexer can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// A quoted string opened at this byte is not closed on its line.
    Unterminated(usize),
    /// A closing bracket at this byte closes nothing open; `expected` is the bracket that
    /// would close the innermost open one.
    Unexpected {
        at: usize,
        found: char,
        expected: Option<char>,
    },
}

impl Cause {
    pub fn start(self) -> usize {
        match self {
            Cause::Unterminated(at) | Cause::Unexpected { at, .. } => at,
        }
    }

    pub fn message(self) -> String {
        match self {
            Cause::Unterminated(_) => {
                "syntax error: unterminated string (no closing `\"` on its line)".to_string()
            }
            Cause::Unexpected {
                found,
                expected: Some(e),
                ..
            } => format!("syntax error: unexpected `{found}` (expected `{e}` first)"),
            Cause::Unexpected { found, .. } => {
                format!("syntax error: unexpected `{found}` (nothing to close)")
            }
        }
    }
}

/// Nesting of interpolations past which the lexer gives up (no verdict).
const MAX_DEPTH: usize = 64;

/// Why lexing stopped without a verdict or with one.
enum Stop {
    Found(Cause),
    /// Something the lexer does not judge (an unclosed comment or heredoc, deep nesting):
    /// tree-sitter's own diagnostics stand.
    GiveUp,
}

/// The first unterminated string or unmatched closing bracket in `text`, if any.
pub fn first_cause(text: &str) -> Option<Cause> {
    let mut lx = Lexer {
        b: text.as_bytes(),
        i: 0,
        depth: 0,
    };
    match lx.code(false) {
        Err(Stop::Found(c)) => Some(c),
        _ => None,
    }
}

struct Lexer<'a> {
    b: &'a [u8],
    i: usize,
    depth: usize,
}

fn closer(open: u8) -> char {
    match open {
        b'(' => ')',
        b'[' => ']',
        _ => '}',
    }
}

impl Lexer<'_> {
    fn at(&self, k: usize) -> u8 {
        self.b.get(self.i + k).copied().unwrap_or(0)
    }

    /// Expression and body text up to the end of the input, or (inside an interpolation,
    /// `inner`) up to the `}` that closes it: `Ok(true)` when that `}` was found.
    fn code(&mut self, inner: bool) -> Result<bool, Stop> {
        let mut open: Vec<u8> = Vec::new();
        while self.i < self.b.len() {
            let c = self.b[self.i];
            match c {
                b'#' => self.skip_line(),
                b'/' if self.at(1) == b'/' => self.skip_line(),
                b'/' if self.at(1) == b'*' => {
                    let rest = &self.b[self.i + 2..];
                    match rest.windows(2).position(|w| w == b"*/") {
                        Some(p) => self.i += 2 + p + 2,
                        None => return Err(Stop::GiveUp),
                    }
                }
                b'<' if self.at(1) == b'<' => self.heredoc()?,
                b'"' => self.string()?,
                b'(' | b'[' | b'{' => {
                    open.push(c);
                    self.i += 1;
                }
                b')' | b']' | b'}' => {
                    let found = c as char;
                    match open.last() {
                        Some(&o) if closer(o) == found => {
                            open.pop();
                        }
                        None if inner && c == b'}' => {
                            self.i += 1;
                            return Ok(true);
                        }
                        top => {
                            return Err(Stop::Found(Cause::Unexpected {
                                at: self.i,
                                found,
                                expected: top.map(|&o| closer(o)),
                            }))
                        }
                    }
                    self.i += 1;
                }
                _ => self.i += 1,
            }
        }
        Ok(false)
    }

    fn skip_line(&mut self) {
        while self.i < self.b.len() && self.b[self.i] != b'\n' {
            self.i += 1;
        }
    }

    /// `<<EOF` / `<<-EOF` up to its terminator line.
    fn heredoc(&mut self) -> Result<(), Stop> {
        let mut j = self.i + 2;
        if self.b.get(j) == Some(&b'-') {
            j += 1;
        }
        let id_start = j;
        while j < self.b.len() && (self.b[j].is_ascii_alphanumeric() || self.b[j] == b'_') {
            j += 1;
        }
        if j == id_start {
            self.i += 2;
            return Ok(());
        }
        let id = &self.b[id_start..j];
        // The rest of the opening line, then lines until one is the identifier alone.
        while j < self.b.len() && self.b[j] != b'\n' {
            j += 1;
        }
        while j < self.b.len() {
            let start = j + 1;
            let mut end = start;
            while end < self.b.len() && self.b[end] != b'\n' {
                end += 1;
            }
            let line = self.b.get(start..end).unwrap_or_default();
            let trimmed = line.trim_ascii();
            if trimmed == id {
                self.i = end;
                return Ok(());
            }
            j = end;
        }
        Err(Stop::GiveUp)
    }

    /// A quoted template from its opening quote to its closing one.
    fn string(&mut self) -> Result<(), Stop> {
        let start = self.i;
        self.i += 1;
        loop {
            match self.b.get(self.i).copied() {
                None | Some(b'\n') => return Err(Stop::Found(Cause::Unterminated(start))),
                Some(b'\\') => self.i += 2,
                Some(b'"') => {
                    self.i += 1;
                    return Ok(());
                }
                Some(b'$' | b'%') if self.at(1) == self.b[self.i] && self.at(2) == b'{' => {
                    self.i += 3;
                }
                Some(b'$' | b'%') if self.at(1) == b'{' => {
                    self.i += 2;
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(Stop::GiveUp);
                    }
                    // A string inside an interpolation left open is the outer string's
                    // damage: the outermost quote is the cause.
                    let closed = match self.code(true) {
                        Err(Stop::Found(Cause::Unterminated(_))) => {
                            return Err(Stop::Found(Cause::Unterminated(start)))
                        }
                        other => other?,
                    };
                    self.depth -= 1;
                    if !closed {
                        return Err(Stop::Found(Cause::Unterminated(start)));
                    }
                }
                Some(_) => self.i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_cause() {
        let text = "resource \"a\" \"b\" {\n  bucket = \"abc\n  acl = \"private\"\n}\n";
        assert_eq!(
            first_cause(text),
            Some(Cause::Unterminated(text.find("\"abc").unwrap()))
        );
        let text = "resource \"a\" \"b\" {\n  x = \"y\" ]\n}\n";
        assert_eq!(
            first_cause(text),
            Some(Cause::Unexpected {
                at: text.find(']').unwrap(),
                found: ']',
                expected: Some('}')
            })
        );
        // Valid constructs that look like slips: escapes, interpolations with strings and
        // braces inside, heredocs with quotes, comments with brackets.
        let ok = "locals {\n  a = \"q\\\"${jsonencode({ k = \"}\" })}$${x}%%{y}\"\n  b = <<-EOT\n    \"]\n  EOT\n  # ]\n  // \"\n  /* } */\n  c = [for x in [1] : { v = x }]\n}\n";
        assert_eq!(first_cause(ok), None);
        // An interpolation left open ends the string's line: the string is the cause.
        let text = "x = \"${var.a\"\n";
        assert_eq!(first_cause(text), Some(Cause::Unterminated(4)));
        // An unclosed comment is not judged.
        assert_eq!(first_cause("/* ] \n"), None);
    }
}
