//! Intrinsic functions: from the syntax tree to the model's evaluated [`Node`].
//!
//! What is known becomes a value with its provenance (a parameter default is `Default` and
//! remembers where the default is written); what only exists at deploy time (pseudo
//! parameters, resource attributes, imports) becomes `Unknown` or a `Reference`, so it never
//! produces a finding. `AWS::NoValue` removes the property, which is why evaluation returns
//! `Option<Node>`.

use crate::syntax::{Syn, SynKind};
use palisade_model::node::{format_number, MapKey, Node, NodeKind};
use palisade_source::{Diagnostic, Provenance, Reference, Span, StrPart};
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};

/// Deeper evaluation than this yields `Unknown`: real templates nest far less, and explosive
/// input stays cheap.
const MAX_DEPTH: usize = 64;

/// Copying one template may do, in node-sized units: a fixed allowance plus an amount per
/// byte of the template. Evaluating a template is linear in its size except where one value
/// is copied to many use sites (a huge list parameter referenced by every resource, a large
/// mapping value looked up again and again); only such copies spend fuel, so this bound keeps
/// them linear while the template's own values are always evaluated. On the CloudFormation
/// corpus no template spent more than 0.1 unit per byte even when every evaluated node was
/// counted, so real templates stay far from the limit.
const FUEL_BASE: u64 = 200_000;
const FUEL_PER_BYTE: u64 = 2;

/// Bytes of copied text that cost one unit of fuel (a node is about this size).
const BYTES_PER_FUEL: usize = 64;

struct Param<'t> {
    /// The parameter's name key, for `defined_at` of a parameter without a default.
    key_span: Span,
    default: Option<&'t Syn>,
    is_list: bool,
    /// Fuel one use of the default costs, computed once (counting is itself a copy's work).
    cost: usize,
}

#[derive(Clone, Copy)]
enum CondState {
    InProgress,
    Done(Option<bool>),
}

/// What intrinsics resolve against: parameters, mappings, conditions and resource ids.
pub(crate) struct Ctx<'t> {
    params: HashMap<&'t str, Param<'t>>,
    mappings: Option<&'t Syn>,
    conditions: HashMap<&'t str, &'t Syn>,
    cond_cache: RefCell<HashMap<String, CondState>>,
    /// Conditions being evaluated right now: a long chain of conditions referring to each
    /// other becomes unknown instead of exhausting the stack.
    cond_nesting: Cell<usize>,
    resources: HashSet<&'t str>,
    /// Logical ids created by `Fn::ForEach`, known only after expansion.
    generated: RefCell<HashSet<String>>,
    /// False for standalone policy files: there a `{"Ref": ..}` is just data.
    intrinsics: bool,
    /// Where evaluation gave up on depth (the first place only: one note per template says
    /// enough, and a note per value of an explosive input would be explosive too).
    capped: Cell<Option<Span>>,
    /// Evaluation work left; when it runs out, values are unknown (never a finding).
    fuel: Cell<u64>,
    /// Where the fuel ran out, for one note.
    exhausted: Cell<Option<Span>>,
    /// Greater than zero while a mapping value is being copied to its use site.
    copying: Cell<usize>,
    /// The template's file, for policy documents written as JSON inside `Fn::Sub`, which are
    /// located inside the string (`None`: located at the string).
    pub file: Option<&'t palisade_source::SourceFile>,
}

