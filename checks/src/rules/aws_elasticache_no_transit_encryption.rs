//! `aws-elasticache-no-transit-encryption`: an ElastiCache replication group without TLS.

use crate::{transit, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::transit::TransitService;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-elasticache-no-transit-encryption",
        aliases: &[],
        title: "ElastiCache replication group without in-transit encryption",
        severity: Severity::Medium,
        service: "elasticache",
        layer: Layer::Data,
        description: "ElastiCache (Redis OSS / Valkey) replication groups with \
            `transit_encryption_enabled` / `TransitEncryptionEnabled` false or not written.\n\n\
            Without TLS, every command and reply between clients and the cache, and the \
            replication traffic between nodes, crosses the VPC in clear: session tokens, \
            cached personal data and the AUTH password itself. An AUTH token cannot even be \
            set without in-transit encryption.\n\n**Default behaviour.** Off unless written.",
        remediation: "**Terraform:** `transit_encryption_enabled = true` on \
            `aws_elasticache_replication_group` (with `transit_encryption_mode = \"preferred\"` \
            first for a live migration, then `\"required\"`).\n\n**CloudFormation:** \
            `TransitEncryptionEnabled: true` on `AWS::ElastiCache::ReplicationGroup`.",
        references: &[
            "AWS Foundational Security Best Practices ElastiCache.5",
            "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html",
        ],
        equivalents: &["checkov:CKV_AWS_30", "trivy:AVD-AWS-0051"],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (1, "resource \"aws_elasticache_replication_group\" \"sessions\""),
                    (11, "transit_encryption_enabled"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "Sessions"), (15, "false")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(9, "false")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    transit::unencrypted_in_transit(
        model,
        TransitService::ElastiCache,
        CHECK.meta.id,
        CHECK.meta.severity,
        out,
    );
}
