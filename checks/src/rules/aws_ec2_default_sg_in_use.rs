//! `aws-ec2-default-sg-in-use`: an instance or launch template in no security group other
//! than its VPC's default group.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::instance::{names_default_group, LaunchKind};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ec2-default-sg-in-use",
        aliases: &[],
        title: "Instance uses only the default security group",
        severity: Severity::Low,
        service: "ec2",
        layer: Layer::Network,
        description: "An instance, launch template or launch configuration whose only \
            security group is the VPC's default group: every group it names is \
            `aws_default_security_group`, `aws_vpc.X.default_security_group_id`, \
            `!GetAtt Vpc.DefaultSecurityGroup` or the name `default` (**medium**), or it names \
            none at all, so EC2 puts its instances in the default group (**low**).\n\nThe \
            default group is shared by everything launched without a choice, and by default \
            lets its members reach each other on every port: an instance there can reach, \
            and be reached by, unrelated workloads that happen to share it. Least privilege \
            starts with a group per role (CIS 5.4 asks for the default group to allow nothing, \
            which breaks such instances). Not judged: an instance started from a launch \
            template (the template's groups apply), one attached to a declared network \
            interface, and groups that are unknown or come from a data source.",
        remediation: "Create a security group for the workload with the rules it needs and \
            name it in `vpc_security_group_ids` / `SecurityGroupIds` (or in the launch \
            template's `vpc_security_group_ids` / network interfaces).",
        references: &[
            "CIS AWS Foundations Benchmark 5.4",
            "https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html",
        ],
        equivalents: &[
            "kics:f1adc521-f79a-4d71-b55b-a68294687432",
            "kics:08b81bb3-0985-4023-8602-b606ad81d279",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (5, "resource \"aws_instance\" \"no_groups\""),
                    (12, "aws_vpc.main.default_security_group_id"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "Instance:"), (12, "default")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"Instance\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for launch in &model.launches {
        if launch.groups_elsewhere || launch.from_template {
            continue;
        }
        let address = &model.resource(launch.owner).address;
        let noun = launch.kind.noun();
        if launch.security_groups.is_empty() {
            if launch.kind == LaunchKind::LaunchTemplate {
                // A launch template without groups may be completed by whoever launches it.
                continue;
            }
            out.push(Finding::on_resource(
                model,
                CHECK.meta.id,
                Severity::Low,
                launch.owner,
                model.resource(launch.owner).header,
                format!(
                    "{address}: {noun} names no security group, so its instances join the \
                     VPC's default group, shared with everything else launched without one"
                ),
            ));
            continue;
        }
        if !launch.security_groups.iter().all(names_default_group) {
            continue;
        }
        let span = launch
            .security_groups
            .first()
            .map(|g| g.span)
            .unwrap_or(model.resource(launch.owner).header);
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            Severity::Medium,
            launch.owner,
            span,
            format!(
                "{address}: {noun} is only in the VPC's default security group, shared with \
                 everything launched without a group of its own"
            ),
        ));
    }
}