impl<'t> Ctx<'t> {
    pub fn for_template(root: &'t Syn) -> Ctx<'t> {
        let mut params = HashMap::new();
        for (key, p) in root.get("Parameters").map(Syn::entries).unwrap_or(&[]) {
            let ty = p.get("Type").and_then(Syn::as_str).unwrap_or("");
            let cost = match p.get("Default").map(|d| &d.kind) {
                Some(SynKind::Str(s)) => 1 + s.len() / BYTES_PER_FUEL + s.matches(',').count(),
                Some(SynKind::Seq(items)) => 1 + items.len(),
                _ => 1,
            };
            params.insert(
                key.name.as_str(),
                Param {
                    key_span: key.span,
                    // An SSM parameter type resolves to the stored value; its default is
                    // the parameter's name, not the value.
                    default: p
                        .get("Default")
                        .filter(|_| !ty.starts_with("AWS::SSM::Parameter::Value")),
                    is_list: ty == "CommaDelimitedList" || ty.starts_with("List<"),
                    cost,
                },
            );
        }
        let conditions = root
            .get("Conditions")
            .map(Syn::entries)
            .unwrap_or(&[])
            .iter()
            .map(|(k, v)| (k.name.as_str(), v))
            .collect();
        let resources = root
            .get("Resources")
            .map(Syn::entries)
            .unwrap_or(&[])
            .iter()
            .map(|(k, _)| k.name.as_str())
            .collect();
        Ctx {
            params,
            mappings: root.get("Mappings"),
            conditions,
            cond_cache: RefCell::new(HashMap::new()),
            cond_nesting: Cell::new(0),
            resources,
            generated: RefCell::new(HashSet::new()),
            intrinsics: true,
            capped: Cell::new(None),
            fuel: Cell::new(FUEL_BASE + FUEL_PER_BYTE * root.span.end as u64),
            exhausted: Cell::new(None),
            copying: Cell::new(0),
            file: None,
        }
    }

    /// A context without intrinsics, for standalone policy documents.
    pub fn plain() -> Ctx<'static> {
        Ctx {
            params: HashMap::new(),
            mappings: None,
            conditions: HashMap::new(),
            cond_cache: RefCell::new(HashMap::new()),
            cond_nesting: Cell::new(0),
            resources: HashSet::new(),
            generated: RefCell::new(HashSet::new()),
            intrinsics: false,
            capped: Cell::new(None),
            // Without intrinsics nothing is copied: evaluation is linear in the file.
            fuel: Cell::new(u64::MAX),
            exhausted: Cell::new(None),
            copying: Cell::new(0),
            file: None,
        }
    }

    /// Evaluates a node; `None` when it is (or resolves to) `AWS::NoValue`.
    pub fn eval(&self, syn: &Syn) -> Option<Node> {
        self.eval_at(syn, 0)
    }

    /// Makes resources created by `Fn::ForEach` resolvable by `Ref`.
    pub fn add_generated(&self, names: impl IntoIterator<Item = String>) {
        self.generated.borrow_mut().extend(names);
    }

    /// A note for the first place where evaluation stopped at the depth limit.
    pub fn depth_note(&self) -> Option<Diagnostic> {
        self.capped.get().map(|span| {
            Diagnostic::note(
                span,
                format!(
                    "evaluation nested more than {MAX_DEPTH} levels deep (functions or \
                     conditions); the value is treated as unknown"
                ),
            )
        })
    }

    /// A note for the place where evaluation ran out of fuel.
    pub fn fuel_note(&self) -> Option<Diagnostic> {
        self.exhausted.get().map(|span| {
            Diagnostic::note(
                span,
                "evaluating this template copies too many values (huge parameters or \
                 mappings used many times); from here on values are treated as unknown",
            )
        })
    }

    /// Spends `units` of fuel; false (and the first such place remembered) when none is
    /// left.
    fn spend(&self, units: usize, span: Span) -> bool {
        let left = self.fuel.get();
        let units = units as u64;
        if left < units {
            self.fuel.set(0);
            if self.exhausted.get().is_none() {
                self.exhausted.set(Some(span));
            }
            return false;
        }
        self.fuel.set(left - units);
        true
    }

    fn cap(&self, span: Span) {
        if self.capped.get().is_none() {
            self.capped.set(Some(span));
        }
    }

