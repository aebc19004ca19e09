//! Parsing with tree-sitter-hcl, syntax diagnostics, and small helpers over the tree.
//!
//! The grammar hides `_expr_term`, so an `expression` node holds a flat sequence: a primary
//! term followed by `get_attr` / `index` / `splat` postfixes; binary operations hold the
//! flattened terms on both sides of an anonymous operator token. Template literals exclude
//! surrounding whitespace (it is an "extra"), so literal text is always read from the gaps
//! between interpolations, never from `template_literal` nodes.

use palisade_source::{Diagnostic, SourceFile, Span};
use tree_sitter::{Node as TsNode, Parser, Tree};

/// At most this many syntax diagnostics per file: garbage input must not flood the output.
const MAX_DIAGNOSTICS_PER_FILE: usize = 10;

pub fn parse(text: &str) -> Option<Tree> {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_hcl::LANGUAGE.into())
        .ok()?;
    parser.parse(text, None)
}

/// A node's kind, as [`TsNode::kind`] gives it, from a table built once: `kind()` measures
/// and UTF-8-checks the C string on every call, and the evaluator asks for kinds all the
/// time (every called module is evaluated once per call).
pub fn kind_of<'t, N: std::borrow::Borrow<TsNode<'t>>>(n: N) -> &'t str {
    let n = *n.borrow();
    static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let language: tree_sitter::Language = tree_sitter_hcl::LANGUAGE.into();
        (0..language.node_kind_count())
            .map(|id| {
                u16::try_from(id)
                    .ok()
                    .and_then(|id| language.node_kind_for_id(id))
                    .unwrap_or("")
            })
            .collect()
    });
    match names.get(usize::from(n.kind_id())) {
        Some(name) if !name.is_empty() => name,
        // `ERROR` and other built-in symbols lie outside the table.
        _ => n.kind(),
    }
}

pub fn span(file: &SourceFile, n: TsNode<'_>) -> Span {
    file.span(n.start_byte(), n.end_byte())
}

pub fn text<'f>(file: &'f SourceFile, n: TsNode<'_>) -> &'f str {
    file.text.get(n.byte_range()).unwrap_or("")
}

/// The children that carry meaning: comments (extras) dropped.
pub fn kids<'t>(n: TsNode<'t>) -> Vec<TsNode<'t>> {
    let mut cursor = n.walk();
    n.children(&mut cursor)
        .filter(|c| kind_of(c) != "comment")
        .collect()
}

/// The first child of a kind.
pub fn child<'t>(n: TsNode<'t>, kind: &str) -> Option<TsNode<'t>> {
    let mut cursor = n.walk();
    let found = n.children(&mut cursor).find(|c| kind_of(c) == kind);
    found
}

/// A block's labels (`resource "aws_s3_bucket" "logs"` -> `["aws_s3_bucket", "logs"]`).
pub fn block_labels<'f>(file: &'f SourceFile, block: TsNode<'_>) -> Vec<&'f str> {
    let mut out = Vec::new();
    // A cursor stopping at the first child that is not a label: this runs for every
    // top-level block each time a module is indexed (once per call of a called module).
    let mut cursor = block.walk();
    if !cursor.goto_first_child() {
        return out;
    }
    while cursor.goto_next_sibling() {
        let c = cursor.node();
        match kind_of(c) {
            "string_lit" => out.push(string_lit_raw(file, c)),
            "identifier" => out.push(text(file, c)),
            "comment" => {}
            _ => break,
        }
    }
    out
}

/// A block's type (`resource`, `ingress`, ...).
pub fn block_type<'f>(file: &'f SourceFile, block: TsNode<'_>) -> &'f str {
    block
        .child(0)
        .filter(|c| kind_of(c) == "identifier")
        .map(|c| text(file, c))
        .unwrap_or("")
}

/// From the block's first byte to the end of its last label.
pub fn block_header(file: &SourceFile, block: TsNode<'_>) -> Span {
    let mut end = block.start_byte();
    for c in kids(block) {
        if matches!(kind_of(c), "identifier" | "string_lit") {
            end = c.end_byte();
        } else {
            break;
        }
    }
    file.span(block.start_byte(), end)
}

/// The text between the quotes of a `string_lit`, without unescaping (labels).
pub fn string_lit_raw<'f>(file: &'f SourceFile, n: TsNode<'_>) -> &'f str {
    let (start, end) = quoted_content(n);
    file.text.get(start..end).unwrap_or("")
}

/// Byte range of a quoted string's content: after the opening quote, before the closing one.
pub fn quoted_content(n: TsNode<'_>) -> (usize, usize) {
    // The quotes are the first and last children: looked up by position, as this runs for
    // every string the evaluator reads (a search by kind costs a cursor walk each time).
    let start = n
        .child(0)
        .filter(|c| kind_of(c) == "quoted_template_start")
        .map(|c| c.end_byte())
        .unwrap_or(n.start_byte());
    let end = n
        .child(n.child_count().saturating_sub(1))
        .filter(|c| kind_of(c) == "quoted_template_end" && !c.is_missing())
        .map(|c| c.start_byte())
        .unwrap_or(n.end_byte());
    (start, end.max(start))
}

