//! `aws-rds-no-cmk`: RDS storage not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-rds-no-cmk",
        aliases: &[],
        title: "RDS storage not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "rds",
        layer: Layer::Data,
        description: "Encrypted RDS instances and clusters that use the AWS managed key \
            `aws/rds`.\n\nA customer-managed KMS key lets you decide who may use the key in its \
            key policy, revoke access in an incident, audit every use in CloudTrail, and share \
            encrypted data across accounts deliberately. With a key AWS owns or manages, anyone \
            whose IAM permissions reach the data can decrypt it, and the key policy cannot be \
            changed. Low severity: the data is encrypted either way; this is about \
            control.\n\n**Default behaviour.** Encrypted storage without `kms_key_id` / \
            `KmsKeyId` uses `aws/rds`. A snapshot encrypted with the AWS managed key cannot be \
            shared with another account.",
        remediation: "**Terraform:** Set `kms_key_id = aws_kms_key.x.arn` on \
            `aws_db_instance` / `aws_rds_cluster` (it forces a new \
            database).\n\n**CloudFormation:** Set `KmsKeyId` on `AWS::RDS::DBInstance` / \
            `AWS::RDS::DBCluster`.",
        references: &[
            "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_327",
            "trivy:AVD-AWS-0079",
            "kics:ffee2785-c347-451e-89f3-11aeb08e5c84",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (11, "storage_encrypted"),
                    (19, "\"alias/aws/rds\""),
                    (27, "var.rds_key"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (12, "StorageEncrypted:"),
                    (19, "alias/aws/rds"),
                    (26, "!Ref"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (11, "\"StorageEncrypted\":"),
                    (20, "\"alias/aws/rds\""),
                    (29, "{ \"Ref\":"),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::Rds, CHECK.meta.id, CHECK.meta.severity, out);
}
