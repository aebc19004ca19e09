//! EC2: security groups and their rules (including EC2-Classic DB security groups), network
//! ACLs and their rules, EBS volumes, and the block devices of instances, launch templates and
//! launch configurations.

use super::{
    at, blocks, entry, flag, flagged_store, is_null, store, string, Cx, LinkRow, ServiceAdapter,
};
use palisade_model::ec2::{Direction, NaclRule, SecurityGroupRule, SgSource};
use palisade_model::encryption::Service;
use palisade_model::instance::{Launch, LaunchKind, MetadataOptions};
use palisade_model::{LinkKind, Node, NodeKind, ResourceId, Span, Value, ValueKind};

const SG: &[&str] = &["aws_security_group", "aws_default_security_group"];
const VPC: &[&str] = &["aws_vpc"];

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "aws_security_group",
        "aws_db_security_group",
        "aws_default_security_group",
        "aws_security_group_rule",
        "aws_vpc_security_group_ingress_rule",
        "aws_vpc_security_group_egress_rule",
        "aws_network_acl",
        "aws_default_network_acl",
        "aws_network_acl_rule",
        "aws_ebs_volume",
        "aws_instance",
        "aws_launch_template",
        "aws_launch_configuration",
    ],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[
    (
        "aws_security_group_rule",
        "security_group_id",
        LinkKind::DefaultSecurityGroupOf,
        VPC,
    ),
    (
        "aws_vpc_security_group_ingress_rule",
        "security_group_id",
        LinkKind::DefaultSecurityGroupOf,
        VPC,
    ),
    (
        "aws_vpc_security_group_egress_rule",
        "security_group_id",
        LinkKind::DefaultSecurityGroupOf,
        VPC,
    ),
    ("aws_security_group", "vpc_id", LinkKind::InVpc, VPC),
    ("aws_default_security_group", "vpc_id", LinkKind::InVpc, VPC),
    (
        "aws_instance",
        "vpc_security_group_ids",
        LinkKind::MemberOf,
        SG,
    ),
    ("aws_instance", "security_groups", LinkKind::MemberOf, SG),
    (
        "aws_instance",
        "subnet_id",
        LinkKind::Subnet,
        &["aws_subnet"],
    ),
    (
        "aws_launch_template",
        "vpc_security_group_ids",
        LinkKind::MemberOf,
        SG,
    ),
    (
        "aws_launch_template",
        "network_interfaces.security_groups",
        LinkKind::MemberOf,
        SG,
    ),
    (
        "aws_launch_configuration",
        "security_groups",
        LinkKind::MemberOf,
        SG,
    ),
    (
        "aws_security_group_rule",
        "security_group_id",
        LinkKind::SecurityGroup,
        SG,
    ),
    (
        "aws_vpc_security_group_ingress_rule",
        "security_group_id",
        LinkKind::SecurityGroup,
        SG,
    ),
    (
        "aws_vpc_security_group_egress_rule",
        "security_group_id",
        LinkKind::SecurityGroup,
        SG,
    ),
    (
        "aws_network_acl_rule",
        "network_acl_id",
        LinkKind::NetworkAcl,
        &["aws_network_acl", "aws_default_network_acl"],
    ),
];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_security_group" | "aws_default_security_group" => {
            for (dir, name) in [
                (Direction::Ingress, "ingress"),
                (Direction::Egress, "egress"),
            ] {
                for (b, sp) in blocks(n, name) {
                    let direction = Value::literal(dir, sp);
                    sg_rule(cx, id, direction, b, sp);
                }
            }
        }
        // EC2-Classic DB security groups: an `ingress` opens the database's port (not
        // written: unknown) to `cidr` or to another group.
        "aws_db_security_group" => {
            for (b, sp) in blocks(n, "ingress") {
                let mut sources = Vec::new();
                if let Some((_, v)) = entry(b, "cidr").filter(|(_, v)| !is_null(v)) {
                    sources.push(SgSource::Cidr(v.to_string_value()));
                }
                for name in [
                    "security_group_name",
                    "security_group_id",
                    "security_group_owner_id",
                ] {
                    if let Some((k, _)) = entry(b, name).filter(|(_, v)| !is_null(v)) {
                        sources.push(SgSource::Other(k.span));
                    }
                }
                cx.model.security_group_rules.push(SecurityGroupRule {
                    owner: id,
                    direction: Value::literal(Direction::Ingress, sp),
                    protocol: Value::omitted("tcp".to_string(), sp),
                    from_port: Value::unknown(sp),
                    to_port: Value::unknown(sp),
                    sources,
                    span: sp,
                    description: string(n, "description"),
                });
            }
        }
        "aws_security_group_rule" => {
            let direction = match entry(n, "type") {
                Some((_, v)) => v.to_string_value().map(&mut |s| {
                    if s.eq_ignore_ascii_case("egress") {
                        Direction::Egress
                    } else {
                        Direction::Ingress
                    }
                }),
                None => Value::unknown(header),
            };
            sg_rule(cx, id, direction, n, n.span);
        }
        "aws_vpc_security_group_ingress_rule" => sg_rule(
            cx,
            id,
            Value::literal(Direction::Ingress, header),
            n,
            n.span,
        ),
        "aws_vpc_security_group_egress_rule" => {
            sg_rule(cx, id, Value::literal(Direction::Egress, header), n, n.span)
        }
        "aws_network_acl" | "aws_default_network_acl" => {
            for (dir, name) in [
                (Direction::Ingress, "ingress"),
                (Direction::Egress, "egress"),
            ] {
                for (b, sp) in blocks(n, name) {
                    nacl_rule(cx, id, Value::literal(dir, sp), b, sp, "rule_no", "action");
                }
            }
        }
        "aws_network_acl_rule" => {
            let direction = match entry(n, "egress") {
                Some((k, v)) if !is_null(v) => at(v.to_bool_value(), k.span).map(&mut |e| {
                    if e {
                        Direction::Egress
                    } else {
                        Direction::Ingress
                    }
                }),
                _ => Value::omitted(Direction::Ingress, header),
            };
            nacl_rule(cx, id, direction, n, n.span, "rule_number", "rule_action");
        }
        "aws_ebs_volume" => flagged_store(
            cx,
            id,
            n,
            Service::Ebs,
            "volume",
            "encrypted",
            "kms_key_id",
            header,
        ),
        "aws_instance" | "aws_launch_configuration" => {
            launch(cx, id, kind, n, header);
            let roots = blocks(n, "root_block_device");
            let has_dynamic = entry(n, "dynamic:root_block_device").is_some();
            let from_template = kind == "aws_instance" && entry(n, "launch_template").is_some();
            if roots.is_empty() && !has_dynamic && !from_template {
                // No root block device written: the AMI's unencrypted default applies.
                store(
                    cx,
                    id,
                    Service::Ebs,
                    "root block device",
                    Value::omitted(false, header),
                    None,
                    header,
                );
            }
            for (b, sp) in roots {
                block_device(cx, id, b, sp, "root block device");
            }
            for (b, sp) in blocks(n, "ebs_block_device") {
                block_device(cx, id, b, sp, "EBS block device");
            }
        }
        "aws_launch_template" => {
            launch(cx, id, kind, n, header);
            for (m, _) in blocks(n, "block_device_mappings") {
                for (b, sp) in blocks(m, "ebs") {
                    block_device(cx, id, b, sp, "launch template block device");
                }
            }
        }
        _ => {}
    }
}