/// A `body`'s attributes and blocks, looking through ERROR nodes so that constructs which
/// parsed intact next to the damage are still found.
pub fn body_items<'t>(body: TsNode<'t>, out: &mut Vec<TsNode<'t>>, depth: usize) {
    let mut cursor = body.walk();
    for c in body.children(&mut cursor) {
        match kind_of(c) {
            "attribute" | "block" => out.push(c),
            "body" | "ERROR" if depth < 4 => body_items(c, out, depth + 1),
            _ => {}
        }
    }
}

/// The body items of a block (its `body` child).
pub fn block_items<'t>(block: TsNode<'t>) -> Vec<TsNode<'t>> {
    let mut out = Vec::new();
    if let Some(body) = child(block, "body") {
        body_items(body, &mut out, 0);
    }
    out
}

/// An attribute's name and value expression.
pub fn attribute_parts<'t>(n: TsNode<'t>) -> Option<(TsNode<'t>, TsNode<'t>)> {
    let name = n.child(0).filter(|c| kind_of(c) == "identifier")?;
    // `name = value`: the value is the third child unless a comment sits in between.
    let value = n
        .child(2)
        .filter(|c| kind_of(c) == "expression")
        .or_else(|| child(n, "expression"))?;
    Some((name, value))
}

/// One diagnostic per ERROR node and per MISSING node, and one per argument given twice in
/// a body (Terraform's "Duplicate argument" error).
pub fn diagnostics(file: &SourceFile, tree: &Tree, out: &mut Vec<Diagnostic>) {
    let root = tree.root_node();
    if root.has_error() {
        let mut found = Vec::new();
        collect_errors(file, root, &mut found);
        found.dedup();
        out.extend(found);
    }
    duplicate_arguments(file, root, out);
}

/// Arguments given twice in one body. Walks bodies and blocks only, never expressions: a
/// small part of the tree.
fn duplicate_arguments(file: &SourceFile, root: TsNode<'_>, out: &mut Vec<Diagnostic>) {
    let mut found = 0;
    let mut bodies = vec![root];
    let mut seen: std::collections::HashMap<&str, Span> = std::collections::HashMap::new();
    while let Some(body) = bodies.pop() {
        let mut items = Vec::new();
        body_items(body, &mut items, 0);
        seen.clear();
        for item in items {
            if kind_of(item) == "block" {
                if let Some(inner) = child(item, "body") {
                    bodies.push(inner);
                }
                continue;
            }
            let Some((name, _)) = attribute_parts(item) else {
                continue;
            };
            let here = span(file, name);
            if let Some(first) = seen.insert(text(file, name), here) {
                if found < MAX_DIAGNOSTICS_PER_FILE {
                    out.push(Diagnostic::duplicate_key(
                        file,
                        text(file, name),
                        first,
                        here,
                        "Terraform rejects an argument given twice; the later value is analysed",
                    ));
                }
                found += 1;
            }
        }
    }
}

fn collect_errors(file: &SourceFile, root: TsNode<'_>, out: &mut Vec<Diagnostic>) {
    // Iterative walk: a garbage file can nest deeply.
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        if out.len() >= MAX_DIAGNOSTICS_PER_FILE {
            return;
        }
        if n.is_missing() {
            out.push(Diagnostic::new(
                span(file, n),
                format!("syntax error: missing {}", describe_missing(kind_of(n))),
            ));
            continue;
        }
        if n.is_error() {
            out.push(Diagnostic::new(span(file, n), describe_error(file, n)));
            continue;
        }
        if !n.has_error() {
            continue;
        }
        let mut cursor = n.walk();
        let children: Vec<_> = n.children(&mut cursor).collect();
        // Reverse so errors come out in source order.
        stack.extend(children.into_iter().rev());
    }
}

fn describe_missing(kind: &str) -> String {
    match kind {
        "}" | "block_end" | "object_end" | "template_interpolation_end" => "'}'".into(),
        "]" | "tuple_end" => "']'".into(),
        ")" => "')'".into(),
        "quoted_template_end" => "closing '\"'".into(),
        "heredoc_identifier" => "heredoc terminator".into(),
        "identifier" | "expression" | "variable_expr" => "an expression".into(),
        other => format!("'{other}'"),
    }
}

fn describe_error(file: &SourceFile, n: TsNode<'_>) -> String {
    let snippet: String = text(file, n)
        .trim()
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(30)
        .collect();
    if snippet.is_empty() {
        "syntax error: unexpected end of input".into()
    } else {
        format!("syntax error: unexpected `{snippet}`")
    }
}
