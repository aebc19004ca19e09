//! The evaluator: HCL expressions to [`Node`]s with spans and provenance.
//!
//! Evaluation is lazy: only attributes the adapters ask for are evaluated, and variables,
//! locals and policy-document data sources are evaluated on first use and cached. Depth,
//! collection sizes and total work ("fuel") are bounded so explosive input stays fast;
//! whatever exceeds a bound is unknown, which never fires (invariant 3).

use crate::json::{self, SpanMap, MARKER_BASE, MARKER_LIMIT};
use crate::syntax::{self, attribute_parts, block_items, block_labels, block_type, kids, span};
use palisade_model::node::{format_number, MapKey};
use palisade_model::{Node, NodeKind, Provenance, Reference, Span, StrPart};
use palisade_source::SourceFile;
use std::collections::HashMap;
use tree_sitter::Node as TsNode;

/// Top-level arguments and blocks of a resource that no adapter reads: tags and Terraform's
/// meta-arguments. Registry modules compute tags on every resource (`merge(var.tags, …)`),
/// so leaving them out saves a good share of the evaluation of every module call.
pub const UNREAD_RESOURCE_ARGUMENTS: &[&str] = &[
    "tags",
    "tags_all",
    "depends_on",
    "lifecycle",
    "provider",
    "provisioner",
    "connection",
    "timeouts",
];

/// Recursion bound for nested expressions, locals and data sources.
const MAX_DEPTH: u32 = 64;
/// Largest collection an expression may build (for-expressions, concat, split, ...).
pub const MAX_ITEMS: usize = 4096;
/// Largest string a function may build.
const MAX_STRING: usize = 1 << 20;

/// A block of the module with the file it is in.
#[derive(Clone, Copy)]
pub struct BlockRef<'t> {
    pub file: &'t SourceFile,
    pub node: TsNode<'t>,
    pub kind: &'t str,
    pub name: &'t str,
}

/// What the module declares, by name.
#[derive(Default)]
pub struct Index<'t> {
    /// Variable name -> (file, `variable` block).
    pub variables: HashMap<&'t str, (&'t SourceFile, TsNode<'t>)>,
    /// Local name -> (file, expression).
    pub locals: HashMap<&'t str, (&'t SourceFile, TsNode<'t>)>,
    pub resources: Vec<BlockRef<'t>>,
    /// `data "aws_iam_policy_document"` blocks by name.
    pub policy_docs: HashMap<&'t str, BlockRef<'t>>,
    /// Further blocks of a name declared before (which Terraform rejects, as in a directory
    /// of copied examples): each is still judged on its own, never referenced.
    pub policy_doc_repeats: Vec<BlockRef<'t>>,
    /// Names of policy documents in declaration order (deterministic output).
    pub policy_doc_order: Vec<&'t str>,
    /// `module "NAME"` calls by name, and their names in declaration order.
    pub module_calls: HashMap<&'t str, BlockRef<'t>>,
    pub module_order: Vec<&'t str>,
    /// Every `module` block in source order, a name declared twice (which Terraform rejects,
    /// as in a directory of copied examples) included: registry modules whose resources are
    /// known are adapted from each declaration.
    pub module_blocks: Vec<BlockRef<'t>>,
    /// `output "NAME" { value = ... }`: name, file, `output` block.
    pub outputs: Vec<(&'t str, &'t SourceFile, TsNode<'t>)>,
    /// `data "aws_kms_alias"` and `data "aws_kms_key"` blocks: (type, name, block). A key
    /// looked up by an AWS-managed alias (`alias/aws/s3`) is that AWS-managed key.
    pub kms_data: Vec<BlockRef<'t>>,
}

/// What a module evaluation shares with the modules it calls.
pub struct ModuleEnv<'t> {
    /// Reads the files of another module directory; `None`: local modules are not followed.
    pub loader: Option<&'t dyn crate::ModuleLoader>,
    /// Directories of the modules on the way here, the root first (cycle detection).
    pub chain: Vec<String>,
    /// Module instances still allowed in this root (explosive nesting stays bounded).
    pub budget: &'t std::cell::Cell<usize>,
    /// `path.root`.
    pub root_dir: String,
    /// Evaluation work left for all called modules of this root together. A big module
    /// called from many small roots (every example of a repository) would otherwise cost its
    /// full evaluation per call; past this, module values are unknown, which never fires.
    pub fuel: &'t std::cell::Cell<u64>,
    /// Address prefix of the module being evaluated (`module.a.module.b["k"].`; empty for
    /// the root module).
    pub prefix: String,
}

/// Evaluation work all module calls of one root may spend together (see [`ModuleEnv::fuel`]).
pub const MODULE_FUEL: u64 = 300_000;

/// Deepest chain of nested module calls followed.
const MAX_MODULE_DEPTH: usize = 16;

/// Arguments of a `module` block that are Terraform's, not input variables.
const MODULE_META: &[&str] = &[
    "source",
    "version",
    "count",
    "for_each",
    "providers",
    "depends_on",
];

enum Slot {
    Busy,
    Done(Node),
}

/// A template as a sequence of literal text and interpolated values.
enum Seg {
    /// Text with the file offset of each byte (empty when offsets were not asked for).
    Text(String, Vec<u32>),
    /// An interpolated value and the span of its `${...}` (or directive).
    Value(Node, Span),
}

