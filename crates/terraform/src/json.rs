//! A small span-keeping JSON parser for policy documents written as heredocs or strings,
//! `jsondecode` arguments and `.tfvars.json` files.
//!
//! Terraform builds such strings from templates, so the parsed text is not always a slice of
//! the file: [`SpanMap`] translates offsets in the parsed text back to the file, and
//! interpolations whose value is not a plain string are passed in as *markers* (one
//! private-use character each) that parse as the interpolated [`Node`] itself.

use palisade_model::node::MapKey;
use palisade_model::{Node, NodeKind, Provenance, Span, StrPart};
use palisade_source::FileId;

/// First code point used for interpolation markers (Supplementary Private Use Area-A).
pub const MARKER_BASE: u32 = 0xF0000;
/// How many distinct markers fit before the area ends.
pub const MARKER_LIMIT: usize = 0xFFFD;

/// Nesting limit: deeper input is rejected instead of recursing without bound.
const MAX_DEPTH: usize = 64;

/// How offsets of the parsed text map to the file.
pub enum SpanMap<'m> {
    /// The text is a slice of the file starting at `base`.
    Identity { file: FileId, base: usize },
    /// One file offset per byte of the text.
    Table { file: FileId, offsets: &'m [u32] },
    /// Spans cannot be exact: everything points at one span (the attribute value).
    Fixed {
        span: Span,
        defined_at: Option<Span>,
        provenance: Provenance,
    },
}

impl SpanMap<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        match self {
            SpanMap::Identity { file, base } => Span::new(*file, base + start, base + end),
            SpanMap::Table { file, offsets } => {
                let s = offsets.get(start).copied();
                // The end is where the next byte came from (an escape like `\"` spans two
                // source bytes for one parsed byte), or one past the last byte's source.
                let e = if end > start {
                    offsets.get(end - 1).map(|&last| match offsets.get(end) {
                        Some(&next) if next > last => next,
                        _ => last + 1,
                    })
                } else {
                    s
                };
                match (s, e) {
                    (Some(s), Some(e)) => Span::new(*file, s as usize, e as usize),
                    _ => {
                        let last = offsets.last().copied().unwrap_or(0) as usize;
                        Span::new(*file, last, last)
                    }
                }
            }
            SpanMap::Fixed { span, .. } => *span,
        }
    }

    fn node(&self, kind: NodeKind, start: usize, end: usize) -> Node {
        match self {
            SpanMap::Fixed {
                span,
                defined_at,
                provenance,
            } => Node {
                kind,
                span: *span,
                provenance: *provenance,
                defined_at: *defined_at,
            },
            _ => Node::literal(kind, self.span(start, end)),
        }
    }
}

/// A key given twice in one object: the earlier (dropped) and the later (kept) key, with the
/// offsets of both in the parsed text.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    pub dropped: MapKey,
    pub kept: MapKey,
    pub dropped_at: usize,
    pub kept_at: usize,
}

/// Parses `text` as one JSON value. `markers[i]` is the value of marker character
/// `MARKER_BASE + i`. Returns `None` on malformed JSON (never panics). A key given twice in
/// one object keeps its last value, as IAM and JSON decoders read it; those keys are
/// returned too.
pub fn parse_reporting(
    text: &str,
    map: &SpanMap<'_>,
    markers: &[Node],
) -> Option<(Node, Vec<Duplicate>)> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        pos: 0,
        map,
        markers,
        duplicates: Vec::new(),
    };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.pos != p.s.len() {
        return None;
    }
    Some((v, p.duplicates))
}

struct Parser<'t, 'm> {
    s: &'t [u8],
    text: &'t str,
    pos: usize,
    map: &'m SpanMap<'m>,
    markers: &'m [Node],
    duplicates: Vec<Duplicate>,
}

