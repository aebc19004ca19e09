//! `aws-ec2-nacl-open-ingress`: network ACL allowing administration or all traffic in from the
//! whole internet.

use crate::finding::when_suffix;
use crate::cidr::{describe, open_cidr};
use crate::network::classify;
use crate::{Check, CheckMeta, Example, Finding, Layer};
use palisade_model::{Direction, Model};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ec2-nacl-open-ingress",
        aliases: &[],
        title: "Network ACL allows remote administration or all traffic from the internet",
        severity: crate::Severity::High,
        service: "ec2",
        layer: Layer::Network,
        description: "An inbound network ACL entry that `allow`s traffic from `0.0.0.0/0`, \
            `::/0` or a range that admits a large part of the internet (a prefix shorter than \
            `/8` holding public addresses, such as `0.0.0.0/1`) to all protocols, all ports, or a range containing SSH (22) or RDP (3389) other than the ephemeral range: \
            inline `ingress` blocks of `aws_network_acl` / `aws_default_network_acl`, \
            `aws_network_acl_rule` with `egress = false`, and `AWS::EC2::NetworkAclEntry` \
            without `Egress: true`.\n\nNetwork ACLs are the subnet-wide second line of defence \
            behind security groups; one that admits administration traffic from anywhere \
            leaves every instance of the subnet one security group mistake away from exposure.\
            \n\nScope: network ACLs are stateless, so a public subnet's ACL must admit return \
            traffic on the ephemeral ports (1024-65535) and usually web traffic; those entries \
            are not findings even though the ephemeral range contains database ports. Deny \
            entries and egress entries never fire.",
        remediation: "Allow administration ports only from known networks, or not at all \
            (use Session Manager). Replace an allow-all entry (`protocol = \"-1\"` / `Protocol: \
            -1`) with the specific protocols and port ranges the subnet needs.",
        references: &[
            "CIS AWS Foundations Benchmark 5.1 (no network ACL ingress from 0.0.0.0/0 to remote administration ports)",
            "AWS Foundational Security Best Practices EC2.21",
            "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_231",
            "checkov:CKV_AWS_232",
            "trivy:AVD-AWS-0105",
            "tfsec:aws-ec2-no-public-ingress-acl",
            "kics:a20be318-cac7-457b-911d-04cc6e812c25",
            "kics:3af7f2fd-06e6-4dab-b996-2912bea19ba4",
        ],
        examples: &[
            Example::bad("bad.tf", &[(6, "\"0.0.0.0/0\""), (15, "\"::/0\""), (28, "\"0.0.0.0/0\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(11, "0.0.0.0/0"), (22, "::/0")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "\"0.0.0.0/0\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for rule in &model.nacl_rules {
        let ingress = rule
            .direction
            .candidates()
            .iter()
            .any(|d| *d.value == Direction::Ingress);
        let allows = rule
            .action
            .candidates()
            .iter()
            .any(|a| a.value.eq_ignore_ascii_case("allow"));
        if !ingress || !allows {
            continue;
        }
        let exposure = classify(
            rule.protocol.get().map(String::as_str),
            rule.from_port.get().copied(),
            rule.to_port.get().copied(),
        );
        // The ephemeral return-traffic range (1024-65535, 32768-65535, ...) contains 3389 but
        // is what every public subnet's stateless ACL must allow: not a finding.
        let ephemeral = matches!(
            (rule.from_port.get(), rule.to_port.get()),
            (Some(lo), Some(hi)) if *lo >= 1024 && *hi >= 65535
        );
        if !exposure.admin || (ephemeral && !exposure.everything) {
            continue;
        }
        let owner = &model.resource(rule.owner).address;
        for cidr in [&rule.cidr, &rule.ipv6_cidr].into_iter().flatten() {
            for candidate in cidr.candidates() {
                let Some(range) = open_cidr(candidate.value) else {
                    continue;
                };
                let severity = exposure.severity.min(crate::Severity::High);
                let message = format!(
                    "{owner} network ACL allows {} in from {} ({}){}",
                    exposure.what,
                    candidate.value.trim(),
                    describe(&range),
                    when_suffix(&candidate.conditions)
                );
                out.push(
                    Finding::on_resource(model, CHECK.meta.id, severity, rule.owner, candidate.span, message)
                        .defined_at(candidate.defined_at),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::testing::*;
    use crate::Severity;

    /// direction, action, protocol, ports, CIDR.
    type Entry<'a> = (Direction, &'a str, &'a str, (i64, i64), &'a str);

    fn findings(rules: Vec<Entry>) -> Vec<Finding> {
        let mut model = Model::default();
        let acl = owner(&mut model, "aws_network_acl.public");
        for (direction, action, protocol, ports, cidr) in rules {
            model
                .nacl_rules
                .push(nacl_rule(acl, direction, action, protocol, ports, cidr));
        }
        let mut out = Vec::new();
        run(&model, &mut out);
        out
    }

    #[test]
    fn admin_ports_and_all_traffic_from_the_world_fire_at_the_cidr() {
        let f = findings(vec![
            (Direction::Ingress, "allow", "tcp", (22, 22), "0.0.0.0/0"),
            (Direction::Ingress, "allow", "-1", (0, 0), "::/0"),
            (Direction::Ingress, "allow", "tcp", (3000, 4000), "0.0.0.0/0"),
        ]);
        assert_eq!(f.len(), 3);
        assert!(f.iter().all(|f| f.span == sp(100)));
        // Capped at high: the ACL is the second layer behind the security groups.
        assert!(f.iter().all(|f| f.severity == Severity::High));
        assert!(f[0].message.contains("SSH"));
    }

    #[test]
    fn deny_egress_private_web_and_ephemeral_entries_stay_silent() {
        let f = findings(vec![
            (Direction::Ingress, "deny", "tcp", (22, 22), "0.0.0.0/0"),
            (Direction::Egress, "allow", "-1", (0, 0), "0.0.0.0/0"),
            (Direction::Ingress, "allow", "tcp", (22, 22), "10.0.0.0/8"),
            (Direction::Ingress, "allow", "tcp", (443, 443), "0.0.0.0/0"),
            (Direction::Ingress, "allow", "tcp", (1024, 65535), "0.0.0.0/0"),
            (Direction::Ingress, "allow", "tcp", (5432, 5432), "0.0.0.0/0"),
        ]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn wide_public_ranges_are_open_specific_ones_are_not() {
        let f = findings(vec![
            (Direction::Ingress, "allow", "tcp", (22, 22), "64.0.0.0/2"),
            (Direction::Ingress, "allow", "tcp", (22, 22), "203.0.113.0/24"),
        ]);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("64.0.0.0/2 (about "), "{}", f[0].message);
    }

    #[test]
    fn all_ports_of_one_protocol_fire_even_over_the_ephemeral_range() {
        let f = findings(vec![(Direction::Ingress, "allow", "tcp", (0, 65535), "0.0.0.0/0")]);
        assert_eq!(f.len(), 1);
    }
}
