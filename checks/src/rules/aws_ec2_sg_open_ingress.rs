//! `aws-ec2-sg-open-ingress`: security group ingress from the whole internet.

use crate::finding::when_suffix;
use crate::cidr::{describe, open_cidr, Cidr};
use crate::network::{classify, together};
use crate::{Check, CheckMeta, Example, Finding, Layer};
use palisade_model::{Direction, Model, SgSource};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ec2-sg-open-ingress",
        aliases: &[],
        title: "Security group allows ingress from the whole internet",
        severity: crate::Severity::High,
        service: "ec2",
        layer: Layer::Network,
        description: "A security group rule that lets traffic in from `0.0.0.0/0` or `::/0`, in \
            any form: inline `ingress` blocks of `aws_security_group` and \
            `aws_default_security_group`, `aws_security_group_rule` of type `ingress`, \
            `aws_vpc_security_group_ingress_rule`, CloudFormation inline \
            `SecurityGroupIngress` and `AWS::EC2::SecurityGroupIngress`. IPv6 `::/0` counts as \
            much as IPv4 `0.0.0.0/0`. A source that is not `/0` but admits a large part of the \
            internet counts as open too: any prefix shorter than `/8` that holds public \
            addresses (`0.0.0.0/1`, `64.0.0.0/2`, `2000::/3`), the usual way around a `/0` \
            rule (`0.0.0.0/1` plus `128.0.0.0/1` is the whole internet in two halves). The \
            message says how much of the public address space each source admits, and when \
            a rule's ranges together make up the whole internet. A specific public range (an \
            office `/24`, a partner `/32`) is not a finding, nor is private address space of \
            any size (`10.0.0.0/8`, `fc00::/7`).\n\nAnything reachable from the internet is scanned within \
            minutes of being exposed. The severity follows what is exposed: all protocols or \
            all ports is **critical**; remote administration (SSH 22, RDP 3389) and database, \
            cache and search ports (MySQL 3306, PostgreSQL 5432, Redis 6379, ...) are **high**; \
            any other port is **medium**; the web ports 80 and 443 alone are **low**, since a \
            public load balancer needs exactly that. A rule whose ports cannot be determined \
            (a variable without default) but whose source is known to be the internet is \
            **high**, the check's default: the worst case cannot be ruled out. ICMP alone is \
            low. One finding per open CIDR value, at that value; a value that came through a \
            variable or parameter also points at its definition, and one that exists only under \
            a condition names the condition.\n\nNot findings: egress \
            rules, rules whose source is another security group, a prefix list or `self`, \
            and sources that are unknown (a variable without default).",
        remediation: "Restrict the source to the networks that need access (a VPN or office \
            range, a load balancer's security group via `source_security_group_id` / \
            `referenced_security_group_id` / `SourceSecurityGroupId`, or a managed prefix \
            list). For administration use AWS Systems Manager Session Manager or EC2 Instance \
            Connect Endpoint instead of opening SSH or RDP. If a port really must be public \
            (a web endpoint), suppress with a reason: `# palisade:ignore[aws-ec2-sg-open-ingress] \
            public HTTPS endpoint`.",
        references: &[
            "CIS AWS Foundations Benchmark 5.2, 5.3 (no ingress from 0.0.0.0/0 or ::/0 to remote administration ports)",
            "AWS Foundational Security Best Practices EC2.13, EC2.14, EC2.18, EC2.19",
            "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_24",
            "checkov:CKV_AWS_25",
            "checkov:CKV_AWS_260",
            "checkov:CKV_AWS_277",
            "trivy:AVD-AWS-0107",
            "tfsec:aws-ec2-no-public-ingress-sgr",
            "cfn_nag:W2",
            "kics:9564406d-e761-4e61-b8d7-5926e3ab8e79",
            "kics:494b03d3-bf40-4464-8524-7c56ad0700ed",
            "kics:78055456-f670-4d2e-94d5-392d1cf4f5e4",
            "kics:ddfc4eaa-af23-409f-b96c-bf5c45dc4daa",
            "kics:3ae83918-7ec7-4cb8-80db-b91ef0f94002",
            "kics:cdbb0467-2957-4a77-9992-7b55b29df7b7",
            "kics:6e856af2-62d7-4ba2-adc1-73b62cef9cc1",
            "kics:4a1e6b34-1008-4e61-a5f2-1f7c276f8d14",
            "kics:1e0ef61b-ad85-4518-a3d3-85eaad164885",
            "kics:ffac8a12-322e-42c1-b9b9-81ff85c39ef7",
            "kics:151187cb-0efc-481c-babd-ad24e3c9bc22",
            "kics:65905cec-d691-4320-b320-2000436cb696",
            "kics:381c3f2a-ef6f-4eff-99f7-b169cda3422c",
            "kics:54c417bf-c762-48b9-9d31-b3d87047e3f0",
            "kics:4728cd65-a20c-49da-8b31-9c08b423e4db",
            "kics:ea33fcf7-394b-4d11-a228-985c5d08f205",
            "kics:46883ce1-dc3e-4b17-9195-c6a601624c73",
            "kics:9a4ef195-74b9-4c58-b8ed-2b2fe4353a75",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (11, "var.admin_cidr"),
                    (19, "\"::/0\""),
                    (25, "\"0.0.0.0/0\""),
                    (34, "\"0.0.0.0/0\""),
                ],
            ),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(14, "0.0.0.0/0"), (21, "::/0"), (28, "!Ref")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(13, "\"0.0.0.0/0\""), (25, "\"::/0\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for rule in &model.security_group_rules {
        let ingress = rule
            .direction
            .candidates()
            .iter()
            .any(|d| *d.value == Direction::Ingress);
        if !ingress {
            continue;
        }
        let protocol = rule.protocol.get().map(String::as_str);
        let exposure = classify(protocol, rule.from_port.get().copied(), rule.to_port.get().copied());
        let owner = &model.resource(rule.owner).address;
        let mut open = Vec::new();
        for source in &rule.sources {
            let SgSource::Cidr(cidr) = source else { continue };
            for candidate in cidr.candidates() {
                if let Some(range) = open_cidr(candidate.value) {
                    open.push((range, candidate));
                }
            }
        }
        let ranges: Vec<Cidr> = open.iter().map(|(r, _)| *r).collect();
        for (range, candidate) in &open {
            let message = format!(
                "{owner} allows ingress of {} from {} ({}{}){}",
                exposure.what,
                candidate.value.trim(),
                describe(range),
                together(range, &ranges),
                when_suffix(&candidate.conditions)
            );
            out.push(
                Finding::on_resource(
                    model,
                    CHECK.meta.id,
                    exposure.severity,
                    rule.owner,
                    candidate.span,
                    message,
                )
                .defined_at(candidate.defined_at),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::testing::*;
    use crate::Severity;
    use palisade_model::{ValueKind, Value};

    fn findings(model: &Model) -> Vec<Finding> {
        let mut out = Vec::new();
        run(model, &mut out);
        out
    }

    fn one_rule(protocol: &str, ports: Option<(i64, i64)>, cidrs: &[&str]) -> Vec<Finding> {
        let mut model = Model::default();
        let sg = owner(&mut model, "aws_security_group.web");
        model
            .security_group_rules
            .push(sg_rule(sg, Direction::Ingress, protocol, ports, cidrs));
        findings(&model)
    }

    #[test]
    fn one_finding_per_world_cidr_at_the_value() {
        let f = one_rule("tcp", Some((22, 22)), &["10.0.0.0/8", "0.0.0.0/0", "::/0"]);
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].span, f[1].span), (sp(101), sp(102)));
        assert!(f.iter().all(|f| f.severity == Severity::High));
        assert!(f[0].message.contains("SSH") && f[0].message.contains("0.0.0.0/0"));
        assert!(f[1].message.contains("::/0"));
        assert_eq!(f[0].resource, Some(palisade_model::ResourceId(0)));
    }

    #[test]
    fn severity_ladder() {
        let sev = |p: &str, ports| one_rule(p, ports, &["0.0.0.0/0"])[0].severity;
        assert_eq!(sev("-1", Some((0, 0))), Severity::Critical);
        assert_eq!(sev("tcp", Some((0, 65535))), Severity::Critical);
        assert_eq!(sev("tcp", Some((3389, 3389))), Severity::High);
        assert_eq!(sev("tcp", Some((6379, 6379))), Severity::High);
        assert_eq!(sev("tcp", Some((8080, 8080))), Severity::Medium);
        assert_eq!(sev("tcp", Some((443, 443))), Severity::Low);
        assert_eq!(sev("tcp", None), Severity::High);
    }

    #[test]
    fn wide_ranges_are_open_and_say_how_much_of_the_internet() {
        let f = one_rule(
            "tcp",
            Some((22, 22)),
            &["0.0.0.0/1", "128.0.0.0/1", "64.0.0.0/2", "203.0.113.0/24", "11.0.0.0/8"],
        );
        assert_eq!(f.len(), 3, "{f:?}");
        assert!(f[0].message.contains("0.0.0.0/1 (about 57% of the public IPv4 internet; with the rule's other ranges, the whole IPv4 internet)"), "{}", f[0].message);
        assert!(f[1].message.contains("128.0.0.0/1 (about 43% of the public IPv4 internet; with"), "{}", f[1].message);
        assert!(f[2].message.contains("64.0.0.0/2 (about "), "{}", f[2].message);
        assert!(f.iter().all(|f| f.severity == Severity::High));
        let world = one_rule("tcp", Some((22, 22)), &["0.0.0.0/0"]);
        assert!(world[0].message.ends_with("from 0.0.0.0/0 (the whole IPv4 internet)"), "{}", world[0].message);
    }

    #[test]
    fn egress_private_and_other_sources_never_fire() {
        let mut model = Model::default();
        let sg = owner(&mut model, "aws_security_group.web");
        model
            .security_group_rules
            .push(sg_rule(sg, Direction::Egress, "-1", Some((0, 0)), &["0.0.0.0/0"]));
        let mut from_group = sg_rule(sg, Direction::Ingress, "-1", Some((0, 0)), &[]);
        from_group.sources.push(SgSource::Other(sp(120)));
        model.security_group_rules.push(from_group);
        model.security_group_rules.push(sg_rule(
            sg,
            Direction::Ingress,
            "tcp",
            Some((22, 22)),
            &["10.0.0.0/8", "198.51.100.0/24", "fc00::/7", "0.0.0.0/8"],
        ));
        assert!(findings(&model).is_empty());
    }

    #[test]
    fn unknown_cidrs_never_fire_and_conditional_ones_name_the_branch() {
        let mut model = Model::default();
        let sg = owner(&mut model, "aws_security_group.web");
        let mut rule = sg_rule(sg, Direction::Ingress, "tcp", Some((22, 22)), &[]);
        rule.sources.push(SgSource::Cidr(Value::unknown(sp(130))));
        rule.sources.push(SgSource::Cidr(Value {
            kind: ValueKind::Conditional {
                condition: "IsProd".into(),
                when_true: Box::new(Value::literal("10.0.0.0/8".to_string(), sp(131))),
                when_false: Box::new(Value::literal("0.0.0.0/0".to_string(), sp(132))),
            },
            span: sp(133),
            defined_at: None,
        }));
        let defined = Value::literal("::/0".to_string(), sp(134)).with_defined_at(Some(sp(500)));
        rule.sources.push(SgSource::Cidr(defined));
        model.security_group_rules.push(rule);
        let f = findings(&model);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].span, sp(132));
        assert!(f[0].message.ends_with("(when condition IsProd is false)"), "{}", f[0].message);
        assert_eq!(f[1].span, sp(134));
        assert_eq!(f[1].related.len(), 1);
        assert_eq!(f[1].related[0].span, sp(500));
    }
}
