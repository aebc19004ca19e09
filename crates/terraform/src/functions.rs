//! The pure Terraform functions Palisade evaluates. Anything else is unknown.
//!
//! Results keep the spans of the values they pass through (a CIDR picked by `concat` still
//! points at where it was written); newly built scalars get the call's span.

use crate::eval::{string_too_long, MAX_ITEMS};
use palisade_model::node::{format_number, MapKey};
use palisade_model::{Node, NodeKind, Provenance, Span, StrPart};

const SUPPORTED: &[&str] = &[
    "concat",
    "merge",
    "lookup",
    "format",
    "join",
    "split",
    "tolist",
    "toset",
    "flatten",
    "coalesce",
    "coalescelist",
    "try",
    "length",
    "element",
    "jsonencode",
    "jsondecode",
    "tostring",
    "tonumber",
    "tobool",
    "tomap",
    "lower",
    "upper",
    "replace",
    "distinct",
    "compact",
    "keys",
    "values",
    "contains",
    "trimspace",
    "one",
];

pub fn is_supported(name: &str) -> bool {
    SUPPORTED.contains(&name)
}

fn unknown(sp: Span) -> Node {
    Node::unknown(sp)
}

fn provenance_of(args: &[Node]) -> Provenance {
    args.iter()
        .map(|a| a.provenance)
        .reduce(Provenance::combine)
        .unwrap_or(Provenance::Literal)
}

