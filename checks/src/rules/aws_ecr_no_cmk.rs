//! `aws-ecr-no-cmk`: ECR repository not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ecr-no-cmk",
        aliases: &[],
        title: "ECR repository not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "ecr",
        layer: Layer::Data,
        description: "ECR repositories encrypted with AES256 (the default) or the AWS \
            managed key `aws/ecr`.\n\nA customer-managed KMS key lets you decide who may use the \
            key in its key policy, revoke access in an incident, audit every use in CloudTrail, \
            and share encrypted data across accounts deliberately. With a key AWS owns or \
            manages, anyone whose IAM permissions reach the data can decrypt it, and the key \
            policy cannot be changed. Low severity: the data is encrypted either way; this is \
            about control.\n\n**Default behaviour.** ECR always encrypts images, with AES256 \
            keys it owns unless `encryption_configuration` / `EncryptionConfiguration` selects \
            KMS; KMS without a key means `aws/ecr`. The setting can only be chosen when the \
            repository is created.",
        remediation: "**Terraform:** Add `encryption_configuration { encryption_type = \
            \"KMS\"  kms_key = aws_kms_key.x.arn }` to \
            `aws_ecr_repository`.\n\n**CloudFormation:** Set `EncryptionConfiguration: \
            {EncryptionType: KMS, KmsKey: ...}` on `AWS::ECR::Repository`.",
        references: &[
            "https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_136",
            "trivy:AVD-AWS-0033",
            "kics:0e32d561-4b5a-4664-a6e3-a3fa85649157",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (2, "resource \"aws_ecr_repository\""),
                    (10, "encryption_configuration"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (3, "ApiRepository:"),
                    (11, "EncryptionConfiguration:"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (3, "\"ApiRepository\":"),
                    (11, "\"KMS\""),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::Ecr, CHECK.meta.id, CHECK.meta.severity, out);
}