impl Parser<'_, '_> {
    fn ws(&mut self) {
        while let Some(b) = self.s.get(self.pos) {
            if b.is_ascii_whitespace() {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn marker_at(&self, pos: usize) -> Option<(usize, usize)> {
        let ch = self.text.get(pos..)?.chars().next()?;
        let idx = (ch as u32).checked_sub(MARKER_BASE)? as usize;
        if idx < self.markers.len() {
            Some((idx, ch.len_utf8()))
        } else {
            None
        }
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        let start = self.pos;
        match self.peek()? {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => {
                let (kind, _) = self.string()?;
                Some(self.map.node(kind, start, self.pos))
            }
            b't' => self.word("true", NodeKind::Bool(true)),
            b'f' => self.word("false", NodeKind::Bool(false)),
            b'n' => self.word("null", NodeKind::Null),
            b'-' | b'0'..=b'9' => {
                while let Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') = self.peek() {
                    self.pos += 1;
                }
                let n: f64 = self.text.get(start..self.pos)?.parse().ok()?;
                Some(self.map.node(NodeKind::Number(n), start, self.pos))
            }
            _ => {
                let (idx, len) = self.marker_at(start)?;
                self.pos += len;
                let mut node = self.markers.get(idx)?.clone();
                // An interpolated value keeps the spans it was evaluated with, unless spans
                // are fixed to the attribute value.
                if let SpanMap::Fixed { span, .. } = self.map {
                    node.span = *span;
                }
                Some(node)
            }
        }
    }

    fn word(&mut self, w: &str, kind: NodeKind) -> Option<Node> {
        let start = self.pos;
        if self.s.get(start..start + w.len())? == w.as_bytes() {
            self.pos += w.len();
            Some(self.map.node(kind, start, self.pos))
        } else {
            None
        }
    }

    fn object(&mut self, depth: usize) -> Option<Node> {
        let start = self.pos;
        self.pos += 1;
        let mut entries = Vec::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Some(self.map.node(NodeKind::Map(Vec::new()), start, self.pos));
        }
        loop {
            self.ws();
            let kstart = self.pos;
            if self.peek()? != b'"' {
                return None;
            }
            let (key, _) = self.string()?;
            let name = match key {
                NodeKind::String(s) => s,
                // A key with an unknown part cannot be matched against anything.
                _ => String::from("${?}"),
            };
            let kspan = self.map.span(kstart, self.pos);
            self.ws();
            if self.peek()? != b':' {
                return None;
            }
            self.pos += 1;
            self.ws();
            let v = self.value(depth + 1)?;
            entries.push(((MapKey { name, span: kspan }, kstart), v));
            self.ws();
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    let dups = palisade_model::node::keep_last_duplicates(&mut entries, |k| {
                        k.0.name.as_str()
                    });
                    self.duplicates.extend(dups.into_iter().map(
                        |((dropped, dropped_at), (kept, kept_at))| Duplicate {
                            dropped,
                            kept,
                            dropped_at,
                            kept_at,
                        },
                    ));
                    let entries = entries.into_iter().map(|((k, _), v)| (k, v)).collect();
                    return Some(self.map.node(NodeKind::Map(entries), start, self.pos));
                }
                _ => return None,
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Node> {
        let start = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Some(self.map.node(NodeKind::List(items), start, self.pos));
        }
        loop {
            self.ws();
            items.push(self.value(depth + 1)?);
            self.ws();
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(self.map.node(NodeKind::List(items), start, self.pos));
                }
                _ => return None,
            }
        }
    }

    /// A string literal; markers inside make it partial (or splice known text).
    fn string(&mut self) -> Option<(NodeKind, ())> {
        self.pos += 1;
        let mut parts: Vec<StrPart> = Vec::new();
        let mut cur = String::new();
        let mut partial = false;
        loop {
            let b = self.peek()?;
            match b {
                b'"' => {
                    self.pos += 1;
                    break;
                }
                b'\\' => {
                    let e = *self.s.get(self.pos + 1)?;
                    self.pos += 2;
                    match e {
                        b'"' => cur.push('"'),
                        b'\\' => cur.push('\\'),
                        b'/' => cur.push('/'),
                        b'b' => cur.push('\u{8}'),
                        b'f' => cur.push('\u{c}'),
                        b'n' => cur.push('\n'),
                        b'r' => cur.push('\r'),
                        b't' => cur.push('\t'),
                        b'u' => {
                            let hex = self.text.get(self.pos..self.pos + 4)?;
                            let code = u32::from_str_radix(hex, 16).ok()?;
                            self.pos += 4;
                            cur.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                        }
                        _ => return None,
                    }
                }
                _ => {
                    if let Some((idx, len)) = self.marker_at(self.pos) {
                        self.pos += len;
                        match self.markers.get(idx).map(|n| &n.kind) {
                            Some(NodeKind::String(s)) => cur.push_str(s),
                            Some(NodeKind::Number(n)) => {
                                cur.push_str(&palisade_model::node::format_number(*n))
                            }
                            Some(NodeKind::Bool(v)) => {
                                cur.push_str(if *v { "true" } else { "false" })
                            }
                            Some(NodeKind::Partial(ps)) => {
                                partial = true;
                                for p in ps {
                                    match p {
                                        StrPart::Text(t) => cur.push_str(t),
                                        StrPart::Unknown => {
                                            if !cur.is_empty() {
                                                parts.push(StrPart::Text(std::mem::take(&mut cur)));
                                            }
                                            parts.push(StrPart::Unknown);
                                        }
                                    }
                                }
                            }
                            _ => {
                                partial = true;
                                if !cur.is_empty() {
                                    parts.push(StrPart::Text(std::mem::take(&mut cur)));
                                }
                                parts.push(StrPart::Unknown);
                            }
                        }
                        continue;
                    }
                    // Copy one UTF-8 character.
                    let ch = self.text.get(self.pos..)?.chars().next()?;
                    cur.push(ch);
                    self.pos += ch.len_utf8();
                }
            }
        }
        if partial {
            if !cur.is_empty() {
                parts.push(StrPart::Text(cur));
            }
            Some((NodeKind::Partial(parts), ()))
        } else {
            Some((NodeKind::String(cur), ()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, map: &SpanMap<'_>, markers: &[Node]) -> Option<Node> {
        parse_reporting(text, map, markers).map(|(v, _)| v)
    }

    #[test]
    fn spans_are_exact_with_identity_map() {
        let text = r#"{"Statement": [{"Action": "s3:*"}]}"#;
        let map = SpanMap::Identity {
            file: FileId(1),
            base: 10,
        };
        let n = parse(text, &map, &[]).unwrap();
        let st = n.get("Statement").unwrap();
        let NodeKind::List(items) = &st.kind else {
            panic!("not a list")
        };
        let action = items[0].get("Action").unwrap();
        assert_eq!(action.as_str(), Some("s3:*"));
        let start = text.find("\"s3:*\"").unwrap();
        assert_eq!(
            action.span,
            Span::new(FileId(1), 10 + start, 10 + start + 6)
        );
    }

    #[test]
    fn markers_become_partial_strings_or_values() {
        let m = char::from_u32(MARKER_BASE).unwrap();
        let text = format!(r#"{{"a": "arn:{m}/x", "b": {m}}}"#);
        let unknown = Node::unknown(Span::new(FileId(0), 0, 1));
        let map = SpanMap::Identity {
            file: FileId(0),
            base: 0,
        };
        let n = parse(&text, &map, &[unknown]).unwrap();
        assert_eq!(
            n.get("a").unwrap().kind,
            NodeKind::Partial(vec![
                StrPart::Text("arn:".into()),
                StrPart::Unknown,
                StrPart::Text("/x".into())
            ])
        );
        assert!(n.get("b").unwrap().is_unknown());
    }

    #[test]
    fn malformed_and_deep_input_is_rejected() {
        let map = SpanMap::Identity {
            file: FileId(0),
            base: 0,
        };
        assert!(parse("{\"a\": ", &map, &[]).is_none());
        assert!(parse("[1,]", &map, &[]).is_none());
        assert!(parse(&"[".repeat(10_000), &map, &[]).is_none());
        assert!(parse("\"\\u12\"", &map, &[]).is_none());
    }
}
