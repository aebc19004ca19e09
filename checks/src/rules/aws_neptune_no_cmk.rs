//! `aws-neptune-no-cmk`: Neptune storage not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{encryption, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-neptune-no-cmk",
        aliases: &[],
        title: "Neptune storage not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "neptune",
        layer: Layer::Data,
        description: "Encrypted Neptune clusters (`aws_neptune_cluster`, `AWS::Neptune::DBCluster`) that use the AWS managed key `aws/rds`.\n\nA customer-managed key lets you decide in its key policy who may decrypt, revoke access in an incident, audit every use, and share snapshots with other accounts deliberately. Low severity: the data is encrypted either way.\n\n**Default behaviour.** Without `kms_key_arn` / `KmsKeyId` the AWS managed key `aws/rds` is used.",
        remediation: "**Terraform:** `kms_key_arn = aws_kms_key.<name>.arn` on `aws_neptune_cluster`.\n\n**CloudFormation:** `KmsKeyId: !GetAtt <Key>.Arn` on `AWS::Neptune::DBCluster`.",
        references: &[
            "AWS Foundational Security Best Practices Neptune.1",
            "https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html",
        ],
        equivalents: &["checkov:CKV_AWS_347", "trivy:AVD-AWS-0128"],
        examples: &[
            Example::bad("bad.tf", &[(13, "storage_encrypted"), (20, "\"alias/aws/rds\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(11, "StorageEncrypted:"), (17, "alias/aws/rds")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(13, "\"StorageEncrypted\":")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::Neptune, CHECK.meta.id, CHECK.meta.severity, out);
}
