//! `aws-ebs-default-encryption-disabled`: EBS encryption by default declared off.

use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ebs-default-encryption-disabled",
        aliases: &[],
        title: "EBS encryption by default declared off",
        severity: Severity::Medium,
        service: "ebs",
        layer: Layer::Data,
        description: "`aws_ebs_encryption_by_default` with `enabled = false`: new EBS volumes \
            and snapshot copies of the region are then created unencrypted unless each one \
            asks for encryption.\n\nEncryption by default is the account-wide guarantee that \
            no volume is forgotten: an instance launched from the console, an Auto Scaling \
            group, a tool that does not set `encrypted`. Declaring it off removes that \
            guarantee for every volume of the region.\n\nOnly a declared `false` is reported: \
            a repository that does not manage the setting says nothing about it. Only \
            Terraform manages it (CloudFormation has no resource for it).",
        remediation: "`enabled = true` on `aws_ebs_encryption_by_default` (optionally \
            `aws_ebs_default_kms_key` for a customer-managed key).",
        references: &[
            "CIS AWS Foundations Benchmark 2.2.1",
            "AWS Foundational Security Best Practices EC2.7",
            "https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_106",
            "kics:3d3f6270-546b-443c-adb4-bb6fb2187ca6",
        ],
        examples: &[Example::bad("bad.tf", &[(2, "enabled")]), Example::good("good.tf")],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for d in &model.ebs_encryption_by_default {
        for c in d.enabled.candidates() {
            if *c.value {
                continue;
            }
            let message = format!(
                "{} turns EBS encryption by default off{}: new volumes of the region are \
                 unencrypted unless each asks for encryption",
                model.resource(d.owner).address,
                when_suffix(&c.conditions)
            );
            out.push(
                Finding::on_resource(model, CHECK.meta.id, CHECK.meta.severity, d.owner, c.span, message)
                    .defined_at(c.defined_at),
            );
        }
    }
}
