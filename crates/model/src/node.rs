//! A format-neutral evaluated value: what a Terraform expression, a CloudFormation property or
//! a JSON document evaluates to, with spans and provenance on every node.

use palisade_source::{Provenance, Reference, Span, StrPart, Value, ValueKind};

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    /// The use site: where this value is written in the resource.
    pub span: Span,
    pub provenance: Provenance,
    /// Where the value was defined when it came through a variable, local or parameter.
    pub defined_at: Option<Span>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    /// A string with unknown pieces (`"${var.x}-logs"` with `x` unknown, `!Sub`).
    Partial(Vec<StrPart>),
    List(Vec<Node>),
    /// Keys in source order.
    Map(Vec<(MapKey, Node)>),
    Unknown,
    Reference(Reference),
    Conditional {
        condition: String,
        when_true: Box<Node>,
        when_false: Box<Node>,
    },
}

/// Stands for an unknown piece of a mapping key (see [`Node::key_text`]).
pub const UNKNOWN_KEY_PART: char = '\u{0}';

#[derive(Clone, Debug, PartialEq)]
pub struct MapKey {
    pub name: String,
    pub span: Span,
}

/// Keeps only the last entry of every key given more than once in one mapping: the value the
/// services use (CloudFormation deploys the last one, as JSON parsers and IAM read it), so a
/// later `"Action": "*"` can never hide behind an earlier `"Action": "s3:GetObject"`. Returns
/// `(dropped, kept)` key pairs, in source order of the dropped keys, for the frontend to
/// report. Linear in the number of entries.
pub fn keep_last_duplicates<K: Clone, V>(
    entries: &mut Vec<(K, V)>,
    name: impl Fn(&K) -> &str,
) -> Vec<(K, K)> {
    if entries.len() < 2 {
        return Vec::new();
    }
    // Most mappings are small and have no duplicate: find that out without allocating.
    if entries.len() <= 16
        && entries
            .iter()
            .enumerate()
            .all(|(i, (a, _))| entries[i + 1..].iter().all(|(b, _)| name(a) != name(b)))
    {
        return Vec::new();
    }
    let mut last: std::collections::HashMap<&str, usize> =
        std::collections::HashMap::with_capacity(entries.len());
    for (i, (k, _)) in entries.iter().enumerate() {
        last.insert(name(k), i);
    }
    if last.len() == entries.len() {
        return Vec::new();
    }
    let kept: Vec<usize> = entries
        .iter()
        .map(|(k, _)| last.get(name(k)).copied().unwrap_or(0))
        .collect();
    drop(last);
    let pairs: Vec<(K, K)> = kept
        .iter()
        .enumerate()
        .filter(|(i, j)| i != *j)
        .map(|(i, &j)| (entries[i].0.clone(), entries[j].0.clone()))
        .collect();
    let mut i = 0;
    entries.retain(|_| {
        let keep = kept[i] == i;
        i += 1;
        keep
    });
    pairs
}

impl Node {
    pub fn new(kind: NodeKind, span: Span, provenance: Provenance) -> Node {
        Node {
            kind,
            span,
            provenance,
            defined_at: None,
        }
    }

    pub fn literal(kind: NodeKind, span: Span) -> Node {
        Node::new(kind, span, Provenance::Literal)
    }

    pub fn unknown(span: Span) -> Node {
        Node::new(NodeKind::Unknown, span, Provenance::Derived)
    }

