//! `aws-neptune-unencrypted`: Neptune cluster storage not encrypted.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::unencrypted`].

use crate::{encryption, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-neptune-unencrypted",
        aliases: &[],
        title: "Neptune cluster storage not encrypted",
        severity: Severity::High,
        service: "neptune",
        layer: Layer::Data,
        description: "Neptune clusters (`aws_neptune_cluster`, `AWS::Neptune::DBCluster`) whose storage is not encrypted at rest.\n\nUnencrypted storage also means unencrypted automated backups, snapshots and replicas, and encryption cannot be turned on for an existing cluster: it takes a snapshot restore into a new one.\n\n**Default behaviour.** `storage_encrypted` / `StorageEncrypted` defaults to `false`: a cluster that does not ask for encryption is not encrypted.",
        remediation: "**Terraform:** `storage_encrypted = true` (and `kms_key_arn` for a customer-managed key) on `aws_neptune_cluster`; it replaces the cluster.\n\n**CloudFormation:** `StorageEncrypted: true` (and `KmsKeyId`) on `AWS::Neptune::DBCluster`.",
        references: &[
            "AWS Foundational Security Best Practices Neptune.1",
            "https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html",
        ],
        equivalents: &["checkov:CKV_AWS_44", "trivy:AVD-AWS-0076"],
        examples: &[
            Example::bad("bad.tf", &[(10, "resource \"aws_neptune_cluster\""), (18, "storage_encrypted"), (24, "storage_encrypted")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "GraphCluster"), (18, "false"), (23, "!Ref Encrypt")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(9, "\"GraphCluster\""), (19, "false")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::unencrypted(model, Service::Neptune, CHECK.meta.id, CHECK.meta.severity, out);
}
