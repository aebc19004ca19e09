//! `aws-secretsmanager-no-cmk`: Secrets Manager secret not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-secretsmanager-no-cmk",
        aliases: &[],
        title: "Secrets Manager secret not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "secretsmanager",
        layer: Layer::Data,
        description: "Secrets Manager secrets encrypted with the AWS managed key \
            `aws/secretsmanager`.\n\nA customer-managed KMS key lets you decide who may use the \
            key in its key policy, revoke access in an incident, audit every use in CloudTrail, \
            and share encrypted data across accounts deliberately. With a key AWS owns or \
            manages, anyone whose IAM permissions reach the data can decrypt it, and the key \
            policy cannot be changed. Low severity: the data is encrypted either way; this is \
            about control.\n\n**Default behaviour.** Secrets Manager always encrypts secrets; \
            without `kms_key_id` / `KmsKeyId` it uses `aws/secretsmanager`, which cannot be used \
            to share the secret with another account.",
        remediation: "**Terraform:** Set `kms_key_id = aws_kms_key.x.arn` on \
            `aws_secretsmanager_secret`.\n\n**CloudFormation:** Set `KmsKeyId` on \
            `AWS::SecretsManager::Secret`.",
        references: &[
            "https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_149",
            "trivy:AVD-AWS-0098",
            "kics:c8ae9ba9-c2f7-4e5c-b32e-a4b7712d4d22",
            "kics:b0d3ef3f-845d-4b1b-83d6-63a5a380375f",
            "kics:a2f548f2-188c-4fff-b172-e9a6acb216bd",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (7, "resource \"aws_secretsmanager_secret\""),
                    (13, "\"alias/aws/secretsmanager\""),
                    (18, "var.secretsmanager_key"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (7, "Plain:"),
                    (15, "alias/aws/secretsmanager"),
                    (20, "!Ref"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (6, "\"Plain\":"),
                    (16, "\"alias/aws/secretsmanager\""),
                    (23, "{ \"Ref\":"),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::SecretsManager, CHECK.meta.id, CHECK.meta.severity, out);
}
