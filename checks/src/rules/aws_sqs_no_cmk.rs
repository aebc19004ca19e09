//! `aws-sqs-no-cmk`: SQS queue not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-sqs-no-cmk",
        aliases: &[],
        title: "SQS queue not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "sqs",
        layer: Layer::Data,
        description: "SQS queues encrypted with SSE-SQS (the default) or the AWS managed key \
            `alias/aws/sqs`.\n\nA customer-managed KMS key lets you decide who may use the key \
            in its key policy, revoke access in an incident, audit every use in CloudTrail, and \
            share encrypted data across accounts deliberately. With a key AWS owns or manages, \
            anyone whose IAM permissions reach the data can decrypt it, and the key policy \
            cannot be changed. Low severity: the data is encrypted either way; this is about \
            control.\n\n**Default behaviour.** New queues are encrypted with SSE-SQS, keys owned \
            by SQS, unless a KMS key is set. Queues with encryption turned off are reported by \
            `aws-sqs-unencrypted`.",
        remediation: "**Terraform:** Set `kms_master_key_id = aws_kms_key.x.arn` on \
            `aws_sqs_queue`.\n\n**CloudFormation:** Set `KmsMasterKeyId` to a customer-managed \
            key on `AWS::SQS::Queue`.",
        references: &[
            "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
        ],
        equivalents: &[
            "trivy:AVD-AWS-0135",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (7, "resource \"aws_sqs_queue\""),
                    (13, "\"alias/aws/sqs\""),
                    (18, "var.sqs_key"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (7, "Plain:"),
                    (15, "alias/aws/sqs"),
                    (20, "!Ref"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (6, "\"Plain\":"),
                    (16, "\"alias/aws/sqs\""),
                    (23, "{ \"Ref\":"),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::Sqs, CHECK.meta.id, CHECK.meta.severity, out);
}