    /// The value under `key` of a map (exact match). A key given twice yields the last value,
    /// the one CloudFormation, IAM and Terraform use.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Map(entries) => entries.iter().rfind(|(k, _)| k.name == key).map(|e| &e.1),
            _ => None,
        }
    }

    /// The value under `key` of a map, ignoring ASCII case (the last one given).
    pub fn get_ci(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Map(entries) => entries
                .iter()
                .rfind(|(k, _)| k.name.eq_ignore_ascii_case(key))
                .map(|e| &e.1),
            _ => None,
        }
    }

    /// The entries of a map (empty for anything else).
    pub fn entries(&self) -> &[(MapKey, Node)] {
        match &self.kind {
            NodeKind::Map(entries) => entries,
            _ => &[],
        }
    }

    /// The items of a list; a single non-list value is a list of itself (IAM and CloudFormation
    /// accept a string where a list is expected).
    pub fn items(&self) -> Vec<&Node> {
        match &self.kind {
            NodeKind::List(items) => items.iter().collect(),
            NodeKind::Null => Vec::new(),
            _ => vec![self],
        }
    }

    /// The values a conditional can take, each with the branches (outermost first) that lead
    /// to it; a non-conditional value is its own single branch.
    pub fn branches(&self) -> Vec<(&Node, Vec<(String, bool)>)> {
        let mut out = Vec::new();
        self.walk_conditions(&mut Vec::new(), false, &mut out);
        out
    }

    /// The items of a list with the branches leading to each, flattening nested lists and
    /// conditionals (`Fn::If` around a list or an item) and skipping nulls (`AWS::NoValue`).
    pub fn items_when(&self) -> Vec<(&Node, Vec<(String, bool)>)> {
        let mut out = Vec::new();
        self.walk_conditions(&mut Vec::new(), true, &mut out);
        out.retain(|(n, _)| !matches!(n.kind, NodeKind::Null));
        out
    }

    /// The resources a value references: itself, the items of a list, every branch of a
    /// conditional (each may be what is deployed).
    pub fn references(&self) -> Vec<&str> {
        self.items_when()
            .into_iter()
            .filter_map(|(n, _)| match &n.kind {
                NodeKind::Reference(r) => Some(r.target.as_str()),
                _ => None,
            })
            .collect()
    }

    fn walk_conditions<'n>(
        &'n self,
        when: &mut Vec<(String, bool)>,
        flatten_lists: bool,
        out: &mut Vec<(&'n Node, Vec<(String, bool)>)>,
    ) {
        match &self.kind {
            NodeKind::List(items) if flatten_lists => {
                for item in items {
                    item.walk_conditions(when, flatten_lists, out);
                }
            }
            NodeKind::Conditional {
                condition,
                when_true,
                when_false,
            } => {
                when.push((condition.clone(), true));
                when_true.walk_conditions(when, flatten_lists, out);
                when.pop();
                when.push((condition.clone(), false));
                when_false.walk_conditions(when, flatten_lists, out);
                when.pop();
            }
            _ => out.push((self, when.clone())),
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self.kind, NodeKind::Unknown)
    }

    /// The text of a value used as a mapping key: a known string, or a string with unknown
    /// pieces that also has known text, written with [`UNKNOWN_KEY_PART`] for each unknown
    /// piece (`"${local.issuer}:sub"` -> `"\u{0}:sub"`). A key that is all unknown gives `None`:
    /// it could be any key. Readers matching keys by suffix (the `:sub` of a web-identity
    /// condition) still can; a key compared whole never equals one with an unknown piece.
    pub fn key_text(&self) -> Option<String> {
        match &self.kind {
            NodeKind::String(s) => Some(s.clone()),
            NodeKind::Partial(parts) => {
                let known = parts
                    .iter()
                    .any(|p| matches!(p, StrPart::Text(t) if !t.is_empty()));
                known.then(|| {
                    parts
                        .iter()
                        .map(|p| match p {
                            StrPart::Text(t) => t.as_str(),
                            StrPart::Unknown => "\u{0}",
                        })
                        .collect()
                })
            }
            _ => None,
        }
    }

    fn value_of<T>(&self, kind: ValueKind<T>) -> Value<T> {
        Value {
            kind,
            span: self.span,
            defined_at: self.defined_at,
        }
    }

    /// Converts a scalar with `convert`; conditionals keep both branches; anything
    /// `convert` rejects becomes unknown.
    fn scalar<T>(&self, convert: &dyn Fn(&NodeKind) -> Option<T>) -> Value<T> {
        match &self.kind {
            NodeKind::Unknown | NodeKind::Null => self.value_of(ValueKind::Unknown),
            NodeKind::Reference(r) => self.value_of(ValueKind::Reference(r.clone())),
            NodeKind::Conditional {
                condition,
                when_true,
                when_false,
            } => self.value_of(ValueKind::Conditional {
                condition: condition.clone(),
                when_true: Box::new(when_true.scalar(convert)),
                when_false: Box::new(when_false.scalar(convert)),
            }),
            other => match convert(other) {
                Some(v) => self.value_of(ValueKind::Known(v, self.provenance)),
                None => self.value_of(ValueKind::Unknown),
            },
        }
    }

    /// The node as a string: numbers and booleans are written as strings (Terraform and
    /// CloudFormation convert freely); a partial string stays partial.
    pub fn to_string_value(&self) -> Value<String> {
        if let NodeKind::Partial(parts) = &self.kind {
            return self.value_of(ValueKind::Partial(parts.clone()));
        }
        self.scalar(&|k| match k {
            NodeKind::String(s) => Some(s.clone()),
            NodeKind::Number(n) => Some(format_number(*n)),
            NodeKind::Bool(b) => Some(b.to_string()),
            _ => None,
        })
    }

    /// The node as a boolean; `"true"`/`"false"` strings count (CloudFormation writes them).
    pub fn to_bool_value(&self) -> Value<bool> {
        self.scalar(&|k| match k {
            NodeKind::Bool(b) => Some(*b),
            NodeKind::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
            NodeKind::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
            _ => None,
        })
    }

    /// The node as an integer; numeric strings count.
    pub fn to_int_value(&self) -> Value<i64> {
        self.scalar(&|k| match k {
            NodeKind::Number(n) if n.fract() == 0.0 => Some(*n as i64),
            NodeKind::String(s) => s.trim().parse().ok(),
            _ => None,
        })
    }

    /// The node as a list of strings (a single string is a one-item list).
    pub fn to_strings(&self) -> Value<Vec<Value<String>>> {
        match &self.kind {
            NodeKind::List(items) => self.value_of(ValueKind::Known(
                items.iter().map(|i| i.to_string_value()).collect(),
                self.provenance,
            )),
            NodeKind::Conditional {
                condition,
                when_true,
                when_false,
            } => self.value_of(ValueKind::Conditional {
                condition: condition.clone(),
                when_true: Box::new(when_true.to_strings()),
                when_false: Box::new(when_false.to_strings()),
            }),
            NodeKind::Unknown | NodeKind::Map(_) => self.value_of(ValueKind::Unknown),
            NodeKind::Reference(r) => self.value_of(ValueKind::Reference(r.clone())),
            NodeKind::Null => self.value_of(ValueKind::Known(Vec::new(), self.provenance)),
            _ => self.value_of(ValueKind::Known(
                vec![self.to_string_value()],
                self.provenance,
            )),
        }
    }
}

