//! `aws-ec2-ami-public`: an AMI whose launch permission is granted to everyone.

use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::sharing::Shared;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ec2-ami-public",
        aliases: &[],
        title: "AMI shared publicly",
        severity: Severity::High,
        service: "ec2",
        layer: Layer::Data,
        description: "AMI launch permissions (`aws_ami_launch_permission`) granted to the \
            group `all`, which makes the image public: any AWS account can launch it and copy \
            its snapshots.\n\nAn image carries everything baked into it: application code, \
            configuration files, SSH host keys, credentials left in home directories or \
            environment files. Public AMIs are routinely scanned for secrets.\n\nOnly \
            Terraform declares launch permissions (CloudFormation has no resource for them).",
        remediation: "Grant launch permissions to the accounts or organisation that need the \
            image (`account_id`, `organization_arn`, `organizational_unit_arn`), never \
            `group = \"all\"`.",
        references: &[
            "AWS Foundational Security Best Practices EC2.1 (snapshots), SSM.4 (documents)",
            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html",
        ],
        equivalents: &[],
        examples: &[Example::bad("bad.tf", &[(9, "group")]), Example::good("good.tf")],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for s in model.sharing.iter().filter(|s| s.shared == Shared::Ami) {
        for c in s.with.candidates() {
            if !c.value.eq_ignore_ascii_case("all") {
                continue;
            }
            let message = format!(
                "{} makes the image public (launch permission for group all){}: any AWS \
                 account can launch and copy it",
                model.resource(s.owner).address,
                when_suffix(&c.conditions)
            );
            out.push(
                Finding::on_resource(model, CHECK.meta.id, CHECK.meta.severity, s.owner, c.span, message)
                    .defined_at(c.defined_at),
            );
        }
    }
}