fn text(n: &Node) -> Option<String> {
    match &n.kind {
        NodeKind::String(s) => Some(s.clone()),
        NodeKind::Number(x) => Some(format_number(*x)),
        NodeKind::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Text pieces of a value for string building: known text, or unknown.
fn parts_of(n: &Node) -> Vec<StrPart> {
    match &n.kind {
        NodeKind::Partial(p) => p.clone(),
        _ => match text(n) {
            Some(t) => vec![StrPart::Text(t)],
            None => vec![StrPart::Unknown],
        },
    }
}

/// Builds a string node from pieces: known when every piece is text.
fn from_parts(parts: Vec<StrPart>, sp: Span, provenance: Provenance) -> Node {
    let mut merged: Vec<StrPart> = Vec::new();
    for p in parts {
        if matches!(&p, StrPart::Text(t) if t.is_empty()) {
            continue;
        }
        match (merged.last_mut(), p) {
            (Some(StrPart::Text(a)), StrPart::Text(b)) => a.push_str(&b),
            (_, p) => merged.push(p),
        }
    }
    match &merged[..] {
        [] => Node::new(NodeKind::String(String::new()), sp, provenance),
        [StrPart::Text(t)] => {
            if string_too_long(t) {
                return unknown(sp);
            }
            Node::new(NodeKind::String(t.clone()), sp, provenance)
        }
        _ => Node::new(NodeKind::Partial(merged), sp, Provenance::Derived),
    }
}

fn list(items: Vec<Node>, sp: Span, provenance: Provenance) -> Node {
    if items.len() > MAX_ITEMS {
        return unknown(sp);
    }
    Node::new(NodeKind::List(items), sp, provenance)
}

pub fn call(name: &str, mut args: Vec<Node>, sp: Span) -> Node {
    let provenance = provenance_of(&args);
    match name {
        // The argument's tree is kept, so policy spans point at the HCL values.
        "jsonencode" | "tolist" | "tomap" => args.into_iter().next().unwrap_or_else(|| unknown(sp)),
        "jsondecode" => unknown(sp),
        "toset" | "distinct" => match args.into_iter().next() {
            Some(Node {
                kind: NodeKind::List(items),
                span,
                provenance,
                ..
            }) => {
                let mut out: Vec<Node> = Vec::new();
                for i in items {
                    let dup = match text(&i) {
                        Some(t) => out.iter().any(|o| text(o).as_deref() == Some(t.as_str())),
                        None => false,
                    };
                    if !dup {
                        out.push(i);
                    }
                }
                Node::new(NodeKind::List(out), span, provenance)
            }
            Some(other) => other,
            None => unknown(sp),
        },
        "concat" => {
            let mut out = Vec::new();
            for a in args {
                match a.kind {
                    NodeKind::List(items) => out.extend(items),
                    NodeKind::Null => {}
                    _ => return unknown(sp),
                }
                if out.len() > MAX_ITEMS {
                    return unknown(sp);
                }
            }
            list(out, sp, provenance)
        }
        "merge" => {
            let mut out: Vec<(MapKey, Node)> = Vec::new();
            for a in args {
                match a.kind {
                    NodeKind::Map(entries) => {
                        for (k, v) in entries {
                            out.retain(|(o, _)| o.name != k.name);
                            out.push((k, v));
                        }
                    }
                    NodeKind::Null => {}
                    _ => return unknown(sp),
                }
                if out.len() > MAX_ITEMS {
                    return unknown(sp);
                }
            }
            Node::new(NodeKind::Map(out), sp, provenance)
        }
        "lookup" => {
            let mut it = args.into_iter();
            let (Some(map), Some(key)) = (it.next(), it.next()) else {
                return unknown(sp);
            };
            let default = it.next();
            let Some(k) = text(&key) else {
                return unknown(sp);
            };
            match map.kind {
                NodeKind::Map(entries) => entries
                    .into_iter()
                    .find(|(e, _)| e.name == k)
                    .map(|(_, v)| v)
                    .or(default)
                    .unwrap_or_else(|| unknown(sp)),
                _ => unknown(sp),
            }
        }
        "format" => {
            if args.is_empty() {
                return unknown(sp);
            }
            let fmt = args.remove(0);
            let Some(fmt) = text(&fmt) else {
                return unknown(sp);
            };
            let mut parts = Vec::new();
            let mut lit = String::new();
            let mut next = args.iter();
            let mut chars = fmt.chars().peekable();
            while let Some(c) = chars.next() {
                if c != '%' {
                    lit.push(c);
                    continue;
                }
                if chars.peek() == Some(&'%') {
                    chars.next();
                    lit.push('%');
                    continue;
                }
                // Skip flags and width, then the verb.
                while chars.peek().is_some_and(|c| !c.is_ascii_alphabetic()) {
                    chars.next();
                }
                let verb = chars.next();
                let Some(arg) = next.next() else {
                    return unknown(sp);
                };
                parts.push(StrPart::Text(std::mem::take(&mut lit)));
                match verb {
                    Some('q') => match text(arg) {
                        Some(t) => parts.push(StrPart::Text(format!("{t:?}"))),
                        None => parts.push(StrPart::Unknown),
                    },
                    _ => parts.extend(parts_of(arg)),
                }
            }
            parts.push(StrPart::Text(lit));
            from_parts(parts, sp, provenance)
        }
        "join" => {
            let (Some(sep), Some(l)) = (args.first(), args.get(1)) else {
                return unknown(sp);
            };
            let Some(sep) = text(sep) else {
                return unknown(sp);
            };
            let mut parts = Vec::new();
            for l in &args[1..] {
                let NodeKind::List(items) = &l.kind else {
                    return unknown(sp);
                };
                for i in items {
                    if !parts.is_empty() {
                        parts.push(StrPart::Text(sep.clone()));
                    }
                    parts.extend(parts_of(i));
                }
            }
            let _ = l;
            from_parts(parts, sp, provenance)
        }
        "split" => {
            let (Some(sep), Some(s)) = (args.first().and_then(text), args.get(1).and_then(text))
            else {
                return unknown(sp);
            };
            if sep.is_empty() {
                return unknown(sp);
            }
            let items: Vec<Node> = s
                .split(sep.as_str())
                .take(MAX_ITEMS + 1)
                .map(|p| Node::new(NodeKind::String(p.to_string()), sp, provenance))
                .collect();
            list(items, sp, provenance)
        }
        "flatten" => {
            fn flat(n: Node, out: &mut Vec<Node>, depth: usize) -> bool {
                match n.kind {
                    NodeKind::List(items) if depth < 32 => {
                        for i in items {
                            if !flat(i, out, depth + 1) || out.len() > MAX_ITEMS {
                                return false;
                            }
                        }
                        true
                    }
                    NodeKind::Unknown | NodeKind::Conditional { .. } | NodeKind::List(_) => false,
                    _ => {
                        out.push(n);
                        true
                    }
                }
            }
            let Some(a) = args.into_iter().next() else {
                return unknown(sp);
            };
            let (asp, ap) = (a.span, a.provenance);
            if !matches!(a.kind, NodeKind::List(_)) {
                return unknown(sp);
            }
            let mut out = Vec::new();
            if flat(a, &mut out, 0) {
                list(out, asp, ap)
            } else {
                unknown(sp)
            }
        }
        "coalesce" => {
            for a in args {
                match &a.kind {
                    NodeKind::Null => continue,
                    NodeKind::String(s) if s.is_empty() => continue,
                    NodeKind::String(_) | NodeKind::Number(_) | NodeKind::Bool(_) => return a,
                    _ => return unknown(sp),
                }
            }
            unknown(sp)
        }
        "coalescelist" => {
            for a in args {
                match &a.kind {
                    NodeKind::List(items) if items.is_empty() => continue,
                    NodeKind::List(_) => return a,
                    _ => return unknown(sp),
                }
            }
            unknown(sp)
        }
        "try" => {
            // Our unknowns include what would be errors; the first usable value wins, but an
            // unknown first argument might have succeeded at apply time.
            match args.into_iter().next() {
                Some(a) => a,
                None => unknown(sp),
            }
        }
        "one" => match args.into_iter().next().map(|a| a.kind) {
            Some(NodeKind::List(mut items)) if items.len() == 1 => items.remove(0),
            Some(NodeKind::List(items)) if items.is_empty() => {
                Node::new(NodeKind::Null, sp, provenance)
            }
            _ => unknown(sp),
        },
        "length" => {
            let n = match args.first().map(|a| &a.kind) {
                Some(NodeKind::List(items)) => items.len(),
                Some(NodeKind::Map(entries)) => entries.len(),
                Some(NodeKind::String(s)) => s.chars().count(),
                _ => return unknown(sp),
            };
            Node::new(NodeKind::Number(n as f64), sp, provenance)
        }
        "element" => {
            let mut it = args.into_iter();
            let (Some(l), Some(i)) = (it.next(), it.next()) else {
                return unknown(sp);
            };
            let (NodeKind::List(items), NodeKind::Number(i)) = (l.kind, &i.kind) else {
                return unknown(sp);
            };
            if items.is_empty() || *i < 0.0 || i.fract() != 0.0 {
                return unknown(sp);
            }
            let idx = (*i as usize) % items.len();
            items.into_iter().nth(idx).unwrap_or_else(|| unknown(sp))
        }
        "tostring" => match args.into_iter().next() {
            Some(a) => match text(&a) {
                Some(t) => Node {
                    kind: NodeKind::String(t),
                    ..a
                },
                None => a,
            },
            None => unknown(sp),
        },
        "tonumber" => match args.into_iter().next() {
            Some(a) => match &a.kind {
                NodeKind::Number(_) => a,
                NodeKind::String(s) => match s.trim().parse::<f64>() {
                    Ok(n) => Node {
                        kind: NodeKind::Number(n),
                        ..a
                    },
                    Err(_) => unknown(sp),
                },
                _ => unknown(sp),
            },
            None => unknown(sp),
        },
        "tobool" => match args.into_iter().next() {
            Some(a) => match &a.kind {
                NodeKind::Bool(_) => a,
                NodeKind::String(s) if s == "true" || s == "false" => Node {
                    kind: NodeKind::Bool(s == "true"),
                    ..a
                },
                _ => unknown(sp),
            },
            None => unknown(sp),
        },
        "lower" | "upper" | "trimspace" => match args.into_iter().next() {
            Some(a) => match &a.kind {
                NodeKind::String(s) => {
                    let t = match name {
                        "lower" => s.to_lowercase(),
                        "upper" => s.to_uppercase(),
                        _ => s.trim().to_string(),
                    };
                    Node::new(NodeKind::String(t), sp, a.provenance)
                }
                _ => unknown(sp),
            },
            None => unknown(sp),
        },
        "replace" => {
            let (Some(s), Some(from), Some(to)) = (
                args.first().and_then(text),
                args.get(1).and_then(text),
                args.get(2).and_then(text),
            ) else {
                return unknown(sp);
            };
            // `/.../` is a regular expression: not evaluated.
            if from.is_empty() || (from.len() > 1 && from.starts_with('/') && from.ends_with('/')) {
                return unknown(sp);
            }
            let r = s.replace(&from, &to);
            if string_too_long(&r) {
                return unknown(sp);
            }
            Node::new(NodeKind::String(r), sp, provenance)
        }
        "compact" => match args.into_iter().next() {
            Some(Node {
                kind: NodeKind::List(items),
                span,
                provenance,
                ..
            }) => {
                let out: Vec<Node> = items
                    .into_iter()
                    .filter(|i| {
                        !matches!(&i.kind, NodeKind::Null)
                            && !matches!(&i.kind, NodeKind::String(s) if s.is_empty())
                    })
                    .collect();
                Node::new(NodeKind::List(out), span, provenance)
            }
            _ => unknown(sp),
        },
        "keys" | "values" => match args.into_iter().next() {
            Some(Node {
                kind: NodeKind::Map(entries),
                provenance,
                ..
            }) => {
                let out: Vec<Node> = entries
                    .into_iter()
                    .map(|(k, v)| {
                        if name == "keys" {
                            Node::new(NodeKind::String(k.name), k.span, provenance)
                        } else {
                            v
                        }
                    })
                    .collect();
                Node::new(NodeKind::List(out), sp, provenance)
            }
            _ => unknown(sp),
        },
        "contains" => {
            let (Some(l), Some(v)) = (args.first(), args.get(1)) else {
                return unknown(sp);
            };
            let (NodeKind::List(items), Some(v)) = (&l.kind, text(v)) else {
                return unknown(sp);
            };
            let mut found = false;
            for i in items {
                match text(i) {
                    Some(t) if t == v => found = true,
                    Some(_) => {}
                    None => return unknown(sp),
                }
            }
            Node::new(NodeKind::Bool(found), sp, provenance)
        }
        _ => unknown(sp),
    }
}