    fn eval_at(&self, syn: &Syn, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            self.cap(syn.span);
            return Some(Node::unknown(syn.span));
        }
        if self.copying.get() > 0 {
            let size = match &syn.kind {
                SynKind::Str(s) => 1 + s.len() / BYTES_PER_FUEL,
                _ => 1,
            };
            if !self.spend(size, syn.span) {
                return Some(Node::unknown(syn.span));
            }
        }
        let kind = match &syn.kind {
            SynKind::Null => NodeKind::Null,
            SynKind::Bool(b) => NodeKind::Bool(*b),
            SynKind::Number(n) => NodeKind::Number(*n),
            SynKind::Str(s) => NodeKind::String(s.clone()),
            SynKind::Seq(items) => NodeKind::List(
                items
                    .iter()
                    .filter_map(|i| self.eval_at(i, depth + 1))
                    .collect(),
            ),
            SynKind::Map(entries) => {
                if let [(key, arg)] = entries.as_slice() {
                    if self.intrinsics && is_intrinsic(&key.name) {
                        return self.intrinsic(&key.name, arg, syn.span, depth + 1);
                    }
                }
                NodeKind::Map(
                    entries
                        .iter()
                        .filter_map(|(k, v)| {
                            self.eval_at(v, depth + 1).map(|n| {
                                (
                                    MapKey {
                                        name: k.name.clone(),
                                        span: k.span,
                                    },
                                    n,
                                )
                            })
                        })
                        .collect(),
                )
            }
        };
        Some(Node::literal(kind, syn.span))
    }

    fn intrinsic(&self, name: &str, arg: &Syn, span: Span, depth: usize) -> Option<Node> {
        let unknown = Some(Node::unknown(span));
        match name {
            "Ref" => match arg.as_str() {
                Some(target) => self.reference(target, span),
                None => unknown,
            },
            "Fn::GetAtt" => Some(self.get_att(arg, span, depth)),
            "Fn::Sub" => Some(self.sub(arg, span, depth)),
            "Fn::Join" => Some(self.join(arg, span, depth)),
            "Fn::Select" => self.select(arg, span, depth),
            "Fn::Split" => Some(self.split(arg, span, depth)),
            // The model keeps the text before encoding: it is what a reader (and a check for
            // secrets in user data) wants to see.
            "Fn::Base64" => self.eval_at(arg, depth),
            "Fn::FindInMap" => self.find_in_map(arg, span, depth),
            "Fn::Cidr" => Some(self.cidr(arg, span, depth)),
            "Fn::If" => self.if_(arg, span, depth),
            "Fn::Length" => {
                let list = self.eval_at(arg, depth)?;
                match list.kind {
                    NodeKind::List(items) => Some(Node::new(
                        NodeKind::Number(items.len() as f64),
                        span,
                        Provenance::Derived,
                    )),
                    _ => unknown,
                }
            }
            // Deploy-time values (ImportValue, GetAZs, Transform, ...) and condition
            // functions used as values.
            _ => unknown,
        }
    }

    /// `Ref` to a parameter, pseudo parameter or resource.
    fn reference(&self, target: &str, span: Span) -> Option<Node> {
        match target {
            "AWS::NoValue" => return None,
            // Derived, not literal: GovCloud and China partitions differ.
            "AWS::Partition" => {
                return Some(Node::new(
                    NodeKind::String("aws".into()),
                    span,
                    Provenance::Derived,
                ))
            }
            // The deploying account: unknown as a value, but as a principal it is the
            // account itself (`{AWS: !Ref AWS::AccountId}` is the account root), so it is kept
            // as a reference that names it.
            "AWS::AccountId" => {
                return Some(Node::new(
                    NodeKind::Reference(Reference {
                        target: target.to_string(),
                        attribute: None,
                    }),
                    span,
                    Provenance::Derived,
                ))
            }
            "AWS::URLSuffix" => {
                return Some(Node::new(
                    NodeKind::String("amazonaws.com".into()),
                    span,
                    Provenance::Derived,
                ))
            }
            _ => {}
        }
        if let Some(param) = self.params.get(target) {
            return Some(self.parameter(param, span));
        }
        if self.resources.contains(target) || self.generated.borrow().contains(target) {
            return Some(Node::new(
                NodeKind::Reference(Reference {
                    target: target.to_string(),
                    attribute: None,
                }),
                span,
                Provenance::Derived,
            ));
        }
        Some(Node::unknown(span))
    }

    /// A parameter's default at the use site, or unknown when it has none.
    fn parameter(&self, param: &Param<'_>, span: Span) -> Node {
        let Some(default) = param.default else {
            let mut n = Node::unknown(span);
            n.defined_at = Some(param.key_span);
            return n;
        };
        // Every use copies the default: that is what a huge default referenced everywhere
        // multiplies.
        if !self.spend(param.cost, span) {
            return Node::unknown(span);
        }
        let at = Some(default.span);
        let scalar = |kind: NodeKind| Node {
            kind,
            span,
            provenance: Provenance::Default,
            defined_at: at,
        };
        match &default.kind {
            SynKind::Str(s) if param.is_list => scalar(NodeKind::List(
                s.split(',')
                    .map(|item| scalar(NodeKind::String(item.trim().to_string())))
                    .collect(),
            )),
            SynKind::Str(s) => scalar(NodeKind::String(s.clone())),
            SynKind::Number(n) => scalar(NodeKind::Number(*n)),
            SynKind::Bool(b) => scalar(NodeKind::Bool(*b)),
            SynKind::Seq(items) => scalar(NodeKind::List(
                items
                    .iter()
                    .map(|i| match scalar_text(i) {
                        Some(t) => scalar(NodeKind::String(t)),
                        None => Node::unknown(span),
                    })
                    .collect(),
            )),
            _ => Node::unknown(span),
        }
    }

    fn get_att(&self, arg: &Syn, span: Span, depth: usize) -> Node {
        let (target, attribute) = match &arg.kind {
            SynKind::Str(s) => match s.split_once('.') {
                Some((t, a)) => (t.to_string(), Some(a.to_string())),
                None => (s.clone(), None),
            },
            SynKind::Seq(items) => {
                let Some(target) = items.first().and_then(Syn::as_str) else {
                    return Node::unknown(span);
                };
                let attribute = items
                    .get(1)
                    .and_then(|a| self.eval_at(a, depth + 1))
                    .and_then(|a| match a.kind {
                        NodeKind::String(s) => Some(s),
                        _ => None,
                    });
                (target.to_string(), attribute)
            }
            _ => return Node::unknown(span),
        };
        Node::new(
            NodeKind::Reference(Reference { target, attribute }),
            span,
            Provenance::Derived,
        )
    }

    fn sub(&self, arg: &Syn, span: Span, depth: usize) -> Node {
        let (template, vars, template_syn) = match &arg.kind {
            SynKind::Str(s) => (s.as_str(), None, arg),
            SynKind::Seq(items) => match (items.first(), items.get(1)) {
                (
                    Some(
                        t @ Syn {
                            kind: SynKind::Str(s),
                            ..
                        },
                    ),
                    vars,
                ) => (s.as_str(), vars, t),
                _ => return Node::unknown(span),
            },
            _ => return Node::unknown(span),
        };
        // A policy document written as JSON in the template: parsed with exact spans.
        let policy = self
            .file
            .filter(|_| crate::subjson::looks_like_policy(template));
        let mut substitutions = Vec::new();
        let mut out = PartsBuilder::default();
        let mut rest = template;
        while let Some(open) = rest.find("${") {
            let at = template.len() - rest.len() + open;
            out.text(&rest[..open]);
            let after = &rest[open + 2..];
            let Some(close) = after.find('}') else {
                // An unterminated `${` is literal text.
                out.text(&rest[open..]);
                rest = "";
                break;
            };
            let name = &after[..close];
            rest = &after[close + 1..];
            let range = at..at + 2 + close + 1;
            if let Some(literal) = name.strip_prefix('!') {
                out.text("${");
                out.text(literal);
                out.text("}");
                substitutions.push(crate::subjson::Substitution {
                    range,
                    value: Some(format!("${{{literal}}}")),
                });
                continue;
            }
            let name = name.trim();
            let value = match vars.and_then(|v| v.get(name)) {
                Some(var) => self.eval_at(var, depth + 1),
                // `${Resource.Attribute}` is only known at deploy time.
                None if name.contains('.') => Some(Node::unknown(span)),
                None => self.reference(name, span),
            };
            if policy.is_some() {
                substitutions.push(crate::subjson::Substitution {
                    range,
                    value: match &value {
                        Some(v) => crate::subjson::scalar_text(v),
                        None => Some(String::new()),
                    },
                });
            }
            out.node(value.as_ref());
        }
        out.text(rest);
        if let Some(file) = policy {
            if let Some(doc) = crate::subjson::policy(file, template_syn, template, &substitutions)
            {
                return doc;
            }
        }
        out.finish(span)
    }

    fn join(&self, arg: &Syn, span: Span, depth: usize) -> Node {
        let SynKind::Seq(items) = &arg.kind else {
            return Node::unknown(span);
        };
        let (Some(delimiter), Some(list)) = (items.first(), items.get(1)) else {
            return Node::unknown(span);
        };
        let Some(delimiter) = self
            .eval_at(delimiter, depth + 1)
            .and_then(|d| scalar_node_text(&d))
        else {
            return Node::unknown(span);
        };
        let Some(list) = self.eval_at(list, depth + 1) else {
            return Node::unknown(span);
        };
        let NodeKind::List(values) = &list.kind else {
            return Node::unknown(span);
        };
        let mut out = PartsBuilder::default();
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                out.text(&delimiter);
            }
            out.node(Some(v));
        }
        out.finish(span)
    }

    fn select(&self, arg: &Syn, span: Span, depth: usize) -> Option<Node> {
        let SynKind::Seq(items) = &arg.kind else {
            return Some(Node::unknown(span));
        };
        let index = items
            .first()
            .and_then(|i| self.eval_at(i, depth + 1))
            .and_then(|i| scalar_node_text(&i))
            .and_then(|t| t.trim().parse::<usize>().ok());
        let list = items.get(1).and_then(|l| self.eval_at(l, depth + 1));
        match (index, list) {
            (
                Some(i),
                Some(Node {
                    kind: NodeKind::List(values),
                    ..
                }),
            ) => Some(match values.into_iter().nth(i) {
                // The chosen item is reported where it is selected.
                Some(mut item) => {
                    item.span = span;
                    item
                }
                None => Node::unknown(span),
            }),
            _ => Some(Node::unknown(span)),
        }
    }

    fn split(&self, arg: &Syn, span: Span, depth: usize) -> Node {
        let SynKind::Seq(items) = &arg.kind else {
            return Node::unknown(span);
        };
        let delimiter = items
            .first()
            .and_then(|d| self.eval_at(d, depth + 1))
            .and_then(|d| scalar_node_text(&d));
        let source = items.get(1).and_then(|s| self.eval_at(s, depth + 1));
        match (delimiter, source) {
            (Some(d), Some(source)) if !d.is_empty() => match &source.kind {
                NodeKind::String(s) if self.spend(s.matches(d.as_str()).count(), span) => {
                    let item = |t: &str| Node {
                        kind: NodeKind::String(t.to_string()),
                        span,
                        provenance: source.provenance.combine(Provenance::Derived),
                        defined_at: source.defined_at,
                    };
                    Node::new(
                        NodeKind::List(s.split(d.as_str()).map(item).collect()),
                        span,
                        Provenance::Derived,
                    )
                }
                _ => Node::unknown(span),
            },
            _ => Node::unknown(span),
        }
    }

    /// `Fn::Cidr [ipBlock, count, cidrBits]`: `count` consecutive subnets of `cidrBits` host
    /// bits from the start of the block, when all three are known and CloudFormation would
    /// accept them (else unknown, as the stack would fail to deploy anyway).
    fn cidr(&self, arg: &Syn, span: Span, depth: usize) -> Node {
        let SynKind::Seq(items) = &arg.kind else {
            return Node::unknown(span);
        };
        let [block, count, bits] = items.as_slice() else {
            return Node::unknown(span);
        };
        let known = |s: &Syn| {
            self.eval_at(s, depth + 1)
                .filter(|n| scalar_node_text(n).is_some())
        };
        let (Some(block), Some(count), Some(bits)) = (known(block), known(count), known(bits))
        else {
            return Node::unknown(span);
        };
        let text = |n: &Node| scalar_node_text(n).unwrap_or_default();
        let (Ok(count), Ok(bits)) = (
            text(&count).trim().parse::<u32>(),
            text(&bits).trim().parse::<u32>(),
        ) else {
            return Node::unknown(span);
        };
        let Some(subnets) = cidr_subnets(&text(&block), count, bits) else {
            return Node::unknown(span);
        };
        let provenance = block.provenance.combine(Provenance::Derived);
        let item = |cidr: String| Node {
            kind: NodeKind::String(cidr),
            span,
            provenance,
            defined_at: block.defined_at,
        };
        Node::new(
            NodeKind::List(subnets.into_iter().map(item).collect()),
            span,
            Provenance::Derived,
        )
    }

    fn find_in_map(&self, arg: &Syn, span: Span, depth: usize) -> Option<Node> {
        let SynKind::Seq(items) = &arg.kind else {
            return Some(Node::unknown(span));
        };
        let key = |i: usize| {
            items
                .get(i)
                .and_then(|k| self.eval_at(k, depth + 1))
                .and_then(|k| scalar_node_text(&k))
        };
        let found = match (key(0), key(1), key(2)) {
            (Some(map), Some(top), Some(second)) => self
                .mappings
                .and_then(|m| m.get(&map))
                .and_then(|m| m.get(&top))
                .and_then(|m| m.get(&second)),
            _ => return Some(Node::unknown(span)),
        };
        match found {
            Some(value) => {
                self.copying.set(self.copying.get() + 1);
                let node = self.eval_at(value, depth + 1);
                self.copying.set(self.copying.get() - 1);
                let mut node = node?;
                // The value is written in `Mappings`; the finding belongs at the use site.
                restamp(&mut node, span, Provenance::Derived, Some(value.span));
                Some(node)
            }
            // The LanguageExtensions form `[Map, K1, K2, {DefaultValue: v}]`.
            None => match items.get(3).and_then(|d| d.get("DefaultValue")) {
                Some(default) => self.eval_at(default, depth + 1),
                None => Some(Node::unknown(span)),
            },
        }
    }

    fn if_(&self, arg: &Syn, span: Span, depth: usize) -> Option<Node> {
        let SynKind::Seq(items) = &arg.kind else {
            return Some(Node::unknown(span));
        };
        let (Some(condition), Some(when_true), Some(when_false)) = (
            items.first().and_then(Syn::as_str),
            items.get(1),
            items.get(2),
        ) else {
            return Some(Node::unknown(span));
        };
        match self.condition(condition) {
            Some(true) => self.eval_at(when_true, depth + 1),
            Some(false) => self.eval_at(when_false, depth + 1),
            None => {
                // `AWS::NoValue` in a branch means "not set" under that branch: a null node,
                // which the adapters read as absent.
                let branch = |s: &Syn| {
                    self.eval_at(s, depth + 1)
                        .unwrap_or_else(|| Node::new(NodeKind::Null, s.span, Provenance::Literal))
                };
                Some(Node::new(
                    NodeKind::Conditional {
                        condition: condition.to_string(),
                        when_true: Box::new(branch(when_true)),
                        when_false: Box::new(branch(when_false)),
                    },
                    span,
                    Provenance::Derived,
                ))
            }
        }
    }

    /// A named condition evaluated from literals and parameter defaults; `None` when it
    /// depends on something unknown (a parameter without default, a pseudo parameter).
    pub fn condition(&self, name: &str) -> Option<bool> {
        if let Some(state) = self.cond_cache.borrow().get(name) {
            return match state {
                // A cycle: CloudFormation rejects it; treat as unknown.
                CondState::InProgress => None,
                CondState::Done(v) => *v,
            };
        }
        let syn = *self.conditions.get(name)?;
        let nesting = self.cond_nesting.get();
        if nesting > MAX_DEPTH {
            self.cap(syn.span);
            return None;
        }
        self.cond_cache
            .borrow_mut()
            .insert(name.to_string(), CondState::InProgress);
        self.cond_nesting.set(nesting + 1);
        let value = self.condition_expr(syn, 0);
        self.cond_nesting.set(nesting);
        self.cond_cache
            .borrow_mut()
            .insert(name.to_string(), CondState::Done(value));
        value
    }

    fn condition_expr(&self, syn: &Syn, depth: usize) -> Option<bool> {
        if depth > MAX_DEPTH {
            self.cap(syn.span);
            return None;
        }
        let [(key, arg)] = syn.entries() else {
            return None;
        };
        let args = match &arg.kind {
            SynKind::Seq(items) => items.as_slice(),
            _ => std::slice::from_ref(arg),
        };
        match key.name.as_str() {
            "Condition" => self.condition(arg.as_str()?),
            "Fn::Equals" => {
                let [a, b] = args else { return None };
                let a = self
                    .eval_at(a, depth + 1)
                    .and_then(|n| scalar_node_text(&n))?;
                let b = self
                    .eval_at(b, depth + 1)
                    .and_then(|n| scalar_node_text(&n))?;
                Some(a == b)
            }
            "Fn::Not" => self.condition_expr(args.first()?, depth + 1).map(|v| !v),
            "Fn::And" | "Fn::Or" => {
                let want = key.name == "Fn::Or";
                let mut all_known = true;
                for a in args {
                    match self.condition_expr(a, depth + 1) {
                        Some(v) if v == want => return Some(want),
                        Some(_) => {}
                        None => all_known = false,
                    }
                }
                all_known.then_some(!want)
            }
            _ => None,
        }
    }
}

