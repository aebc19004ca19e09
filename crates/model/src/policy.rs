//! IAM policy documents from JSON-shaped nodes: one converter for CloudFormation policies,
//! Terraform `jsonencode`/heredoc/`aws_iam_policy_document` output and standalone files.

use crate::node::{Node, NodeKind};
use palisade_iam::{
    Condition, Effect, PolicyDocument, PolicyKind, PrincipalEntry, Principals, Statement,
};
use palisade_source::{Provenance, Value, ValueKind};

/// Reads a policy document. Returns `None` when the node is not a map with a `Statement`
/// (e.g. an unknown value): nothing is known about it, so nothing will be judged.
pub fn policy_from_node(node: &Node, kind: PolicyKind) -> Option<PolicyDocument> {
    let statement = node.get_ci("Statement")?;
    let mut doc = PolicyDocument {
        kind,
        statements: Vec::new(),
        span: node.span,
        complete: true,
    };
    collect_statements(statement, &mut doc);
    Some(doc)
}

fn collect_statements(node: &Node, doc: &mut PolicyDocument) {
    for (item, when) in node.items_when() {
        match item.kind {
            NodeKind::Map(_) => doc.statements.push(statement_from_node(item, when)),
            _ => doc.complete = false,
        }
    }
}

fn statement_from_node(node: &Node, when: Vec<(String, bool)>) -> Statement {
    let effect = match node.get_ci("Effect") {
        Some(e) => parse_effect(e),
        // IAM rejects a statement without Effect; treat it as unknown rather than guess.
        None => Value::unknown(node.span),
    };
    Statement {
        sid: node.get_ci("Sid").map(Node::to_string_value),
        effect,
        action: node.get_ci("Action").map(Node::to_strings),
        not_action: node.get_ci("NotAction").map(Node::to_strings),
        resource: node.get_ci("Resource").map(Node::to_strings),
        not_resource: node.get_ci("NotResource").map(Node::to_strings),
        principal: node.get_ci("Principal").map(principals_from_node),
        not_principal: node.get_ci("NotPrincipal").map(principals_from_node),
        condition: match node.get_ci("Condition") {
            Some(c) => conditions_from_node(c),
            None => Value::omitted(Vec::new(), node.span),
        },
        span: node.span,
        when,
    }
}

fn parse_effect(node: &Node) -> Value<Effect> {
    node.to_string_value().map(&mut |s| {
        if s.eq_ignore_ascii_case("deny") {
            Effect::Deny
        } else {
            Effect::Allow
        }
    })
}

fn principals_from_node(node: &Node) -> Principals {
    let mut p = Principals {
        entries: Vec::new(),
        span: node.span,
        complete: true,
    };
    match &node.kind {
        NodeKind::String(_) | NodeKind::Partial(_) => p.entries.push(PrincipalEntry {
            kind: "*".into(),
            values: node.to_strings(),
        }),
        NodeKind::Map(entries) => {
            for (key, value) in entries {
                p.entries.push(PrincipalEntry {
                    kind: key.name.clone(),
                    values: value.to_strings(),
                });
            }
        }
        _ => p.complete = false,
    }
    p
}

fn conditions_from_node(node: &Node) -> Value<Vec<Condition>> {
    let NodeKind::Map(operators) = &node.kind else {
        return Value {
            kind: ValueKind::Unknown,
            span: node.span,
            defined_at: node.defined_at,
        };
    };
    let mut out = Vec::new();
    for (operator, tests) in operators {
        match &tests.kind {
            NodeKind::Map(keys) => {
                for (key, values) in keys {
                    out.push(Condition {
                        operator: operator.name.clone(),
                        key: key.name.clone(),
                        values: values.to_strings(),
                        span: key.span.to(values.span),
                    });
                }
            }
            // An operator whose keys are not known makes the whole condition unknown:
            // it might pin exactly what a check looks for.
            _ => {
                return Value {
                    kind: ValueKind::Unknown,
                    span: node.span,
                    defined_at: None,
                }
            }
        }
    }
    let provenance = if node.provenance == Provenance::Omitted {
        Provenance::Literal
    } else {
        node.provenance
    };
    Value::known(out, provenance, node.span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::node::MapKey;
    use palisade_source::{FileId, Span};

    fn sp(a: usize) -> Span {
        Span::new(FileId(0), a, a + 1)
    }
    fn s(v: &str, at: usize) -> Node {
        Node::literal(NodeKind::String(v.into()), sp(at))
    }
    fn map(entries: Vec<(&str, Node)>, at: usize) -> Node {
        Node::literal(
            NodeKind::Map(
                entries
                    .into_iter()
                    .map(|(k, v)| {
                        (
                            MapKey {
                                name: k.into(),
                                span: sp(at),
                            },
                            v,
                        )
                    })
                    .collect(),
            ),
            sp(at),
        )
    }

    #[test]
    fn reads_statement_with_single_string_fields_and_conditions() {
        let doc = map(
            vec![(
                "Statement",
                map(
                    vec![
                        ("Effect", s("Allow", 1)),
                        ("Action", s("sts:AssumeRoleWithWebIdentity", 2)),
                        ("Principal", map(vec![("Federated", s("arn:x", 3))], 3)),
                        (
                            "Condition",
                            map(
                                vec![(
                                    "StringLike",
                                    map(
                                        vec![(
                                            "token.actions.githubusercontent.com:sub",
                                            s("repo:o/*", 5),
                                        )],
                                        4,
                                    ),
                                )],
                                4,
                            ),
                        ),
                    ],
                    9,
                ),
            )],
            0,
        );
        let p = policy_from_node(&doc, PolicyKind::Trust).unwrap();
        assert_eq!(p.statements.len(), 1);
        let st = &p.statements[0];
        assert!(st.is_allow());
        assert_eq!(st.actions(), vec![("sts:AssumeRoleWithWebIdentity", sp(2))]);
        assert_eq!(st.principal.as_ref().unwrap().entries[0].kind, "Federated");
        let conds = st.conditions_on("TOKEN.actions.githubusercontent.com:sub");
        assert_eq!(conds.len(), 1);
        assert_eq!(conds[0].operator, "StringLike");
    }

    #[test]
    fn not_a_policy_gives_none() {
        assert!(policy_from_node(&s("x", 0), PolicyKind::Identity).is_none());
        assert!(policy_from_node(&Node::unknown(sp(0)), PolicyKind::Identity).is_none());
    }
}
