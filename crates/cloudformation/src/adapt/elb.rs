//! Elastic Load Balancing: `AWS::ElasticLoadBalancingV2::LoadBalancer` and `::Listener`,
//! `AWS::ElasticLoadBalancing::LoadBalancer` with its listeners and SSL negotiation
//! policies.

use super::{
    flat_items, key_span, present, prop_string, Adapter, LinkRow, Reference, ServiceAdapter, BUCKET,
};
use palisade_model::elb::{
    ClassicListener, LbType, Listener, ListenerAction, LoadBalancer, PolicyAttribute,
    SslNegotiationPolicy,
};
use palisade_model::{LinkKind, Model, Node, NodeKind, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "AWS::ElasticLoadBalancing::LoadBalancer",
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "AWS::ElasticLoadBalancingV2::Listener",
    ],
    links: LINKS,
    references: Some(references),
    adapt,
};

pub(super) const ELBV2: &[&str] = &["AWS::ElasticLoadBalancingV2::LoadBalancer"];

const LINKS: &[LinkRow] = &[
    (
        "AWS::ElasticLoadBalancing::LoadBalancer",
        "AccessLoggingPolicy.S3BucketName",
        LinkKind::LogDestination,
        BUCKET,
    ),
    (
        "AWS::ElasticLoadBalancingV2::Listener",
        "LoadBalancerArn",
        LinkKind::LoadBalancer,
        ELBV2,
    ),
    (
        "AWS::ElasticLoadBalancingV2::Listener",
        "DefaultActions.TargetGroupArn",
        LinkKind::TargetGroup,
        &["AWS::ElasticLoadBalancingV2::TargetGroup"],
    ),
];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    let (model, id, props, header) = (&mut *r.model, r.id, r.props, r.header);
    match kind {
        "AWS::ElasticLoadBalancingV2::LoadBalancer" => load_balancer(model, id, props, header),
        "AWS::ElasticLoadBalancingV2::Listener" => listener(model, id, props),
        _ => classic(model, id, props, header),
    }
}

/// Load balancer (v2) attributes are a list of `Key`/`Value` pairs; `access_logs.s3.bucket`
/// names the log destination.
fn references<'n>(kind: &str, props: &'n Node, out: &mut Vec<Reference<'n>>) {
    if kind == "AWS::ElasticLoadBalancingV2::LoadBalancer" {
        if let Some(attributes) = props.get("LoadBalancerAttributes") {
            for item in attributes.items() {
                let is_log_bucket = item
                    .get("Key")
                    .and_then(Node::as_str)
                    .is_some_and(|k| k == "access_logs.s3.bucket");
                if let (true, Some(value)) = (is_log_bucket, item.get("Value")) {
                    for target in value.references() {
                        out.push((LinkKind::LogDestination, BUCKET, item.span, target));
                    }
                }
            }
        }
    }
}

fn upper(v: Value<String>) -> Value<String> {
    v.map(&mut |s| s.to_ascii_uppercase())
}

/// `Scheme: internal` as `internal`; internet-facing when not written.
fn internal(props: &Node, header: Span) -> Value<bool> {
    match prop_string(props, "Scheme") {
        Some(s) => s.map(&mut |s| s.eq_ignore_ascii_case("internal")),
        None => Value::omitted(false, header),
    }
}

fn load_balancer(model: &mut Model, id: ResourceId, props: &Node, header: Span) {
    let lb_type = match prop_string(props, "Type") {
        Some(t) => {
            let span = t.span;
            let mut unknown = false;
            let v = t.map(&mut |s| match s.to_ascii_lowercase().as_str() {
                "application" => LbType::Application,
                "network" => LbType::Network,
                "gateway" => LbType::Gateway,
                _ => {
                    unknown = true;
                    LbType::Application
                }
            });
            if unknown {
                Value::unknown(span)
            } else {
                v
            }
        }
        None => Value::omitted(LbType::Application, header),
    };
    // `LoadBalancerAttributes` is a list of `Key`/`Value` pairs.
    let drop_invalid_header_fields = attribute_flag(
        props,
        "routing.http.drop_invalid_header_fields.enabled",
        header,
    );
    let access_logs = attribute_flag(props, "access_logs.s3.enabled", header);
    model.load_balancers.push(LoadBalancer {
        owner: id,
        lb_type,
        internal: internal(props, header),
        drop_invalid_header_fields,
        access_logs,
        classic_listeners: Vec::new(),
    });
}

