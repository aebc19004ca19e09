//! `aws-ebs-no-cmk`: EBS volume not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ebs-no-cmk",
        aliases: &[],
        title: "EBS volume not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "ec2",
        layer: Layer::Data,
        description: "Encrypted EBS volumes and instance/launch-template block devices that \
            use the AWS managed key `aws/ebs`.\n\nA customer-managed KMS key lets you decide who \
            may use the key in its key policy, revoke access in an incident, audit every use in \
            CloudTrail, and share encrypted data across accounts deliberately. With a key AWS \
            owns or manages, anyone whose IAM permissions reach the data can decrypt it, and the \
            key policy cannot be changed. Low severity: the data is encrypted either way; this \
            is about control.\n\n**Default behaviour.** An encrypted volume without `kms_key_id` \
            / `KmsKeyId` uses the account's default EBS key, normally the AWS managed `aws/ebs`. \
            Unencrypted volumes are reported by `aws-ebs-unencrypted` instead.",
        remediation: "**Terraform:** Set `kms_key_id = aws_kms_key.x.arn` next to `encrypted \
            = true` on `aws_ebs_volume` and in block device blocks.\n\n**CloudFormation:** Set \
            `KmsKeyId` on `AWS::EC2::Volume` and in `BlockDeviceMappings[].Ebs`.",
        references: &[
            "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_189",
            "trivy:AVD-AWS-0027",
            "kics:b7063015-6c31-4658-a8e7-14f98f37fd42",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (10, "encrypted"),
                    (17, "\"alias/aws/ebs\""),
                    (24, "var.ebs_key"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (12, "Encrypted:"),
                    (19, "alias/aws/ebs"),
                    (26, "!Ref"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (11, "\"Encrypted\":"),
                    (20, "\"alias/aws/ebs\""),
                    (29, "{ \"Ref\":"),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::Ebs, CHECK.meta.id, CHECK.meta.severity, out);
}
