//! `aws-timestream-no-cmk`: timestream database not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{encryption, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-timestream-no-cmk",
        aliases: &[],
        title: "Timestream database not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "timestream",
        layer: Layer::Data,
        description: "Timestream databases (`aws_timestreamwrite_database`, `AWS::Timestream::Database`) encrypted with the AWS managed key `aws/timestream`: no `kms_key_id` / `KmsKeyId`, or the AWS managed key named.\n\nThe service always encrypts this data at rest. A customer-managed key adds control: its key policy decides who may decrypt, it can be disabled in an incident, every use is audited, and encrypted copies can be shared across accounts deliberately. Low severity: the data is encrypted either way.",
        remediation: "**Terraform:** `kms_key_id = aws_kms_key.<name>.arn` on `aws_timestreamwrite_database`.\n\n**CloudFormation:** `KmsKeyId: !GetAtt <Key>.Arn` on `AWS::Timestream::Database`.",
        references: &[
            "https://docs.aws.amazon.com/timestream/latest/developerguide/EncryptionAtRest.html",
        ],
        equivalents: &["checkov:CKV_AWS_160"],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_timestreamwrite_database\""), (7, "\"arn:aws:kms:eu-west-1:111122223333:alias/aws/timestream\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "MetricsDatabase"), (11, "arn:aws:kms:eu-west-1:111122223333:alias/aws/timestream")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(3, "\"MetricsDatabase\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::Timestream, CHECK.meta.id, CHECK.meta.severity, out);
}
