//! VPC networking: VPCs, subnets, route tables and their routes, flow logs.
//!
//! These are the facts of the network path from the internet to a resource: a subnet is
//! *public* when a route table associated with it sends `0.0.0.0/0` (or `::/0`) to an internet
//! gateway; an instance there with a public address and an open security group is reachable.
//! Every relation is a [`crate::Link`] declared in the frontends' link tables:
//!
//! | link | from | to |
//! |---|---|---|
//! | [`crate::LinkKind::InVpc`] | subnet, route table, security group | VPC |
//! | [`crate::LinkKind::FlowLogOf`] | flow log | VPC, subnet or network interface it records |
//! | [`crate::LinkKind::RouteTable`] | route, route table association | route table |
//! | [`crate::LinkKind::Subnet`] | route table association, instance, network interface | subnet |
//! | [`crate::LinkKind::Gateway`] | route | internet gateway (or egress-only gateway) |

use crate::ResourceId;
use palisade_source::{Span, Value};

/// A VPC declared in the scanned unit: `aws_vpc`, `AWS::EC2::VPC`, or a call of the
/// `terraform-aws-modules/vpc/aws` registry module (which creates one).
#[derive(Clone, Debug, PartialEq)]
pub struct Vpc {
    pub owner: ResourceId,
    /// For a VPC made by a registry module call: the module's own flow log switch
    /// (`enable_flow_log`, `Omitted(false)` at the call's header when not written). `None`
    /// for a VPC resource, whose flow logs are separate resources linked to it.
    pub module_flow_log: Option<Value<bool>>,
}

/// A subnet: `aws_subnet`, `AWS::EC2::Subnet`.
#[derive(Clone, Debug, PartialEq)]
pub struct Subnet {
    pub owner: ResourceId,
    /// `map_public_ip_on_launch` / `MapPublicIpOnLaunch`; `Omitted(false)` at the header (the
    /// AWS default for a subnet that is not in a default VPC).
    pub map_public_ip_on_launch: Value<bool>,
}

/// A VPC flow log: `aws_flow_log`, `AWS::EC2::FlowLog`. What it records is a
/// [`crate::LinkKind::FlowLogOf`] link when the target is declared in the same unit.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowLog {
    pub owner: ResourceId,
    /// The written target attributes (`vpc_id`, `subnet_id`, `eni_id`,
    /// `transit_gateway_id`, `transit_gateway_attachment_id` / `ResourceId`), whether or not
    /// they resolve to a declared resource. Empty when the flow log names nothing.
    pub targets: Vec<Value<String>>,
}

/// Where a route sends its traffic, as far as the code shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RouteTarget {
    /// An internet gateway (`gateway_id = aws_internet_gateway.x.id`, `igw-...`,
    /// `GatewayId: !Ref Igw`): the subnet is public.
    InternetGateway,
    /// An egress-only internet gateway (IPv6 out only).
    EgressOnlyGateway,
    /// Anything else (NAT gateway, transit gateway, peering, an instance, a virtual private
    /// gateway) or unknown.
    Other,
}

/// A route: inline `route` blocks of `aws_route_table` / `aws_default_route_table`,
/// `aws_route`, `AWS::EC2::Route`. Its route table is the owner for inline routes, else a
/// [`crate::LinkKind::RouteTable`] link.
#[derive(Clone, Debug, PartialEq)]
pub struct Route {
    pub owner: ResourceId,
    /// `destination_cidr_block`, `destination_ipv6_cidr_block`, `cidr_block`,
    /// `ipv6_cidr_block` / `DestinationCidrBlock`, `DestinationIpv6CidrBlock`.
    pub destinations: Vec<Value<String>>,
    pub target: RouteTarget,
    /// The route block or resource.
    pub span: Span,
}

/// True for a route destination meaning "everywhere" (`0.0.0.0/0`, `::/0`).
pub fn is_default_route(destination: &str) -> bool {
    crate::ec2::is_world_cidr(destination)
}
