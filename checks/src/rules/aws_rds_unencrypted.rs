//! `aws-rds-unencrypted`: RDS instance or cluster storage not encrypted.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::unencrypted`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-rds-unencrypted",
        aliases: &[],
        title: "RDS instance or cluster storage not encrypted",
        severity: Severity::High,
        service: "rds",
        layer: Layer::Data,
        description: "RDS DB instances, Aurora/RDS DB clusters and global clusters \
            (`aws_rds_global_cluster`, `AWS::RDS::GlobalCluster`) whose storage is not \
            encrypted at rest.\n\nDatabases hold the most sensitive data of most systems. \
            Unencrypted storage also means unencrypted automated backups, read replicas and \
            snapshots, and encryption cannot be turned on later without restoring from a \
            snapshot into a new instance.\n\n**Default behaviour.** RDS does not encrypt storage \
            unless asked: `storage_encrypted` / `StorageEncrypted` defaults to `false`. Read \
            replicas, restores (from a snapshot or to a point in time), cross-region replicas \
            (`replication_source_identifier`), members of a global cluster and a global cluster \
            made from an existing cluster inherit the source's encryption, so they are not \
            judged when the property is absent; an instance that belongs to a cluster is judged through its \
            cluster.",
        remediation: "**Terraform:** Set `storage_encrypted = true` on `aws_db_instance` and \
            `aws_rds_cluster` (and `kms_key_id` for a customer-managed key). Changing it \
            replaces the database.\n\n**CloudFormation:** Set `StorageEncrypted: true` on \
            `AWS::RDS::DBInstance` and `AWS::RDS::DBCluster` (and `KmsKeyId` for a \
            customer-managed key).",
        references: &[
            "AWS Foundational Security Best Practices RDS.3",
            "AWS Foundational Security Best Practices RDS.27",
            "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_16",
            "checkov:CKV_AWS_96",
            "trivy:AVD-AWS-0080",
            "trivy:AVD-AWS-0079",
            "cfn_nag:F27",
            "kics:65844ba3-03a1-40a8-b3dd-919f122e8c95",
            "kics:5beacce3-4020-4a3d-9e1d-a36f953df630",
            "kics:ffee2785-c347-451e-89f3-11aeb08e5c84",
            "kics:1a690d1d-0ae7-49fa-b2db-b75ae0dd1d3e",
            "kics:08bd0760-8752-44e1-9779-7bb369b2b4e4",
            "kics:3199c26c-7871-4cb3-99c2-10a59244ce7f",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (10, "storage_encrypted"),
                    (14, "resource \"aws_rds_cluster\""),
                    (24, "storage_encrypted"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (13, "false"),
                    (14, "AnalyticsCluster:"),
                    (24, "!Ref"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (12, "\"false\""),
                    (15, "\"AnalyticsCluster\":"),
                    (25, "{ \"Ref\":"),
                ],
            ),
            Example::good("good.json"),
            Example::bad("global.tf", &[(1, "resource \"aws_rds_global_cluster\" \"orders\"")]),
            Example::bad("global.yaml", &[(3, "OrdersGlobalCluster")]),
            Example::bad("global.json", &[(8, "false")]),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::unencrypted(model, Service::Rds, CHECK.meta.id, CHECK.meta.severity, out);
}
