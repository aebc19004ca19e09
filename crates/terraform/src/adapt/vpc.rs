//! VPC networking: VPCs, subnets, route tables and routes, internet gateways, network
//! interfaces, flow logs (see `palisade_model::vpc`).

use super::{blocks, entry, flag, is_null, Cx, LinkRow, ServiceAdapter};
use palisade_model::vpc::{FlowLog, Route, RouteTarget, Subnet, Vpc};
use palisade_model::{LinkKind, Node, Provenance, ResourceId, Span, Value, ValueKind};

const VPC: &[&str] = &["aws_vpc"];
const SUBNET: &[&str] = &["aws_subnet"];
const ROUTE_TABLE: &[&str] = &["aws_route_table", "aws_default_route_table"];
/// What a route's `route_table_id` can name: a table, or a VPC through its
/// `main_route_table_id` (the VPC's main route table).
const ROUTE_TABLE_OR_VPC: &[&str] = &["aws_route_table", "aws_default_route_table", "aws_vpc"];
const GATEWAY: &[&str] = &["aws_internet_gateway", "aws_egress_only_internet_gateway"];
const SG: &[&str] = &["aws_security_group", "aws_default_security_group"];

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "aws_vpc",
        "aws_subnet",
        "aws_flow_log",
        "aws_route_table",
        "aws_default_route_table",
        "aws_route",
    ],
    link_only: &[
        "aws_route_table_association",
        "aws_main_route_table_association",
        "aws_internet_gateway",
        "aws_egress_only_internet_gateway",
        "aws_network_interface",
    ],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[
    ("aws_subnet", "vpc_id", LinkKind::InVpc, VPC),
    ("aws_route_table", "vpc_id", LinkKind::InVpc, VPC),
    ("aws_flow_log", "vpc_id", LinkKind::FlowLogOf, VPC),
    ("aws_flow_log", "subnet_id", LinkKind::FlowLogOf, SUBNET),
    (
        "aws_flow_log",
        "eni_id",
        LinkKind::FlowLogOf,
        &["aws_network_interface"],
    ),
    (
        "aws_route",
        "route_table_id",
        LinkKind::RouteTable,
        ROUTE_TABLE_OR_VPC,
    ),
    // The main route table of a VPC: the default route table adopted from it, or a table
    // made main by an association.
    (
        "aws_default_route_table",
        "default_route_table_id",
        LinkKind::InVpc,
        VPC,
    ),
    (
        "aws_main_route_table_association",
        "vpc_id",
        LinkKind::InVpc,
        VPC,
    ),
    (
        "aws_main_route_table_association",
        "route_table_id",
        LinkKind::RouteTable,
        ROUTE_TABLE,
    ),
    ("aws_route", "gateway_id", LinkKind::Gateway, GATEWAY),
    (
        "aws_route",
        "egress_only_gateway_id",
        LinkKind::Gateway,
        GATEWAY,
    ),
    (
        "aws_route_table",
        "route.gateway_id",
        LinkKind::Gateway,
        GATEWAY,
    ),
    (
        "aws_default_route_table",
        "route.gateway_id",
        LinkKind::Gateway,
        GATEWAY,
    ),
    (
        "aws_route_table_association",
        "route_table_id",
        LinkKind::RouteTable,
        ROUTE_TABLE,
    ),
    (
        "aws_route_table_association",
        "subnet_id",
        LinkKind::Subnet,
        SUBNET,
    ),
    ("aws_internet_gateway", "vpc_id", LinkKind::InVpc, VPC),
    (
        "aws_network_interface",
        "subnet_id",
        LinkKind::Subnet,
        SUBNET,
    ),
    (
        "aws_network_interface",
        "security_groups",
        LinkKind::MemberOf,
        SG,
    ),
];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_vpc" => cx.model.vpcs.push(Vpc {
            owner: id,
            module_flow_log: None,
        }),
        "aws_subnet" => {
            let (map_public_ip_on_launch, _) = flag(n, "map_public_ip_on_launch", false, header);
            cx.model.subnets.push(Subnet {
                owner: id,
                map_public_ip_on_launch,
            });
        }
        "aws_flow_log" => {
            let targets = [
                "vpc_id",
                "subnet_id",
                "eni_id",
                "transit_gateway_id",
                "transit_gateway_attachment_id",
            ]
            .iter()
            .filter_map(|a| entry(n, a))
            // A null that is not written literally (a module input whose default is null) is
            // a target this configuration does not know: unknown, not absent.
            .filter(|(_, v)| !is_null(v) || v.provenance != Provenance::Literal)
            .map(|(k, v)| {
                if is_null(v) {
                    Value::unknown(k.span)
                } else {
                    v.to_string_value()
                }
            })
            .collect();
            cx.model.flow_logs.push(FlowLog { owner: id, targets });
        }
        "aws_route" => route(cx, id, n, n.span),
        "aws_route_table" | "aws_default_route_table" => {
            for (b, sp) in blocks(n, "route") {
                route(cx, id, b, sp);
            }
        }
        _ => {}
    }
}

fn route(cx: &mut Cx, owner: ResourceId, r: &Node, span: Span) {
    let destinations = [
        "destination_cidr_block",
        "destination_ipv6_cidr_block",
        "cidr_block",
        "ipv6_cidr_block",
    ]
    .iter()
    .filter_map(|a| entry(r, a))
    .filter(|(_, v)| !is_null(v))
    .map(|(_, v)| v.to_string_value())
    .collect();
    let target = match (entry(r, "gateway_id"), entry(r, "egress_only_gateway_id")) {
        (Some((_, g)), _) if names_internet_gateway(g) => RouteTarget::InternetGateway,
        (_, Some((_, g))) if !is_null(g) => RouteTarget::EgressOnlyGateway,
        _ => RouteTarget::Other,
    };
    cx.model.routes.push(Route {
        owner,
        destinations,
        target,
        span,
    });
}

/// `gateway_id` naming an internet gateway: a reference to `aws_internet_gateway`, or an
/// `igw-` id (a virtual private gateway is `vgw-`, a local route `local`).
fn names_internet_gateway(g: &Node) -> bool {
    if g.references()
        .iter()
        .any(|t| palisade_model::module_local_address(t).starts_with("aws_internet_gateway."))
    {
        return true;
    }
    matches!(g.to_string_value().kind, ValueKind::Known(ref s, _) if s.trim().starts_with("igw-"))
}
