//! Shared logic of the network exposure checks: what a port range exposes, and how bad that is.
//!
//! The ladder (DESIGN.md, issue #2): all protocols or all ports is the worst case, then the
//! remote administration ports (SSH 22, RDP 3389), then database and cache ports, then any other
//! port; web ports 80/443 alone are expected on a public load balancer and rank lowest.

use crate::cidr::{open_cidr, union_share, Cidr};
use crate::Severity;
use palisade_model::ec2::is_all_protocols;
use palisade_model::{Direction, LinkKind, Model, ResourceId, SgSource};
use std::collections::{BTreeMap, BTreeSet};

/// The security groups that admit traffic from an open range (the whole internet or a large
/// part of it), each with the worst such exposure: computed once per check run.
pub fn open_groups(model: &Model) -> BTreeMap<ResourceId, Exposure> {
    let mut out: BTreeMap<ResourceId, Exposure> = BTreeMap::new();
    for rule in &model.security_group_rules {
        let ingress = rule
            .direction
            .candidates()
            .iter()
            .any(|d| *d.value == Direction::Ingress);
        let open = rule.sources.iter().any(|s| {
            matches!(s, SgSource::Cidr(c) if c.candidates().iter().any(|c| open_cidr(c.value).is_some()))
        });
        if !ingress || !open {
            continue;
        }
        let exposure = classify(
            rule.protocol.get().map(String::as_str),
            rule.from_port.get().copied(),
            rule.to_port.get().copied(),
        );
        let group = model.group_of(rule);
        match out.get(&group) {
            Some(worse) if worse.severity >= exposure.severity => {}
            _ => {
                out.insert(group, exposure);
            }
        }
    }
    out
}

/// Of the security groups `resource` is a member of ([`LinkKind::MemberOf`]), the one that
/// admits the most from the internet, with what it admits.
pub fn exposed_through<'a>(
    model: &Model,
    open: &'a BTreeMap<ResourceId, Exposure>,
    resource: ResourceId,
) -> Option<(ResourceId, &'a Exposure)> {
    model
        .links
        .iter()
        .filter(|l| l.from == resource && l.kind == LinkKind::MemberOf)
        .filter_map(|l| open.get(&l.to).map(|e| (l.to, e)))
        .max_by_key(|(_, e)| e.severity)
}

/// `; with the rule's other ranges, the whole IPv4 internet` when `range` and the other open
/// ranges of the same rule (`all`, which includes `range`) together cover the whole internet of
/// their family while `range` alone does not (`0.0.0.0/1` next to `128.0.0.0/1`).
pub fn together(range: &Cidr, all: &[Cidr]) -> String {
    let alone = range.public_share();
    let union = union_share(range.family, all);
    if alone < 0.9995 && union >= 0.9995 {
        format!(
            "; with the rule's other ranges, the whole {} internet",
            range.family.name()
        )
    } else {
        String::new()
    }
}

/// The shared logic of the "publicly accessible" checks (RDS, Redshift, DMS, Neptune): one
/// finding per resource of `endpoints` whose flag is (or defaults to) true. Severity follows
/// exposure: **critical** when a security group the resource is a member of admits database
/// ports or everything from the internet, **high** when the flag is written true, **medium**
/// when it is only the service default of an omitted flag.
pub fn public_endpoints(
    model: &Model,
    out: &mut Vec<crate::Finding>,
    check: &'static str,
    endpoints: &[palisade_model::public_access::Endpoint],
) {
    let open = open_groups(model);
    for access in &model.public_access {
        if !endpoints.contains(&access.endpoint) {
            continue;
        }
        let omitted = !access.publicly_accessible.is_written();
        for candidate in access.publicly_accessible.candidates() {
            if !*candidate.value {
                continue;
            }
            let address = &model.resource(access.owner).address;
            let noun = access.endpoint.noun();
            let mut severity = if omitted {
                Severity::Medium
            } else {
                Severity::High
            };
            let why = if omitted {
                format!("{noun} is publicly accessible by default: the flag is not written and the service default for this configuration is public")
            } else {
                format!("{noun} is publicly accessible: its endpoint resolves to a public address")
            };
            let reach = match exposed_through(model, &open, access.owner) {
                Some((group, exposure)) => {
                    if exposure.severity >= Severity::High {
                        severity = Severity::Critical;
                    }
                    format!(
                        "; its security group {} admits {} from the internet, so it is reachable now",
                        model.resource(group).address,
                        exposure.what
                    )
                }
                None => "; only its security groups stand between it and the internet".to_string(),
            };
            out.push(crate::Finding::on_resource(
                model,
                check,
                severity,
                access.owner,
                candidate.span,
                format!(
                    "{address}: {why}{reach}{}",
                    crate::finding::when_suffix(&candidate.conditions)
                ),
            ));
        }
    }
}