/// The network side of an instance, launch template or launch configuration.
fn launch(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    let kind = match kind {
        "aws_instance" => LaunchKind::Instance,
        "aws_launch_template" => LaunchKind::LaunchTemplate,
        _ => LaunchKind::LaunchConfiguration,
    };
    let interfaces = blocks(n, "network_interfaces");
    let written = |n: &Node, name: &str| {
        entry(n, name)
            .filter(|(_, v)| !is_null(v))
            .map(|(k, v)| at(v.to_bool_value(), k.span))
    };
    let public_ip = written(n, "associate_public_ip_address").or_else(|| {
        interfaces
            .first()
            .and_then(|(i, _)| written(i, "associate_public_ip_address"))
    });
    let mut security_groups = Vec::new();
    for attr in [
        "vpc_security_group_ids",
        "security_groups",
        "security_group_names",
    ] {
        group_values(n, attr, &mut security_groups);
    }
    for (i, _) in &interfaces {
        group_values(i, "security_groups", &mut security_groups);
    }
    let metadata = match blocks(n, "metadata_options").first() {
        Some((m, sp)) => metadata_options(m, *sp),
        None => metadata_options(&Node::unknown(header), header),
    };
    let groups_elsewhere = !blocks(n, "network_interface").is_empty()
        || interfaces
            .iter()
            .any(|(i, _)| entry(i, "network_interface_id").is_some_and(|(_, v)| !is_null(v)));
    cx.model.launches.push(Launch {
        owner: id,
        kind,
        public_ip,
        metadata,
        security_groups,
        groups_elsewhere,
        from_template: kind == LaunchKind::Instance && entry(n, "launch_template").is_some(),
    });
    // User data, plain (`user_data`) or base64 (`user_data_base64`, and a launch template's
    // `user_data`): kept as written, the checks decode it.
    for attr in ["user_data", "user_data_base64"] {
        if let Some((k, v)) = entry(n, attr).filter(|(_, v)| !is_null(v)) {
            cx.model
                .secrets
                .user_data
                .push(palisade_model::secrets::UserData {
                    owner: id,
                    kind,
                    value: at(v.to_string_value(), k.span),
                });
        }
    }
}

