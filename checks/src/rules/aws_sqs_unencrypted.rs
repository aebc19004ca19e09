//! `aws-sqs-unencrypted`: SQS queue encryption turned off.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::unencrypted`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-sqs-unencrypted",
        aliases: &[],
        title: "SQS queue encryption turned off",
        severity: Severity::Medium,
        service: "sqs",
        layer: Layer::Data,
        description: "SQS queues whose server-side encryption is explicitly turned off \
            (`sqs_managed_sse_enabled = false` / `SqsManagedSseEnabled: false` without a KMS \
            key).\n\nMessages can stay in a queue for up to 14 days and often carry customer \
            data. Medium rather than high because the data is transient and only an explicit \
            opt-out leaves it unencrypted.\n\n**Default behaviour.** New queues are encrypted \
            with SSE-SQS (keys owned by SQS) unless encryption is turned off, so a queue that \
            says nothing is encrypted and is not reported here (see `aws-sqs-no-cmk` for the \
            key).",
        remediation: "**Terraform:** Remove `sqs_managed_sse_enabled = false` from \
            `aws_sqs_queue`, or better set `kms_master_key_id` to a customer-managed \
            key.\n\n**CloudFormation:** Remove `SqsManagedSseEnabled: false` from \
            `AWS::SQS::Queue`, or better set `KmsMasterKeyId` to a customer-managed key.",
        references: &[
            "AWS Foundational Security Best Practices SQS.1",
            "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_27",
            "trivy:AVD-AWS-0096",
            "kics:12726829-93ed-4d51-9cbe-13423f4299e1",
            "kics:6e8849c1-3aa7-40e3-9063-b85ee300f29f",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (8, "sqs_managed_sse_enabled"),
                    (13, "sqs_managed_sse_enabled"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (11, "false"),
                    (15, "!Ref"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (8, "false"),
                    (12, "{ \"Ref\":"),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::unencrypted(model, Service::Sqs, CHECK.meta.id, CHECK.meta.severity, out);
}
