//! `aws-elasticache-unencrypted`: ElastiCache replication group not encrypted at rest.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::unencrypted`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-elasticache-unencrypted",
        aliases: &[],
        title: "ElastiCache replication group not encrypted at rest",
        severity: Severity::Medium,
        service: "elasticache",
        layer: Layer::Data,
        description: "ElastiCache (Redis OSS / Valkey) replication groups without encryption \
            at rest.\n\nEncryption at rest covers the data on disk during syncs, swap and \
            backups exported to S3. Medium because a cache mostly holds copies of data whose \
            system of record lives elsewhere; raise it when the cache is the only \
            store.\n\n**Default behaviour.** ElastiCache does not encrypt a replication group at \
            rest unless asked: `at_rest_encryption_enabled` / `AtRestEncryptionEnabled` defaults \
            to `false`, and it can only be set when the group is created.",
        remediation: "**Terraform:** Set `at_rest_encryption_enabled = true` on \
            `aws_elasticache_replication_group` (and `kms_key_id` for a customer-managed \
            key).\n\n**CloudFormation:** Set `AtRestEncryptionEnabled: true` on \
            `AWS::ElastiCache::ReplicationGroup` (and `KmsKeyId`).",
        references: &[
            "AWS Foundational Security Best Practices ElastiCache.4",
            "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_29",
            "trivy:AVD-AWS-0045",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (9, "at_rest_encryption_enabled"),
                    (13, "resource \"aws_elasticache_replication_group\""),
                    (21, "at_rest_encryption_enabled"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (11, "false"),
                    (12, "Scratch:"),
                    (20, "!Ref"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (8, "false"),
                    (10, "\"Scratch\":"),
                    (18, "{ \"Ref\":"),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::unencrypted(model, Service::ElastiCache, CHECK.meta.id, CHECK.meta.severity, out);
}