/// CloudFormation accepts at most this many subnets in one `Fn::Cidr`.
const MAX_CIDR_COUNT: u32 = 256;

/// The subnets `Fn::Cidr` returns, IPv4 or IPv6; `None` for input CloudFormation rejects.
fn cidr_subnets(block: &str, count: u32, bits: u32) -> Option<Vec<String>> {
    let (addr, prefix) = block.trim().split_once('/')?;
    let prefix: u32 = prefix.parse().ok()?;
    let (base, width, v4) = match addr.parse::<std::net::IpAddr>().ok()? {
        std::net::IpAddr::V4(a) => (u128::from(u32::from(a)), 32, true),
        std::net::IpAddr::V6(a) => (u128::from(a), 128, false),
    };
    if count == 0 || count > MAX_CIDR_COUNT || prefix > width || bits == 0 || bits > width {
        return None;
    }
    let subnet_prefix = width - bits;
    if subnet_prefix < prefix {
        return None;
    }
    // The block must hold `count` subnets: count <= 2^(subnet_prefix - prefix).
    let room = subnet_prefix - prefix;
    if room < 32 && u64::from(count) > 1u64 << room {
        return None;
    }
    let host_mask = if width - prefix >= 128 {
        u128::MAX
    } else {
        (1u128 << (width - prefix)) - 1
    };
    let network = base & !host_mask;
    (0..u128::from(count))
        .map(|i| {
            let start = network.checked_add(i.checked_shl(bits)?)?;
            Some(if v4 {
                let a = std::net::Ipv4Addr::from(u32::try_from(start).ok()?);
                format!("{a}/{subnet_prefix}")
            } else {
                format!("{}/{subnet_prefix}", std::net::Ipv6Addr::from(start))
            })
        })
        .collect()
}