/// The subnets a declared route table sends to an internet gateway (`0.0.0.0/0` or `::/0`
/// to an `aws_internet_gateway` / `AWS::EC2::InternetGateway` or an `igw-` id), through an
/// explicit route table association or, for a subnet without one, through its VPC's main
/// route table (Terraform: a route on `main_route_table_id`, `aws_default_route_table`, or
/// `aws_main_route_table_association`), each with the route that makes it public.
pub fn public_subnets(model: &Model) -> BTreeMap<ResourceId, ResourceId> {
    use palisade_model::vpc::{is_default_route, RouteTarget};
    let mut public_tables: BTreeMap<ResourceId, ResourceId> = BTreeMap::new();
    for route in &model.routes {
        // A route resource's gateway link is that route's own; an inline route of a table
        // was classified by its frontend (the table's links mix all its routes).
        let own_links = matches!(
            model.resource(route.owner).kind.as_str(),
            "aws_route" | "AWS::EC2::Route"
        );
        let to_gateway = route.target == RouteTarget::InternetGateway
            || own_links
                && model
                    .links
                    .iter()
                    .filter(|l| l.from == route.owner && l.kind == LinkKind::Gateway)
                    .any(|l| {
                        let kind = model.resource(l.to).kind.as_str();
                        kind == "aws_internet_gateway" || kind == "AWS::EC2::InternetGateway"
                    });
        if !to_gateway {
            continue;
        }
        let default = route
            .destinations
            .iter()
            .any(|d| d.candidates().iter().any(|c| is_default_route(c.value)));
        if !default {
            continue;
        }
        let table = model
            .link_from(route.owner, LinkKind::RouteTable)
            .unwrap_or(route.owner);
        public_tables.entry(table).or_insert(route.owner);
    }
    let mut out = BTreeMap::new();
    // Subnets with an explicit association (to any table): the main table does not apply.
    let mut associated: BTreeSet<ResourceId> = BTreeSet::new();
    for link in model
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::RouteTable)
    {
        let Some(subnet) = model.link_from(link.from, LinkKind::Subnet) else {
            continue;
        };
        associated.insert(subnet);
        if let Some(route) = public_tables.get(&link.to) {
            out.entry(subnet).or_insert(*route);
        }
    }
    // The main route table of each VPC, where it is public: a route on the VPC's
    // `main_route_table_id`, the VPC's adopted default route table, or a table made main by
    // an association.
    let mut public_main: BTreeMap<ResourceId, ResourceId> = BTreeMap::new();
    for (&table, &route) in &public_tables {
        let kind = model.resource(table).kind.as_str();
        if kind == "aws_vpc" {
            public_main.entry(table).or_insert(route);
        } else if kind == "aws_default_route_table" {
            if let Some(vpc) = model.link_from(table, LinkKind::InVpc) {
                public_main.entry(vpc).or_insert(route);
            }
        }
    }
    for link in model.links.iter().filter(|l| {
        l.kind == LinkKind::RouteTable
            && model.resource(l.from).kind == "aws_main_route_table_association"
    }) {
        let (Some(route), Some(vpc)) = (
            public_tables.get(&link.to),
            model.link_from(link.from, LinkKind::InVpc),
        ) else {
            continue;
        };
        public_main.entry(vpc).or_insert(*route);
    }
    // Subnets without an explicit association use their VPC's main route table.
    for subnet in &model.subnets {
        if associated.contains(&subnet.owner) || out.contains_key(&subnet.owner) {
            continue;
        }
        let Some(vpc) = model.link_from(subnet.owner, LinkKind::InVpc) else {
            continue;
        };
        if let Some(route) = public_main.get(&vpc) {
            out.insert(subnet.owner, *route);
        }
    }
    out
}

/// Remote administration ports.
pub const ADMIN_PORTS: &[(i64, &str)] = &[(22, "SSH"), (3389, "RDP")];