/// `metadata_options`: what is not written takes the EC2 default at the block (`span`).
fn metadata_options(m: &Node, span: Span) -> MetadataOptions {
    let text = |name: &str, default: &str| match entry(m, name) {
        Some((k, v)) if !is_null(v) => at(v.to_string_value(), k.span),
        _ => Value::omitted(default.to_string(), span),
    };
    MetadataOptions {
        http_tokens: text("http_tokens", "optional"),
        http_endpoint: text("http_endpoint", "enabled"),
        hop_limit: entry(m, "http_put_response_hop_limit")
            .filter(|(_, v)| !is_null(v))
            .map(|(k, v)| at(v.to_int_value(), k.span)),
        span,
    }
}

/// The security groups of a list attribute, one value per item; an unknown list is one
/// unknown value.
fn group_values(n: &Node, attr: &str, out: &mut Vec<Value<String>>) {
    let Some((_, v)) = entry(n, attr) else {
        return;
    };
    match &v.kind {
        NodeKind::Null => {}
        NodeKind::List(items) => out.extend(
            items
                .iter()
                .filter(|i| !is_null(i))
                .map(|i| i.to_string_value()),
        ),
        _ => out.push(v.to_string_value()),
    }
}

fn block_device(cx: &mut Cx, id: ResourceId, b: &Node, block_span: Span, what: &str) {
    let (encrypted, sp) = flag(b, "encrypted", false, block_span);
    store(
        cx,
        id,
        Service::Ebs,
        what,
        encrypted,
        string(b, "kms_key_id"),
        sp.unwrap_or(block_span),
    );
}