/// Numbers as Terraform prints them: integers without a fraction.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_source::FileId;

    fn sp(a: usize) -> Span {
        Span::new(FileId(0), a, a + 1)
    }

    #[test]
    fn duplicate_keys_keep_the_last_value() {
        let k = |name: &str, at| MapKey {
            name: name.into(),
            span: sp(at),
        };
        let v = |s: &str| Node::literal(NodeKind::String(s.into()), sp(0));
        let mut entries = vec![
            (k("Action", 1), v("s3:GetObject")),
            (k("Effect", 2), v("Allow")),
            (k("Action", 3), v("*")),
        ];
        let pairs = keep_last_duplicates(&mut entries, |k| k.name.as_str());
        assert_eq!(pairs, vec![(k("Action", 1), k("Action", 3))]);
        let names: Vec<&str> = entries.iter().map(|(k, _)| k.name.as_str()).collect();
        assert_eq!(names, ["Effect", "Action"]);
        let map = Node::literal(NodeKind::Map(entries), sp(0));
        assert_eq!(map.get("Action").and_then(Node::as_str), Some("*"));
        // Lookups prefer the last entry even in a map built without deduplication.
        let raw = Node::literal(
            NodeKind::Map(vec![(k("a", 1), v("first")), (k("a", 2), v("last"))]),
            sp(0),
        );
        assert_eq!(raw.get("a").and_then(Node::as_str), Some("last"));
        assert_eq!(raw.get_ci("A").and_then(Node::as_str), Some("last"));
    }

    #[test]
    fn scalars_convert_across_types() {
        let n = Node::literal(NodeKind::String("22".into()), sp(0));
        assert_eq!(n.to_int_value().get(), Some(&22));
        let b = Node::literal(NodeKind::String("False".into()), sp(0));
        assert_eq!(b.to_bool_value().get(), Some(&false));
        let num = Node::literal(NodeKind::Number(443.0), sp(0));
        assert_eq!(num.to_string_value().get().map(String::as_str), Some("443"));
        assert!(Node::unknown(sp(0)).to_int_value().is_unknown());
    }

    #[test]
    fn items_under_conditions_name_their_branches() {
        let item = |s: &str, at| Node::literal(NodeKind::String(s.into()), sp(at));
        let cond = Node::literal(
            NodeKind::Conditional {
                condition: "IsProd".into(),
                when_true: Box::new(item("a", 1)),
                when_false: Box::new(Node::literal(NodeKind::Null, sp(2))),
            },
            sp(0),
        );
        let list = Node::literal(NodeKind::List(vec![item("x", 3), cond.clone()]), sp(4));
        let items = list.items_when();
        assert_eq!(items.len(), 2, "the null branch is not an item");
        assert!(items[0].1.is_empty());
        assert_eq!(items[1].1, vec![("IsProd".to_string(), true)]);
        let branches = cond.branches();
        assert_eq!(branches.len(), 2);
        assert!(matches!(branches[1].0.kind, NodeKind::Null));
        assert_eq!(branches[1].1, vec![("IsProd".to_string(), false)]);
    }

    #[test]
    fn single_string_is_a_one_item_list() {
        let n = Node::literal(NodeKind::String("s3:*".into()), sp(3));
        let l = n.to_strings();
        let items = l.get().unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].span, sp(3));
    }
}
