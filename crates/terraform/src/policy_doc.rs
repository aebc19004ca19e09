//! `data "aws_iam_policy_document"`: its blocks become a JSON-shaped policy node whose spans
//! point at the HCL (an `Action` item at its `actions` list item, a condition key at its
//! `condition` block), so `policy_from_node` reads it like any other policy.

use crate::eval::{BlockRef, Eval};
use crate::syntax::span;
use palisade_model::node::MapKey;
use palisade_model::{Node, NodeKind, Provenance, Span, StrPart};
use palisade_source::Diagnostic;

fn key(name: &str, span: Span) -> MapKey {
    MapKey {
        name: name.to_string(),
        span,
    }
}

/// The attributes whose documents are merged into this one.
const FEEDING: [&str; 4] = [
    "source_policy_documents",
    "source_json",
    "override_policy_documents",
    "override_json",
];

pub fn build<'t>(ev: &mut Eval<'t>, block: BlockRef<'t>) -> Node {
    let doc_span = span(block.file, block.node);
    let b = ev.block_node(block.file, block.node, &["source_json", "override_json"]);
    let mut incomplete = false;
    let mut statements: Vec<Node> = Vec::new();

    for attr in FEEDING {
        if let Some(v) = b.get(attr) {
            for doc in v.items() {
                ev.fed_docs.insert(doc.span);
                ev.fed_docs.extend(doc.defined_at);
            }
        }
    }
    for attr in ["source_policy_documents", "source_json"] {
        if let Some(v) = b.get(attr) {
            for doc in v.items() {
                match doc_statements(doc, attr, &mut ev.notes) {
                    Some(list) => merge(&mut statements, list),
                    None => incomplete = true,
                }
            }
        }
    }
    let mut own = Vec::new();
    for (k, v) in b.entries() {
        match k.name.as_str() {
            "statement" => own.push(statement(v, k.span)),
            // Statements generated over a collection are not expanded yet.
            "dynamic:statement" => incomplete = true,
            _ => {}
        }
    }
    // The document's own statements replace source statements with the same sid.
    merge(&mut statements, own);
    for attr in ["override_policy_documents", "override_json"] {
        if let Some(v) = b.get(attr) {
            for doc in v.items() {
                match doc_statements(doc, attr, &mut ev.notes) {
                    Some(list) => merge(&mut statements, list),
                    None => incomplete = true,
                }
            }
        }
    }
    if incomplete {
        // An unknown entry marks the document incomplete in `policy_from_node`.
        statements.push(Node::unknown(doc_span));
    }
    let version = Node::new(
        NodeKind::String("2012-10-17".into()),
        doc_span,
        Provenance::Omitted,
    );
    Node::literal(
        NodeKind::Map(vec![
            (key("Version", doc_span), version),
            (
                key("Statement", doc_span),
                Node::literal(NodeKind::List(statements), doc_span),
            ),
        ]),
        doc_span,
    )
}

fn sid_of(n: &Node) -> Option<String> {
    n.get_ci("Sid")
        .and_then(|s| s.as_str())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Appends statements; one with the sid of an existing statement replaces it in place.
fn merge(base: &mut Vec<Node>, new: Vec<Node>) {
    for n in new {
        let sid = sid_of(&n);
        match sid.and_then(|s| base.iter().position(|b| sid_of(b).as_deref() == Some(&s))) {
            Some(pos) => {
                if let Some(slot) = base.get_mut(pos) {
                    *slot = n;
                }
            }
            None => base.push(n),
        }
    }
}

/// The statements of a policy given as a node (another document, a `jsonencode` map or a JSON
/// string); `None` when unknown.
fn doc_statements(doc: &Node, attr: &str, out: &mut Vec<Diagnostic>) -> Option<Vec<Node>> {
    let parsed;
    let doc = match &doc.kind {
        NodeKind::Map(_) => doc,
        NodeKind::String(_) | NodeKind::Partial(_) => {
            parsed = json_of_string(doc, &format!("`{attr}`"), out)?;
            &parsed
        }
        _ => return None,
    };
    let st = doc.get_ci("Statement")?;
    match &st.kind {
        NodeKind::List(items) => Some(items.clone()),
        NodeKind::Map(_) => Some(vec![st.clone()]),
        _ => None,
    }
}

/// Parses a string node as JSON; all spans point at the node (its text is not a file slice).
/// Unknown parts of a template parse as unknown values.
///
/// Problems are added to `out` (each once), located where the string is written (its
/// definition when it came from a variable or a local): a string that is not JSON is a
/// warning (`what` names the attribute), a key given twice an error naming both places as
/// lines and columns of the string; the later value is kept.
pub fn json_of_string(node: &Node, what: &str, out: &mut Vec<Diagnostic>) -> Option<Node> {
    let map = crate::json::SpanMap::Fixed {
        span: node.span,
        defined_at: node.defined_at,
        provenance: node.provenance,
    };
    let mut markers = Vec::new();
    let text: std::borrow::Cow<'_, str> = match &node.kind {
        NodeKind::String(s) => s.as_str().into(),
        NodeKind::Partial(parts) => {
            let mut text = String::new();
            for p in parts {
                match p {
                    StrPart::Text(t) => text.push_str(t),
                    StrPart::Unknown => {
                        if markers.len() >= crate::json::MARKER_LIMIT {
                            return None;
                        }
                        let c = char::from_u32(crate::json::MARKER_BASE + markers.len() as u32)?;
                        markers.push(Node::unknown(node.span));
                        text.push(c);
                    }
                }
            }
            text.into()
        }
        _ => return None,
    };
    let at = node.defined_at.unwrap_or(node.span);
    let mut report = |d: Diagnostic| {
        if !out.contains(&d) {
            out.push(d);
        }
    };
    match crate::json::parse_reporting(&text, &map, &markers) {
        Some((doc, duplicates)) => {
            for d in duplicates {
                report(Diagnostic::duplicate_key_in_text(
                    at,
                    &d.kept.name,
                    &text,
                    d.dropped_at,
                    d.kept_at,
                    DUPLICATE_CONSEQUENCE,
                ));
            }
            Some(doc)
        }
        None => {
            report(not_json(at, what));
            None
        }
    }
}

