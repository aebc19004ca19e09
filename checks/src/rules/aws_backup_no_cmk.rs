//! `aws-backup-no-cmk`: backup vault not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{encryption, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-backup-no-cmk",
        aliases: &[],
        title: "Backup vault not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "backup",
        layer: Layer::Data,
        description: "AWS Backup vaults (`aws_backup_vault`, `AWS::Backup::BackupVault`) whose recovery points are encrypted with the AWS managed key `aws/backup`: no `kms_key_arn` / `EncryptionKeyArn`, or the AWS managed key named.\n\nThe service always encrypts this data at rest. A customer-managed key adds control: its key policy decides who may decrypt, it can be disabled in an incident, every use is audited, and encrypted copies can be shared across accounts deliberately. Low severity: the data is encrypted either way.",
        remediation: "**Terraform:** `kms_key_arn = aws_kms_key.<name>.arn` on `aws_backup_vault` (it replaces the vault).\n\n**CloudFormation:** `EncryptionKeyArn: !GetAtt <Key>.Arn` on `AWS::Backup::BackupVault`.",
        references: &[
            "https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html",
        ],
        equivalents: &["checkov:CKV_AWS_166"],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_backup_vault\""), (7, "\"arn:aws:kms:eu-west-1:111122223333:alias/aws/backup\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "MainVault"), (11, "arn:aws:kms:eu-west-1:111122223333:alias/aws/backup")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(3, "\"MainVault\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::Backup, CHECK.meta.id, CHECK.meta.severity, out);
}
