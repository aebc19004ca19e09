//! `aws-ec2-sg-open-egress`: a security group lets everything out to the whole internet.

use crate::cidr::{describe, open_cidr};
use crate::finding::when_suffix;
use crate::network::classify;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Direction, Model, SgSource};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ec2-sg-open-egress",
        aliases: &[],
        title: "Security group allows all traffic out to the internet",
        severity: Severity::Low,
        service: "ec2",
        layer: Layer::Network,
        description: "A security group egress rule that allows every protocol (`-1`) or every \
            port of a protocol to `0.0.0.0/0`, `::/0` or a range that admits a large part of \
            the internet (a prefix shorter than `/8` holding public addresses): inline `egress` \
            blocks, `aws_security_group_rule` of type `egress`, \
            `aws_vpc_security_group_egress_rule`, CloudFormation inline `SecurityGroupEgress` \
            and `AWS::EC2::SecurityGroupEgress`.\n\nUnrestricted egress is what lets a \
            compromised workload download tooling, reach a command-and-control server or \
            exfiltrate data over any port. Restricting egress to the ports and destinations a \
            workload needs (HTTPS to the internet, the database port inside the VPC) turns \
            those into visible failures. The finding is **low**: allow-all egress is the AWS \
            default for a new group and many workloads live with it, but a reviewer should see \
            it written down.\n\nOnly rules that are written are judged: a CloudFormation group \
            that declares no `SecurityGroupEgress` gets AWS's allow-all rule, a Terraform group \
            without `egress` blocks gets none (the provider removes it), and neither is \
            reported. Egress limited to some ports (`443` to `0.0.0.0/0`), to private ranges \
            or to another security group is not a finding; an unknown destination never fires.",
        remediation: "Replace the allow-all rule with the egress the workload needs: HTTPS \
            (`tcp` 443) to the internet or to VPC endpoints, database and cache ports to the \
            security groups of those services, DNS to the VPC resolver. Use VPC endpoints or a \
            NAT gateway with an egress firewall for the rest.",
        references: &[
            "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
            "https://docs.aws.amazon.com/whitepapers/latest/building-scalable-secure-multi-vpc-network-infrastructure/centralized-egress-to-internet.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_382",
            "trivy:AVD-AWS-0104",
            "tfsec:aws-ec2-no-public-egress-sgr",
            "kics:46883ce1-dc3e-4b17-9195-c6a601624c73",
            "kics:9a4ef195-74b9-4c58-b8ed-2b2fe4353a75",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[(7, "\"0.0.0.0/0\""), (17, "\"::/0\""), (23, "\"0.0.0.0/1\"")],
            ),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(9, "0.0.0.0/0"), (15, "::/0")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(11, "\"0.0.0.0/0\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for rule in &model.security_group_rules {
        let egress = rule
            .direction
            .candidates()
            .iter()
            .any(|d| *d.value == Direction::Egress);
        if !egress {
            continue;
        }
        let exposure = classify(
            rule.protocol.get().map(String::as_str),
            rule.from_port.get().copied(),
            rule.to_port.get().copied(),
        );
        if !exposure.everything {
            continue;
        }
        let owner = &model.resource(rule.owner).address;
        for source in &rule.sources {
            let SgSource::Cidr(cidr) = source else { continue };
            for candidate in cidr.candidates() {
                let Some(range) = open_cidr(candidate.value) else {
                    continue;
                };
                let message = format!(
                    "{owner} allows egress of {} to {} ({}): a workload behind it can send \
                     anything anywhere{}",
                    exposure.what,
                    candidate.value.trim(),
                    describe(&range),
                    when_suffix(&candidate.conditions)
                );
                out.push(
                    Finding::on_resource(
                        model,
                        CHECK.meta.id,
                        Severity::Low,
                        rule.owner,
                        candidate.span,
                        message,
                    )
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

    /// direction, protocol, ports, destinations.
    type Rule<'a> = (Direction, &'a str, Option<(i64, i64)>, &'a [&'a str]);

    fn findings(rules: &[Rule]) -> Vec<Finding> {
        let mut model = Model::default();
        let sg = owner(&mut model, "aws_security_group.app");
        for (direction, protocol, ports, cidrs) in rules {
            model
                .security_group_rules
                .push(sg_rule(sg, *direction, protocol, *ports, cidrs));
        }
        let mut out = Vec::new();
        run(&model, &mut out);
        out
    }

    #[test]
    fn everything_to_the_internet_is_low() {
        let f = findings(&[
            (Direction::Egress, "-1", None, &["0.0.0.0/0", "10.0.0.0/8"]),
            (Direction::Egress, "tcp", Some((0, 65535)), &["::/0"]),
            (Direction::Egress, "-1", Some((0, 0)), &["0.0.0.0/1"]),
        ]);
        assert_eq!(f.len(), 3, "{f:?}");
        assert!(f.iter().all(|f| f.severity == Severity::Low));
        assert_eq!(f[0].span, sp(100));
        assert!(f[0].message.contains("all traffic (every protocol and port) to 0.0.0.0/0 (the whole IPv4 internet)"), "{}", f[0].message);
        assert!(f[1].message.contains("all ports/tcp to ::/0"), "{}", f[1].message);
        assert!(f[2].message.contains("0.0.0.0/1 (about "), "{}", f[2].message);
    }

    #[test]
    fn some_ports_private_destinations_and_ingress_stay_silent() {
        let f = findings(&[
            (Direction::Egress, "tcp", Some((443, 443)), &["0.0.0.0/0"]),
            (Direction::Egress, "-1", None, &["10.0.0.0/16", "203.0.113.0/24"]),
            (Direction::Ingress, "-1", None, &["0.0.0.0/0"]),
        ]);
        assert!(f.is_empty(), "{f:?}");
    }
}