/// A boolean load balancer attribute (`LoadBalancerAttributes` is a list of `Key`/`Value`
/// pairs, the values strings): `Omitted(false)` at the header when not written (every boolean
/// attribute defaults to false), unknown when the list cannot be read.
fn attribute_flag(props: &Node, key: &str, header: Span) -> Value<bool> {
    let mut value = Value::omitted(false, header);
    if let Some(attributes) = present(props, "LoadBalancerAttributes") {
        if !matches!(attributes.kind, NodeKind::List(_)) {
            value = Value::unknown(attributes.span);
        }
        for item in flat_items(attributes) {
            if item.get("Key").and_then(Node::as_str) == Some(key) {
                value = match item.get("Value") {
                    Some(v) => {
                        let mut b = v.to_bool_value();
                        b.span = key_span(item, "Value").map_or(v.span, |k| k.to(v.span));
                        b
                    }
                    None => Value::unknown(item.span),
                };
            }
        }
    }
    value
}

/// `AccessLoggingPolicy.Enabled` of a classic load balancer: `Omitted(false)` at the header
/// without a policy; unknown when the policy or its (required) `Enabled` cannot be read.
fn classic_access_logs(props: &Node, header: Span) -> Value<bool> {
    let Some(policy) = present(props, "AccessLoggingPolicy") else {
        return Value::omitted(false, header);
    };
    if !matches!(policy.kind, NodeKind::Map(_)) {
        return Value::unknown(policy.span);
    }
    match present(policy, "Enabled") {
        Some(v) => {
            let mut b = v.to_bool_value();
            b.span = key_span(policy, "Enabled").map_or(v.span, |k| k.to(v.span));
            b
        }
        None => Value::unknown(policy.span),
    }
}

fn listener(model: &mut Model, id: ResourceId, props: &Node) {
    let actions = present(props, "DefaultActions");
    let actions_known = actions.is_none_or(|a| matches!(a.kind, NodeKind::List(_)));
    let default_actions = actions
        .map(|list| {
            flat_items(list)
                .into_iter()
                .map(|a| ListenerAction {
                    action_type: prop_string(a, "Type")
                        .map(|v| v.map(&mut |s| s.to_ascii_lowercase()))
                        .unwrap_or_else(|| Value::unknown(a.span)),
                    redirect_protocol: prop_string(a, "Type")
                        .and_then(|t| t.get().cloned())
                        .filter(|t| t.eq_ignore_ascii_case("redirect"))
                        .map(|_| match present(a, "RedirectConfig") {
                            Some(r) => prop_string(r, "Protocol").map(upper).unwrap_or_else(|| {
                                Value::omitted("#{PROTOCOL}".to_string(), r.span)
                            }),
                            None => Value::omitted("#{PROTOCOL}".to_string(), a.span),
                        }),
                    span: a.span,
                })
                .collect()
        })
        .unwrap_or_default();
    model.listeners.push(Listener {
        owner: id,
        protocol: prop_string(props, "Protocol").map(upper),
        port: present(props, "Port").map(Node::to_int_value),
        ssl_policy: prop_string(props, "SslPolicy"),
        default_actions,
        actions_known,
    });
}

fn classic(model: &mut Model, id: ResourceId, props: &Node, header: Span) {
    let classic_listeners = present(props, "Listeners")
        .map(|list| {
            flat_items(list)
                .into_iter()
                .map(|l| ClassicListener {
                    protocol: prop_string(l, "Protocol")
                        .map(upper)
                        .unwrap_or_else(|| Value::unknown(l.span)),
                    instance_protocol: prop_string(l, "InstanceProtocol")
                        .map(upper)
                        .unwrap_or_else(|| Value::unknown(l.span)),
                    port: present(l, "LoadBalancerPort")
                        .map(Node::to_int_value)
                        .unwrap_or_else(|| Value::unknown(l.span)),
                    span: l.span,
                })
                .collect()
        })
        .unwrap_or_default();
    model.load_balancers.push(LoadBalancer {
        owner: id,
        lb_type: Value::literal(LbType::Classic, header),
        internal: internal(props, header),
        drop_invalid_header_fields: Value::omitted(false, header),
        access_logs: classic_access_logs(props, header),
        classic_listeners,
    });
    // Inline SSL negotiation policies.
    if let Some(policies) = present(props, "Policies") {
        for p in flat_items(policies) {
            let ssl = p
                .get("PolicyType")
                .and_then(Node::as_str)
                .is_some_and(|t| t.eq_ignore_ascii_case("SSLNegotiationPolicyType"));
            if !ssl {
                continue;
            }
            let attributes = present(p, "Attributes")
                .map(|list| {
                    flat_items(list)
                        .into_iter()
                        .map(|a| PolicyAttribute {
                            name: present(a, "Name")
                                .map(Node::to_string_value)
                                .unwrap_or_else(|| Value::unknown(a.span)),
                            value: present(a, "Value")
                                .map(Node::to_string_value)
                                .unwrap_or_else(|| Value::unknown(a.span)),
                            span: a.span,
                        })
                        .collect()
                })
                .unwrap_or_default();
            model.ssl_negotiation_policies.push(SslNegotiationPolicy {
                owner: id,
                name: prop_string(p, "PolicyName"),
                attributes,
                span: p.span,
            });
        }
    }
}
