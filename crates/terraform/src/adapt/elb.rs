//! Elastic Load Balancing: `aws_lb`/`aws_alb`, `aws_elb`, their listeners and classic SSL
//! negotiation policies; load balancers are also read for the bucket their access logs go
//! to.

use super::s3::BUCKET;
use super::{
    at, attr_string, blocks, dynamic, entry, flag, is_null, string, Cx, LinkRow, ServiceAdapter,
};
use palisade_model::elb::{
    ClassicListener, LbType, Listener, ListenerAction, LoadBalancer, PolicyAttribute,
    SslNegotiationPolicy,
};
use palisade_model::{LinkKind, Model, Node, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "aws_lb",
        "aws_alb",
        "aws_elb",
        "aws_lb_listener",
        "aws_alb_listener",
        "aws_load_balancer_policy",
        "aws_lb_ssl_negotiation_policy",
    ],
    link_only: &["aws_lb_target_group", "aws_alb_target_group"],
    links: LINKS,
    adapt,
    finish: None,
};

/// Load balancers and listeners, for the exposure graph and the severity by exposure.
pub(super) const LB: &[&str] = &["aws_lb", "aws_alb"];
const TARGET_GROUP: &[&str] = &["aws_lb_target_group", "aws_alb_target_group"];

const LINKS: &[LinkRow] = &[
    (
        "aws_lb",
        "access_logs.bucket",
        LinkKind::LogDestination,
        BUCKET,
    ),
    (
        "aws_alb",
        "access_logs.bucket",
        LinkKind::LogDestination,
        BUCKET,
    ),
    (
        "aws_elb",
        "access_logs.bucket",
        LinkKind::LogDestination,
        BUCKET,
    ),
    (
        "aws_lb_listener",
        "load_balancer_arn",
        LinkKind::LoadBalancer,
        LB,
    ),
    (
        "aws_alb_listener",
        "load_balancer_arn",
        LinkKind::LoadBalancer,
        LB,
    ),
    (
        "aws_lb_listener",
        "default_action.target_group_arn",
        LinkKind::TargetGroup,
        TARGET_GROUP,
    ),
    (
        "aws_alb_listener",
        "default_action.target_group_arn",
        LinkKind::TargetGroup,
        TARGET_GROUP,
    ),
    (
        "aws_load_balancer_policy",
        "load_balancer_name",
        LinkKind::LoadBalancer,
        &["aws_elb"],
    ),
    (
        "aws_lb_ssl_negotiation_policy",
        "load_balancer",
        LinkKind::LoadBalancer,
        &["aws_elb"],
    ),
];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    let model = &mut cx.model;
    match kind {
        "aws_lb" | "aws_alb" => load_balancer(model, id, n, header),
        "aws_elb" => classic(model, id, n, header),
        "aws_lb_listener" | "aws_alb_listener" => listener(model, id, n),
        "aws_load_balancer_policy" | "aws_lb_ssl_negotiation_policy" => {
            ssl_policy(model, id, kind, n, header)
        }
        // Target groups are read for their links only.
        _ => {}
    }
}

fn upper(v: Value<String>) -> Value<String> {
    v.map(&mut |s| s.to_ascii_uppercase())
}

fn lb_type(s: &str) -> Option<LbType> {
    match s.trim().to_ascii_lowercase().as_str() {
        "application" => Some(LbType::Application),
        "network" => Some(LbType::Network),
        "gateway" => Some(LbType::Gateway),
        _ => None,
    }
}

/// `aws_lb`, `aws_alb`.
fn load_balancer(model: &mut Model, id: ResourceId, n: &Node, header: Span) {
    let lb_type = match attr_string(n, "load_balancer_type") {
        Some(v) => parse_type(v),
        None => Value::omitted(LbType::Application, header),
    };
    model.load_balancers.push(LoadBalancer {
        owner: id,
        lb_type,
        internal: flag(n, "internal", false, header).0,
        drop_invalid_header_fields: flag(n, "drop_invalid_header_fields", false, header).0,
        access_logs: access_logs(n, false, header),
        classic_listeners: Vec::new(),
    });
}

/// A load balancer type read from a string; an unrecognised one is unknown.
fn parse_type(v: Value<String>) -> Value<LbType> {
    let mut unknown = false;
    let mapped = v.map(&mut |s| {
        lb_type(&s).unwrap_or_else(|| {
            unknown = true;
            LbType::Application
        })
    });
    if unknown {
        Value::unknown(mapped.span)
    } else {
        mapped
    }
}

