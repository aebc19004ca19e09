//! `aws-docdb-unencrypted`: DocumentDB cluster storage not encrypted.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::unencrypted`].

use crate::{encryption, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-docdb-unencrypted",
        aliases: &[],
        title: "DocumentDB cluster storage not encrypted",
        severity: Severity::High,
        service: "docdb",
        layer: Layer::Data,
        description: "DocumentDB clusters (`aws_docdb_cluster`, `AWS::DocDB::DBCluster`) whose storage is not encrypted at rest.\n\nUnencrypted storage also means unencrypted automated backups, snapshots and replicas, and encryption cannot be turned on for an existing cluster: it takes a snapshot restore into a new one.\n\n**Default behaviour.** `storage_encrypted` / `StorageEncrypted` defaults to `false`: a cluster that does not ask for encryption is not encrypted.",
        remediation: "**Terraform:** `storage_encrypted = true` (and `kms_key_id` for a customer-managed key) on `aws_docdb_cluster`; it replaces the cluster.\n\n**CloudFormation:** `StorageEncrypted: true` (and `KmsKeyId`) on `AWS::DocDB::DBCluster`.",
        references: &[
            "AWS Foundational Security Best Practices DocumentDB.1",
            "https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html",
        ],
        equivalents: &["checkov:CKV_AWS_74", "trivy:AVD-AWS-0021", "kics:bc1f9009-84a0-490f-ae09-3e0ea6d74ad6"],
        examples: &[
            Example::bad("bad.tf", &[(10, "resource \"aws_docdb_cluster\""), (20, "storage_encrypted"), (27, "storage_encrypted")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "CatalogCluster"), (20, "false"), (26, "!Ref Encrypt")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(9, "\"CatalogCluster\""), (25, "false")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::unencrypted(model, Service::DocumentDb, CHECK.meta.id, CHECK.meta.severity, out);
}