/// Database, cache and search engine ports that should never face the internet. The list
/// follows the engines AWS offers as managed services plus the common self-hosted ones.
pub const DATA_PORTS: &[(i64, &str)] = &[
    (1433, "SQL Server"),
    (1521, "Oracle"),
    (2375, "Docker API"),
    (2379, "etcd"),
    (2383, "SQL Server Analysis Services"),
    (3306, "MySQL/MariaDB/Aurora"),
    (5432, "PostgreSQL"),
    (5439, "Redshift"),
    (5984, "CouchDB"),
    (6379, "Redis"),
    (7000, "Cassandra"),
    (7001, "Cassandra"),
    (8086, "InfluxDB"),
    (8529, "ArangoDB"),
    (9042, "Cassandra"),
    (9092, "Kafka"),
    (9160, "Cassandra Thrift"),
    (9200, "Elasticsearch/OpenSearch"),
    (9300, "Elasticsearch/OpenSearch"),
    (11211, "Memcached"),
    (27017, "MongoDB/DocumentDB"),
    (27018, "MongoDB"),
    (50070, "HDFS NameNode"),
];

/// Web ports: expected to be public on a load balancer.
pub const WEB_PORTS: &[i64] = &[80, 443];

/// What a rule exposes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exposure {
    pub severity: Severity,
    /// `all traffic`, `SSH (port 22/tcp)`, `ports 8000-8100/tcp`, ...
    pub what: String,
    /// True when the range includes an admin port (or everything).
    pub admin: bool,
    /// True when every port (or every protocol) is open.
    pub everything: bool,
}

fn protocol_name(protocol: &str) -> String {
    match protocol.trim().to_ascii_lowercase().as_str() {
        "6" => "tcp".into(),
        "17" => "udp".into(),
        "1" => "icmp".into(),
        "58" => "icmpv6".into(),
        other => other.to_string(),
    }
}

