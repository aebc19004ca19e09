//! A span-keeping syntax tree shared by the YAML and JSON readers.
//!
//! Both formats are read into [`Syn`]; YAML short-form tags (`!Ref X`, `!Sub ...`) are
//! rewritten into their long form (`{Ref: X}`, `{Fn::Sub: ...}`) here, so the evaluator sees
//! one shape whatever the template was written in. Every node carries a byte span; a node cut
//! short by a syntax error is marked `complete: false` so adapters can skip it instead of
//! judging half a resource.

use jsonc_parser::ast;
use palisade_source::{Diagnostic, SourceFile, Span};
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, StrInput, Tag};
use std::borrow::Cow;

/// Deeper nesting than this is not a real template; refusing it keeps recursion (ours and the
/// drop glue's) bounded.
const MAX_NESTING: usize = 512;

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Syn {
    pub kind: SynKind,
    pub span: Span,
    /// False when a syntax error ended the file before this node was closed.
    pub complete: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum SynKind {
    Null,
    Bool(bool),
    Number(f64),
    Str(String),
    Seq(Vec<Syn>),
    Map(Vec<(SynKey, Syn)>),
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SynKey {
    pub name: String,
    pub span: Span,
}

/// What a duplicate key's diagnostic says happens.
const DUPLICATE_CONSEQUENCE: &str = "the later value is analysed, as CloudFormation deploys it";

/// Drops every entry whose key is given again later in the same mapping (CloudFormation and
/// IAM use the last one) and reports each at the later key, naming the earlier one.
fn dedupe(entries: &mut Vec<(SynKey, Syn)>, file: &SourceFile, diagnostics: &mut Vec<Diagnostic>) {
    for (dropped, kept) in palisade_model::node::keep_last_duplicates(entries, |k| &k.name) {
        diagnostics.push(Diagnostic::duplicate_key(
            file,
            &kept.name,
            dropped.span,
            kept.span,
            DUPLICATE_CONSEQUENCE,
        ));
    }
}

/// Where parsed JSON comes from: a file (spans are the file's), or the text of a string value
/// (every span is the string's; places inside it are named as lines and columns of the text).
#[derive(Clone, Copy)]
enum Origin<'a> {
    File(&'a SourceFile),
    Text(&'a str),
}

impl Syn {
    /// The value under `key` of a mapping; the last one when the key is given twice (parsed
    /// mappings hold each key once, see [`dedupe`]).
    pub fn get(&self, key: &str) -> Option<&Syn> {
        match &self.kind {
            SynKind::Map(entries) => entries.iter().rfind(|(k, _)| k.name == key).map(|e| &e.1),
            _ => None,
        }
    }

    pub fn entries(&self) -> &[(SynKey, Syn)] {
        match &self.kind {
            SynKind::Map(entries) => entries,
            _ => &[],
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            SynKind::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn describe(&self) -> &'static str {
        match self.kind {
            SynKind::Null => "null",
            SynKind::Bool(_) => "a boolean",
            SynKind::Number(_) => "a number",
            SynKind::Str(_) => "a string",
            SynKind::Seq(_) => "a list",
            SynKind::Map(_) => "a mapping",
        }
    }

    /// Number of nodes, for the alias expansion budget.
    fn size(&self) -> usize {
        match &self.kind {
            SynKind::Seq(items) => 1 + items.iter().map(Syn::size).sum::<usize>(),
            SynKind::Map(entries) => 1 + entries.iter().map(|(_, v)| v.size()).sum::<usize>(),
            _ => 1,
        }
    }
}

/// A parsed document: the root (whatever parsed, even after an error) and the diagnostics.
pub(crate) struct Parsed {
    pub root: Option<Syn>,
    pub diagnostics: Vec<Diagnostic>,
    /// No syntax error (duplicate keys aside): the whole document was read.
    pub clean: bool,
}

/// JSON when the first significant character is `{` or `[`, else YAML (JSON is valid YAML,
/// but the JSON reader is faster and reports JSON errors in JSON terms).
pub(crate) fn looks_like_json(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.starts_with('{') || t.starts_with('[')
}

pub(crate) fn parse(file: &SourceFile) -> Parsed {
    if looks_like_json(&file.text) {
        parse_json(file)
    } else {
        parse_yaml(file)
    }
}

// ---------------------------------------------------------------------------------------------
// JSON

fn json_options() -> jsonc_parser::ParseOptions {
    // A missing comma or a single-quoted string is reported rather than repaired: it usually
    // means a broken file. Comments and trailing commas cannot change the meaning.
    jsonc_parser::ParseOptions {
        allow_comments: true,
        allow_loose_object_property_names: false,
        // Real templates carry trailing commas.
        allow_trailing_commas: true,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

pub(crate) fn parse_json(file: &SourceFile) -> Parsed {
    let text: &str = &file.text;
    match jsonc_parser::parse_to_ast(text, &Default::default(), &json_options()) {
        Ok(result) => {
            let mut diagnostics = Vec::new();
            let root = result.value.as_ref().map(|v| {
                json_to_syn(
                    v,
                    &|s, e| file.span(s, e),
                    Origin::File(file),
                    &mut diagnostics,
                )
            });
            Parsed {
                root,
                diagnostics,
                clean: true,
            }
        }
        Err(err) => {
            let range = err.range();
            let start = range.start.min(text.len());
            let end = range.end.clamp(start, text.len());
            Parsed {
                root: None,
                clean: false,
                diagnostics: vec![Diagnostic::new(
                    file.span(start, end.max(next_char_end(text, start))),
                    format!("JSON syntax error: {}", err.kind()),
                )],
            }
        }
    }
}

/// Parses JSON held in a string value (a policy document written as a JSON string); every
/// node gets the string's span since escapes make inner offsets meaningless in the file.
/// A key given twice keeps its last value and is reported in `diagnostics`.
pub(crate) fn parse_embedded_json(
    text: &str,
    span: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Syn> {
    let result = jsonc_parser::parse_to_ast(text, &Default::default(), &json_options()).ok()?;
    result
        .value
        .as_ref()
        .map(|v| json_to_syn(v, &|_, _| span, Origin::Text(text), diagnostics))
}

/// Parses JSON built from a string of `file` (a policy document written inside `Fn::Sub`),
/// each node located by `span` (offsets in `text` to the file). `None` when it is not JSON.
pub(crate) fn parse_mapped_json(
    text: &str,
    span: &dyn Fn(usize, usize) -> Span,
    file: &SourceFile,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Syn> {
    let result = jsonc_parser::parse_to_ast(text, &Default::default(), &json_options()).ok()?;
    result
        .value
        .as_ref()
        .map(|v| json_to_syn(v, span, Origin::File(file), diagnostics))
}

fn json_to_syn(
    value: &ast::Value<'_>,
    span: &dyn Fn(usize, usize) -> Span,
    origin: Origin<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Syn {
    let (kind, range) = match value {
        ast::Value::StringLit(s) => (SynKind::Str(s.value.to_string()), s.range),
        ast::Value::NumberLit(n) => (
            match n.value.parse::<f64>() {
                Ok(f) => SynKind::Number(f),
                Err(_) => SynKind::Str(n.value.to_string()),
            },
            n.range,
        ),
        ast::Value::BooleanLit(b) => (SynKind::Bool(b.value), b.range),
        ast::Value::NullKeyword(n) => (SynKind::Null, n.range),
        ast::Value::Array(a) => (
            SynKind::Seq(
                a.elements
                    .iter()
                    .map(|e| json_to_syn(e, span, origin, diagnostics))
                    .collect(),
            ),
            a.range,
        ),
        ast::Value::Object(o) => {
            // Each key with its offset in the parsed text, for naming places in a string.
            let mut keyed: Vec<((SynKey, usize), Syn)> = o
                .properties
                .iter()
                .map(|p| {
                    let (name, r) = match &p.name {
                        ast::ObjectPropName::String(s) => (s.value.to_string(), s.range),
                        ast::ObjectPropName::Word(w) => (w.value.to_string(), w.range),
                    };
                    (
                        (
                            SynKey {
                                name,
                                span: span(r.start, r.end),
                            },
                            r.start,
                        ),
                        json_to_syn(&p.value, span, origin, diagnostics),
                    )
                })
                .collect();
            let pairs = palisade_model::node::keep_last_duplicates(&mut keyed, |k| &k.0.name);
            for ((dropped, first), (kept, again)) in pairs {
                let d = match origin {
                    Origin::File(file) => Diagnostic::duplicate_key(
                        file,
                        &kept.name,
                        dropped.span,
                        kept.span,
                        DUPLICATE_CONSEQUENCE,
                    ),
                    Origin::Text(text) => Diagnostic::duplicate_key_in_text(
                        kept.span,
                        &kept.name,
                        text,
                        first,
                        again,
                        DUPLICATE_CONSEQUENCE,
                    ),
                };
                if !diagnostics.contains(&d) {
                    diagnostics.push(d);
                }
            }
            let entries: Vec<(SynKey, Syn)> = keyed.into_iter().map(|((k, _), v)| (k, v)).collect();
            (SynKind::Map(entries), o.range)
        }
    };
    Syn {
        kind,
        span: span(range.start, range.end),
        complete: true,
    }
}

fn next_char_end(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .map(|c| at + c.len_utf8())
        .unwrap_or(at)
}

// ---------------------------------------------------------------------------------------------
// YAML

/// saphyr counts positions in characters; spans are bytes.
struct CharOffsets {
    /// `None` for ASCII text, where both coincide.
    map: Option<Vec<u32>>,
    len: usize,
}

impl CharOffsets {
    fn new(text: &str) -> CharOffsets {
        let map = if text.is_ascii() {
            None
        } else {
            let mut m: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
            m.push(text.len() as u32);
            Some(m)
        };
        CharOffsets {
            map,
            len: text.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        match &self.map {
            None => char_index.min(self.len),
            Some(m) => m.get(char_index).map(|b| *b as usize).unwrap_or(self.len),
        }
    }
}

enum Frame {
    Seq {
        start: usize,
        tag: Option<Tag>,
        anchor: usize,
        items: Vec<Syn>,
    },
    Map {
        start: usize,
        tag: Option<Tag>,
        anchor: usize,
        entries: Vec<(SynKey, Syn)>,
        key: Option<SynKey>,
    },
}

struct YamlBuilder<'f> {
    file: &'f SourceFile,
    offsets: CharOffsets,
    stack: Vec<Frame>,
    root: Option<Syn>,
    /// Anchored nodes by anchor id, for aliases.
    anchors: Vec<Option<(Syn, usize)>>,
    /// Nodes that may still be created by alias expansion: a "billion laughs" document stops
    /// here with a diagnostic instead of eating the memory.
    budget: usize,
    /// Duplicate keys found so far (reported, the parse goes on).
    duplicates: Vec<Diagnostic>,
}

pub(crate) fn parse_yaml(file: &SourceFile) -> Parsed {
    let text: &str = &file.text;
    let (parsed, error) = parse_yaml_from(file, text, CharOffsets::new(text));
    // A flow collection indented no deeper than its key: libyaml reads it, so read it again
    // from a copy indented as the spec wants (see `flow_indent`).
    if error.as_deref() == Some("invalid indentation") {
        if let Some((padded, map)) = crate::flow_indent::pad_flow_lines(text) {
            let offsets = CharOffsets {
                map: Some(map),
                len: text.len(),
            };
            let (again, error) = parse_yaml_from(file, &padded, offsets);
            if error.is_none() {
                return again;
            }
        }
    }
    parsed
}

/// Parses `text` (the file's text, or a copy of it whose characters `offsets` maps back to the
/// file's bytes); also gives the scanner's error message, if it stopped on one.
fn parse_yaml_from(
    file: &SourceFile,
    text: &str,
    offsets: CharOffsets,
) -> (Parsed, Option<String>) {
    let mut b = YamlBuilder {
        file,
        offsets,
        stack: Vec::new(),
        root: None,
        anchors: Vec::new(),
        budget: 200_000 + text.len(),
        duplicates: Vec::new(),
    };
    let mut diagnostics = Vec::new();
    let mut scan_failure = None;
    let mut trailing = None;
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        match next {
            Ok((event, span)) => {
                let start = b.offsets.byte(span.start.index());
                let end = b.offsets.byte(span.end.index()).max(start);
                match b.event(event, start, end) {
                    Flow::Continue => {}
                    Flow::Done => {
                        trailing = further_document(&mut parser, &b.offsets);
                        break;
                    }
                    Flow::Stop(message) => {
                        diagnostics.push(Diagnostic::new(
                            file.span(start, next_char_end(&file.text, start)),
                            message,
                        ));
                        break;
                    }
                }
            }
            Err(err) => {
                diagnostics.push(scan_error(file, &b.offsets, &err));
                scan_failure = Some(err.info().to_string());
                break;
            }
        }
    }
    b.unwind();
    let clean = diagnostics.is_empty();
    diagnostics.append(&mut b.duplicates);
    if let Some(at) = trailing {
        diagnostics.push(Diagnostic::warning(
            file.span(at, next_char_end(&file.text, at)),
            "a further YAML document starts here and is not scanned: CloudFormation reads only \
             the first document of a template (put each template in its own file)",
        ));
    }
    (
        Parsed {
            root: b.root,
            diagnostics,
            clean,
        },
        scan_failure,
    )
}

/// Where the content of a document after the first begins, if the stream has one: never
/// skipped in silence. A syntax error there counts as content (at the error).
fn further_document(parser: &mut Parser<'_, StrInput<'_>>, offsets: &CharOffsets) -> Option<usize> {
    while let Some(next) = parser.next_event() {
        match next {
            Ok((Event::StreamEnd, _)) => return None,
            Ok((Event::DocumentStart(_) | Event::DocumentEnd | Event::Nothing, _)) => {}
            Ok((Event::Scalar(value, ..), _)) if value.trim().is_empty() => {}
            Ok((_, span)) => return Some(offsets.byte(span.start.index())),
            Err(err) => return Some(offsets.byte(err.marker().index())),
        }
    }
    None
}

fn scan_error(file: &SourceFile, offsets: &CharOffsets, err: &ScanError) -> Diagnostic {
    let at = offsets.byte(err.marker().index());
    Diagnostic::new(
        file.span(at, next_char_end(&file.text, at)),
        format!("YAML syntax error: {}", err.info()),
    )
}

enum Flow {
    Continue,
    /// The first document is complete; CloudFormation reads only one.
    Done,
    Stop(String),
}

impl YamlBuilder<'_> {
    fn event(&mut self, event: Event<'_>, start: usize, end: usize) -> Flow {
        match event {
            Event::Scalar(value, style, anchor, tag) => {
                let node = self.scalar(value, style, tag.as_deref(), start, end);
                self.finish(node, anchor, tag.as_deref())
            }
            Event::SequenceStart(anchor, tag) => {
                if self.stack.len() >= MAX_NESTING {
                    return Flow::Stop("nesting too deep; the rest of the file is ignored".into());
                }
                self.stack.push(Frame::Seq {
                    start,
                    tag: tag.map(Cow::into_owned),
                    anchor,
                    items: Vec::new(),
                });
                Flow::Continue
            }
            Event::MappingStart(anchor, tag) => {
                if self.stack.len() >= MAX_NESTING {
                    return Flow::Stop("nesting too deep; the rest of the file is ignored".into());
                }
                self.stack.push(Frame::Map {
                    start,
                    tag: tag.map(Cow::into_owned),
                    anchor,
                    entries: Vec::new(),
                    key: None,
                });
                Flow::Continue
            }
            Event::SequenceEnd | Event::MappingEnd => match self.stack.pop() {
                Some(frame) => {
                    let (node, anchor, tag) = self.close(frame, start, end, true);
                    self.finish(node, anchor, tag.as_ref())
                }
                None => Flow::Continue,
            },
            Event::Alias(id) => {
                let size = match self.anchors.get(id) {
                    Some(Some((_, size))) => *size,
                    _ => return Flow::Stop("alias to an unknown anchor".into()),
                };
                if size > self.budget {
                    return Flow::Stop(
                        "aliases expand to too many nodes; the rest of the file is ignored".into(),
                    );
                }
                self.budget -= size;
                match self.anchors.get(id) {
                    Some(Some((node, _))) => {
                        let node = node.clone();
                        self.finish(node, 0, None)
                    }
                    _ => Flow::Continue,
                }
            }
            Event::DocumentEnd => {
                if self.root.is_some() {
                    Flow::Done
                } else {
                    Flow::Continue
                }
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentStart(_) | Event::Nothing => {
                Flow::Continue
            }
        }
    }

    fn scalar(
        &self,
        value: Cow<'_, str>,
        style: ScalarStyle,
        tag: Option<&Tag>,
        start: usize,
        mut end: usize,
    ) -> Syn {
        if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
            // A block scalar's span runs to the start of the next line; trim it so a resource
            // ending in one does not appear to end a line later.
            let bytes = self.file.text.as_bytes();
            while end > start && bytes.get(end - 1).is_some_and(u8::is_ascii_whitespace) {
                end -= 1;
            }
        }
        let core = tag.filter(|t| t.is_yaml_core_schema());
        let kind = match core.map(|t| t.suffix.as_str()) {
            Some("str") => SynKind::Str(value.into_owned()),
            Some("int" | "float" | "bool" | "null") => resolve_plain(&value),
            _ if style != ScalarStyle::Plain => SynKind::Str(value.into_owned()),
            // A tagged plain scalar (`!Ref Name`) is the function's argument: a string.
            _ if tag.is_some() => SynKind::Str(value.into_owned()),
            _ => resolve_plain(&value),
        };
        Syn {
            kind,
            span: self.file.span(start, end),
            complete: true,
        }
    }

    fn close(
        &mut self,
        frame: Frame,
        end_start: usize,
        end_end: usize,
        complete: bool,
    ) -> (Syn, usize, Option<Tag>) {
        let (start, kind, last_end, anchor, tag) = match frame {
            Frame::Seq {
                start,
                tag,
                anchor,
                items,
            } => {
                let last = items.last().map(|i| i.span.end as usize).unwrap_or(start);
                (start, SynKind::Seq(items), last, anchor, tag)
            }
            Frame::Map {
                start,
                tag,
                anchor,
                mut entries,
                key: _,
            } => {
                dedupe(&mut entries, self.file, &mut self.duplicates);
                let last = entries
                    .last()
                    .map(|(_, v)| v.span.end as usize)
                    .unwrap_or(start);
                (start, SynKind::Map(entries), last, anchor, tag)
            }
        };
        // Flow collections end with their closing bracket; block collections have an empty
        // end event placed at the next token, so their last child ends them.
        let end = if end_end > end_start && complete {
            end_end
        } else {
            last_end
        };
        (
            Syn {
                kind,
                span: self.file.span(start, end.max(start)),
                complete,
            },
            anchor,
            tag,
        )
    }

    /// Attaches a completed node to its parent (or makes it the root), applying a tag and
    /// recording an anchor.
    fn finish(&mut self, node: Syn, anchor: usize, tag: Option<&Tag>) -> Flow {
        let node = apply_tag(node, tag);
        if anchor > 0 {
            let size = node.size();
            if self.anchors.len() <= anchor {
                self.anchors.resize(anchor + 1, None);
            }
            if let Some(slot) = self.anchors.get_mut(anchor) {
                *slot = Some((node.clone(), size));
            }
        }
        self.attach(node);
        Flow::Continue
    }

    fn attach(&mut self, node: Syn) {
        match self.stack.last_mut() {
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                Some(k) => entries.push((k, node)),
                None => {
                    *key = Some(SynKey {
                        name: key_name(&node, &self.file.text),
                        span: node.span,
                    })
                }
            },
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
        }
    }

    /// After an error: close every open collection as incomplete, keeping what parsed.
    fn unwind(&mut self) {
        while let Some(frame) = self.stack.pop() {
            let (node, _, tag) = self.close(frame, 0, 0, false);
            let mut node = apply_tag(node, tag.as_ref());
            node.complete = false;
            self.attach(node);
        }
    }
}

fn key_name(node: &Syn, text: &str) -> String {
    match &node.kind {
        SynKind::Str(s) => s.clone(),
        SynKind::Null => String::new(),
        // Numbers and booleans as keys keep their written form (`80: ...`, mapping keys).
        _ => text.get(node.span.range()).unwrap_or("").to_string(),
    }
}

/// The CloudFormation short-form tags and their long names.
fn intrinsic_name(suffix: &str) -> Option<&'static str> {
    Some(match suffix {
        "Ref" => "Ref",
        "Condition" => "Condition",
        "Sub" => "Fn::Sub",
        "GetAtt" => "Fn::GetAtt",
        "If" => "Fn::If",
        "Join" => "Fn::Join",
        "Select" => "Fn::Select",
        "Split" => "Fn::Split",
        "Base64" => "Fn::Base64",
        "ImportValue" => "Fn::ImportValue",
        "FindInMap" => "Fn::FindInMap",
        "GetAZs" => "Fn::GetAZs",
        "Equals" => "Fn::Equals",
        "And" => "Fn::And",
        "Or" => "Fn::Or",
        "Not" => "Fn::Not",
        "Cidr" => "Fn::Cidr",
        "Transform" => "Fn::Transform",
        "Length" => "Fn::Length",
        "ToJsonString" => "Fn::ToJsonString",
        _ => return None,
    })
}

/// Rewrites `!Name value` into `{Fn::Name: value}`. Unknown local tags (`!Rain::Module`)
/// become `{"!Rain::Module": value}` so they are visibly not the plain value.
fn apply_tag(node: Syn, tag: Option<&Tag>) -> Syn {
    let Some(tag) = tag else { return node };
    if tag.handle != "!" {
        return node;
    }
    let name = match intrinsic_name(&tag.suffix) {
        Some(n) => n.to_string(),
        None => format!("!{}", tag.suffix),
    };
    let span = node.span;
    let complete = node.complete;
    Syn {
        kind: SynKind::Map(vec![(SynKey { name, span }, node)]),
        span,
        complete,
    }
}

/// YAML 1.2 core schema resolution of a plain scalar, except that numbers with leading zeros
/// stay strings: `012345678901` is an account id, and turning it into a number loses the zero.
fn resolve_plain(value: &str) -> SynKind {
    match value {
        "" | "~" | "null" | "Null" | "NULL" => return SynKind::Null,
        "true" | "True" | "TRUE" => return SynKind::Bool(true),
        "false" | "False" | "FALSE" => return SynKind::Bool(false),
        _ => {}
    }
    if is_number(value) {
        if let Ok(n) = value.parse::<f64>() {
            return SynKind::Number(n);
        }
    }
    SynKind::Str(value.to_string())
}

fn is_number(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    let int_part = digits.split(['.', 'e', 'E']).next().unwrap_or("");
    if int_part.is_empty() || !int_part.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if int_part.len() > 1 && int_part.starts_with('0') {
        return false;
    }
    digits
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_source::FileId;

    fn yaml(text: &str) -> (SourceFile, Parsed) {
        let f = SourceFile::new(FileId(0), "t.yaml", text);
        let p = parse_yaml(&f);
        (f, p)
    }

    #[test]
    fn short_tags_become_long_forms_with_spans() {
        let (f, p) = yaml("a: !Ref X\nb: !GetAtt A.B\nc: !If [C, 1, 2]\n");
        let root = p.root.unwrap();
        let a = root.get("a").unwrap();
        assert_eq!(a.get("Ref").unwrap().as_str(), Some("X"));
        assert_eq!(f.slice(a.span), "!Ref X");
        let b = root.get("b").unwrap().get("Fn::GetAtt").unwrap();
        assert_eq!(b.as_str(), Some("A.B"));
        let c = root.get("c").unwrap();
        assert_eq!(f.slice(c.span), "!If [C, 1, 2]");
        assert!(matches!(&c.get("Fn::If").unwrap().kind, SynKind::Seq(v) if v.len() == 3));
    }

    #[test]
    fn scalars_resolve_like_yaml_but_keep_account_ids() {
        assert_eq!(resolve_plain("22"), SynKind::Number(22.0));
        assert_eq!(resolve_plain("-1"), SynKind::Number(-1.0));
        assert_eq!(
            resolve_plain("012345678901"),
            SynKind::Str("012345678901".into())
        );
        assert_eq!(
            resolve_plain("2012-10-17"),
            SynKind::Str("2012-10-17".into())
        );
        assert_eq!(
            resolve_plain("10.0.0.0/8"),
            SynKind::Str("10.0.0.0/8".into())
        );
        assert_eq!(resolve_plain("false"), SynKind::Bool(false));
        assert_eq!(resolve_plain("~"), SynKind::Null);
        let (_, p) = yaml("a: '22'\n");
        assert_eq!(p.root.unwrap().get("a").unwrap().as_str(), Some("22"));
    }

    #[test]
    fn block_collections_end_at_their_last_value() {
        let (f, p) = yaml("r:\n  a: 1\n  b: |\n    text\n\n# comment\nz: 2\n");
        let r = p.root.unwrap();
        let v = r.get("r").unwrap();
        assert_eq!(f.slice(v.span), "a: 1\n  b: |\n    text");
    }

    #[test]
    fn non_ascii_text_maps_characters_to_bytes() {
        let (f, p) = yaml("é: ü\nk: v\n");
        let r = p.root.unwrap();
        let (k, v) = &r.entries()[1];
        assert_eq!(f.slice(k.span), "k");
        assert_eq!(f.slice(v.span), "v");
    }

    #[test]
    fn anchors_and_aliases_expand() {
        let (_, p) = yaml("a: &x {k: 1}\nb: *x\n");
        let r = p.root.unwrap();
        assert_eq!(
            r.get("b").unwrap().get("k").unwrap().kind,
            SynKind::Number(1.0)
        );
    }

    #[test]
    fn alias_bombs_stop_with_a_diagnostic() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let (_, p) = yaml(&text);
        assert_eq!(p.diagnostics.len(), 1);
        assert!(p.diagnostics[0].message.contains("too many"));
    }

    #[test]
    fn errors_keep_what_parsed() {
        let (f, p) = yaml("a: 1\nb:\n  c: [1, 2\nd: 3\n");
        assert_eq!(p.diagnostics.len(), 1);
        let root = p.root.unwrap();
        assert!(!root.complete);
        assert_eq!(root.get("a").unwrap().kind, SynKind::Number(1.0));
        assert!(f.line_col(p.diagnostics[0].span.start).line >= 3);
    }

    #[test]
    fn flow_lists_closed_at_their_key_column_are_read_as_libyaml_does() {
        let text = "R:\n  P:\n    A: [\n      \"x\",\n      \"y\"\n    ]\n    B: é\n";
        let (f, p) = yaml(text);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let a = p.root.as_ref().unwrap().get("R").unwrap().get("P").unwrap();
        let list = a.get("A").unwrap();
        assert!(matches!(&list.kind, SynKind::Seq(v) if v.len() == 2));
        // Spans are the file's, not the padded copy's.
        assert!(f.slice(list.span).starts_with('[') && f.slice(list.span).ends_with(']'));
        assert_eq!(f.slice(a.get("B").unwrap().span), "é");
        // Other indentation errors are still errors.
        let (_, p) = yaml("a:\n    b: 1\n  c: 2\n");
        assert_eq!(p.diagnostics.len(), 1);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = "[".repeat(100_000);
        let (_, p) = yaml(&text);
        assert!(!p.diagnostics.is_empty());
    }

    #[test]
    fn json_errors_are_located() {
        let f = SourceFile::new(FileId(0), "t.json", "{\n  \"a\": 1\n  \"b\": 2\n}\n");
        let p = parse_json(&f);
        assert!(p.root.is_none());
        let d = &p.diagnostics[0];
        // Reported where the comma is missing: after the value on line 2.
        assert_eq!(
            (f.line_col(d.span.start).line, d.message.as_str()),
            (2, "JSON syntax error: Expected comma")
        );
    }
}
