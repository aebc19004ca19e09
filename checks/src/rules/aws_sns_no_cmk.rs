//! `aws-sns-no-cmk`: SNS topic not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-sns-no-cmk",
        aliases: &[],
        title: "SNS topic not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "sns",
        layer: Layer::Data,
        description: "SNS topics encrypted with the AWS managed key `alias/aws/sns`.\n\nA \
            customer-managed KMS key lets you decide who may use the key in its key policy, \
            revoke access in an incident, audit every use in CloudTrail, and share encrypted \
            data across accounts deliberately. With a key AWS owns or manages, anyone whose IAM \
            permissions reach the data can decrypt it, and the key policy cannot be changed. Low \
            severity: the data is encrypted either way; this is about control.\n\n**Default \
            behaviour.** SNS encrypts a topic only when a key is set; the AWS managed key also \
            prevents services such as CloudWatch alarms or EventBridge from publishing to the \
            topic, since its key policy cannot grant them access. Topics without any key are \
            reported by `aws-sns-unencrypted`.",
        remediation: "**Terraform:** Set `kms_master_key_id = aws_kms_key.x.arn` (not \
            `alias/aws/sns`) on `aws_sns_topic`.\n\n**CloudFormation:** Set `KmsMasterKeyId` to \
            a customer-managed key on `AWS::SNS::Topic`.",
        references: &[
            "https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html",
        ],
        equivalents: &[
            "trivy:AVD-AWS-0136",
            "kics:b1a72f66-2236-4f3b-87ba-0da1b366956f",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (8, "\"alias/aws/sns\""),
                    (13, "var.sns_key"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (11, "alias/aws/sns"),
                    (16, "!Ref"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (10, "\"alias/aws/sns\""),
                    (17, "{ \"Ref\":"),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::Sns, CHECK.meta.id, CHECK.meta.severity, out);
}
