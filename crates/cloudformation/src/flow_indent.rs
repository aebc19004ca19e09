//! Flow collections indented like libyaml reads them.
//!
//! The YAML spec wants every line of a flow collection (`[` … `]`, `{` … `}`) that starts
//! inside a block mapping indented deeper than the mapping's keys; saphyr enforces it and
//! stops with "invalid indentation". libyaml does not (nor PyYAML, go-yaml and SnakeYAML, so
//! neither cfn-lint, KICS nor CloudFormation itself), and templates in the wild close a list
//! at the column of its key:
//!
//! ```yaml
//!         ManagedPolicyArns: [
//!           "arn:aws:iam::aws:policy/ReadOnlyAccess"
//!         ]
//! ```
//!
//! When a file fails that way it is read again from a copy in which such lines are indented
//! one column past the key that opened the collection. Only spaces are inserted, at the start
//! of lines inside a flow collection (where indentation carries no meaning), and every
//! character of the copy maps back to a byte of the file, so spans stay those of the file.

/// The copy of `text` with the lines of flow collections indented past their key, and for
/// each of its characters (plus one past the end) the byte offset in `text` it stands for;
/// `None` when no line needs it.
pub(crate) fn pad_flow_lines(text: &str) -> Option<(String, Vec<u32>)> {
    let mut out = String::with_capacity(text.len() + 64);
    let mut map: Vec<u32> = Vec::with_capacity(text.len() + 64);
    let mut st = State::default();
    let mut changed = false;
    let mut at = 0usize;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let content = line.trim_end_matches(['\n', '\r']);
        let blank = content.trim().is_empty();
        if let Some(min) = st.flow_min {
            if !blank && indent < min {
                for _ in indent..min {
                    out.push(' ');
                    map.push((at + indent) as u32);
                }
                changed = true;
            }
        }
        for (i, c) in line.char_indices() {
            out.push(c);
            map.push((at + i) as u32);
        }
        st.line(content, indent, blank);
        at += line.len();
    }
    map.push(text.len() as u32);
    changed.then_some((out, map))
}

#[derive(Default)]
struct State {
    /// Open flow collections.
    depth: usize,
    /// While inside one: the least indentation its lines need.
    flow_min: Option<usize>,
    /// Inside a quoted scalar continued on the next line: its quote.
    quote: Option<char>,
    /// Inside a block scalar (`|`, `>`): lines indented deeper than this are its text.
    block_scalar: Option<usize>,
}

impl State {
    fn line(&mut self, line: &str, indent: usize, blank: bool) {
        if let Some(parent) = self.block_scalar {
            if blank || indent > parent {
                return;
            }
            self.block_scalar = None;
        }
        // The column of the line's key or value: past any `- ` of sequence entries.
        let mut key_col = indent;
        while line[key_col..].starts_with("- ") {
            key_col += 2;
            key_col += line[key_col..].len() - line[key_col..].trim_start_matches(' ').len();
        }
        let bytes: Vec<(usize, char)> = line.char_indices().collect();
        for (k, &(i, c)) in bytes.iter().enumerate() {
            if let Some(q) = self.quote {
                let next = bytes.get(k + 1).map(|p| p.1);
                if c == q {
                    if q == '\'' && next == Some('\'') {
                        continue;
                    }
                    // `\"` escapes: an odd run of backslashes before the quote.
                    if q == '"' && backslashes_before(line, i) % 2 == 1 {
                        continue;
                    }
                    self.quote = None;
                }
                continue;
            }
            let at_token_start = i == 0 || line[..i].ends_with([' ', '\t']);
            let token_start_in_flow =
                at_token_start || line[..i].trim_end().ends_with(['[', '{', ',', ':']);
            match c {
                '#' if at_token_start => break,
                '"' | '\'' if self.depth > 0 && token_start_in_flow => self.quote = Some(c),
                '"' | '\'' if self.depth == 0 && at_token_start && value_start(line, i) => {
                    self.quote = Some(c)
                }
                '[' | '{' if self.depth > 0 => self.depth += 1,
                '[' | '{' if at_token_start && value_start(line, i) => {
                    self.depth = 1;
                    self.flow_min = Some(key_col + 1);
                }
                ']' | '}' if self.depth > 0 => {
                    self.depth -= 1;
                    if self.depth == 0 {
                        self.flow_min = None;
                    }
                }
                '|' | '>'
                    if self.depth == 0
                        && at_token_start
                        && value_start(line, i)
                        && block_indicator_ends_line(&line[i + 1..]) =>
                {
                    self.block_scalar = Some(key_col);
                    return;
                }
                _ => {}
            }
        }
    }
}

