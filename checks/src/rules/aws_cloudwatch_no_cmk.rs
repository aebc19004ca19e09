//! `aws-cloudwatch-no-cmk`: CloudWatch log group not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-cloudwatch-no-cmk",
        aliases: &[],
        title: "CloudWatch log group not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "cloudwatch",
        layer: Layer::Data,
        description: "CloudWatch Logs log groups without a KMS key.\n\nA customer-managed \
            KMS key lets you decide who may use the key in its key policy, revoke access in an \
            incident, audit every use in CloudTrail, and share encrypted data across accounts \
            deliberately. With a key AWS owns or manages, anyone whose IAM permissions reach the \
            data can decrypt it, and the key policy cannot be changed. Low severity: the data is \
            encrypted either way; this is about control.\n\n**Default behaviour.** CloudWatch \
            Logs always encrypts log data with keys it owns; a `kms_key_id` / `KmsKeyId` puts \
            the log group under a customer-managed key. Logs often capture tokens, request \
            bodies and personal data.",
        remediation: "**Terraform:** Set `kms_key_id = aws_kms_key.x.arn` on \
            `aws_cloudwatch_log_group` (the key policy must allow the \
            `logs.<region>.amazonaws.com` principal).\n\n**CloudFormation:** Set `KmsKeyId` on \
            `AWS::Logs::LogGroup`.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_158",
            "trivy:AVD-AWS-0017",
            "kics:0afbcfe9-d341-4b92-a64c-7e6de0543879",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (7, "resource \"aws_cloudwatch_log_group\""),
                    (13, "\"\""),
                    (18, "var.cloudwatch_key"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (7, "Plain:"),
                    (15, "\"\""),
                    (20, "!Ref"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (6, "\"Plain\":"),
                    (16, "\"\""),
                    (23, "{ \"Ref\":"),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::CloudWatchLogs, CHECK.meta.id, CHECK.meta.severity, out);
}
