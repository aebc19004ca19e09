//! `aws-ec2-nacl-all-ports`: a network ACL entry that allows every protocol, or every port of
//! TCP or UDP, whatever its source or destination.

use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::ec2::is_all_protocols;
use palisade_model::{Direction, Model, NaclRule, Span};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ec2-nacl-all-ports",
        aliases: &[],
        title: "Network ACL entry allows all protocols or all ports",
        severity: Severity::Low,
        service: "ec2",
        layer: Layer::Network,
        description: "An `allow` network ACL entry, inbound or outbound, whose protocol is \
            `-1` / `all` (every protocol and port) or whose TCP or UDP port range is the whole \
            range (`0`-`65535`): inline `ingress`/`egress` blocks of `aws_network_acl` and \
            `aws_default_network_acl`, `aws_network_acl_rule`, and \
            `AWS::EC2::NetworkAclEntry`.\n\nA network ACL is the subnet-wide filter behind \
            the security groups; an entry that admits every port gives that layer nothing to \
            filter, so one permissive security group is enough to expose a service. The \
            finding is **low** whatever the peer network is: it is about the breadth of the \
            entry. When the source of an inbound entry is the internet, \
            `aws-ec2-nacl-open-ingress` reports the exposure as well, at its own severity.\
            \n\nNot findings: `deny` entries, the ephemeral return range (`1024`-`65535` and \
            similar), entries limited to some ports, and entries whose protocol or ports are \
            unknown (a variable without default) or not written (a TCP or UDP entry without \
            its port range is rejected by EC2, so it is not judged).",
        remediation: "Allow only the protocols and port ranges the subnet serves (for \
            example `tcp` 443 in, the ephemeral range `1024`-`65535` for return traffic) and \
            let the final implicit deny drop the rest.",
        references: &[
            "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html",
            "https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html",
        ],
        equivalents: &[
            "trivy:AVD-AWS-0102",
            "tfsec:aws-ec2-no-excessive-port-access",
            "kics:03879981-efa2-47a0-a818-c843e1441b88",
            "kics:f57f849c-883b-4cb7-85e7-f7b199dff163",
        ],
        examples: &[
            Example::bad("bad.tf", &[(4, "\"-1\""), (20, "0")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(8, "-1"), (21, "0")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(8, "-1")]),
            Example::good("good.json"),
        ],
    },
    run,
};

/// What an entry allows, where that is written, and the conditions it holds under.
type Breadth = (String, Span, Vec<(String, bool)>);

/// What an entry allows when it is too broad.
fn breadth(rule: &NaclRule) -> Option<Breadth> {
    for p in rule.protocol.candidates() {
        if is_all_protocols(p.value) {
            return Some(("all protocols and ports".into(), p.span, p.conditions));
        }
    }
    let protocol = rule.protocol.get()?;
    let name = match protocol.trim() {
        "6" | "tcp" => "TCP",
        "17" | "udp" => "UDP",
        _ => return None,
    };
    // Ports must be written: a TCP/UDP entry without a port range does not deploy.
    if !rule.from_port.is_written() || !rule.to_port.is_written() {
        return None;
    }
    let (from, to) = (rule.from_port.get()?, rule.to_port.get()?);
    (*from <= 1 && *to >= 65535).then(|| {
        (
            format!("every {name} port ({from}-{to})"),
            rule.from_port.span,
            Vec::new(),
        )
    })
}

fn run(model: &Model, out: &mut Vec<Finding>) {
    for rule in &model.nacl_rules {
        let allows = rule
            .action
            .candidates()
            .iter()
            .any(|a| a.value.eq_ignore_ascii_case("allow"));
        if !allows {
            continue;
        }
        let Some((what, span, conditions)) = breadth(rule) else {
            continue;
        };
        let (way, peer) = match rule.direction.get() {
            Some(Direction::Egress) => ("out to", "destination"),
            _ => ("in from", "source"),
        };
        let peers: Vec<String> = [&rule.cidr, &rule.ipv6_cidr]
            .into_iter()
            .flatten()
            .filter_map(|c| c.get().map(|s| s.trim().to_string()))
            .collect();
        let peers = if peers.is_empty() {
            format!("its {peer}")
        } else {
            peers.join(", ")
        };
        let owner = &model.resource(rule.owner).address;
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            Severity::Low,
            rule.owner,
            span,
            format!(
                "{owner} network ACL entry allows {what} {way} {peers}, leaving nothing for \
                 the subnet's second layer to filter{}",
                when_suffix(&conditions)
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::testing::*;
    use palisade_model::Value;

    fn findings(rules: Vec<NaclRule>) -> Vec<Finding> {
        let mut model = Model::default();
        let acl = owner(&mut model, "aws_network_acl.private");
        for mut rule in rules {
            rule.owner = acl;
            model.nacl_rules.push(rule);
        }
        let mut out = Vec::new();
        run(&model, &mut out);
        out
    }

    fn acl() -> palisade_model::ResourceId {
        palisade_model::ResourceId(0)
    }

    #[test]
    fn all_protocols_and_full_port_ranges_fire_in_both_directions() {
        let f = findings(vec![
            nacl_rule(acl(), Direction::Egress, "allow", "-1", (0, 0), "0.0.0.0/0"),
            nacl_rule(acl(), Direction::Ingress, "allow", "all", (0, 0), "10.0.0.0/8"),
            nacl_rule(acl(), Direction::Ingress, "allow", "6", (0, 65535), "10.0.0.0/8"),
            nacl_rule(acl(), Direction::Egress, "allow", "udp", (1, 65535), "10.0.0.0/8"),
        ]);
        assert_eq!(f.len(), 4, "{f:?}");
        assert_eq!(f[0].span, sp(11), "all protocols point at the protocol");
        assert_eq!(f[2].span, sp(12), "a full port range points at its start");
        assert!(f[0].message.contains("all protocols and ports out to 0.0.0.0/0"), "{}", f[0].message);
        assert!(f[2].message.contains("every TCP port (0-65535) in from 10.0.0.0/8"), "{}", f[2].message);
        assert!(f.iter().all(|f| f.severity == Severity::Low));
    }

    #[test]
    fn deny_limited_ephemeral_unknown_and_unwritten_ports_stay_silent() {
        let mut unwritten = nacl_rule(acl(), Direction::Ingress, "allow", "tcp", (0, 0), "10.0.0.0/8");
        unwritten.from_port = Value::omitted(0, sp(12));
        unwritten.to_port = Value::omitted(65535, sp(13));
        let mut unknown = nacl_rule(acl(), Direction::Ingress, "allow", "-1", (0, 0), "10.0.0.0/8");
        unknown.protocol = Value::unknown(sp(11));
        let f = findings(vec![
            nacl_rule(acl(), Direction::Ingress, "deny", "-1", (0, 0), "0.0.0.0/0"),
            nacl_rule(acl(), Direction::Ingress, "allow", "tcp", (443, 443), "0.0.0.0/0"),
            nacl_rule(acl(), Direction::Ingress, "allow", "tcp", (1024, 65535), "0.0.0.0/0"),
            nacl_rule(acl(), Direction::Ingress, "allow", "icmp", (0, 65535), "0.0.0.0/0"),
            unwritten,
            unknown,
        ]);
        assert!(f.is_empty(), "{f:?}");
    }
}
