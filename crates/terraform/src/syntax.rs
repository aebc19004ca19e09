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

/// Why a file has no tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unparsed {
    /// Parsing was stopped at this byte offset: it took [`PARSE_CPU_LIMIT`], which only
    /// pathological input reaches.
    Stopped(usize),
    /// The parser could not be set up.
    Failed,
}

impl Unparsed {
    /// The located error for a file that has no tree.
    pub fn diagnostic(self, file: &SourceFile) -> Diagnostic {
        match self {
            Unparsed::Stopped(at) => {
                let at = at.min(file.text.len());
                let mut end = (at + 1).min(file.text.len());
                while !file.text.is_char_boundary(end) {
                    end += 1;
                }
                Diagnostic::new(
                    file.span(at, end),
                    format!(
                        "parsing stopped here after {} s of CPU time (pathological syntax); \
                         the file was not analysed",
                        PARSE_CPU_LIMIT.as_secs()
                    ),
                )
            }
            Unparsed::Failed => Diagnostic::new(file.full_span(), "could not parse the file"),
        }
    }
}

/// CPU time one file's parse may take. tree-sitter's error recovery is quadratic on some
/// broken input (`}{` repeated: 4 kB parse in 0.16 s, 40 kB in 15 s); real configurations
/// parse at several MB a second, so a file within the size limit never comes near this.
/// Its own thread's CPU time, not the wall clock, so a loaded machine does not stop a parse
/// a quiet one finishes.
pub const PARSE_CPU_LIMIT: std::time::Duration = std::time::Duration::from_secs(1);

/// Parses HCL within [`PARSE_CPU_LIMIT`]. Exponent numbers without a fraction (`1e3`),
/// valid HCL that tree-sitter-hcl 1.1 rejects, are made digits of the same length first
/// (see [`exponent_fixup`]): offsets stay those of the file, whose text the evaluator reads.
pub fn parse(text: &str) -> Result<Tree, Unparsed> {
    parse_within(text, PARSE_CPU_LIMIT)
}

/// [`parse`] with another CPU time limit.
pub fn parse_within(text: &str, limit: std::time::Duration) -> Result<Tree, Unparsed> {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_hcl::LANGUAGE.into())
        .map_err(|_| Unparsed::Failed)?;
    let fixed = exponent_fixup(text);
    let bytes = fixed.as_deref().unwrap_or(text).as_bytes();
    let clock = CpuClock::start();
    let mut stopped_at = None;
    let mut progress = |state: &tree_sitter::ParseState| {
        if clock.elapsed() > limit {
            stopped_at = Some(state.current_byte_offset());
            return true;
        }
        false
    };
    let options = tree_sitter::ParseOptions::new().progress_callback(&mut progress);
    let tree = parser.parse_with_options(
        &mut |at, _| bytes.get(at..).unwrap_or_default(),
        None,
        Some(options),
    );
    match (tree, stopped_at) {
        (Some(tree), _) => Ok(tree),
        (None, Some(at)) => Err(Unparsed::Stopped(at)),
        (None, None) => Err(Unparsed::Failed),
    }
}

/// CPU time of the calling thread (the wall clock where the platform has no such clock).
struct CpuClock {
    #[cfg(unix)]
    start: std::time::Duration,
    #[cfg(not(unix))]
    start: std::time::Instant,
}

impl CpuClock {
    #[cfg(unix)]
    fn now() -> std::time::Duration {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant.
        let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
        if rc != 0 {
            return std::time::Duration::ZERO;
        }
        std::time::Duration::new(
            ts.tv_sec.max(0) as u64,
            ts.tv_nsec.clamp(0, 999_999_999) as u32,
        )
    }

    #[cfg(unix)]
    fn start() -> CpuClock {
        CpuClock { start: Self::now() }
    }

    #[cfg(unix)]
    fn elapsed(&self) -> std::time::Duration {
        Self::now().saturating_sub(self.start)
    }

    #[cfg(not(unix))]
    fn start() -> CpuClock {
        CpuClock {
            start: std::time::Instant::now(),
        }
    }

    #[cfg(not(unix))]
    fn elapsed(&self) -> std::time::Duration {
        self.start.elapsed()
    }
}

/// tree-sitter-hcl 1.1 reads a number's exponent only after a fraction (`1.5e3`), so
/// `1e3`, `1E+3`, `1e-3` lose the rest of the line, and can swallow the block after them
/// (`e3` becomes the type of a block made of the next lines). Returns the text with the
/// `e`/`E` and sign of every such number replaced by `0` (same length, a number the grammar
/// reads), or `None` when there is none. Only where a number can start: not inside an
/// identifier (`web1e3`, `a-1e3`) nor after a `.` (a fraction or an index).
pub fn exponent_fixup(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    let mut out: Option<Vec<u8>> = None;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let prev = start.checked_sub(1).map(|p| b[p]);
        let before_prev = start.checked_sub(2).map(|p| b[p]);
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let in_word = match prev {
            Some(c) if ident(c) || c == b'.' => true,
            Some(b'-') => before_prev.is_some_and(|c| ident(c) || c == b'-'),
            _ => false,
        };
        if in_word || i >= b.len() || !matches!(b[i], b'e' | b'E') {
            continue;
        }
        let e = i;
        let mut j = e + 1;
        if j < b.len() && matches!(b[j], b'+' | b'-') {
            j += 1;
        }
        let digits = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j == digits || (j < b.len() && (ident(b[j]) || b[j] == b'.')) {
            i = j.max(e + 1);
            continue;
        }
        let o = out.get_or_insert_with(|| b.to_vec());
        o[e..digits].fill(b'0');
        i = j;
    }
    // Only ASCII bytes were replaced by ASCII digits: still UTF-8.
    out.and_then(|o| String::from_utf8(o).ok())
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
        // tree-sitter places its ERROR nodes where recovery ended, often far from the slip:
        // when the lexer names the cause, it is reported at it, and what tree-sitter saw from
        // there on (its consequences) is dropped.
        if let Some(cause) = crate::lexcheck::first_cause(&file.text) {
            let at = cause.start();
            found.retain(|d| (d.span.end as usize) <= at);
            let mut end = at + 1;
            while !file.text.is_char_boundary(end) {
                end += 1;
            }
            found.push(Diagnostic::new(file.span(at, end), cause.message()));
        }
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