fn is_intrinsic(key: &str) -> bool {
    key == "Ref" || key.starts_with("Fn::")
}

fn scalar_text(syn: &Syn) -> Option<String> {
    match &syn.kind {
        SynKind::Str(s) => Some(s.clone()),
        SynKind::Number(n) => Some(format_number(*n)),
        SynKind::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The text of a known scalar node.
pub(crate) fn scalar_node_text(node: &Node) -> Option<String> {
    match &node.kind {
        NodeKind::String(s) => Some(s.clone()),
        NodeKind::Number(n) => Some(format_number(*n)),
        NodeKind::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Moves a value to its use site, remembering where it was written.
fn restamp(node: &mut Node, span: Span, provenance: Provenance, defined_at: Option<Span>) {
    node.span = span;
    node.provenance = provenance;
    node.defined_at = defined_at;
    if let NodeKind::List(items) = &mut node.kind {
        for item in items {
            let at = Some(item.span);
            restamp(item, span, provenance, at);
        }
    }
}

/// Accumulates the pieces of `Fn::Sub` / `Fn::Join` into a string or a partial string.
#[cfg(test)]
mod tests {
    use super::cidr_subnets;

    #[test]
    fn cidr_splits_blocks_like_cloudformation() {
        assert_eq!(
            cidr_subnets("10.0.0.0/16", 3, 8).unwrap(),
            ["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"]
        );
        // The host part of the block is ignored.
        assert_eq!(
            cidr_subnets("192.168.1.77/24", 2, 6).unwrap(),
            ["192.168.1.0/26", "192.168.1.64/26"]
        );
        assert_eq!(
            cidr_subnets("2001:db8::/56", 2, 64).unwrap(),
            ["2001:db8::/64", "2001:db8:0:1::/64"]
        );
        // Does not fit, too many, subnets larger than the block, not an address.
        assert_eq!(cidr_subnets("10.0.0.0/24", 5, 6), None);
        assert_eq!(cidr_subnets("10.0.0.0/8", 257, 8), None);
        assert_eq!(cidr_subnets("10.0.0.0/24", 1, 9), None);
        assert_eq!(cidr_subnets("not/an/ip", 1, 8), None);
        assert_eq!(cidr_subnets("0.0.0.0/0", 256, 32), None);
        assert_eq!(cidr_subnets("::/0", 256, 120).unwrap().len(), 256);
    }
}

#[derive(Default)]
struct PartsBuilder {
    parts: Vec<StrPart>,
    any_unknown: bool,
    /// `None` while everything is literal text.
    provenance: Option<Provenance>,
    defined_at: Option<Span>,
}

impl PartsBuilder {
    fn text(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        if let Some(StrPart::Text(last)) = self.parts.last_mut() {
            last.push_str(t);
        } else {
            self.parts.push(StrPart::Text(t.to_string()));
        }
    }

    fn unknown(&mut self) {
        self.any_unknown = true;
        if self.parts.last() != Some(&StrPart::Unknown) {
            self.parts.push(StrPart::Unknown);
        }
    }

    fn node(&mut self, node: Option<&Node>) {
        let Some(node) = node else {
            // `AWS::NoValue` inside a string is empty.
            return;
        };
        match &node.kind {
            NodeKind::String(_) | NodeKind::Number(_) | NodeKind::Bool(_) => {
                if let Some(t) = scalar_node_text(node) {
                    self.text(&t);
                }
                self.note(node);
            }
            NodeKind::Partial(parts) => {
                for p in parts {
                    match p {
                        StrPart::Text(t) => self.text(t),
                        StrPart::Unknown => self.unknown(),
                    }
                }
                self.note(node);
            }
            _ => self.unknown(),
        }
    }

    fn note(&mut self, node: &Node) {
        if node.provenance == Provenance::Literal && node.defined_at.is_none() {
            return;
        }
        self.provenance = Some(match self.provenance {
            None => node.provenance,
            Some(p) => p.combine(node.provenance),
        });
        if self.defined_at.is_none() {
            self.defined_at = node.defined_at;
        }
    }

    fn finish(self, span: Span) -> Node {
        // One default spliced into literal text is still "the default" (`${Cidr}` alone or
        // with a prefix); anything else computed is derived.
        let provenance = self.provenance.unwrap_or(Provenance::Literal);
        let kind = if self.any_unknown {
            NodeKind::Partial(self.parts)
        } else {
            let text = match self.parts.into_iter().next() {
                Some(StrPart::Text(t)) => t,
                _ => String::new(),
            };
            NodeKind::String(text)
        };
        Node {
            kind,
            span,
            provenance,
            defined_at: self.defined_at,
        }
    }
}