/// What a duplicate key in policy JSON means for the analysis.
pub(crate) const DUPLICATE_CONSEQUENCE: &str =
    "the later value is analysed, as IAM and JSON decoders read it";

/// The warning for a string attribute (`what`) that is not valid JSON.
pub(crate) fn not_json(at: Span, what: &str) -> Diagnostic {
    Diagnostic::warning(
        at,
        format!(
            "{what} is a string that is not valid JSON (AWS rejects it when it is deployed); \
             it was not analysed"
        ),
    )
}

fn statement(b: &Node, block_span: Span) -> Node {
    let mut entries: Vec<(MapKey, Node)> = Vec::new();
    let field = |name: &str| b.entries().iter().find(|(k, _)| k.name == name);
    if let Some((k, v)) = field("sid") {
        entries.push((key("Sid", k.span), v.clone()));
    }
    match field("effect") {
        Some((k, v)) => entries.push((key("Effect", k.span), v.clone())),
        None => entries.push((
            key("Effect", block_span),
            Node::new(
                NodeKind::String("Allow".into()),
                block_span,
                Provenance::Omitted,
            ),
        )),
    }
    for (hcl, json) in [
        ("actions", "Action"),
        ("not_actions", "NotAction"),
        ("resources", "Resource"),
        ("not_resources", "NotResource"),
    ] {
        if let Some((k, v)) = field(hcl) {
            entries.push((key(json, k.span), v.clone()));
        }
    }
    for (hcl, json) in [
        ("principals", "Principal"),
        ("not_principals", "NotPrincipal"),
    ] {
        if let Some(p) = principals(b, hcl) {
            entries.push((key(json, p.span), p));
        }
    }
    if let Some(c) = conditions(b) {
        entries.push((key("Condition", c.span), c));
    }
    Node::literal(NodeKind::Map(entries), block_span)
}

/// `principals { type, identifiers }` blocks as `{"AWS": [...], "Service": [...]}`.
fn principals(b: &Node, name: &str) -> Option<Node> {
    let dynamic = format!("dynamic:{name}");
    let mut out: Vec<(MapKey, Node)> = Vec::new();
    let mut whole: Option<Span> = None;
    let mut star: Option<Node> = None;
    for (k, v) in b.entries() {
        if k.name == dynamic {
            return Some(Node::unknown(k.span));
        }
        if k.name != name {
            continue;
        }
        whole = Some(whole.map_or(k.span, |w| w.to(k.span)));
        let ty = v.get("type").and_then(|t| t.as_str()).unwrap_or("${?}");
        let ids = match v.get("identifiers") {
            Some(ids) => ids.clone(),
            None => Node::unknown(k.span),
        };
        if ty == "*" {
            star = Some(ids.clone());
        }
        match out.iter_mut().find(|(e, _)| e.name == ty) {
            Some((_, existing)) => {
                let mut items: Vec<Node> = existing.items().into_iter().cloned().collect();
                items.extend(ids.items().into_iter().cloned());
                let sp = existing.span;
                *existing = Node::new(NodeKind::List(items), sp, Provenance::Derived);
            }
            None => out.push((key(ty, k.span), ids)),
        }
    }
    let whole = whole?;
    // `type = "*"` alone renders as `"Principal": "*"`.
    if let (Some(ids), 1) = (star, out.len()) {
        if ids.items().iter().all(|i| i.as_str() == Some("*")) {
            if let Some(first) = ids.items().first() {
                return Some(Node::new(
                    NodeKind::String("*".into()),
                    first.span,
                    first.provenance,
                ));
            }
        }
    }
    Some(Node::literal(NodeKind::Map(out), whole))
}

/// `condition { test, variable, values }` blocks as `{"StringLike": {"key": [...]}}`; the
/// key's span is its condition block.
fn conditions(b: &Node) -> Option<Node> {
    let mut ops: Vec<(MapKey, Node)> = Vec::new();
    let mut whole: Option<Span> = None;
    for (k, v) in b.entries() {
        if k.name == "dynamic:condition" {
            return Some(Node::unknown(k.span));
        }
        if k.name != "condition" {
            continue;
        }
        whole = Some(whole.map_or(k.span, |w| w.to(k.span)));
        let variable = v.get("variable").and_then(Node::key_text);
        let (Some(test), Some(variable)) = (v.get("test").and_then(|t| t.as_str()), variable)
        else {
            // A test we cannot read might pin exactly what a check looks for.
            return Some(Node::unknown(k.span));
        };
        let values = v
            .get("values")
            .cloned()
            .unwrap_or_else(|| Node::unknown(k.span));
        let entry = (key(&variable, k.span), values);
        match ops.iter_mut().find(|(o, _)| o.name == test) {
            Some((
                _,
                Node {
                    kind: NodeKind::Map(keys),
                    ..
                },
            )) => keys.push(entry),
            _ => ops.push((
                key(test, k.span),
                Node::literal(NodeKind::Map(vec![entry]), k.span),
            )),
        }
    }
    let whole = whole?;
    Some(Node::literal(NodeKind::Map(ops), whole))
}
