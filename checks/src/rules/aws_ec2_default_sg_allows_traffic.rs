//! `aws-ec2-default-sg-allows-traffic`: a VPC's default security group with rules.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Direction, LinkKind, Model, ResourceId, SecurityGroupRule};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ec2-default-sg-allows-traffic",
        aliases: &[],
        title: "Default security group allows traffic",
        severity: Severity::Medium,
        service: "ec2",
        layer: Layer::Network,
        description: "A rule in the default security group of a VPC: an `ingress` or `egress` \
            block of `aws_default_security_group`, a rule resource \
            (`aws_security_group_rule`, `aws_vpc_security_group_ingress_rule` / \
            `_egress_rule`) whose `security_group_id` is that group or \
            `aws_vpc.X.default_security_group_id`, and in CloudFormation an \
            `AWS::EC2::SecurityGroupIngress` / `SecurityGroupEgress` whose `GroupId` is \
            `!GetAtt VPC.DefaultSecurityGroup` (the way a template adopts the default group of \
            the VPC it creates).\n\nEvery instance, endpoint, database or function launched \
            without a security group joins the default group, so anything it allows is granted \
            silently to resources nobody chose to put there. CIS AWS Foundations 5.4 and AWS \
            FSBP EC2.2 require the default group to allow no traffic at all; one finding per \
            rule, at the rule. A rule that also opens the group to the internet is reported \
            again by `aws-ec2-sg-open-ingress`.\n\nAn `aws_default_security_group` with no \
            `ingress` or `egress` blocks is the fix, not a finding: Terraform removes every \
            rule of the group it adopts.",
        remediation: "Declare the default group with no rules (`resource \
            \"aws_default_security_group\" \"default\" { vpc_id = aws_vpc.main.id }`) and give \
            every resource its own security group with the rules it needs. In CloudFormation, \
            remove the rules attached to `!GetAtt VPC.DefaultSecurityGroup` and attach them to a \
            dedicated `AWS::EC2::SecurityGroup`.",
        references: &[
            "CIS AWS Foundations Benchmark 5.4 (ensure the default security group of every VPC restricts all traffic)",
            "AWS Foundational Security Best Practices EC2.2",
            "https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html",
            "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_security_group",
        ],
        equivalents: &[
            "checkov:CKV2_AWS_12",
            "trivy:AVD-AWS-0173",
            "tfsec:aws-ec2-restrict-all-in-default-sg",
            "kics:9a4ef195-74b9-4c58-b8ed-2b2fe4353a75",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (7, "ingress {"),
                    (13, "egress {"),
                    (21, "resource \"aws_vpc_security_group_ingress_rule\""),
                ],
            ),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(8, "HttpsIn:"), (16, "AllOut:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "\"HttpsIn\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

/// The default security group a rule belongs to: an `aws_default_security_group` (its own
/// inline rule or a rule resource linked to it), or the VPC whose default group a rule
/// resource names (`aws_vpc.main.default_security_group_id`, `!GetAtt Vpc.DefaultSecurityGroup`).
pub fn default_group_of(model: &Model, rule: &SecurityGroupRule) -> Option<ResourceId> {
    let group = model.group_of(rule);
    if model.resource(group).kind == "aws_default_security_group" {
        return Some(group);
    }
    model.link_from(rule.owner, LinkKind::DefaultSecurityGroupOf)
}

fn run(model: &Model, out: &mut Vec<Finding>) {
    for rule in &model.security_group_rules {
        let Some(group) = default_group_of(model, rule) else {
            continue;
        };
        let direction = match rule.direction.get() {
            Some(Direction::Egress) => "an egress",
            Some(Direction::Ingress) => "an ingress",
            None => "a",
        };
        let target = model.resource(group);
        let subject = if target.kind == "aws_default_security_group" {
            format!("{} (the default security group of its VPC)", target.address)
        } else {
            format!("the default security group of {}", target.address)
        };
        let rule_name = &model.resource(rule.owner).address;
        let via = if rule.owner == group {
            String::new()
        } else {
            format!(" through {rule_name}")
        };
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            Severity::Medium,
            rule.owner,
            rule.span,
            format!(
                "{subject} has {direction} rule{via}: every resource launched without a \
                 security group gets it; the default group should allow no traffic (CIS 5.4)"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::testing::*;
    use palisade_model::{Format, Link, Resource};
    use palisade_source::FileId;

    fn resource(model: &mut Model, address: &str, kind: &str) -> ResourceId {
        model.add_resource(Resource {
            address: address.into(),
            kind: kind.into(),
            format: Format::Terraform,
            header: sp(1),
            extent: palisade_model::Span::new(FileId(0), 0, 10_000),
            trace: Vec::new(),
            construct: None,
        })
    }

    #[test]
    fn rules_of_default_groups_fire_others_do_not() {
        let mut model = Model::default();
        let default = resource(&mut model, "aws_default_security_group.d", "aws_default_security_group");
        let vpc = resource(&mut model, "aws_vpc.main", "aws_vpc");
        let custom = owner(&mut model, "aws_security_group.app");
        let adopted = resource(&mut model, "aws_vpc_security_group_ingress_rule.r", "aws_vpc_security_group_ingress_rule");
        let linked = resource(&mut model, "aws_security_group_rule.l", "aws_security_group_rule");
        model.links.push(Link { from: adopted, to: vpc, kind: LinkKind::DefaultSecurityGroupOf, span: sp(2) });
        model.links.push(Link { from: linked, to: default, kind: LinkKind::SecurityGroup, span: sp(3) });
        for (owner, direction) in [
            (default, Direction::Ingress),
            (custom, Direction::Ingress),
            (adopted, Direction::Ingress),
            (linked, Direction::Egress),
        ] {
            model.security_group_rules.push(sg_rule(owner, direction, "tcp", Some((443, 443)), &["10.0.0.0/8"]));
        }
        let mut f = Vec::new();
        run(&model, &mut f);
        assert_eq!(f.len(), 3, "{f:?}");
        assert!(f[0].message.starts_with("aws_default_security_group.d (the default security group of its VPC) has an ingress rule:"), "{}", f[0].message);
        assert!(f[1].message.starts_with("the default security group of aws_vpc.main has an ingress rule through aws_vpc_security_group_ingress_rule.r"), "{}", f[1].message);
        assert!(f[2].message.contains("has an egress rule through aws_security_group_rule.l"), "{}", f[2].message);
        assert!(f.iter().all(|f| f.severity == Severity::Medium && f.span == sp(9)));
    }
}
