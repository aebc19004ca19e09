//! `aws-kinesis-no-cmk`: Kinesis stream not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-kinesis-no-cmk",
        aliases: &[],
        title: "Kinesis stream not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "kinesis",
        layer: Layer::Data,
        description: "Encrypted Kinesis data streams that use the AWS managed key \
            `alias/aws/kinesis`.\n\nA customer-managed KMS key lets you decide who may use the \
            key in its key policy, revoke access in an incident, audit every use in CloudTrail, \
            and share encrypted data across accounts deliberately. With a key AWS owns or \
            manages, anyone whose IAM permissions reach the data can decrypt it, and the key \
            policy cannot be changed. Low severity: the data is encrypted either way; this is \
            about control.\n\n**Default behaviour.** Streams are unencrypted by default \
            (reported by `aws-kinesis-unencrypted`); with `encryption_type = \"KMS\"` the key \
            named by `kms_key_id` / `KeyId` is used.",
        remediation: "**Terraform:** Set `kms_key_id = aws_kms_key.x.arn` with \
            `encryption_type = \"KMS\"` on `aws_kinesis_stream`.\n\n**CloudFormation:** Set \
            `StreamEncryption.KeyId` to a customer-managed key on `AWS::Kinesis::Stream`.",
        references: &[
            "https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_185",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (9, "\"alias/aws/kinesis\""),
                    (16, "var.stream_key"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (13, "alias/aws/kinesis"),
                    (20, "!Ref"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (7, "\"alias/aws/kinesis\""),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::Kinesis, CHECK.meta.id, CHECK.meta.severity, out);
}
