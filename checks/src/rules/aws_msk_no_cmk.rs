//! `aws-msk-no-cmk`: mSK cluster storage not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{encryption, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-msk-no-cmk",
        aliases: &[],
        title: "MSK cluster storage not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "msk",
        layer: Layer::Data,
        description: "Amazon MSK clusters (`aws_msk_cluster`, `AWS::MSK::Cluster`) whose broker storage is encrypted with the AWS managed key `aws/kafka`: no `encryption_info.encryption_at_rest_kms_key_arn` / `EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId`, or the AWS managed key named.\n\nThe service always encrypts this data at rest. A customer-managed key adds control: its key policy decides who may decrypt, it can be disabled in an incident, every use is audited, and encrypted copies can be shared across accounts deliberately. Low severity: the data is encrypted either way.",
        remediation: "**Terraform:** `encryption_info { encryption_at_rest_kms_key_arn = aws_kms_key.<name>.arn }`.\n\n**CloudFormation:** `EncryptionInfo: { EncryptionAtRest: { DataVolumeKMSKeyId: !GetAtt <Key>.Arn } }`.",
        references: &[
            "https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html",
        ],
        equivalents: &["checkov:CKV_AWS_81"],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_msk_cluster\""), (25, "\"arn:aws:kms:eu-west-1:111122223333:alias/aws/kafka\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "Events"), (23, "arn:aws:kms:eu-west-1:111122223333:alias/aws/kafka")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(3, "\"Events\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::Msk, CHECK.meta.id, CHECK.meta.severity, out);
}
