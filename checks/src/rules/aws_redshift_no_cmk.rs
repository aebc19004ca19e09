//! `aws-redshift-no-cmk`: Redshift cluster not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-redshift-no-cmk",
        aliases: &[],
        title: "Redshift cluster not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "redshift",
        layer: Layer::Data,
        description: "Encrypted Redshift clusters that use the AWS managed key \
            `aws/redshift`.\n\nA customer-managed KMS key lets you decide who may use the key in \
            its key policy, revoke access in an incident, audit every use in CloudTrail, and \
            share encrypted data across accounts deliberately. With a key AWS owns or manages, \
            anyone whose IAM permissions reach the data can decrypt it, and the key policy \
            cannot be changed. Low severity: the data is encrypted either way; this is about \
            control.\n\n**Default behaviour.** An encrypted cluster without `kms_key_id` / \
            `KmsKeyId` uses the AWS managed key. Unencrypted clusters are reported by \
            `aws-redshift-unencrypted`.",
        remediation: "**Terraform:** Set `kms_key_id = aws_kms_key.x.arn` with `encrypted = \
            true` on `aws_redshift_cluster`.\n\n**CloudFormation:** Set `KmsKeyId` on \
            `AWS::Redshift::Cluster`.",
        references: &[
            "https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_142",
            "trivy:AVD-AWS-0084",
            "kics:ffee2785-c347-451e-89f3-11aeb08e5c84",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (10, "encrypted"),
                    (17, "\"alias/aws/redshift\""),
                    (24, "var.redshift_key"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (12, "Encrypted:"),
                    (19, "alias/aws/redshift"),
                    (26, "!Ref"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (11, "\"Encrypted\":"),
                    (20, "\"alias/aws/redshift\""),
                    (29, "{ \"Ref\":"),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::Redshift, CHECK.meta.id, CHECK.meta.severity, out);
}
