//! Policy documents written as a JSON string inside `Fn::Sub`, the usual way to give a
//! web-identity trust its computed condition key (`"${OidcProvider}:sub"`, which a YAML or
//! JSON mapping key cannot compute):
//!
//! ```yaml
//! AssumeRolePolicyDocument: !Sub |
//!   {"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
//!     "Condition": {"StringLike": {"${OidcProvider}:sub": "system:serviceaccount:*:*"}}}]}
//! ```
//!
//! What is known is substituted, each unknown `${...}` becomes a marker character that
//! survives JSON parsing, and the JSON is parsed with every byte mapped back to the file:
//! a finding on a value inside the string points at that value's own line and column (a
//! substituted piece at its `${...}`). Markers become unknown parts of strings (never a
//! finding) and, in keys, the model's unknown key part, so `"${OidcProvider}:sub"` is still
//! a `:sub` key.

use crate::syntax::{parse_mapped_json, Syn};
use palisade_model::node::{format_number, MapKey, Node, NodeKind, UNKNOWN_KEY_PART};
use palisade_source::{SourceFile, Span, StrPart};

/// First code point used for markers of unknown substitutions (Supplementary Private Use
/// Area-A; no template holds them).
const MARKER_BASE: u32 = 0xF0000;
const MARKER_LIMIT: u32 = 0xFFFD;

fn is_marker(c: char) -> bool {
    (MARKER_BASE..MARKER_BASE + MARKER_LIMIT).contains(&(c as u32))
}

/// Whether a `Fn::Sub` template is read as a policy document.
pub(crate) fn looks_like_policy(template: &str) -> bool {
    template.trim_start().starts_with('{') && template.contains("\"Statement\"")
}

/// One `${...}` of a template: its byte range in the template, and its value (`None` for an
/// unknown one; a known scalar is substituted).
pub(crate) struct Substitution {
    pub range: std::ops::Range<usize>,
    pub value: Option<String>,
}

