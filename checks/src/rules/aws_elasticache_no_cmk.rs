//! `aws-elasticache-no-cmk`: ElastiCache replication group not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-elasticache-no-cmk",
        aliases: &[],
        title: "ElastiCache replication group not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "elasticache",
        layer: Layer::Data,
        description: "ElastiCache replication groups encrypted at rest with the default AWS \
            managed key.\n\nA customer-managed KMS key lets you decide who may use the key in \
            its key policy, revoke access in an incident, audit every use in CloudTrail, and \
            share encrypted data across accounts deliberately. With a key AWS owns or manages, \
            anyone whose IAM permissions reach the data can decrypt it, and the key policy \
            cannot be changed. Low severity: the data is encrypted either way; this is about \
            control.\n\n**Default behaviour.** With `at_rest_encryption_enabled` and no \
            `kms_key_id` / `KmsKeyId`, ElastiCache uses a key AWS manages. Groups without \
            encryption at rest are reported by `aws-elasticache-unencrypted`.",
        remediation: "**Terraform:** Set `kms_key_id = aws_kms_key.x.arn` on \
            `aws_elasticache_replication_group`.\n\n**CloudFormation:** Set `KmsKeyId` on \
            `AWS::ElastiCache::ReplicationGroup`.",
        references: &[
            "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html",
        ],
        equivalents: &[
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (10, "at_rest_encryption_enabled"),
                    (17, "\"alias/aws/elasticache\""),
                    (24, "var.elasticache_key"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (11, "AtRestEncryptionEnabled:"),
                    (17, "alias/aws/elasticache"),
                    (23, "!Ref"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (10, "\"AtRestEncryptionEnabled\":"),
                    (18, "\"alias/aws/elasticache\""),
                    (26, "{ \"Ref\":"),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::ElastiCache, CHECK.meta.id, CHECK.meta.severity, out);
}