/// Classifies a rule's protocol and port range. `None` means unknown.
pub fn classify(protocol: Option<&str>, from: Option<i64>, to: Option<i64>) -> Exposure {
    if protocol.is_some_and(is_all_protocols) {
        return Exposure {
            severity: Severity::Critical,
            what: "all traffic (every protocol and port)".into(),
            admin: true,
            everything: true,
        };
    }
    let proto = protocol.map(protocol_name);
    if matches!(proto.as_deref(), Some("icmp" | "icmpv6")) {
        return Exposure {
            severity: Severity::Low,
            what: format!("{} traffic", proto.unwrap_or_default()),
            admin: false,
            everything: false,
        };
    }
    let suffix = proto.map(|p| format!("/{p}")).unwrap_or_default();
    // Ports not known (a variable without default) while the source is known to be the
    // internet: the worst case cannot be ruled out, so the check's default severity applies.
    let (Some(from), Some(to)) = (from, to) else {
        return Exposure {
            severity: Severity::High,
            what: "traffic on ports that could not be determined".into(),
            admin: false,
            everything: false,
        };
    };
    let (lo, hi) = (from.min(to), from.max(to));
    // `0-0` with a port protocol is how some templates spell "all ports".
    if (lo <= 1 && hi >= 65535) || (lo == 0 && hi == 0) || lo < 0 {
        return Exposure {
            severity: Severity::Critical,
            what: format!("all ports{suffix}"),
            admin: true,
            everything: true,
        };
    }
    let range = if lo == hi {
        format!("port {lo}{suffix}")
    } else {
        format!("ports {lo}-{hi}{suffix}")
    };
    let named = |list: &[(i64, &str)]| -> Vec<String> {
        list.iter()
            .filter(|(p, _)| (lo..=hi).contains(p))
            .map(|(p, n)| format!("{n} {p}"))
            .collect()
    };
    let admin = named(ADMIN_PORTS);
    if !admin.is_empty() {
        return Exposure {
            severity: Severity::High,
            what: format!("{range} ({})", admin.join(", ")),
            admin: true,
            everything: false,
        };
    }
    let data = named(DATA_PORTS);
    if !data.is_empty() {
        let mut listed = data;
        if listed.len() > 3 {
            let more = listed.len() - 3;
            listed.truncate(3);
            listed.push(format!("{more} more database ports"));
        }
        return Exposure {
            severity: Severity::High,
            what: format!("{range} ({})", listed.join(", ")),
            admin: false,
            everything: false,
        };
    }
    if (lo..=hi).all(|p| WEB_PORTS.contains(&p)) {
        return Exposure {
            severity: Severity::Low,
            what: format!("{range} (web)"),
            admin: false,
            everything: false,
        };
    }
    Exposure {
        severity: Severity::Medium,
        what: range,
        admin: false,
        everything: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ladder_of_severities() {
        assert_eq!(
            classify(Some("-1"), Some(0), Some(0)).severity,
            Severity::Critical
        );
        assert_eq!(
            classify(Some("tcp"), Some(0), Some(65535)).severity,
            Severity::Critical
        );
        let ssh = classify(Some("tcp"), Some(22), Some(22));
        assert_eq!(ssh.severity, Severity::High);
        assert!(ssh.admin && ssh.what.contains("SSH"));
        assert!(classify(Some("6"), Some(3300), Some(3310))
            .what
            .contains("MySQL"));
        assert_eq!(
            classify(Some("tcp"), Some(5432), Some(5432)).severity,
            Severity::High
        );
        assert_eq!(
            classify(Some("tcp"), Some(443), Some(443)).severity,
            Severity::Low
        );
        // 80-443 is more than the two web ports: judged as "other ports".
        assert_eq!(
            classify(Some("tcp"), Some(80), Some(443)).severity,
            Severity::Medium
        );
    }

    #[test]
    fn other_ports_unknown_ports_and_icmp() {
        assert_eq!(
            classify(Some("tcp"), Some(8080), Some(8080)).severity,
            Severity::Medium
        );
        assert_eq!(
            classify(Some("tcp"), None, Some(22)).severity,
            Severity::High
        );
        assert!(!classify(Some("tcp"), None, None).admin);
        // All protocols is everything whatever the ports say.
        assert!(classify(Some("all"), None, None).everything);
        assert_eq!(
            classify(Some("icmp"), Some(-1), Some(-1)).severity,
            Severity::Low
        );
        // A range is judged by what it contains: 20-30 includes SSH.
        assert!(classify(Some("tcp"), Some(20), Some(30)).admin);
    }
}

/// Hand-built network models for the checks' unit tests: they must not depend on a frontend.
#[cfg(test)]
pub(crate) mod testing {
    use palisade_model::{
        Direction, Format, Model, NaclRule, Resource, ResourceId, SecurityGroupRule, SgSource,
        Span, Value,
    };
    use palisade_source::FileId;

    pub fn sp(at: usize) -> Span {
        Span::new(FileId(0), at, at + 1)
    }

    pub fn owner(model: &mut Model, address: &str) -> ResourceId {
        model.add_resource(Resource {
            address: address.into(),
            kind: "aws_security_group".into(),
            format: Format::Terraform,
            header: sp(1),
            extent: Span::new(FileId(0), 0, 10_000),
            trace: Vec::new(),
            construct: None,
        })
    }

    /// A rule `protocol from-to` with CIDR sources at 100, 101, ...
    pub fn sg_rule(
        owner: ResourceId,
        direction: Direction,
        protocol: &str,
        ports: Option<(i64, i64)>,
        cidrs: &[&str],
    ) -> SecurityGroupRule {
        let port = |p: Option<i64>, at| match p {
            Some(p) => Value::literal(p, sp(at)),
            None => Value::unknown(sp(at)),
        };
        SecurityGroupRule {
            owner,
            direction: Value::literal(direction, sp(10)),
            protocol: Value::literal(protocol.to_string(), sp(11)),
            from_port: port(ports.map(|p| p.0), 12),
            to_port: port(ports.map(|p| p.1), 13),
            sources: cidrs
                .iter()
                .enumerate()
                .map(|(i, c)| SgSource::Cidr(Value::literal(c.to_string(), sp(100 + i))))
                .collect(),
            span: sp(9),
            description: None,
        }
    }

    pub fn nacl_rule(
        owner: ResourceId,
        direction: Direction,
        action: &str,
        protocol: &str,
        ports: (i64, i64),
        cidr: &str,
    ) -> NaclRule {
        NaclRule {
            owner,
            direction: Value::literal(direction, sp(10)),
            action: Value::literal(action.to_string(), sp(14)),
            protocol: Value::literal(protocol.to_string(), sp(11)),
            from_port: Value::literal(ports.0, sp(12)),
            to_port: Value::literal(ports.1, sp(13)),
            cidr: Some(Value::literal(cidr.to_string(), sp(100))),
            ipv6_cidr: None,
            rule_number: Value::literal(100, sp(15)),
            span: sp(9),
        }
    }
}

#[cfg(test)]
mod main_route_table_tests {
    use super::public_subnets;
    use super::testing::sp;
    use palisade_model::vpc::{Route, RouteTarget, Subnet};
    use palisade_model::{Format, Link, LinkKind, Model, Resource, ResourceId, Span, Value};
    use palisade_source::FileId;

    fn add(model: &mut Model, kind: &str, address: &str) -> ResourceId {
        model.add_resource(Resource {
            address: address.into(),
            kind: kind.into(),
            format: Format::Terraform,
            header: sp(1),
            extent: Span::new(FileId(0), 0, 10),
            trace: Vec::new(),
            construct: None,
        })
    }

    fn link(model: &mut Model, from: ResourceId, kind: LinkKind, to: ResourceId) {
        model.links.push(Link {
            from,
            to,
            kind,
            span: sp(2),
        });
    }

    fn subnet(model: &mut Model, vpc: ResourceId, address: &str) -> ResourceId {
        let s = add(model, "aws_subnet", address);
        model.subnets.push(Subnet {
            owner: s,
            map_public_ip_on_launch: Value::literal(true, sp(3)),
        });
        link(model, s, LinkKind::InVpc, vpc);
        s
    }

    fn igw_route(model: &mut Model, owner: ResourceId) {
        model.routes.push(Route {
            owner,
            destinations: vec![Value::literal("0.0.0.0/0".to_string(), sp(4))],
            target: RouteTarget::InternetGateway,
            span: sp(5),
        });
    }

    #[test]
    fn subnets_without_an_association_follow_their_vpcs_public_main_table() {
        let mut m = Model::default();
        // VPC a: the adopted default route table routes to the internet gateway.
        let a = add(&mut m, "aws_vpc", "aws_vpc.a");
        let main_a = add(
            &mut m,
            "aws_default_route_table",
            "aws_default_route_table.a",
        );
        link(&mut m, main_a, LinkKind::InVpc, a);
        igw_route(&mut m, main_a);
        let loose_a = subnet(&mut m, a, "aws_subnet.loose_a");
        // ... but this subnet is explicitly associated with a private table.
        let private = add(&mut m, "aws_route_table", "aws_route_table.private");
        let kept = subnet(&mut m, a, "aws_subnet.kept");
        let assoc = add(
            &mut m,
            "aws_route_table_association",
            "aws_route_table_association.kept",
        );
        link(&mut m, assoc, LinkKind::RouteTable, private);
        link(&mut m, assoc, LinkKind::Subnet, kept);
        // VPC b: a table made main by an association.
        let b = add(&mut m, "aws_vpc", "aws_vpc.b");
        let table_b = add(&mut m, "aws_route_table", "aws_route_table.b");
        igw_route(&mut m, table_b);
        let main_assoc = add(
            &mut m,
            "aws_main_route_table_association",
            "aws_main_route_table_association.b",
        );
        link(&mut m, main_assoc, LinkKind::InVpc, b);
        link(&mut m, main_assoc, LinkKind::RouteTable, table_b);
        let loose_b = subnet(&mut m, b, "aws_subnet.loose_b");
        // VPC c: an aws_route on the VPC's main_route_table_id.
        let c = add(&mut m, "aws_vpc", "aws_vpc.c");
        let route_c = add(&mut m, "aws_route", "aws_route.c");
        link(&mut m, route_c, LinkKind::RouteTable, c);
        igw_route(&mut m, route_c);
        let loose_c = subnet(&mut m, c, "aws_subnet.loose_c");
        // VPC d: no public main table.
        let d = add(&mut m, "aws_vpc", "aws_vpc.d");
        let loose_d = subnet(&mut m, d, "aws_subnet.loose_d");

        let public = public_subnets(&m);
        assert_eq!(public.get(&loose_a), Some(&main_a));
        assert_eq!(public.get(&loose_b), Some(&table_b));
        assert_eq!(public.get(&loose_c), Some(&route_c));
        assert!(
            !public.contains_key(&kept),
            "an explicit association replaces the main table"
        );
        assert!(!public.contains_key(&loose_d));
    }
}