/// Whether the `access_logs` block delivers logs. Its `enabled` defaults to false on
/// `aws_lb`/`aws_alb` (even with a bucket) and to true on `aws_elb` (`enabled_default`). No
/// block at all is the service default, off, at the header; a `dynamic` block or an
/// expression in place of the block is unknown.
fn access_logs(n: &Node, enabled_default: bool, header: Span) -> Value<bool> {
    if let Some(span) = dynamic(n, "access_logs") {
        return Value::unknown(span);
    }
    let found = blocks(n, "access_logs");
    let Some((block, span)) = found.first() else {
        return match entry(n, "access_logs") {
            Some((k, v)) if !is_null(v) => Value::unknown(k.span),
            _ => Value::omitted(false, header),
        };
    };
    match entry(block, "enabled") {
        Some((k, v)) if !is_null(v) => at(v.to_bool_value(), k.span),
        _ => Value::omitted(enabled_default, *span),
    }
}

/// `aws_elb`.
fn classic(model: &mut Model, id: ResourceId, n: &Node, header: Span) {
    let classic_listeners = blocks(n, "listener")
        .into_iter()
        .map(|(l, sp)| ClassicListener {
            protocol: attr_string(l, "lb_protocol")
                .map(upper)
                .unwrap_or_else(|| Value::unknown(sp)),
            instance_protocol: attr_string(l, "instance_protocol")
                .map(upper)
                .unwrap_or_else(|| Value::unknown(sp)),
            port: entry(l, "lb_port")
                .map(|(_, v)| v.to_int_value())
                .unwrap_or_else(|| Value::unknown(sp)),
            span: sp,
        })
        .collect();
    model.load_balancers.push(LoadBalancer {
        owner: id,
        lb_type: Value::literal(LbType::Classic, header),
        internal: flag(n, "internal", false, header).0,
        drop_invalid_header_fields: Value::omitted(false, header),
        access_logs: access_logs(n, true, header),
        classic_listeners,
    });
}

/// `aws_lb_listener`, `aws_alb_listener`.
fn listener(model: &mut Model, id: ResourceId, n: &Node) {
    let actions_known = dynamic(n, "default_action").is_none()
        && entry(n, "default_action").is_none_or(|(_, v)| !v.is_unknown());
    let default_actions = blocks(n, "default_action")
        .into_iter()
        .map(|(a, sp)| ListenerAction {
            action_type: attr_string(a, "type")
                .map(|v| v.map(&mut |s| s.to_ascii_lowercase()))
                .unwrap_or_else(|| Value::unknown(sp)),
            redirect_protocol: blocks(a, "redirect").first().map(|(r, rsp)| {
                attr_string(r, "protocol")
                    .map(upper)
                    .unwrap_or_else(|| Value::omitted("#{PROTOCOL}".to_string(), *rsp))
            }),
            span: sp,
        })
        .collect();
    model.listeners.push(Listener {
        owner: id,
        protocol: attr_string(n, "protocol").map(upper),
        port: entry(n, "port").map(|(k, v)| at(v.to_int_value(), k.span)),
        ssl_policy: attr_string(n, "ssl_policy"),
        default_actions,
        actions_known,
    });
}

/// `aws_load_balancer_policy` (of type `SSLNegotiationPolicyType`) and
/// `aws_lb_ssl_negotiation_policy`.
fn ssl_policy(model: &mut Model, id: ResourceId, kind: &str, n: &Node, header: Span) {
    let block = if kind == "aws_load_balancer_policy" {
        let ssl = string(n, "policy_type_name")
            .and_then(|t| t.get().cloned())
            .is_some_and(|t| t.eq_ignore_ascii_case("SSLNegotiationPolicyType"));
        if !ssl {
            return;
        }
        "policy_attribute"
    } else {
        "attribute"
    };
    let name_attr = if kind == "aws_load_balancer_policy" {
        "policy_name"
    } else {
        "name"
    };
    let attributes = blocks(n, block)
        .into_iter()
        .map(|(a, sp)| PolicyAttribute {
            name: string(a, "name").unwrap_or_else(|| Value::unknown(sp)),
            value: entry(a, "value")
                .filter(|(_, v)| !is_null(v))
                .map(|(_, v)| v.to_string_value())
                .unwrap_or_else(|| Value::unknown(sp)),
            span: sp,
        })
        .collect();
    model.ssl_negotiation_policies.push(SslNegotiationPolicy {
        owner: id,
        name: string(n, name_attr),
        attributes,
        span: header,
    });
}
