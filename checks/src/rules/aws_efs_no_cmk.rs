//! `aws-efs-no-cmk`: EFS file system not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-efs-no-cmk",
        aliases: &[],
        title: "EFS file system not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "efs",
        layer: Layer::Data,
        description: "Encrypted EFS file systems that use the AWS managed key \
            `aws/elasticfilesystem`.\n\nA customer-managed KMS key lets you decide who may use \
            the key in its key policy, revoke access in an incident, audit every use in \
            CloudTrail, and share encrypted data across accounts deliberately. With a key AWS \
            owns or manages, anyone whose IAM permissions reach the data can decrypt it, and the \
            key policy cannot be changed. Low severity: the data is encrypted either way; this \
            is about control.\n\n**Default behaviour.** An encrypted file system without \
            `kms_key_id` / `KmsKeyId` uses the AWS managed key. Unencrypted file systems are \
            reported by `aws-efs-unencrypted`.",
        remediation: "**Terraform:** Set `kms_key_id = aws_kms_key.x.arn` next to `encrypted \
            = true` on `aws_efs_file_system`.\n\n**CloudFormation:** Set `KmsKeyId` on \
            `AWS::EFS::FileSystem`.",
        references: &[
            "https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html",
        ],
        equivalents: &[
            "kics:6d087495-2a42-4735-abf7-02ef5660a7e6",
            "kics:25d251f3-f348-4f95-845c-1090e41a615c",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (9, "encrypted"),
                    (15, "\"alias/aws/elasticfilesystem\""),
                    (21, "var.efs_key"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (11, "Encrypted:"),
                    (17, "alias/aws/elasticfilesystem"),
                    (23, "!Ref"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (10, "\"Encrypted\":"),
                    (18, "\"alias/aws/elasticfilesystem\""),
                    (26, "{ \"Ref\":"),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::Efs, CHECK.meta.id, CHECK.meta.severity, out);
}