pub struct Eval<'t> {
    pub ix: &'t Index<'t>,
    pub tfvars: HashMap<String, Node>,
    /// Variables whose value came from `--var`: it has no file, so no definition site.
    pub cli_vars: std::collections::HashSet<String>,
    locals: HashMap<&'t str, Slot>,
    /// Evaluated variable defaults; `None` for a variable without one.
    defaults: HashMap<&'t str, Option<Node>>,
    /// Documents by data source name and instance suffix.
    docs: HashMap<(&'t str, String), Slot>,
    doc_instances: HashMap<&'t str, Vec<Instance>>,
    /// Spans of documents read as `source_policy_documents`/`override_policy_documents` (or
    /// `source_json`/`override_json`) of another document: where they were used and where
    /// they were defined.
    pub fed_docs: std::collections::BTreeSet<Span>,
    /// Names in scope: for-expression variables, `count`/`each` of the instance being
    /// evaluated, dynamic-block iterators. The flag asks for relocation to the use site:
    /// values of `each.value` or an iterator are written elsewhere (a collection), and a
    /// finding must point into the resource, naming the definition.
    scopes: Vec<(&'t str, Node, bool)>,
    depth: u32,
    pub fuel: u64,
    /// Directory of the module, as `path.module` / `path.root` / `path.cwd` give it.
    pub module_dir: String,
    /// Notes about partial analysis (expansions cut at [`MAX_INSTANCES`]), module cycles,
    /// and diagnostics of called modules' files.
    pub notes: Vec<palisade_source::Diagnostic>,
    /// Input variables bound by the caller when this is a called module.
    pub module_inputs: HashMap<String, Node>,
    pub env: Option<&'t ModuleEnv<'t>>,
    /// Module calls evaluated so far: the value `module.NAME` stands for (outputs).
    modules: HashMap<&'t str, Slot>,
    /// Resources of called modules, addresses already prefixed with `module.NAME.`, with the
    /// links and S3 encryption configurations left for the root to resolve.
    pub module_models: Vec<(palisade_model::Model, crate::adapt::Unresolved)>,
    /// Module calls followed and values known, this module's and its called modules'.
    pub stats: palisade_model::EvalStats,
}

/// Most instances one `count` / `for_each` (or one `dynamic` block) expands to; the rest is
/// not analysed and a note says so. Real configurations stay far below this.
pub const MAX_INSTANCES: usize = 1000;

/// Which instance of a counted or iterated block.
#[derive(Clone, Debug, PartialEq)]
pub enum InstanceKey {
    /// No `count` / `for_each`, or one whose value is unknown: the block stands for itself.
    None,
    Index(usize),
    Name(String),
}

impl InstanceKey {
    /// The address suffix: `[0]`, `["key"]`, or nothing.
    pub fn suffix(&self) -> String {
        match self {
            InstanceKey::None => String::new(),
            InstanceKey::Index(i) => format!("[{i}]"),
            InstanceKey::Name(k) => format!("[{k:?}]"),
        }
    }

    /// Whether an index written in a reference (`x[0]`, `x["k"]`) selects this instance.
    fn matches(&self, key: &Node) -> Option<bool> {
        match self {
            InstanceKey::None => Some(true),
            InstanceKey::Index(i) => number(key).map(|n| n == *i as f64),
            InstanceKey::Name(k) => scalar_text(key).map(|s| s == *k),
        }
    }
}

/// One instance of a resource or data block: its key and what `count` / `each` mean in it.
#[derive(Clone, Debug)]
pub struct Instance {
    pub key: InstanceKey,
    /// `("count", {index})` or `("each", {key, value})`; unknown inside when the collection
    /// is unknown; `None` without `count` / `for_each`.
    binding: Option<(&'static str, Node)>,
}

fn unknown(span: Span) -> Node {
    Node::unknown(span)
}

fn string_node(s: String, span: Span, provenance: Provenance) -> Node {
    Node::new(NodeKind::String(s), span, provenance)
}

/// An object with fixed keys (the `count` / `each` / iterator objects).
fn map_node(entries: Vec<(&str, Node)>, span: Span) -> Node {
    let entries = entries
        .into_iter()
        .map(|(k, v)| {
            (
                MapKey {
                    name: k.to_string(),
                    span,
                },
                v,
            )
        })
        .collect();
    Node::new(NodeKind::Map(entries), span, Provenance::Derived)
}

/// Moves a value to its use site: every node's span becomes `use_span`, and `defined_at`
/// remembers where it was written (the innermost definition wins).
pub fn relocate(node: &mut Node, use_span: Span, provenance: fn(Provenance) -> Provenance) {
    if node.defined_at.is_none() && node.span != use_span {
        node.defined_at = Some(node.span);
    }
    node.span = use_span;
    node.provenance = provenance(node.provenance);
    match &mut node.kind {
        NodeKind::List(items) => {
            for i in items {
                relocate(i, use_span, provenance);
            }
        }
        NodeKind::Map(entries) => {
            for (k, v) in entries {
                k.span = use_span;
                relocate(v, use_span, provenance);
            }
        }
        NodeKind::Conditional {
            when_true,
            when_false,
            ..
        } => {
            relocate(when_true, use_span, provenance);
            relocate(when_false, use_span, provenance);
        }
        _ => {}
    }
}

/// Drops definition sites (a `--var` value was written on no file).
fn forget_definition(node: &mut Node) {
    node.defined_at = None;
    match &mut node.kind {
        NodeKind::List(items) => items.iter_mut().for_each(forget_definition),
        NodeKind::Map(entries) => entries.iter_mut().for_each(|(_, v)| forget_definition(v)),
        NodeKind::Conditional {
            when_true,
            when_false,
            ..
        } => {
            forget_definition(when_true);
            forget_definition(when_false);
        }
        _ => {}
    }
}

#[cfg(test)]
fn restore(node: &mut Node) {
    if let Some(d) = node.defined_at.take() {
        node.span = d;
    }
    match &mut node.kind {
        NodeKind::List(items) => items.iter_mut().for_each(restore),
        NodeKind::Map(entries) => entries.iter_mut().for_each(|(_, v)| restore(v)),
        NodeKind::Conditional {
            when_true,
            when_false,
            ..
        } => {
            restore(when_true);
            restore(when_false);
        }
        _ => {}
    }
}

fn as_default(_: Provenance) -> Provenance {
    Provenance::Default
}

fn as_derived(_: Provenance) -> Provenance {
    Provenance::Derived
}

/// Through a local, a literal becomes derived; a variable default stays a default.
fn through_local(p: Provenance) -> Provenance {
    match p {
        Provenance::Literal | Provenance::Omitted => Provenance::Derived,
        other => other,
    }
}

/// Scalars as template text; `None` for anything that is not a known scalar.
fn scalar_text(node: &Node) -> Option<String> {
    match &node.kind {
        NodeKind::String(s) => Some(s.clone()),
        NodeKind::Number(n) => Some(format_number(*n)),
        NodeKind::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn truthy(node: &Node) -> Option<bool> {
    match &node.kind {
        NodeKind::Bool(b) => Some(*b),
        NodeKind::String(s) if s == "true" => Some(true),
        NodeKind::String(s) if s == "false" => Some(false),
        _ => None,
    }
}

fn number(node: &Node) -> Option<f64> {
    match &node.kind {
        NodeKind::Number(n) => Some(*n),
        NodeKind::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Structural equality of known values, ignoring spans; `None` when either side is not fully
/// known.
fn known_eq(a: &Node, b: &Node) -> Option<bool> {
    match (&a.kind, &b.kind) {
        (NodeKind::Null, NodeKind::Null) => Some(true),
        (NodeKind::String(x), NodeKind::String(y)) => Some(x == y),
        (NodeKind::Number(x), NodeKind::Number(y)) => Some(x == y),
        (NodeKind::Bool(x), NodeKind::Bool(y)) => Some(x == y),
        (NodeKind::List(x), NodeKind::List(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            for (i, j) in x.iter().zip(y) {
                if !known_eq(i, j)? {
                    return Some(false);
                }
            }
            Some(true)
        }
        (NodeKind::Map(x), NodeKind::Map(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            for (k, v) in x {
                match b.get(&k.name) {
                    Some(w) => {
                        if !known_eq(v, w)? {
                            return Some(false);
                        }
                    }
                    None => return Some(false),
                }
            }
            Some(true)
        }
        (
            NodeKind::Unknown
            | NodeKind::Reference(_)
            | NodeKind::Partial(_)
            | NodeKind::Conditional { .. },
            _,
        )
        | (
            _,
            NodeKind::Unknown
            | NodeKind::Reference(_)
            | NodeKind::Partial(_)
            | NodeKind::Conditional { .. },
        ) => None,
        // Terraform converts between string, number and bool for comparison only when types
        // match; different kinds compare unequal.
        _ => Some(false),
    }
}

/// Text of a condition for messages, shortened.
fn condition_text(file: &SourceFile, n: TsNode<'_>) -> String {
    let t = syntax::text(file, n)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if t.chars().count() > 80 {
        let mut s: String = t.chars().take(77).collect();
        s.push_str("...");
        s
    } else {
        t
    }
}

/// Unescapes a quoted-template literal chunk (`\n`, `\"`, `\uXXXX`, `$${`, `%%{`), pushing a
/// file offset per output byte when `offsets` is given.
fn unescape(
    raw: &str,
    base: usize,
    quoted: bool,
    out: &mut String,
    offsets: Option<&mut Vec<u32>>,
) {
    let mut offs = offsets;
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        let start = i;
        let mut push = |s: &str, out: &mut String| {
            out.push_str(s);
            if let Some(o) = offs.as_deref_mut() {
                o.extend(std::iter::repeat_n((base + start) as u32, s.len()));
            }
        };
        let b = bytes.get(i).copied().unwrap_or(0);
        if quoted && b == b'\\' {
            let e = bytes.get(i + 1).copied().unwrap_or(0);
            let (s, len): (String, usize) = match e {
                b'n' => ("\n".into(), 2),
                b't' => ("\t".into(), 2),
                b'r' => ("\r".into(), 2),
                b'"' => ("\"".into(), 2),
                b'\\' => ("\\".into(), 2),
                b'u' | b'U' => {
                    let n = if e == b'u' { 4 } else { 8 };
                    match raw
                        .get(i + 2..i + 2 + n)
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32)
                    {
                        Some(c) => (c.to_string(), 2 + n),
                        None => ("\\".into(), 1),
                    }
                }
                _ => ("\\".into(), 1),
            };
            push(&s, out);
            i += len;
            continue;
        }
        if (b == b'$' || b == b'%')
            && raw
                .get(i + 1..i + 3)
                .is_some_and(|r| r.as_bytes() == [b, b'{'])
        {
            let s = if b == b'$' { "${" } else { "%{" };
            push(s, out);
            i += 3;
            continue;
        }
        let ch = raw
            .get(i..)
            .and_then(|r| r.chars().next())
            .unwrap_or('\u{FFFD}');
        let mut buf = [0u8; 4];
        push(ch.encode_utf8(&mut buf), out);
        i += ch.len_utf8().max(1);
    }
}

impl<'t> Eval<'t> {
    pub fn new(ix: &'t Index<'t>, total_bytes: usize) -> Eval<'t> {
        Eval {
            ix,
            tfvars: HashMap::new(),
            cli_vars: std::collections::HashSet::new(),
            locals: HashMap::new(),
            defaults: HashMap::new(),
            docs: HashMap::new(),
            doc_instances: HashMap::new(),
            fed_docs: std::collections::BTreeSet::new(),
            scopes: Vec::new(),
            module_dir: ".".to_string(),
            notes: Vec::new(),
            module_inputs: HashMap::new(),
            env: None,
            modules: HashMap::new(),
            module_models: Vec::new(),
            stats: palisade_model::EvalStats::default(),
            depth: 0,
            // Linear in the input: generous for real code, a hard stop for explosive input.
            fuel: 2_000_000 + 64 * total_bytes as u64,
        }
    }

    /// The address prefix of this module's resources (see [`ModuleEnv::prefix`]).
    pub fn address_prefix(&self) -> &str {
        self.env.map(|e| e.prefix.as_str()).unwrap_or("")
    }

    /// Pays for reusing a value (a variable, local or loop variable is copied at each use):
    /// nested reuse can multiply sizes, so copies draw from the same fuel as evaluation.
    fn charge(&mut self, v: Node, sp: Span) -> Node {
        fn size(n: &Node, budget: u64) -> u64 {
            let mut total = 1u64;
            let children: Box<dyn Iterator<Item = &Node>> = match &n.kind {
                NodeKind::List(items) => Box::new(items.iter()),
                NodeKind::Map(entries) => Box::new(entries.iter().map(|(_, v)| v)),
                NodeKind::Conditional {
                    when_true,
                    when_false,
                    ..
                } => Box::new([when_true.as_ref(), when_false.as_ref()].into_iter()),
                _ => Box::new(std::iter::empty()),
            };
            for c in children {
                if total > budget {
                    break;
                }
                total += size(c, budget - total);
            }
            total
        }
        let cost = size(&v, self.fuel);
        if cost > self.fuel {
            self.fuel = 0;
            return unknown(sp);
        }
        self.fuel -= cost;
        v
    }

    /// Evaluates an expression node (or any expression-like node).
    pub fn expr(&mut self, f: &'t SourceFile, n: TsNode<'t>) -> Node {
        let sp = span(f, n);
        if self.depth >= MAX_DEPTH || self.fuel == 0 {
            return unknown(sp);
        }
        self.fuel -= 1;
        self.depth += 1;
        let r = match syntax::kind_of(n) {
            "expression" => {
                let k = kids(n);
                match k.first() {
                    Some(c) if syntax::kind_of(c) == "conditional" && k.len() == 1 => {
                        self.conditional(f, *c)
                    }
                    _ => self.term(f, &k, sp),
                }
            }
            "conditional" => self.conditional(f, n),
            _ => self.term(f, &[n], sp),
        };
        self.depth -= 1;
        r
    }

    fn conditional(&mut self, f: &'t SourceFile, n: TsNode<'t>) -> Node {
        let sp = span(f, n);
        let parts: Vec<TsNode<'t>> = kids(n)
            .into_iter()
            .filter(|c| syntax::kind_of(c) == "expression")
            .collect();
        let [c, a, b] = parts[..] else {
            return unknown(sp);
        };
        let cond = self.expr(f, c);
        match truthy(&cond) {
            Some(true) => self.expr(f, a),
            Some(false) => self.expr(f, b),
            None => {
                let when_true = self.expr(f, a);
                let when_false = self.expr(f, b);
                // Both branches alike: the condition does not matter. Collapsing here also keeps
                // chains of conditionals over the previous value linear instead of doubling.
                if when_true.kind == when_false.kind {
                    return when_true;
                }
                // Conditionals nested deeper than this carry too many combinations to be
                // useful in a message; treat the value as unknown rather than grow it.
                if conditional_depth(&when_true).max(conditional_depth(&when_false))
                    >= MAX_CONDITIONAL_NESTING
                {
                    return unknown(sp);
                }
                Node::new(
                    NodeKind::Conditional {
                        condition: condition_text(f, c),
                        when_true: Box::new(when_true),
                        when_false: Box::new(when_false),
                    },
                    sp,
                    Provenance::Derived,
                )
            }
        }
    }

    /// A primary term followed by postfix operators.
    fn term(&mut self, f: &'t SourceFile, k: &[TsNode<'t>], sp: Span) -> Node {
        let Some(first) = k.first() else {
            return unknown(sp);
        };
        match syntax::kind_of(first) {
            "(" => {
                let close = k
                    .iter()
                    .position(|c| syntax::kind_of(c) == ")")
                    .unwrap_or(k.len());
                let inner = k.get(1).copied();
                let v = match inner {
                    Some(e) if syntax::kind_of(e) == "expression" => self.expr(f, e),
                    _ => unknown(sp),
                };
                let rest = k.get(close + 1..).unwrap_or(&[]);
                self.postfix(f, v, rest)
            }
            "variable_expr" => self.traversal(f, k, sp),
            // The grammar attaches postfixes after an operation to the whole operation
            // (`a == var.x` parses as `(a == var).x`); they belong to its last operand.
            "operation" => self.operation(f, *first, k.get(1..).unwrap_or(&[])),
            _ => {
                let v = self.primary(f, *first);
                self.postfix(f, v, k.get(1..).unwrap_or(&[]))
            }
        }
    }

    fn primary(&mut self, f: &'t SourceFile, n: TsNode<'t>) -> Node {
        let sp = span(f, n);
        match syntax::kind_of(n) {
            "expression" | "conditional" => self.expr(f, n),
            "literal_value" => match n.named_child(0) {
                Some(c) => self.literal(f, c),
                None => unknown(sp),
            },
            "template_expr" => match n.named_child(0) {
                Some(c) => self.template_node(f, c),
                None => unknown(sp),
            },
            "collection_value" => match n.named_child(0) {
                Some(c) if syntax::kind_of(c) == "tuple" => self.tuple(f, c),
                Some(c) if syntax::kind_of(c) == "object" => self.object(f, c),
                _ => unknown(sp),
            },
            "function_call" => self.call(f, n),
            "for_expr" => match n.named_child(0) {
                Some(c) => self.for_expr(f, c),
                None => unknown(sp),
            },
            "operation" => self.operation(f, n, &[]),
            "tuple" => self.tuple(f, n),
            "object" => self.object(f, n),
            "quoted_template" | "heredoc_template" => self.template_node(f, n),
            _ => unknown(sp),
        }
    }

    fn literal(&mut self, f: &'t SourceFile, n: TsNode<'t>) -> Node {
        let sp = span(f, n);
        let t = syntax::text(f, n);
        let kind = match syntax::kind_of(n) {
            "numeric_lit" => {
                let parsed = if let Some(hex) = t.strip_prefix("0x") {
                    i64::from_str_radix(hex, 16).ok().map(|v| v as f64)
                } else {
                    t.parse::<f64>().ok()
                };
                match parsed {
                    Some(v) => NodeKind::Number(v),
                    None => NodeKind::Unknown,
                }
            }
            "bool_lit" => NodeKind::Bool(t == "true"),
            "null_lit" => NodeKind::Null,
            "string_lit" => {
                let (s, e) = syntax::quoted_content(n);
                let mut out = String::new();
                unescape(f.text.get(s..e).unwrap_or(""), s, true, &mut out, None);
                NodeKind::String(out)
            }
            _ => NodeKind::Unknown,
        };
        Node::literal(kind, sp)
    }

    fn tuple(&mut self, f: &'t SourceFile, n: TsNode<'t>) -> Node {
        let sp = span(f, n);
        let mut items = Vec::new();
        for c in kids(n) {
            if syntax::kind_of(c) == "expression" {
                if items.len() >= MAX_ITEMS {
                    return unknown(sp);
                }
                items.push(self.expr(f, c));
            }
        }
        Node::literal(NodeKind::List(items), sp)
    }

    /// An object key: a bare identifier is its own name; anything else is evaluated.
    fn object_key(&mut self, f: &'t SourceFile, key: TsNode<'t>) -> Option<String> {
        let k = kids(key);
        if let [only] = k[..] {
            if syntax::kind_of(only) == "variable_expr" {
                return Some(syntax::text(f, only).to_string());
            }
        }
        let v = self.expr(f, key);
        // A key with an unknown piece and known text (`"${local.issuer}:sub"`) keeps its
        // known text: a web-identity condition is still recognisable by its `:sub`.
        scalar_text(&v).or_else(|| v.key_text())
    }

    fn object(&mut self, f: &'t SourceFile, n: TsNode<'t>) -> Node {
        let sp = span(f, n);
        let mut entries: Vec<(MapKey, Node)> = Vec::new();
        for elem in kids(n) {
            if syntax::kind_of(elem) != "object_elem" {
                continue;
            }
            let (Some(key), Some(val)) = (
                elem.child_by_field_name("key"),
                elem.child_by_field_name("val"),
            ) else {
                continue;
            };
            if entries.len() >= MAX_ITEMS {
                return unknown(sp);
            }
            let Some(name) = self.object_key(f, key) else {
                // A key we cannot know hides an entry a check might need.
                return unknown(sp);
            };
            let value = self.expr(f, val);
            let mk = MapKey {
                name,
                span: span(f, key),
            };
            // Later keys win, as in Terraform (which accepts a key given twice silently).
            if let Some(pos) = entries.iter().position(|(k, _)| k.name == mk.name) {
                let (earlier, _) = entries.remove(pos);
                self.report_once(palisade_source::Diagnostic::duplicate_key(
                    f,
                    &mk.name,
                    earlier.span,
                    mk.span,
                    "Terraform keeps the later value, which is analysed",
                ));
            }
            entries.push((mk, value));
        }
        Node::literal(NodeKind::Map(entries), sp)
    }

    // ----- references --------------------------------------------------------------------

    fn traversal(&mut self, f: &'t SourceFile, k: &[TsNode<'t>], sp: Span) -> Node {
        let Some(root) = k.first() else {
            return unknown(sp);
        };
        let root_name = syntax::text(f, *root);
        let attr_name = |i: usize| -> Option<&'t str> {
            let c = k.get(i)?;
            if syntax::kind_of(c) != "get_attr" {
                return None;
            }
            c.named_child(0).map(|id| syntax::text(f, id))
        };
        // The span of the first `n` parts: the use site of `var.x`, `local.y`.
        let prefix_span = |n: usize| -> Span {
            match k.get(n.saturating_sub(1)) {
                Some(last) => f.span(root.start_byte(), last.end_byte()),
                None => sp,
            }
        };
        if let Some(pos) = self
            .scopes
            .iter()
            .rposition(|(name, _, _)| *name == root_name)
        {
            let (v, moves) = match self.scopes.get(pos).map(|s| (s.1.clone(), s.2)) {
                Some((v, moves)) => (self.charge(v, sp), moves),
                None => (unknown(sp), false),
            };
            let mut v = self.postfix(f, v, k.get(1..).unwrap_or(&[]));
            if moves {
                relocate(&mut v, sp, through_local);
            }
            return v;
        }
        match root_name {
            // The grammar may read a keyword literal as a variable name.
            "true" | "false" | "null" if k.len() == 1 => {
                let kind = match root_name {
                    "true" => NodeKind::Bool(true),
                    "false" => NodeKind::Bool(false),
                    _ => NodeKind::Null,
                };
                Node::literal(kind, sp)
            }
            "var" => {
                let Some(name) = attr_name(1) else {
                    return unknown(sp);
                };
                self.variable_path(f, name, prefix_span(2), k.get(2..).unwrap_or(&[]))
            }
            "local" => {
                let Some(name) = attr_name(1) else {
                    return unknown(sp);
                };
                let v = self.local(name, prefix_span(2));
                self.postfix(f, v, k.get(2..).unwrap_or(&[]))
            }
            "data" => {
                let (Some(ty), Some(name)) = (attr_name(1), attr_name(2)) else {
                    return unknown(sp);
                };
                // `data.x.name[0].json`, `data.x.name["k"].json`: the index picks the instance.
                let mut i = 3;
                let mut key = None;
                while let Some(c) = k.get(i).copied().filter(|c| syntax::kind_of(c) == "index") {
                    let kv = self.index_key(f, c);
                    key.get_or_insert(kv);
                    i += 1;
                }
                match attr_name(i) {
                    Some("json" | "minified_json") if ty == "aws_iam_policy_document" => {
                        let v = self.policy_doc_ref(name, key.as_ref(), sp);
                        self.postfix(f, v, k.get(i + 1..).unwrap_or(&[]))
                    }
                    Some("arn" | "id" | "target_key_arn" | "target_key_id" | "key_id")
                        if k.len() == i + 1 && matches!(ty, "aws_kms_alias" | "aws_kms_key") =>
                    {
                        self.aws_managed_key(ty, name, sp)
                            .unwrap_or_else(|| unknown(sp))
                    }
                    // The canonical user CloudFront delivers standard logs as: one fixed id in
                    // the commercial partition (the data source's documented value), so a
                    // bucket's grant to it is recognisable.
                    Some("id") if ty == "aws_cloudfront_log_delivery_canonical_user_id" => {
                        string_node(
                            palisade_model::s3::CLOUDFRONT_LOG_DELIVERY_CANONICAL_ID.into(),
                            sp,
                            Provenance::Derived,
                        )
                    }
                    _ => unknown(sp),
                }
            }
            "path" => match attr_name(1) {
                Some(which @ ("module" | "root" | "cwd")) => {
                    let dir = match (which, self.env) {
                        ("module", _) | (_, None) => self.module_dir.clone(),
                        (_, Some(env)) => env.root_dir.clone(),
                    };
                    let v = string_node(dir, prefix_span(2), Provenance::Derived);
                    self.postfix(f, v, k.get(2..).unwrap_or(&[]))
                }
                _ => unknown(sp),
            },
            // Palisade reads configurations as they are written: the default workspace.
            "terraform" => match attr_name(1) {
                Some("workspace") => {
                    let v = string_node("default".into(), prefix_span(2), Provenance::Derived);
                    self.postfix(f, v, k.get(2..).unwrap_or(&[]))
                }
                _ => unknown(sp),
            },
            // Outside an expanded block (no binding in scope), and for what needs a plan or
            // other modules: unknown.
            "module" => {
                let Some(name) = attr_name(1) else {
                    return unknown(sp);
                };
                let v = self.module_value(name, prefix_span(2));
                let mut v = self.postfix(f, v, k.get(2..).unwrap_or(&[]));
                // An output used here: the finding points here and names the output.
                relocate(&mut v, sp, through_local);
                v
            }
            "count" | "each" | "self" | "ephemeral" => unknown(sp),
            _ => {
                let Some(name) = attr_name(1) else {
                    return unknown(sp);
                };
                // `aws_x.name.attr`, `aws_x.name[0].attr`: a reference to a resource; a known
                // index names the instance (`aws_x.name["k"]`), as its address does.
                let mut target = format!("{}{root_name}.{name}", self.address_prefix());
                let mut suffix = String::new();
                let mut all_known = true;
                let mut i = 2;
                while let Some(c) = k.get(i).copied().filter(|c| syntax::kind_of(c) == "index") {
                    let kv = self.index_key(f, c);
                    match &kv.kind {
                        NodeKind::Number(n) if *n >= 0.0 && n.fract() == 0.0 => {
                            suffix.push_str(&InstanceKey::Index(*n as usize).suffix())
                        }
                        NodeKind::String(s) => {
                            suffix.push_str(&InstanceKey::Name(s.clone()).suffix())
                        }
                        _ => all_known = false,
                    }
                    i += 1;
                }
                // An unknown index keeps the bare address: it still names the resource when
                // that is not expanded (an unknown count keeps one instance).
                if all_known {
                    target.push_str(&suffix);
                }
                let attribute = attr_name(i).map(str::to_string);
                let end = if attribute.is_some() { i + 1 } else { i };
                if end < k.len() {
                    // Deeper paths (`.versioning[0].enabled`) or splats: computed, unknown.
                    return unknown(sp);
                }
                Node::new(
                    NodeKind::Reference(Reference { target, attribute }),
                    sp,
                    Provenance::Derived,
                )
            }
        }
    }

    /// A key of `data "aws_kms_alias"` (by `name`) or `data "aws_kms_key"` (by `key_id`)
    /// that is an AWS-managed alias written as a literal (`alias/aws/s3`, or its ARN): the
    /// AWS-managed key, as its alias (whatever attribute is read, it names that key), located
    /// at the use and defined at the alias. Any other lookup is unknown.
    fn aws_managed_key(&mut self, ty: &str, name: &str, sp: Span) -> Option<Node> {
        let block = *self
            .ix
            .kms_data
            .iter()
            .find(|b| b.kind == ty && b.name == name)?;
        let by = if ty == "aws_kms_alias" {
            "name"
        } else {
            "key_id"
        };
        let expr = attribute_value(block.file, block.node, by)?;
        let v = self.expr(block.file, expr);
        let alias = v.as_str()?.trim();
        if !(alias.starts_with("alias/aws/") || alias.contains(":alias/aws/")) {
            return None;
        }
        let tail = alias.find("alias/aws/").map(|at| &alias[at..])?;
        let mut n = string_node(tail.to_string(), sp, Provenance::Derived);
        n.defined_at = Some(v.span);
        Some(n)
    }

    /// `var.NAME` followed by the postfix operations `ops`. Leading attribute and index steps
    /// are taken inside the stored value before anything is copied: reading one entry of a
    /// big map (`var.rules[var.names[count.index]][0]`, once per instance and per module
    /// call) must not copy, relocate and pay for the whole map each time. The result is the
    /// same as [`Eval::variable`] followed by [`Eval::postfix`].
    fn variable_path(
        &mut self,
        f: &'t SourceFile,
        name: &'t str,
        use_span: Span,
        ops: &[TsNode<'t>],
    ) -> Node {
        enum Step<'a> {
            Attr(&'a str),
            Key(Node),
        }
        let mut steps = Vec::new();
        for op in ops {
            match syntax::kind_of(op) {
                "get_attr" => {
                    let attr = op.named_child(0).map(|c| syntax::text(f, c)).unwrap_or("");
                    steps.push((Step::Attr(attr), span(f, *op)));
                }
                "index" => {
                    let key = self.index_key(f, *op);
                    steps.push((Step::Key(key), span(f, *op)));
                }
                _ => break,
            }
        }
        // A `--var` value was written in no file: it names no definition.
        let forget = self.tfvars.contains_key(name) && self.cli_vars.contains(name);
        let (root, provenance): (&Node, fn(Provenance) -> Provenance) =
            if let Some(v) = self.tfvars.get(name) {
                (v, as_derived)
            } else if let Some(v) = self.module_inputs.get(name) {
                (v, through_local)
            } else {
                // A default is evaluated once, then read in place like the others.
                if !self.defaults.contains_key(name) {
                    let _ = self.variable(name, use_span);
                }
                match self.defaults.get(name) {
                    Some(Some(v)) => (v, as_default),
                    _ => {
                        let v = unknown(use_span);
                        return self.postfix(f, v, ops);
                    }
                }
            };
        let mut cur = root;
        let mut taken = 0;
        for (step, _) in &steps {
            let next = match (&cur.kind, step) {
                (NodeKind::Map(entries), Step::Attr(a)) => {
                    entries.iter().find(|(k, _)| k.name == *a).map(|e| &e.1)
                }
                (NodeKind::Map(entries), Step::Key(key)) => scalar_text(key)
                    .and_then(|k| entries.iter().find(|(e, _)| e.name == k))
                    .map(|e| &e.1),
                (NodeKind::List(items), Step::Key(key)) => match number(key) {
                    Some(i) if i >= 0.0 && i.fract() == 0.0 => items.get(i as usize),
                    _ => None,
                },
                _ => None,
            };
            match next {
                Some(n) => {
                    cur = n;
                    taken += 1;
                }
                None => break,
            }
        }
        let v = cur.clone();
        let mut v = self.charge(v, use_span);
        relocate(&mut v, use_span, provenance);
        if forget {
            forget_definition(&mut v);
        }
        let consumed = steps.len();
        for (step, sp) in steps.drain(taken..) {
            v = match step {
                Step::Attr(a) => get_attr(v, a, sp),
                Step::Key(key) => index(v, &key, sp),
            };
        }
        self.postfix(f, v, ops.get(consumed..).unwrap_or(&[]))
    }

    fn variable(&mut self, name: &'t str, use_span: Span) -> Node {
        if let Some(v) = self.tfvars.get(name).cloned() {
            let mut v = self.charge(v, use_span);
            relocate(&mut v, use_span, as_derived);
            if self.cli_vars.contains(name) {
                forget_definition(&mut v);
            }
            return v;
        }
        if let Some(v) = self.module_inputs.get(name).cloned() {
            // Bound by the caller: a literal argument becomes derived, a default stays one.
            let mut v = self.charge(v, use_span);
            relocate(&mut v, use_span, through_local);
            return v;
        }
        let mut v = match self.defaults.get(name).cloned() {
            Some(Some(v)) => self.charge(v, use_span),
            Some(None) => return unknown(use_span),
            None => {
                let Some((file, block)) = self.ix.variables.get(name).copied() else {
                    return unknown(use_span);
                };
                let Some(default) = attribute_value(file, block, "default") else {
                    self.defaults.insert(name, None);
                    return unknown(use_span);
                };
                let saved = std::mem::take(&mut self.scopes);
                let v = self.expr(file, default);
                self.scopes = saved;
                self.defaults.insert(name, Some(v.clone()));
                v
            }
        };
        relocate(&mut v, use_span, as_default);
        v
    }

    #[cfg(test)]
    pub fn local_for_test(&mut self, name: &str) -> Node {
        match self.ix.locals.get_key_value(name) {
            Some((k, _)) => {
                let k: &'t str = k;
                let mut v = self.local(k, Span::default());
                // Undo the relocation to a use site: tests look at where values were written.
                restore(&mut v);
                v
            }
            None => unknown(Span::default()),
        }
    }

    fn local(&mut self, name: &'t str, use_span: Span) -> Node {
        let cached = match self.locals.get(name) {
            Some(Slot::Done(v)) => Some(v.clone()),
            _ => None,
        };
        if let Some(v) = cached {
            let mut v = self.charge(v, use_span);
            relocate(&mut v, use_span, through_local);
            return v;
        }
        let mut v = match self.locals.get(name) {
            // A cycle: Terraform rejects it; nothing is known. (`Done` was handled above.)
            Some(Slot::Busy | Slot::Done(_)) => return unknown(use_span),
            None => {
                let Some((file, expr)) = self.ix.locals.get(name).copied() else {
                    return unknown(use_span);
                };
                self.locals.insert(name, Slot::Busy);
                let saved = std::mem::take(&mut self.scopes);
                let v = self.expr(file, expr);
                self.scopes = saved;
                self.locals.insert(name, Slot::Done(v.clone()));
                v
            }
        };
        relocate(&mut v, use_span, through_local);
        v
    }

    /// The instances of `data "aws_iam_policy_document" NAME` (cached: a note about a capped
    /// expansion is given once).
    pub fn doc_instances(&mut self, name: &'t str) -> Vec<Instance> {
        if let Some(v) = self.doc_instances.get(name) {
            return v.clone();
        }
        let v = match self.ix.policy_docs.get(name).copied() {
            Some(b) => self.expand(b.file, b.node),
            None => Vec::new(),
        };
        self.doc_instances.insert(name, v.clone());
        v
    }

    /// The document a reference `data.aws_iam_policy_document.NAME[key].json` names.
    fn policy_doc_ref(&mut self, name: &'t str, key: Option<&Node>, sp: Span) -> Node {
        let instances = self.doc_instances(name);
        let chosen = match (&instances[..], key) {
            // Not expanded (or expanded over an unknown collection): any index names it.
            ([only], _) if only.key == InstanceKey::None => Some(only),
            (_, Some(key)) => instances.iter().find(|i| i.key.matches(key) == Some(true)),
            _ => None,
        };
        match chosen {
            Some(inst) => {
                let inst = inst.clone();
                self.policy_doc(name, &inst)
            }
            // `count = 0`, an unknown index, or a key that does not exist.
            None => unknown(sp),
        }
    }

    /// The evaluated document of one instance of `data "aws_iam_policy_document" NAME`
    /// (cached, cycle-safe).
    pub fn policy_doc(&mut self, name: &'t str, inst: &Instance) -> Node {
        let block = self.ix.policy_docs.get(name).copied();
        let fallback = block.map(|b| span(b.file, b.node)).unwrap_or_default();
        let cache_key = (name, inst.key.suffix());
        match self.docs.get(&cache_key) {
            Some(Slot::Done(v)) => {
                let v = v.clone();
                return self.charge(v, fallback);
            }
            Some(Slot::Busy) => return unknown(fallback),
            None => {}
        }
        let Some(block) = block else {
            return unknown(fallback);
        };
        self.docs.insert(cache_key.clone(), Slot::Busy);
        let saved = std::mem::take(&mut self.scopes);
        if let Some((n, b)) = &inst.binding {
            self.scopes.push((n, b.clone(), true));
        }
        let v = crate::policy_doc::build(self, block);
        self.scopes = saved;
        self.docs.insert(cache_key, Slot::Done(v.clone()));
        v
    }

    /// The evaluated document of one instance of a block no reference reaches (a repeated
    /// name), uncached.
    pub fn policy_doc_of_block(&mut self, block: BlockRef<'t>, inst: &Instance) -> Node {
        let saved = std::mem::take(&mut self.scopes);
        if let Some((n, b)) = &inst.binding {
            self.scopes.push((n, b.clone(), true));
        }
        let v = crate::policy_doc::build(self, block);
        self.scopes = saved;
        v
    }

    /// The value of `module.NAME`: its outputs (a list of them under `count`, a map under
    /// `for_each`); evaluating it loads the module once and keeps its resources.
    pub fn module_value(&mut self, name: &'t str, sp: Span) -> Node {
        match self.modules.get(name) {
            Some(Slot::Done(v)) => {
                let v = v.clone();
                return self.charge(v, sp);
            }
            Some(Slot::Busy) => return unknown(sp),
            None => {}
        }
        let Some(call) = self.ix.module_calls.get(name).copied() else {
            return unknown(sp);
        };
        self.modules.insert(name, Slot::Busy);
        let saved = std::mem::take(&mut self.scopes);
        let v = self.run_module(call).unwrap_or_else(|| unknown(sp));
        self.scopes = saved;
        self.modules.insert(name, Slot::Done(v.clone()));
        v
    }

    /// Loads a local module call: every instance evaluated with its arguments bound to the
    /// module's variables. `None` (unknown outputs, no resources) for registry and git
    /// sources, a directory that was not read, a cycle, or when a bound is reached.
    fn run_module(&mut self, call: BlockRef<'t>) -> Option<Node> {
        let f = call.file;
        let source = block_items(call.node).into_iter().find_map(|a| {
            let (n, v) = attribute_parts(a)?;
            (syntax::kind_of(a) == "attribute" && syntax::text(f, n) == "source").then_some((a, v))
        });
        let src = source.map(|s| self.expr(f, s.1).kind);
        let (source, src) = match (source, src) {
            (Some(source), Some(NodeKind::String(src))) => (source, src),
            _ => {
                self.stats.modules_unresolved += 1;
                return None;
            }
        };
        // Only paths are local; anything else would be fetched, which Palisade never does.
        if !(src.starts_with("./") || src.starts_with("../") || src == "." || src == "..") {
            self.stats.modules_remote += 1;
            return None;
        }
        let loaded = self.run_local_module(call, source.0, &src);
        if loaded.is_some() {
            self.stats.modules_resolved += 1;
        } else {
            self.stats.modules_unresolved += 1;
        }
        loaded
    }

    /// [`Eval::run_module`] for a call whose source is the local path `src`.
    fn run_local_module(
        &mut self,
        call: BlockRef<'t>,
        source: TsNode<'t>,
        src: &str,
    ) -> Option<Node> {
        let env = self.env?;
        let loader = env.loader?;
        let f = call.file;
        let dir = crate::join_dir(&self.module_dir, src);
        if env.chain.contains(&dir) {
            self.notes.push(palisade_source::Diagnostic::new(
                span(f, source),
                format!(
                    "module cycle: `{}` calls itself through `{src}`; not followed",
                    call.name
                ),
            ));
            return None;
        }
        if env.chain.len() >= MAX_MODULE_DEPTH {
            self.notes.push(palisade_source::Diagnostic::note(
                span(f, source),
                format!("modules nested deeper than {MAX_MODULE_DEPTH}; not followed"),
            ));
            return None;
        }
        let Some(files) = loader.files(&dir) else {
            // Outside the scanned paths (or holding no `.tf` file): never read.
            self.stats.modules_outside += 1;
            return None;
        };
        let header = syntax::block_header(f, call.node);
        let instances = self.expand(f, call.node);
        let mut chain = env.chain.clone();
        chain.push(dir.clone());
        let mut list = Vec::new();
        let mut map = Vec::new();
        let mut single = None;
        for inst in instances {
            if env.budget.get() == 0 {
                self.notes.push(palisade_source::Diagnostic::note(
                    header,
                    "too many module instances in this configuration; the rest are not analysed",
                ));
                break;
            }
            env.budget.set(env.budget.get() - 1);
            let args = self.with_instance(&inst, |ev| ev.block_node(f, call.node, &[]));
            let inputs: Vec<(String, Node)> = match args.kind {
                NodeKind::Map(entries) => entries
                    .into_iter()
                    .filter(|(k, _)| !MODULE_META.contains(&k.name.as_str()))
                    .map(|(k, v)| (k.name, v))
                    .collect(),
                _ => Vec::new(),
            };
            // A called module draws from this configuration's fuel: the work of a root stays
            // linear in the root's size however often a big module is called.
            // Only the root's own calls draw on the pool: nested calls spend what their
            // caller was given, so nothing is counted twice.
            let at_root = env.chain.len() == 1;
            let given = if at_root {
                self.fuel.min(env.fuel.get())
            } else {
                self.fuel
            };
            // The instance's address prefix: the called module writes its addresses and the
            // targets of its references with it, so references across module boundaries
            // (an output naming a resource of the module) stay unambiguous.
            let child_env = ModuleEnv {
                loader: Some(loader),
                chain: chain.clone(),
                budget: env.budget,
                root_dir: env.root_dir.clone(),
                fuel: env.fuel,
                prefix: format!("{}module.{}{}.", env.prefix, call.name, inst.key.suffix()),
            };
            let ((mut model, unresolved), diagnostics, outputs, left, stats) =
                crate::load_called(&files, inputs, &child_env, &dir, given);
            self.stats.add(&stats);
            let used = given.saturating_sub(left);
            self.fuel = self.fuel.saturating_sub(used);
            if at_root {
                env.fuel.set(env.fuel.get().saturating_sub(used));
            }
            for r in &mut model.resources {
                r.trace.insert(0, header);
            }
            self.module_models.push((model, unresolved));
            self.notes.extend(diagnostics);
            match inst.key {
                InstanceKey::None => single = Some(outputs),
                InstanceKey::Index(_) => list.push(outputs),
                InstanceKey::Name(k) => map.push((
                    MapKey {
                        name: k,
                        span: header,
                    },
                    outputs,
                )),
            }
        }
        Some(match single {
            Some(v) => v,
            None if !map.is_empty() => Node::new(NodeKind::Map(map), header, Provenance::Derived),
            None => Node::new(NodeKind::List(list), header, Provenance::Derived),
        })
    }

    /// The module's outputs as a map (after its resources were adapted).
    pub fn outputs(&mut self) -> Node {
        let ix = self.ix;
        let mut entries = Vec::new();
        for (name, file, block) in &ix.outputs {
            let Some(expr) = attribute_value(file, *block, "value") else {
                continue;
            };
            let v = self.expr(file, expr);
            entries.push((
                MapKey {
                    name: name.to_string(),
                    span: v.span,
                },
                v,
            ));
        }
        Node::new(NodeKind::Map(entries), Span::default(), Provenance::Derived)
    }

    /// Binds `count` / `each` of an instance while `f` evaluates its block.
    pub fn with_instance<R>(&mut self, inst: &Instance, f: impl FnOnce(&mut Self) -> R) -> R {
        let saved = std::mem::take(&mut self.scopes);
        if let Some((n, b)) = &inst.binding {
            self.scopes.push((n, b.clone(), true));
        }
        let r = f(self);
        self.scopes = saved;
        r
    }

    /// Caps an expansion at [`MAX_INSTANCES`], noting the cut.
    fn cap(&mut self, n: usize, at: Span) -> usize {
        if n > MAX_INSTANCES {
            self.notes.push(palisade_source::Diagnostic::note(
                at,
                format!("expands to {n} instances; only the first {MAX_INSTANCES} are analysed"),
            ));
            MAX_INSTANCES
        } else {
            n
        }
    }

    /// The instances `count` / `for_each` of a resource or data block create. `count = 0`, a
    /// false conditional count and an empty collection give none (nothing is deployed); a
    /// value that is not known gives one instance in which `count.*` / `each.*` are unknown.
    pub fn expand(&mut self, f: &'t SourceFile, block: TsNode<'t>) -> Vec<Instance> {
        let mut count = None;
        let mut for_each = None;
        for item in block_items(block) {
            if syntax::kind_of(item) != "attribute" {
                continue;
            }
            if let Some((n, v)) = attribute_parts(item) {
                match syntax::text(f, n) {
                    "count" => count = Some((item, v)),
                    "for_each" => for_each = Some((item, v)),
                    _ => {}
                }
            }
        }
        let unknown_one = |name: &'static str, at: Span| {
            vec![Instance {
                key: InstanceKey::None,
                binding: Some((name, unknown(at))),
            }]
        };
        // `count` and `for_each` see the module's names only.
        let saved = std::mem::take(&mut self.scopes);
        let out = if let Some((attr, e)) = count {
            let asp = span(f, attr);
            let v = self.expr(f, e);
            match number(&v) {
                Some(n) if n >= 0.0 && n.fract() == 0.0 && n.is_finite() => {
                    let n = self.cap(n as usize, asp);
                    (0..n)
                        .map(|i| Instance {
                            key: InstanceKey::Index(i),
                            binding: Some((
                                "count",
                                map_node(
                                    vec![(
                                        "index",
                                        Node::new(NodeKind::Number(i as f64), v.span, v.provenance),
                                    )],
                                    asp,
                                ),
                            )),
                        })
                        .collect()
                }
                _ => unknown_one("count", asp),
            }
        } else if let Some((attr, e)) = for_each {
            let asp = span(f, attr);
            let v = self.expr(f, e);
            // (instance name, each.key, each.value)
            let pairs: Option<Vec<(String, Node, Node)>> = match &v.kind {
                NodeKind::Map(entries) => Some(
                    entries
                        .iter()
                        .map(|(k, val)| {
                            let key = string_node(k.name.clone(), k.span, v.provenance);
                            (k.name.clone(), key, val.clone())
                        })
                        .collect(),
                ),
                // A set of strings: key and value are the string.
                NodeKind::List(items) => {
                    let mut out: Vec<(String, Node, Node)> = Vec::new();
                    let mut ok = true;
                    for item in items {
                        match scalar_text(item) {
                            Some(s) if !out.iter().any(|(n, _, _)| *n == s) => {
                                let node = string_node(s.clone(), item.span, item.provenance);
                                out.push((s, node.clone(), node));
                            }
                            Some(_) => {}
                            None => ok = false,
                        }
                    }
                    ok.then_some(out)
                }
                NodeKind::Null => Some(Vec::new()),
                _ => None,
            };
            match pairs {
                Some(pairs) => {
                    let n = self.cap(pairs.len(), asp);
                    pairs
                        .into_iter()
                        .take(n)
                        .map(|(name, key, value)| Instance {
                            key: InstanceKey::Name(name),
                            binding: Some((
                                "each",
                                map_node(vec![("key", key), ("value", value)], asp),
                            )),
                        })
                        .collect()
                }
                None => unknown_one("each", asp),
            }
        } else {
            vec![Instance {
                key: InstanceKey::None,
                binding: None,
            }]
        };
        self.scopes = saved;
        out
    }

    /// The key written in an `index` postfix (`[0]`, `["k"]`, legacy `.0`).
    fn index_key(&mut self, f: &'t SourceFile, op: TsNode<'t>) -> Node {
        let sp = span(f, op);
        match op.named_child(0) {
            Some(ix) if syntax::kind_of(ix) == "legacy_index" => {
                let digits = syntax::text(f, ix).trim_start_matches('.');
                match digits.parse::<f64>() {
                    Ok(n) => Node::literal(NodeKind::Number(n), sp),
                    Err(_) => unknown(sp),
                }
            }
            Some(ix) => match ix.named_child(0) {
                Some(e) => self.expr(f, e),
                None => unknown(sp),
            },
            None => unknown(sp),
        }
    }

    fn postfix(&mut self, f: &'t SourceFile, mut v: Node, ops: &[TsNode<'t>]) -> Node {
        for (i, op) in ops.iter().enumerate() {
            let sp = span(f, *op);
            match syntax::kind_of(op) {
                "get_attr" => {
                    let name = op.named_child(0).map(|c| syntax::text(f, c)).unwrap_or("");
                    v = get_attr(v, name, sp);
                }
                "index" => {
                    let key = self.index_key(f, *op);
                    v = index(v, &key, sp);
                }
                "splat" => {
                    let Some(s) = op.named_child(0) else {
                        return unknown(sp);
                    };
                    let inner: Vec<TsNode<'t>> =
                        kids(s).into_iter().filter(|c| c.is_named()).collect();
                    let items = match v.kind {
                        NodeKind::List(items) => items,
                        NodeKind::Null => Vec::new(),
                        NodeKind::Unknown
                        | NodeKind::Reference(_)
                        | NodeKind::Conditional { .. }
                        | NodeKind::Partial(_) => return unknown(v.span),
                        _ => vec![v.clone()],
                    };
                    let list_span = v.span;
                    let mut out = Vec::with_capacity(items.len());
                    for item in items {
                        out.push(self.postfix(f, item, &inner));
                    }
                    v = Node::new(NodeKind::List(out), list_span, v.provenance);
                    // Anything after the splat node applies to the whole list.
                    return self.postfix(f, v, ops.get(i + 1..).unwrap_or(&[]));
                }
                _ => return unknown(sp),
            }
        }
        v
    }

    // ----- templates ---------------------------------------------------------------------

    fn template_segments(
        &mut self,
        f: &'t SourceFile,
        n: TsNode<'t>,
        want_offsets: bool,
    ) -> Vec<Seg> {
        let heredoc = syntax::kind_of(n) == "heredoc_template";
        let k = kids(n);
        let (start, end, indent) = if heredoc {
            let idents: Vec<&TsNode<'t>> = k
                .iter()
                .filter(|c| syntax::kind_of(*c) == "heredoc_identifier")
                .collect();
            let open_end = idents
                .first()
                .map(|c| c.end_byte())
                .unwrap_or(n.start_byte());
            let text = &f.text;
            // Content starts on the line after the opening marker.
            let start = text
                .get(open_end..)
                .and_then(|r| r.find('\n'))
                .map(|p| open_end + p + 1)
                .unwrap_or(n.end_byte())
                .min(n.end_byte());
            let end = match idents.get(1) {
                Some(close) if !close.is_missing() => {
                    let cs = close.start_byte();
                    text.get(..cs)
                        .and_then(|r| r.rfind('\n'))
                        .map(|p| p + 1)
                        .unwrap_or(cs)
                }
                _ => n.end_byte(),
            }
            .max(start);
            let flush = k.first().is_some_and(|c| syntax::text(f, *c) == "<<-");
            let indent = if flush {
                text.get(start..end)
                    .unwrap_or("")
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
                    .min()
                    .unwrap_or(0)
            } else {
                0
            };
            (start, end, indent)
        } else {
            let (s, e) = syntax::quoted_content(n);
            (s, e, 0)
        };
        let mut segs: Vec<Seg> = Vec::new();
        let mut pos = start;
        let mut strip_next = false;
        let parts: Vec<TsNode<'t>> = k
            .iter()
            .copied()
            .filter(|c| {
                matches!(
                    syntax::kind_of(c),
                    "template_interpolation" | "template_directive"
                )
            })
            .filter(|c| c.start_byte() >= start && c.end_byte() <= end)
            .collect();
        for part in parts.iter().copied().map(Some).chain(std::iter::once(None)) {
            let gap_end = part.map(|p| p.start_byte()).unwrap_or(end);
            if gap_end > pos {
                let raw = f.text.get(pos..gap_end).unwrap_or("");
                let mut text = String::new();
                let mut offs = Vec::new();
                let at_line_start =
                    pos == start || f.text.as_bytes().get(pos.wrapping_sub(1)) == Some(&b'\n');
                if indent > 0 {
                    // `<<-`: drop the common indentation at the start of every line.
                    let mut line_start = at_line_start;
                    let mut off = pos;
                    for line in raw.split_inclusive('\n') {
                        let mut l = line;
                        let mut base = off;
                        if line_start {
                            let ws = l.len() - l.trim_start_matches([' ', '\t']).len();
                            let cut = ws.min(indent);
                            l = l.get(cut..).unwrap_or("");
                            base += cut;
                        }
                        unescape(
                            l,
                            base,
                            !heredoc,
                            &mut text,
                            want_offsets.then_some(&mut offs),
                        );
                        off += line.len();
                        line_start = line.ends_with('\n');
                    }
                } else {
                    unescape(
                        raw,
                        pos,
                        !heredoc,
                        &mut text,
                        want_offsets.then_some(&mut offs),
                    );
                }
                if strip_next {
                    let trimmed = text.len() - text.trim_start().len();
                    text.drain(..trimmed);
                    if want_offsets {
                        offs.drain(..trimmed.min(offs.len()));
                    }
                }
                segs.push(Seg::Text(text, offs));
            }
            let Some(part) = part else { break };
            let psp = span(f, part);
            let pk = kids(part);
            let strip_before = pk
                .get(1)
                .is_some_and(|c| syntax::kind_of(c) == "strip_marker");
            strip_next = pk.len() >= 2
                && pk
                    .get(pk.len() - 2)
                    .is_some_and(|c| syntax::kind_of(c) == "strip_marker");
            if strip_before {
                if let Some(Seg::Text(t, o)) = segs.last_mut() {
                    let keep = t.trim_end().len();
                    t.truncate(keep);
                    o.truncate(keep.min(o.len()));
                }
            }
            let value = if syntax::kind_of(part) == "template_interpolation" {
                match pk.iter().find(|c| syntax::kind_of(*c) == "expression") {
                    Some(e) => self.expr(f, *e),
                    None => unknown(psp),
                }
            } else {
                // Directives (`%{ if }`, `%{ for }`) are not evaluated: their text is unknown.
                unknown(psp)
            };
            segs.push(Seg::Value(value, psp));
            pos = part.end_byte();
        }
        segs
    }

    /// A template's value: a string, a partial string, or (for a lone `"${x}"`) the
    /// interpolated value itself, as Terraform does.
    pub fn template_node(&mut self, f: &'t SourceFile, n: TsNode<'t>) -> Node {
        let sp = span(f, n);
        let segs = self.template_segments(f, n, false);
        if let [Seg::Value(v, _)] = &segs[..] {
            if syntax::kind_of(n) == "quoted_template" {
                return v.clone();
            }
        }
        let mut parts: Vec<StrPart> = Vec::new();
        let mut cur = String::new();
        let mut provenance = Provenance::Literal;
        let mut partial = false;
        for seg in segs {
            match seg {
                Seg::Text(t, _) => cur.push_str(&t),
                Seg::Value(v, _) => {
                    provenance = Provenance::Derived;
                    if let Some(t) = scalar_text(&v) {
                        cur.push_str(&t);
                        continue;
                    }
                    partial = true;
                    match v.kind {
                        NodeKind::Partial(ps) => {
                            for p in ps {
                                match p {
                                    StrPart::Text(t) => cur.push_str(&t),
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
                            if !cur.is_empty() {
                                parts.push(StrPart::Text(std::mem::take(&mut cur)));
                            }
                            parts.push(StrPart::Unknown);
                        }
                    }
                }
            }
        }
        if partial {
            if !cur.is_empty() {
                parts.push(StrPart::Text(cur));
            }
            Node::new(NodeKind::Partial(parts), sp, Provenance::Derived)
        } else {
            string_node(cur, sp, provenance)
        }
    }

    /// Parses a template (heredoc or quoted string) as a JSON document with spans mapped to
    /// the file. Interpolations are evaluated first; non-string values become markers.
    pub fn template_json(&mut self, f: &'t SourceFile, n: TsNode<'t>) -> Option<Node> {
        let segs = self.template_segments(f, n, true);
        let mut text = String::new();
        let mut offsets: Vec<u32> = Vec::new();
        let mut markers: Vec<Node> = Vec::new();
        for seg in segs {
            match seg {
                Seg::Text(t, o) => {
                    text.push_str(&t);
                    // Offsets of the text read (in a Terraform JSON file's HCL form, its
                    // bytes' places in the JSON), like the spans of values.
                    offsets.extend(o.into_iter().map(|x| f.origin_offset(x as usize) as u32));
                }
                Seg::Value(v, site) => {
                    let inline = match &v.kind {
                        NodeKind::Null => Some("null".to_string()),
                        _ => scalar_text(&v),
                    };
                    let piece = match inline {
                        Some(t) => t,
                        None => {
                            if markers.len() >= MARKER_LIMIT {
                                return None;
                            }
                            let c = char::from_u32(MARKER_BASE + markers.len() as u32)?;
                            markers.push(v);
                            c.to_string()
                        }
                    };
                    offsets.extend(std::iter::repeat_n(site.start, piece.len()));
                    text.push_str(&piece);
                }
            }
        }
        if offsets.len() != text.len() {
            return None;
        }
        let map = SpanMap::Table {
            file: f.id,
            offsets: &offsets,
        };
        let (node, duplicates) = json::parse_reporting(&text, &map, &markers)?;
        for d in duplicates {
            self.report_once(palisade_source::Diagnostic::duplicate_key(
                f,
                &d.kept.name,
                d.dropped.span,
                d.kept.span,
                crate::policy_doc::DUPLICATE_CONSEQUENCE,
            ));
        }
        Some(node)
    }

    /// Adds a diagnostic unless the same one is there already: a value is evaluated again
    /// for every use and every call of its module.
    fn report_once(&mut self, d: palisade_source::Diagnostic) {
        if !self.notes.contains(&d) {
            self.notes.push(d);
        }
    }

    /// The expression's value as a JSON document when it is a template written directly
    /// (exact spans); `None` for anything else.
    pub fn direct_template_json(&mut self, f: &'t SourceFile, expr: TsNode<'t>) -> Option<Node> {
        let t = direct_template(expr)?;
        self.template_json(f, t)
    }

    // ----- operators ---------------------------------------------------------------------

    fn operation(&mut self, f: &'t SourceFile, n: TsNode<'t>, extra: &[TsNode<'t>]) -> Node {
        let sp = match extra.last() {
            Some(last) => span(f, n).to(span(f, *last)),
            None => span(f, n),
        };
        match n.named_child(0) {
            Some(c) if syntax::kind_of(c) == "unary_operation" => self.unary(f, c, extra, sp),
            Some(c) if syntax::kind_of(c) == "binary_operation" => self.binary(f, c, extra, sp),
            _ => unknown(sp),
        }
    }

    fn unary(&mut self, f: &'t SourceFile, n: TsNode<'t>, extra: &[TsNode<'t>], sp: Span) -> Node {
        let mut k = kids(n);
        let Some(op) = k.first().copied() else {
            return unknown(sp);
        };
        k.extend_from_slice(extra);
        let v = self.term(f, k.get(1..).unwrap_or(&[]), sp);
        let kind = match (syntax::kind_of(op), &v.kind) {
            ("-", _) => match number(&v) {
                Some(x) => NodeKind::Number(-x),
                None => return unknown(sp),
            },
            ("!", _) => match truthy(&v) {
                Some(b) => NodeKind::Bool(!b),
                None => return unknown(sp),
            },
            _ => return unknown(sp),
        };
        Node::new(kind, sp, v.provenance)
    }

    fn binary(&mut self, f: &'t SourceFile, n: TsNode<'t>, extra: &[TsNode<'t>], sp: Span) -> Node {
        const OPS: [&str; 13] = [
            "*", "/", "%", "+", "-", ">", ">=", "<", "<=", "==", "!=", "&&", "||",
        ];
        let mut k = kids(n);
        k.extend_from_slice(extra);
        let Some(i) = k
            .iter()
            .position(|c| !c.is_named() && OPS.contains(&syntax::kind_of(c)))
        else {
            return unknown(sp);
        };
        let op = k.get(i).map(syntax::kind_of).unwrap_or("");
        let left = self.term(f, k.get(..i).unwrap_or(&[]), sp);
        // Short-circuit logic keeps a known answer even when the other side is unknown.
        if op == "&&" && truthy(&left) == Some(false) {
            return Node::new(NodeKind::Bool(false), sp, left.provenance);
        }
        if op == "||" && truthy(&left) == Some(true) {
            return Node::new(NodeKind::Bool(true), sp, left.provenance);
        }
        let right = self.term(f, k.get(i + 1..).unwrap_or(&[]), sp);
        let provenance = left.provenance.combine(right.provenance);
        let kind = match op {
            "==" | "!=" => match known_eq(&left, &right) {
                Some(eq) => NodeKind::Bool(eq == (op == "==")),
                None => return unknown(sp),
            },
            "&&" | "||" => match (truthy(&left), truthy(&right)) {
                (Some(a), Some(b)) => NodeKind::Bool(if op == "&&" { a && b } else { a || b }),
                (_, Some(false)) if op == "&&" => NodeKind::Bool(false),
                (_, Some(true)) if op == "||" => NodeKind::Bool(true),
                _ => return unknown(sp),
            },
            _ => {
                let (Some(a), Some(b)) = (number(&left), number(&right)) else {
                    return unknown(sp);
                };
                match op {
                    "+" => NodeKind::Number(a + b),
                    "-" => NodeKind::Number(a - b),
                    "*" => NodeKind::Number(a * b),
                    "/" if b != 0.0 => NodeKind::Number(a / b),
                    "%" if b != 0.0 => NodeKind::Number(a % b),
                    ">" => NodeKind::Bool(a > b),
                    ">=" => NodeKind::Bool(a >= b),
                    "<" => NodeKind::Bool(a < b),
                    "<=" => NodeKind::Bool(a <= b),
                    _ => return unknown(sp),
                }
            }
        };
        Node::new(kind, sp, provenance)
    }

    // ----- for expressions ---------------------------------------------------------------

    fn for_expr(&mut self, f: &'t SourceFile, n: TsNode<'t>) -> Node {
        let sp = span(f, n);
        let k = kids(n);
        let Some(intro) = k
            .iter()
            .find(|c| syntax::kind_of(*c) == "for_intro")
            .copied()
        else {
            return unknown(sp);
        };
        let ik = kids(intro);
        let names: Vec<&'t str> = ik
            .iter()
            .filter(|c| syntax::kind_of(*c) == "identifier")
            .map(|c| syntax::text(f, *c))
            .collect();
        let Some(coll_expr) = ik
            .iter()
            .find(|c| syntax::kind_of(*c) == "expression")
            .copied()
        else {
            return unknown(sp);
        };
        let coll = self.expr(f, coll_expr);
        let pairs: Vec<(Node, Node)> = match coll.kind {
            NodeKind::List(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| {
                    (
                        Node::new(NodeKind::Number(i as f64), v.span, coll.provenance),
                        v,
                    )
                })
                .collect(),
            NodeKind::Map(entries) => entries
                .into_iter()
                .map(|(key, v)| {
                    (
                        Node::new(NodeKind::String(key.name), key.span, coll.provenance),
                        v,
                    )
                })
                .collect(),
            NodeKind::Null => Vec::new(),
            _ => return unknown(sp),
        };
        if pairs.len() > MAX_ITEMS {
            return unknown(sp);
        }
        let bodies: Vec<TsNode<'t>> = k
            .iter()
            .copied()
            .filter(|c| syntax::kind_of(c) == "expression")
            .collect();
        let cond = k
            .iter()
            .find(|c| syntax::kind_of(*c) == "for_cond")
            .and_then(|c| c.named_child(0));
        let object = syntax::kind_of(n) == "for_object_expr";
        let grouping = k.iter().any(|c| syntax::kind_of(c) == "ellipsis");
        let mut list = Vec::new();
        let mut map: Vec<(MapKey, Node)> = Vec::new();
        let base = self.scopes.len();
        for (key, value) in pairs {
            self.scopes.truncate(base);
            match names[..] {
                [v] => self.scopes.push((v, value, false)),
                [kname, vname, ..] => {
                    self.scopes.push((kname, key, false));
                    self.scopes.push((vname, value, false));
                }
                _ => {
                    self.scopes.truncate(base);
                    return unknown(sp);
                }
            }
            if let Some(c) = cond {
                match truthy(&self.expr(f, c)) {
                    Some(true) => {}
                    Some(false) => continue,
                    // Whether an item exists is unknown: so is the collection.
                    None => {
                        self.scopes.truncate(base);
                        return unknown(sp);
                    }
                }
            }
            if object {
                let (Some(ke), Some(ve)) = (bodies.first(), bodies.get(1)) else {
                    self.scopes.truncate(base);
                    return unknown(sp);
                };
                let kv = self.expr(f, *ke);
                let Some(name) = scalar_text(&kv) else {
                    self.scopes.truncate(base);
                    return unknown(sp);
                };
                let vv = self.expr(f, *ve);
                if grouping {
                    if let Some((_, NodeKind::List(items))) = map
                        .iter_mut()
                        .find(|(k, _)| k.name == name)
                        .map(|(k, v)| (k, &mut v.kind))
                    {
                        items.push(vv);
                        continue;
                    }
                    let vs = vv.span;
                    map.push((
                        MapKey {
                            name,
                            span: kv.span,
                        },
                        Node::new(NodeKind::List(vec![vv]), vs, Provenance::Derived),
                    ));
                } else {
                    map.retain(|(k, _)| k.name != name);
                    map.push((
                        MapKey {
                            name,
                            span: kv.span,
                        },
                        vv,
                    ));
                }
            } else {
                let Some(be) = bodies.first() else {
                    self.scopes.truncate(base);
                    return unknown(sp);
                };
                list.push(self.expr(f, *be));
            }
        }
        self.scopes.truncate(base);
        if object {
            Node::new(NodeKind::Map(map), sp, Provenance::Derived)
        } else {
            Node::new(NodeKind::List(list), sp, Provenance::Derived)
        }
    }

    // ----- functions ---------------------------------------------------------------------

    fn call(&mut self, f: &'t SourceFile, n: TsNode<'t>) -> Node {
        let sp = span(f, n);
        let name = n.named_child(0).map(|c| syntax::text(f, c)).unwrap_or("");
        if !crate::functions::is_supported(name) {
            // Provider functions (`provider::aws::arn_parse`), `file`, `templatefile`, ...
            return unknown(sp);
        }
        let arg_nodes: Vec<TsNode<'t>> = syntax::child(n, "function_arguments")
            .map(|a| kids(a))
            .unwrap_or_default();
        let expand = arg_nodes.iter().any(|c| syntax::kind_of(c) == "ellipsis");
        let exprs: Vec<TsNode<'t>> = arg_nodes
            .into_iter()
            .filter(|c| syntax::kind_of(c) == "expression")
            .collect();
        if name == "jsondecode" {
            // Exact spans when the argument is a string written right here.
            if let Some(e) = exprs.first() {
                if let Some(v) = self.direct_template_json(f, *e) {
                    return v;
                }
            }
        }
        let mut args: Vec<Node> = exprs.iter().map(|e| self.expr(f, *e)).collect();
        if expand {
            match args.pop().map(|a| a.kind) {
                Some(NodeKind::List(items)) => args.extend(items),
                _ => return unknown(sp),
            }
        }
        if name == "jsondecode" {
            // A string from elsewhere (a variable, a local): spans point at the call.
            let decoded = args.first().and_then(|a| {
                let mut at_call = a.clone();
                at_call.span = sp;
                crate::policy_doc::json_of_string(
                    &at_call,
                    "the argument of `jsondecode`",
                    &mut self.notes,
                )
            });
            return decoded.unwrap_or_else(|| unknown(sp));
        }
        crate::functions::call(name, args, sp)
    }

    // ----- blocks ------------------------------------------------------------------------

    /// Only the top-level attributes `names` of a block, as a map like [`Eval::block_node`]
    /// gives: resources read only for their references skip evaluating the rest.
    pub fn attributes_node(
        &mut self,
        f: &'t SourceFile,
        block: TsNode<'t>,
        names: &[&str],
    ) -> Node {
        let mut entries: Vec<(MapKey, Node)> = Vec::new();
        for item in block_items(block) {
            if syntax::kind_of(item) != "attribute" {
                continue;
            }
            let Some((name, value)) = attribute_parts(item) else {
                continue;
            };
            let name = syntax::text(f, name);
            if names.contains(&name) {
                let v = self.expr(f, value);
                entries.push((
                    MapKey {
                        name: name.to_string(),
                        span: span(f, item),
                    },
                    v,
                ));
            }
        }
        Node::literal(NodeKind::Map(entries), span(f, block))
    }

    /// A block as a map: attributes under their names (key span = the whole attribute),
    /// nested blocks under their type (one entry per block, key span = the block), `dynamic`
    /// blocks as `dynamic:LABEL` with an unknown value. Attributes named in `json_attrs`
    /// holding a template written in place are parsed as JSON with exact spans.
    pub fn block_node(
        &mut self,
        f: &'t SourceFile,
        block: TsNode<'t>,
        json_attrs: &[&str],
    ) -> Node {
        self.block_node_without(f, block, json_attrs, &[])
    }

    /// A resource block as [`Eval::block_node`] gives it, without the top-level arguments
    /// no adapter reads ([`UNREAD_RESOURCE_ARGUMENTS`]).
    pub fn resource_node(
        &mut self,
        f: &'t SourceFile,
        block: TsNode<'t>,
        json_attrs: &[&str],
    ) -> Node {
        self.block_node_without(f, block, json_attrs, UNREAD_RESOURCE_ARGUMENTS)
    }

    /// A block's attributes and nested blocks, but for the top-level ones named in `skip`.
    fn block_node_without(
        &mut self,
        f: &'t SourceFile,
        block: TsNode<'t>,
        json_attrs: &[&str],
        skip: &[&str],
    ) -> Node {
        let sp = span(f, block);
        if self.depth >= MAX_DEPTH {
            return unknown(sp);
        }
        self.depth += 1;
        let mut entries: Vec<(MapKey, Node)> = Vec::new();
        // Attributes written so far: one given twice keeps only its later value (Terraform
        // rejects the file; `syntax::diagnostics` reports it), so the earlier cannot hide it.
        let mut attributes: Vec<(&str, Span)> = Vec::new();
        for item in block_items(block) {
            let isp = span(f, item);
            if syntax::kind_of(item) == "attribute" {
                let Some((name, value)) = attribute_parts(item) else {
                    continue;
                };
                let name = syntax::text(f, name);
                if skip.contains(&name) {
                    continue;
                }
                if let Some(at) = attributes.iter().position(|(n, _)| *n == name) {
                    let (_, earlier) = attributes.remove(at);
                    entries.retain(|(k, _)| k.span != earlier);
                }
                attributes.push((name, isp));
                let mut v = None;
                if json_attrs.contains(&name) {
                    v = self.direct_template_json(f, value);
                    if v.is_none() {
                        if let Some(t) = direct_template(value) {
                            // A policy written as a string that is not JSON: AWS rejects it,
                            // and nothing in it can be judged. A warning at the string (the
                            // adapter's parse of the same string gives the same one, kept once).
                            self.report_once(crate::policy_doc::not_json(
                                span(f, t),
                                &format!("`{name}`"),
                            ));
                        }
                    }
                }
                let v = v.unwrap_or_else(|| self.expr(f, value));
                entries.push((
                    MapKey {
                        name: name.to_string(),
                        span: isp,
                    },
                    v,
                ));
            } else {
                let ty = block_type(f, item);
                if skip.contains(&ty) {
                    continue;
                }
                if ty == "dynamic" {
                    let label = block_labels(f, item).first().copied().unwrap_or("");
                    match self.dynamic(f, item, label, json_attrs) {
                        Some(generated) => {
                            for (csp, v) in generated {
                                entries.push((
                                    MapKey {
                                        name: label.to_string(),
                                        span: csp,
                                    },
                                    v,
                                ));
                            }
                        }
                        // Blocks over an unknown collection: unknown, so nothing fires on
                        // them and readers can tell that something may be there.
                        None => entries.push((
                            MapKey {
                                name: format!("dynamic:{label}"),
                                span: isp,
                            },
                            unknown(isp),
                        )),
                    }
                } else {
                    let v = self.block_node(f, item, json_attrs);
                    entries.push((
                        MapKey {
                            name: ty.to_string(),
                            span: isp,
                        },
                        v,
                    ));
                }
            }
        }
        self.depth -= 1;
        Node::literal(NodeKind::Map(entries), sp)
    }
}

impl<'t> Eval<'t> {
    /// The blocks a `dynamic "LABEL"` block generates, each evaluated from its `content` with
    /// the iterator (`LABEL`, or the name given by `iterator =`) bound to `{key, value}`; each
    /// generated block's span is its `content` block. `None` when the collection is unknown.
    fn dynamic(
        &mut self,
        f: &'t SourceFile,
        block: TsNode<'t>,
        label: &'t str,
        json_attrs: &[&str],
    ) -> Option<Vec<(Span, Node)>> {
        let mut for_each = None;
        let mut iterator = label;
        let mut content = None;
        for item in block_items(block) {
            if syntax::kind_of(item) == "attribute" {
                if let Some((n, v)) = attribute_parts(item) {
                    match syntax::text(f, n) {
                        "for_each" => for_each = Some(v),
                        "iterator" => iterator = syntax::text(f, v).trim(),
                        _ => {}
                    }
                }
            } else if block_type(f, item) == "content" {
                content = Some(item);
            }
        }
        let (for_each, content) = (for_each?, content?);
        let coll = self.expr(f, for_each);
        let pairs: Vec<(Node, Node)> = match coll.kind {
            NodeKind::List(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| {
                    (
                        Node::new(NodeKind::Number(i as f64), v.span, coll.provenance),
                        v,
                    )
                })
                .collect(),
            NodeKind::Map(entries) => entries
                .into_iter()
                .map(|(k, v)| (string_node(k.name, k.span, coll.provenance), v))
                .collect(),
            // Terraform rejects a null collection: nothing is generated.
            NodeKind::Null => Vec::new(),
            _ => return None,
        };
        let n = self.cap(pairs.len(), span(f, for_each));
        let csp = span(f, content);
        let mut out = Vec::with_capacity(n);
        for (key, value) in pairs.into_iter().take(n) {
            let binding = map_node(vec![("key", key), ("value", value)], coll.span);
            self.scopes.push((iterator, binding, true));
            let v = self.block_node(f, content, json_attrs);
            self.scopes.pop();
            out.push((csp, v));
        }
        Some(out)
    }
}

/// The template node when an expression is nothing but a quoted string or heredoc.
/// The value expression of the attribute `name` of a block.
/// The last one when the argument is given twice (an error Terraform reports, and so does
/// [`syntax::diagnostics`]), like [`Node::get`].
fn attribute_value<'t>(file: &SourceFile, block: TsNode<'t>, name: &str) -> Option<TsNode<'t>> {
    block_items(block).into_iter().rev().find_map(|a| {
        let (n, v) = attribute_parts(a)?;
        (syntax::kind_of(a) == "attribute" && syntax::text(file, n) == name).then_some(v)
    })
}

pub fn direct_template(expr: TsNode<'_>) -> Option<TsNode<'_>> {
    let k = kids(expr);
    let [only] = k[..] else { return None };
    match syntax::kind_of(only) {
        "template_expr" => only.named_child(0),
        "literal_value" => only
            .named_child(0)
            .filter(|c| syntax::kind_of(c) == "string_lit"),
        _ => None,
    }
}

fn get_attr(v: Node, name: &str, sp: Span) -> Node {
    match v.kind {
        NodeKind::Map(entries) => entries
            .into_iter()
            .find(|(k, _)| k.name == name)
            .map(|(_, v)| v)
            .unwrap_or_else(|| unknown(sp)),
        NodeKind::Reference(Reference {
            target,
            attribute: None,
        }) => Node::new(
            NodeKind::Reference(Reference {
                target,
                attribute: Some(name.to_string()),
            }),
            v.span.to(sp),
            v.provenance,
        ),
        _ => unknown(v.span.to(sp)),
    }
}

fn index(v: Node, key: &Node, sp: Span) -> Node {
    match (v.kind, &key.kind) {
        (NodeKind::List(items), _) => match number(key) {
            Some(i) if i >= 0.0 && i.fract() == 0.0 => items
                .into_iter()
                .nth(i as usize)
                .unwrap_or_else(|| unknown(sp)),
            _ => unknown(sp),
        },
        (NodeKind::Map(entries), _) => match scalar_text(key) {
            Some(k) => entries
                .into_iter()
                .find(|(e, _)| e.name == k)
                .map(|(_, v)| v)
                .unwrap_or_else(|| unknown(sp)),
            None => unknown(sp),
        },
        _ => unknown(v.span.to(sp)),
    }
}

/// Size guard for strings built by functions.
pub fn string_too_long(s: &str) -> bool {
    s.len() > MAX_STRING
}

/// How many unknown conditions may nest in one value before it is treated as unknown.
const MAX_CONDITIONAL_NESTING: usize = 8;

/// The nesting depth of `Conditional` nodes along their branches, counted up to the limit.
fn conditional_depth(n: &Node) -> usize {
    let mut depth = 0;
    let mut frontier = vec![n];
    while depth < MAX_CONDITIONAL_NESTING {
        let next: Vec<&Node> = frontier
            .iter()
            .filter_map(|n| match &n.kind {
                NodeKind::Conditional {
                    when_true,
                    when_false,
                    ..
                } => Some([when_true.as_ref(), when_false.as_ref()]),
                _ => None,
            })
            .flatten()
            .take(1 << MAX_CONDITIONAL_NESTING)
            .collect();
        if next.is_empty() {
            break;
        }
        depth += 1;
        frontier = next;
    }
    depth
}
