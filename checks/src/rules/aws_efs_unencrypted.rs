//! `aws-efs-unencrypted`: EFS file system not encrypted at rest.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::unencrypted`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-efs-unencrypted",
        aliases: &[],
        title: "EFS file system not encrypted at rest",
        severity: Severity::High,
        service: "efs",
        layer: Layer::Data,
        description: "EFS file systems created without encryption at rest.\n\nA shared file \
            system holds whatever its clients write, often application data and secrets. \
            Encryption at rest can only be chosen when the file system is created: fixing it \
            later means creating a new file system and copying the data.\n\n**Default \
            behaviour.** EFS does not encrypt unless asked: `encrypted` / `Encrypted` defaults \
            to `false` in Terraform and CloudFormation (the console encrypts by default, the \
            APIs do not).",
        remediation: "**Terraform:** Set `encrypted = true` on `aws_efs_file_system`, with \
            `kms_key_id` for a customer-managed key.\n\n**CloudFormation:** Set `Encrypted: \
            true` on `AWS::EFS::FileSystem`, with `KmsKeyId` for a customer-managed key.",
        references: &[
            "AWS Foundational Security Best Practices EFS.1",
            "https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_42",
            "trivy:AVD-AWS-0037",
            "cfn_nag:F32",
            "kics:2ff8e83c-90e1-4d68-a300-6d652112e622",
            "kics:48207659-729f-4b5c-9402-f884257d794f",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (8, "encrypted"),
                    (12, "resource \"aws_efs_file_system\""),
                    (18, "encrypted"),
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
    encryption::unencrypted(model, Service::Efs, CHECK.meta.id, CHECK.meta.severity, out);
}
