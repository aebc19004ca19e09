//! `aws-sns-unencrypted`: SNS topic not encrypted at rest.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::unencrypted`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-sns-unencrypted",
        aliases: &[],
        title: "SNS topic not encrypted at rest",
        severity: Severity::Medium,
        service: "sns",
        layer: Layer::Data,
        description: "SNS topics without server-side encryption.\n\nMessages wait in the \
            topic until every subscriber has received them, and notifications often carry \
            customer data or internal events. Medium rather than high because messages are \
            transient (SNS keeps them only until delivery), unlike a database or a \
            volume.\n\n**Default behaviour.** SNS encrypts a topic only when a KMS key is \
            configured: without `kms_master_key_id` / `KmsMasterKeyId` messages are stored \
            unencrypted.",
        remediation: "**Terraform:** Set `kms_master_key_id` on `aws_sns_topic`, preferably \
            to a customer-managed key (`aws_kms_key.x.arn`); `alias/aws/sns` encrypts with the \
            AWS managed key.\n\n**CloudFormation:** Set `KmsMasterKeyId` on `AWS::SNS::Topic`, \
            preferably `!Ref` a customer-managed `AWS::KMS::Key`.",
        references: &[
            "AWS Foundational Security Best Practices SNS.1",
            "https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_26",
            "trivy:AVD-AWS-0095",
            "kics:9d13b150-a2ab-42a1-b6f4-142e41f81e52",
            "kics:28545147-2fc6-42d5-a1f9-cf226658e591",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (2, "resource \"aws_sns_topic\""),
                    (6, "resource \"aws_sns_topic\""),
                    (14, "kms_master_key_id"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (3, "OrdersTopic:"),
                    (7, "AlertsTopic:"),
                    (14, "\"\""),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (3, "\"OrdersTopic\":"),
                    (7, "\"AlertsTopic\":"),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::unencrypted(model, Service::Sns, CHECK.meta.id, CHECK.meta.severity, out);
}
