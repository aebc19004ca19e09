//! Lambda: functions (their plain-text environment) and permissions (`aws_lambda_permission`,
//! each one statement of the function's resource policy).

use super::{at, blocks, entry, is_null, Cx, LinkRow, ServiceAdapter};
use palisade_model::node::MapKey;
use palisade_model::public_access::FunctionUrl;
use palisade_model::secrets::{EnvironmentService, EnvironmentVariable};
use palisade_model::{AttachedPolicy, Node, NodeKind, PolicyKind, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "aws_lambda_function",
        "aws_lambda_permission",
        "aws_lambda_function_url",
    ],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_lambda_function" => environment(cx, id, n),
        "aws_lambda_permission" => permission(cx, id, n, header),
        "aws_lambda_function_url" => function_url(cx, id, n, header),
        _ => {}
    }
}

fn environment(cx: &mut Cx, id: ResourceId, n: &Node) {
    for (env, _) in blocks(n, "environment") {
        let Some(variables) = env.get("variables") else {
            continue;
        };
        for (key, value) in variables.entries() {
            cx.model.secrets.environment.push(EnvironmentVariable {
                owner: id,
                service: EnvironmentService::Lambda,
                name: Some(key.name.clone()),
                value: value.to_string_value(),
                container: None,
                span: key.span,
            });
        }
    }
}

fn key(name: &str, span: Span) -> MapKey {
    MapKey {
        name: name.to_string(),
        span,
    }
}

/// `aws_lambda_permission` is one statement of the function's resource policy; it is written
/// as that statement so the policy checks judge it like any other.
fn permission(cx: &mut Cx, id: ResourceId, n: &Node, header: Span) {
    let written = |name: &str| entry(n, name).filter(|(_, v)| !is_null(v));
    let Some((action_key, action)) = written("action") else {
        return;
    };
    let mut statement = vec![
        (
            key("Effect", action_key.span),
            Node::literal(NodeKind::String("Allow".into()), action.span),
        ),
        (key("Action", action_key.span), action.clone()),
    ];
    if let Some((k, principal)) = written("principal") {
        // A bare string: `*`, a service host, or an account id / ARN.
        let kind = match principal.as_str() {
            Some("*") => None,
            Some(s) if s.ends_with(".amazonaws.com") || s.ends_with(".amazonaws.com.cn") => {
                Some("Service")
            }
            _ => Some("AWS"),
        };
        let value = match kind {
            None => principal.clone(),
            Some(kind) => Node::new(
                NodeKind::Map(vec![(key(kind, principal.span), principal.clone())]),
                principal.span,
                principal.provenance,
            ),
        };
        statement.push((key("Principal", k.span), value));
    }
    if let Some((k, function)) = written("function_name") {
        statement.push((key("Resource", k.span), function.clone()));
    }
    let mut conditions = Vec::new();
    for (attr, operator, condition_key) in [
        ("source_arn", "ArnLike", "AWS:SourceArn"),
        ("source_account", "StringEquals", "AWS:SourceAccount"),
        ("principal_org_id", "StringEquals", "aws:PrincipalOrgID"),
    ] {
        let Some((k, value)) = written(attr) else {
            continue;
        };
        let test = (key(condition_key, k.span), value.clone());
        conditions.push((
            key(operator, k.span),
            Node::new(NodeKind::Map(vec![test]), value.span, value.provenance),
        ));
    }
    if !conditions.is_empty() {
        statement.push((
            key("Condition", header),
            Node::literal(NodeKind::Map(conditions), header),
        ));
    }
    let extent = cx.model.resource(id).extent;
    let doc = Node::literal(
        NodeKind::Map(vec![(
            key("Statement", header),
            Node::literal(NodeKind::Map(statement), extent),
        )]),
        extent,
    );
    if let Some(document) = palisade_model::policy::policy_from_node(&doc, PolicyKind::Resource) {
        cx.model.policies.push(AttachedPolicy {
            owner: Some(id),
            attribute: "permission".into(),
            document,
        });
    }
}

/// A function URL: its authorization type (required by the provider: a configuration
/// without it does not plan, so its absence is unknown).
fn function_url(cx: &mut Cx, id: ResourceId, n: &Node, header: Span) {
    let auth_type = match entry(n, "authorization_type") {
        Some((k, v)) => at(v.to_string_value(), k.span),
        None => Value::unknown(header),
    };
    cx.model.function_urls.push(FunctionUrl {
        owner: id,
        auth_type,
    });
}
