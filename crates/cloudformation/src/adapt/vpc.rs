//! VPC networking: VPCs, subnets, route tables and routes, internet gateways, network
//! interfaces, flow logs (see `palisade_model::vpc`).

use super::*;
use palisade_model::vpc::{FlowLog, Route, RouteTarget, Subnet, Vpc};

const VPC: &[&str] = &["AWS::EC2::VPC"];
const SUBNET: &[&str] = &["AWS::EC2::Subnet"];
const ROUTE_TABLE: &[&str] = &["AWS::EC2::RouteTable"];
const GATEWAY: &[&str] = &[
    "AWS::EC2::InternetGateway",
    "AWS::EC2::EgressOnlyInternetGateway",
];

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "AWS::EC2::VPC",
        "AWS::EC2::Subnet",
        "AWS::EC2::FlowLog",
        "AWS::EC2::RouteTable",
        "AWS::EC2::Route",
        "AWS::EC2::SubnetRouteTableAssociation",
        "AWS::EC2::InternetGateway",
        "AWS::EC2::EgressOnlyInternetGateway",
        "AWS::EC2::NetworkInterface",
    ],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[
    ("AWS::EC2::Subnet", "VpcId", LinkKind::InVpc, VPC),
    ("AWS::EC2::RouteTable", "VpcId", LinkKind::InVpc, VPC),
    ("AWS::EC2::FlowLog", "ResourceId", LinkKind::FlowLogOf, VPC),
    (
        "AWS::EC2::FlowLog",
        "ResourceId",
        LinkKind::FlowLogOf,
        SUBNET,
    ),
    (
        "AWS::EC2::FlowLog",
        "ResourceId",
        LinkKind::FlowLogOf,
        &["AWS::EC2::NetworkInterface"],
    ),
    (
        "AWS::EC2::Route",
        "RouteTableId",
        LinkKind::RouteTable,
        ROUTE_TABLE,
    ),
    ("AWS::EC2::Route", "GatewayId", LinkKind::Gateway, GATEWAY),
    (
        "AWS::EC2::Route",
        "EgressOnlyInternetGatewayId",
        LinkKind::Gateway,
        GATEWAY,
    ),
    (
        "AWS::EC2::SubnetRouteTableAssociation",
        "RouteTableId",
        LinkKind::RouteTable,
        ROUTE_TABLE,
    ),
    (
        "AWS::EC2::SubnetRouteTableAssociation",
        "SubnetId",
        LinkKind::Subnet,
        SUBNET,
    ),
    (
        "AWS::EC2::NetworkInterface",
        "SubnetId",
        LinkKind::Subnet,
        SUBNET,
    ),
    (
        "AWS::EC2::NetworkInterface",
        "GroupSet",
        LinkKind::MemberOf,
        &["AWS::EC2::SecurityGroup"],
    ),
];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    let p = r.props;
    match kind {
        "AWS::EC2::VPC" => r.model.vpcs.push(Vpc {
            owner: r.id,
            module_flow_log: None,
        }),
        "AWS::EC2::Subnet" => {
            let map_public_ip_on_launch = r.flag_or(p, "MapPublicIpOnLaunch", false);
            r.model.subnets.push(Subnet {
                owner: r.id,
                map_public_ip_on_launch,
            });
        }
        "AWS::EC2::FlowLog" => {
            let targets = present(p, "ResourceId")
                .map(|v| vec![v.to_string_value()])
                .unwrap_or_default();
            r.model.flow_logs.push(FlowLog {
                owner: r.id,
                targets,
            });
        }
        "AWS::EC2::Route" => {
            let destinations = ["DestinationCidrBlock", "DestinationIpv6CidrBlock"]
                .iter()
                .filter_map(|k| present(p, k))
                .map(Node::to_string_value)
                .collect();
            let target = match present(p, "GatewayId") {
                Some(g) if names_internet_gateway(g) => RouteTarget::InternetGateway,
                _ if present(p, "EgressOnlyInternetGatewayId").is_some() => {
                    RouteTarget::EgressOnlyGateway
                }
                _ => RouteTarget::Other,
            };
            r.model.routes.push(Route {
                owner: r.id,
                destinations,
                target,
                span: r.extent,
            });
        }
        _ => {}
    }
}

/// `GatewayId` naming an internet gateway by its `igw-` id. A `Ref` to a gateway of the
/// template is the route's [`LinkKind::Gateway`] link, which checks follow.
fn names_internet_gateway(g: &Node) -> bool {
    matches!(g.to_string_value().get(), Some(s) if s.trim().starts_with("igw-"))
}
