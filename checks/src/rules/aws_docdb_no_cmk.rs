//! `aws-docdb-no-cmk`: DocumentDB storage not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{encryption, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-docdb-no-cmk",
        aliases: &[],
        title: "DocumentDB storage not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "docdb",
        layer: Layer::Data,
        description: "Encrypted DocumentDB clusters (`aws_docdb_cluster`, `AWS::DocDB::DBCluster`) that use the AWS managed key `aws/rds`.\n\nA customer-managed key lets you decide in its key policy who may decrypt, revoke access in an incident, audit every use, and share snapshots with other accounts deliberately. Low severity: the data is encrypted either way.\n\n**Default behaviour.** Without `kms_key_id` / `KmsKeyId` the AWS managed key `aws/rds` is used.",
        remediation: "**Terraform:** `kms_key_id = aws_kms_key.<name>.arn` on `aws_docdb_cluster`.\n\n**CloudFormation:** `KmsKeyId: !GetAtt <Key>.Arn` on `AWS::DocDB::DBCluster`.",
        references: &[
            "AWS Foundational Security Best Practices DocumentDB.1",
            "https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html",
        ],
        equivalents: &["checkov:CKV_AWS_182", "trivy:AVD-AWS-0022"],
        examples: &[
            Example::bad("bad.tf", &[(14, "storage_encrypted"), (22, "\"alias/aws/rds\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(12, "StorageEncrypted:"), (19, "alias/aws/rds")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(16, "\"StorageEncrypted\":")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::DocumentDb, CHECK.meta.id, CHECK.meta.severity, out);
}
