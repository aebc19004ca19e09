//! `aws-dynamodb-no-cmk`: DynamoDB table not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-dynamodb-no-cmk",
        aliases: &[],
        title: "DynamoDB table not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "dynamodb",
        layer: Layer::Data,
        description: "DynamoDB tables encrypted with the AWS owned key (the default) or the \
            AWS managed key `aws/dynamodb`.\n\nA customer-managed KMS key lets you decide who \
            may use the key in its key policy, revoke access in an incident, audit every use in \
            CloudTrail, and share encrypted data across accounts deliberately. With a key AWS \
            owns or manages, anyone whose IAM permissions reach the data can decrypt it, and the \
            key policy cannot be changed. Low severity: the data is encrypted either way; this \
            is about control.\n\n**Default behaviour.** DynamoDB always encrypts tables: without \
            `server_side_encryption` / `SSESpecification`, or with it disabled, an AWS owned key \
            is used; enabled without a key ARN means the AWS managed key.",
        remediation: "**Terraform:** Add `server_side_encryption { enabled = true  \
            kms_key_arn = aws_kms_key.x.arn }` to `aws_dynamodb_table`.\n\n**CloudFormation:** \
            Set `SSESpecification: {SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: ...}` on \
            `AWS::DynamoDB::Table`.",
        references: &[
            "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_119",
            "trivy:AVD-AWS-0025",
            "kics:c8dee387-a2e6-4a73-a942-183c975549ac",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (2, "resource \"aws_dynamodb_table\""),
                    (24, "server_side_encryption"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (3, "SessionsTable:"),
                    (23, "SSESpecification:"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (9, "\"SSESpecification\":"),
                    (20, "\"alias/aws/dynamodb\""),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::DynamoDb, CHECK.meta.id, CHECK.meta.severity, out);
}