fn sg_rule(cx: &mut Cx, owner: ResourceId, direction: Value<Direction>, r: &Node, span: Span) {
    let protocol = match string(r, "protocol").or_else(|| string(r, "ip_protocol")) {
        Some(p) => p.map(&mut |s| s.to_ascii_lowercase()),
        None => Value::unknown(span),
    };
    let all = protocol
        .get()
        .is_some_and(|p| palisade_model::ec2::is_all_protocols(p));
    let port = |name: &str, default: i64| match entry(r, name) {
        Some((_, v)) if !is_null(v) => v.to_int_value(),
        // Ports do not apply to "all protocols"; otherwise a missing port is unknown.
        _ if all => Value::omitted(default, span),
        _ => Value::unknown(span),
    };
    let (from_port, to_port) = (port("from_port", 0), port("to_port", 65535));
    let mut sources = Vec::new();
    for name in ["cidr_blocks", "ipv6_cidr_blocks"] {
        if let Some((_, v)) = entry(r, name) {
            cidrs(v, &mut sources);
        }
    }
    for name in ["cidr_ipv4", "cidr_ipv6"] {
        if let Some((_, v)) = entry(r, name) {
            if !is_null(v) {
                sources.push(SgSource::Cidr(v.to_string_value()));
            }
        }
    }
    for name in [
        "security_groups",
        "source_security_group_id",
        "prefix_list_ids",
        "referenced_security_group_id",
        "prefix_list_id",
    ] {
        if let Some((k, v)) = entry(r, name) {
            let empty = is_null(v) || matches!(&v.kind, NodeKind::List(i) if i.is_empty());
            if !empty {
                sources.push(SgSource::Other(k.span));
            }
        }
    }
    if let Some((k, v)) = entry(r, "self") {
        if !matches!(v.kind, NodeKind::Bool(false) | NodeKind::Null) {
            sources.push(SgSource::Other(k.span));
        }
    }
    // The AWS provider rejects a CIDR with host bits set (`1.0.0.0/0`) at plan time: nothing of
    // it is deployed, so it opens nothing (CloudFormation, where the API masks it, keeps it).
    sources.retain(|s| {
        !matches!(s, SgSource::Cidr(c) if c.get().is_some_and(|c| palisade_model::ec2::has_host_bits(c)))
    });
    cx.model.security_group_rules.push(SecurityGroupRule {
        owner,
        direction,
        protocol,
        from_port,
        to_port,
        sources,
        span,
        description: string(r, "description"),
    });
}

/// CIDR list items, each with its own span; an unknown list is one unknown CIDR; the items of
/// a conditional list apply under their branch.
fn cidrs(v: &Node, out: &mut Vec<SgSource>) {
    match &v.kind {
        NodeKind::List(items) => {
            for i in items {
                if !is_null(i) {
                    out.push(SgSource::Cidr(i.to_string_value()));
                }
            }
        }
        NodeKind::Null => {}
        NodeKind::Conditional {
            condition,
            when_true,
            when_false,
        } => {
            for (branch, taken) in [(when_true, true), (when_false, false)] {
                let mut inner = Vec::new();
                cidrs(branch, &mut inner);
                for s in inner {
                    let SgSource::Cidr(c) = s else {
                        out.push(s);
                        continue;
                    };
                    let sp = c.span;
                    let other = Box::new(Value::unknown(sp));
                    let (when_true, when_false) = if taken {
                        (Box::new(c), other)
                    } else {
                        (other, Box::new(c))
                    };
                    out.push(SgSource::Cidr(Value {
                        kind: ValueKind::Conditional {
                            condition: condition.clone(),
                            when_true,
                            when_false,
                        },
                        span: sp,
                        defined_at: None,
                    }));
                }
            }
        }
        _ => out.push(SgSource::Cidr(v.to_string_value())),
    }
}

fn nacl_rule(
    cx: &mut Cx,
    owner: ResourceId,
    direction: Value<Direction>,
    r: &Node,
    span: Span,
    number_attr: &str,
    action_attr: &str,
) {
    let protocol = match string(r, "protocol") {
        Some(p) => p.map(&mut |s| s.to_ascii_lowercase()),
        None => Value::unknown(span),
    };
    let all = protocol
        .get()
        .is_some_and(|p| palisade_model::ec2::is_all_protocols(p));
    let port = |name: &str, default: i64| match entry(r, name) {
        Some((_, v)) if !is_null(v) => v.to_int_value(),
        _ if all => Value::omitted(default, span),
        _ => Value::unknown(span),
    };
    cx.model.nacl_rules.push(NaclRule {
        owner,
        direction,
        action: string(r, action_attr)
            .map(|a| a.map(&mut |s| s.to_ascii_lowercase()))
            .unwrap_or_else(|| Value::unknown(span)),
        from_port: port("from_port", 0),
        to_port: port("to_port", 65535),
        protocol,
        cidr: string(r, "cidr_block"),
        ipv6_cidr: string(r, "ipv6_cidr_block"),
        rule_number: entry(r, number_attr)
            .map(|(_, v)| v.to_int_value())
            .unwrap_or_else(|| Value::unknown(span)),
        span,
    });
}