fn backslashes_before(line: &str, i: usize) -> usize {
    line[..i].bytes().rev().take_while(|&b| b == b'\\').count()
}

/// True when what precedes byte `i` of the line (a token start) makes it the start of a value
/// in block context: nothing, a `key:`, a `-` or `?` indicator, or a tag (`!Sub`).
fn value_start(line: &str, i: usize) -> bool {
    let before = line[..i].trim_end();
    if before.is_empty() || before.ends_with(':') || before.ends_with(" -") || before == "-" {
        return true;
    }
    if before.ends_with(" ?") || before == "?" {
        return true;
    }
    let last = before.rsplit([' ', '\t']).next().unwrap_or("");
    last.starts_with('!') && {
        let rest = before[..before.len() - last.len()].trim_end();
        rest.is_empty() || rest.ends_with(':') || rest.ends_with('-') || rest.ends_with('?')
    }
}

/// After `|` or `>`: only indentation/chomping indicators, then blanks or a comment.
fn block_indicator_ends_line(rest: &str) -> bool {
    let rest = rest.trim_start_matches(['+', '-', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    let rest = rest.trim_start();
    rest.is_empty() || rest.starts_with('#')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn padded(text: &str) -> Option<String> {
        pad_flow_lines(text).map(|(t, _)| t)
    }

    #[test]
    fn a_list_closed_at_its_key_column_is_indented_past_it() {
        let text = "a:\n  k: [\n    x,\n  ]\n  j: 1\n";
        let (out, map) = pad_flow_lines(text).unwrap();
        assert_eq!(out, "a:\n  k: [\n    x,\n   ]\n  j: 1\n");
        // Every character maps to the byte it stands for; the inserted space to the `]`.
        let inserted = out.find("   ]").unwrap();
        assert_eq!(map[inserted], text.find("  ]").unwrap() as u32 + 2);
        assert_eq!(map[out.len()], text.len() as u32);
        assert_eq!(
            map[out.find("j: 1").unwrap()],
            text.find("j: 1").unwrap() as u32
        );
    }

    #[test]
    fn nothing_to_do_for_well_indented_or_block_text() {
        assert_eq!(padded("k: [\n  x\n  ]\n"), None);
        // Brackets in a plain scalar, in a quoted one, in a comment and in a block scalar.
        assert_eq!(
            padded("a:\n  k: v[0\n  j: 'x[y'\n  # [z\nb: |\n  [\nc: 1\n"),
            None
        );
    }

    #[test]
    fn sequence_entries_and_tags_open_collections_too() {
        assert_eq!(
            padded("r:\n  - k: !Join ['', [\n  a, b]]\n"),
            Some("r:\n  - k: !Join ['', [\n     a, b]]\n".to_string())
        );
    }

    #[test]
    fn non_ascii_text_maps_characters_to_bytes() {
        let text = "a:\n  k: [\n  \"é\"]\n";
        let (out, map) = pad_flow_lines(text).unwrap();
        let e = out.chars().position(|c| c == 'é').unwrap();
        assert_eq!(map[e], text.find('é').unwrap() as u32);
        assert_eq!(map[e + 1], (text.find('é').unwrap() + 2) as u32);
    }
}