/// The text of a substituted value when it is a known scalar.
pub(crate) fn scalar_text(node: &Node) -> Option<String> {
    match &node.kind {
        NodeKind::String(s) => Some(s.clone()),
        NodeKind::Number(n) => Some(format_number(*n)),
        NodeKind::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The policy document of a `Fn::Sub` template held by the scalar `template` of `file`, with
/// exact spans; `None` when the string cannot be mapped to the file or is not JSON.
pub(crate) fn policy(
    file: &SourceFile,
    template: &Syn,
    text: &str,
    substitutions: &[Substitution],
) -> Option<Node> {
    let (starts, ends) = string_offsets(file, template.span, text)?;
    let mut json = String::with_capacity(text.len());
    let mut from: Vec<u32> = Vec::with_capacity(text.len());
    let mut to: Vec<u32> = Vec::with_capacity(text.len());
    let mut at = 0;
    let mut markers = 0u32;
    for sub in substitutions {
        let literal = text.get(at..sub.range.start)?;
        json.push_str(literal);
        from.extend_from_slice(starts.get(at..sub.range.start)?);
        to.extend_from_slice(ends.get(at..sub.range.start)?);
        let s = *starts.get(sub.range.start)?;
        let e = *ends.get(sub.range.end.checked_sub(1)?)?;
        let piece = match &sub.value {
            Some(v) => v.clone(),
            None => {
                if markers >= MARKER_LIMIT {
                    return None;
                }
                markers += 1;
                char::from_u32(MARKER_BASE + markers - 1)?.to_string()
            }
        };
        from.extend(std::iter::repeat_n(s, piece.len()));
        to.extend(std::iter::repeat_n(e, piece.len()));
        json.push_str(&piece);
        at = sub.range.end;
    }
    json.push_str(text.get(at..)?);
    from.extend_from_slice(starts.get(at..)?);
    to.extend_from_slice(ends.get(at..)?);
    let whole = template.span;
    let span = |a: usize, b: usize| -> Span {
        let s = from.get(a).copied().unwrap_or(whole.start);
        let e = match b.checked_sub(1).filter(|&l| l >= a) {
            Some(last) => to.get(last).copied().unwrap_or(whole.end),
            None => s,
        };
        Span::new(file.id, s as usize, e as usize)
    };
    let mut ignored = Vec::new();
    let syn = parse_mapped_json(&json, &span, file, &mut ignored)?;
    let mut node = crate::eval::Ctx::plain().eval(&syn)?;
    unmark(&mut node);
    Some(node)
}

/// Markers back to unknown: string parts, and the unknown key part in keys.
fn unmark(node: &mut Node) {
    match &mut node.kind {
        NodeKind::String(s) if s.chars().any(is_marker) => {
            let mut parts: Vec<StrPart> = Vec::new();
            let mut text = String::new();
            for c in s.chars() {
                if is_marker(c) {
                    if !text.is_empty() {
                        parts.push(StrPart::Text(std::mem::take(&mut text)));
                    }
                    if parts.last() != Some(&StrPart::Unknown) {
                        parts.push(StrPart::Unknown);
                    }
                } else {
                    text.push(c);
                }
            }
            if !text.is_empty() {
                parts.push(StrPart::Text(text));
            }
            node.kind = NodeKind::Partial(parts);
        }
        NodeKind::List(items) => items.iter_mut().for_each(unmark),
        NodeKind::Map(entries) => {
            for (k, v) in entries.iter_mut() {
                if k.name.chars().any(is_marker) {
                    *k = MapKey {
                        name: k
                            .name
                            .chars()
                            .map(|c| if is_marker(c) { UNKNOWN_KEY_PART } else { c })
                            .collect(),
                        span: k.span,
                    };
                }
                unmark(v);
            }
        }
        _ => {}
    }
}

/// Per byte of `value` (a string scalar's content), the file offsets of the source it came
/// from: start and end. A quoted scalar is decoded escape by escape; any other (a YAML block
/// or plain scalar) is aligned with its source, which differs only by indentation, line
/// folding markers and quotes. `None` when the two cannot be aligned.
fn string_offsets(file: &SourceFile, span: Span, value: &str) -> Option<(Vec<u32>, Vec<u32>)> {
    let mut src = file.text.get(span.start as usize..)?;
    let mut base = span.start as usize;
    // A YAML short-form tag (`!Sub |`) starts the span of its scalar.
    if src.starts_with('!') {
        let tag = src.find(char::is_whitespace)?;
        src = &src[tag..];
        base += tag;
    }
    if src.starts_with('"') {
        if let Some(t) = decode_quoted(src, base, value) {
            return Some(t);
        }
    }
    // A block scalar's span may end before its content (at its header): the alignment is
    // bounded by the content's length instead, and only whitespace, indicators and quotes
    // may be skipped.
    let limit = (span.end as usize).max(base + 4 * value.len() + 1024);
    align(src, base, value, limit)
}

/// A double-quoted JSON or YAML string, decoded with the source range of every byte.
fn decode_quoted(src: &str, base: usize, value: &str) -> Option<(Vec<u32>, Vec<u32>)> {
    let b = src.as_bytes();
    let mut out = String::with_capacity(value.len());
    let (mut starts, mut ends) = (Vec::new(), Vec::new());
    let mut i = 1;
    let mut push = |out: &mut String, c: char, s: usize, e: usize| {
        out.push(c);
        for _ in 0..c.len_utf8() {
            starts.push((base + s) as u32);
            ends.push((base + e) as u32);
        }
    };
    while i < b.len() {
        match b[i] {
            b'"' => break,
            b'\\' => {
                let e = *b.get(i + 1)?;
                let (c, len) = match e {
                    b'n' => ('\n', 2),
                    b't' => ('\t', 2),
                    b'r' => ('\r', 2),
                    b'b' => ('\u{8}', 2),
                    b'f' => ('\u{c}', 2),
                    b'/' => ('/', 2),
                    b'"' => ('"', 2),
                    b'\\' => ('\\', 2),
                    b'u' => {
                        let hex = src.get(i + 2..i + 6)?;
                        let unit = u32::from_str_radix(hex, 16).ok()?;
                        match char::from_u32(unit) {
                            Some(c) => (c, 6),
                            None => {
                                // A surrogate pair: `\uD83D\uDE00`.
                                let low = src.get(i + 8..i + 12)?;
                                let low = u32::from_str_radix(low, 16).ok()?;
                                let c =
                                    char::decode_utf16([unit as u16, low as u16]).next()?.ok()?;
                                (c, 12)
                            }
                        }
                    }
                    _ => return None,
                };
                push(&mut out, c, i, i + len);
                i += len;
            }
            _ => {
                let c = src[i..].chars().next()?;
                push(&mut out, c, i, i + c.len_utf8());
                i += c.len_utf8();
            }
        }
    }
    (out == value).then_some((starts, ends))
}

/// Aligns each character of `value` with the next equal character of `src`, skipping only
/// what a YAML scalar's source adds (indentation, block indicators, quotes, a CR).
fn align(src: &str, base: usize, value: &str, limit: usize) -> Option<(Vec<u32>, Vec<u32>)> {
    let (mut starts, mut ends) = (Vec::new(), Vec::new());
    let mut rest = src.char_indices().peekable();
    for c in value.chars() {
        loop {
            let (j, s) = rest.next()?;
            if limit > base && base + j >= limit {
                return None;
            }
            if s == c {
                for k in 0..c.len_utf8() {
                    starts.push((base + j + k) as u32);
                    ends.push((base + j + k + 1) as u32);
                }
                break;
            }
            if !matches!(
                s,
                ' ' | '\t' | '\r' | '\n' | '|' | '>' | '-' | '+' | '\'' | '"'
            ) && !s.is_ascii_digit()
            {
                return None;
            }
        }
    }
    Some((starts, ends))
}
