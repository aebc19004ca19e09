//! `aws-kinesis-unencrypted`: Kinesis stream not encrypted at rest.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::unencrypted`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-kinesis-unencrypted",
        aliases: &[],
        title: "Kinesis stream not encrypted at rest",
        severity: Severity::Medium,
        service: "kinesis",
        layer: Layer::Data,
        description: "Kinesis data streams without server-side encryption.\n\nRecords stay \
            in the stream for its retention period (24 hours by default, up to a year) and are \
            readable by every consumer with access to the stream's storage. Medium because the \
            data is retained for a bounded time.\n\n**Default behaviour.** Kinesis Data Streams \
            does not encrypt unless asked: `encryption_type` defaults to `NONE` and \
            CloudFormation's `StreamEncryption` is absent by default.",
        remediation: "**Terraform:** Set `encryption_type = \"KMS\"` and `kms_key_id` on \
            `aws_kinesis_stream` (a customer-managed key, or \
            `alias/aws/kinesis`).\n\n**CloudFormation:** Add `StreamEncryption: {EncryptionType: \
            KMS, KeyId: ...}` to `AWS::Kinesis::Stream`.",
        references: &[
            "AWS Foundational Security Best Practices Kinesis.1",
            "https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_43",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (8, "encryption_type"),
                    (12, "resource \"aws_kinesis_stream\""),
                    (20, "encryption_type"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (7, "OrdersStream:"),
                    (16, "!Ref"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (6, "\"OrdersStream\":"),
                    (15, "{ \"Ref\":"),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::unencrypted(model, Service::Kinesis, CHECK.meta.id, CHECK.meta.severity, out);
}
