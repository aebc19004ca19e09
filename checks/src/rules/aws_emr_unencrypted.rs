//! `aws-emr-unencrypted`: EMR security configuration without encryption at rest.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::unencrypted`].

use crate::{encryption, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-emr-unencrypted",
        aliases: &[],
        title: "EMR security configuration without encryption at rest",
        severity: Severity::High,
        service: "emr",
        layer: Layer::Data,
        description: "EMR security configurations (`aws_emr_security_configuration`, `AWS::EMR::SecurityConfiguration`) whose `EncryptionConfiguration` leaves data at rest unencrypted: `EnableAtRestEncryption` false (or missing), or at-rest encryption on with only `S3EncryptionConfiguration`, so the cluster's local disks (HDFS, spill and shuffle files, EBS volumes) are not encrypted (no `LocalDiskEncryptionConfiguration`).\n\nEMR clusters process the data lake itself: HDFS blocks, intermediate shuffle data and cached inputs sit on the instances' disks and in EMRFS objects on S3. Encryption at rest is opt-in per security configuration, every cluster launched with this configuration inherits its gaps, and it cannot be changed on a running cluster. A configuration without an `EncryptionConfiguration` (Kerberos or Lake Formation settings only) is not judged.",
        remediation: "Set `\"EnableAtRestEncryption\": true` in the configuration's `EncryptionConfiguration`, with both `AtRestEncryptionConfiguration.S3EncryptionConfiguration` (`SSE-KMS` or `CSE-KMS` with a customer-managed key) and `AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration` (`EncryptionKeyProviderType: AwsKms`, `EnableEbsEncryption: true`).\n\n**Terraform:** in the JSON of `configuration` of `aws_emr_security_configuration` (`jsonencode({...})` or a heredoc).\n\n**CloudFormation:** in `SecurityConfiguration` of `AWS::EMR::SecurityConfiguration`.",
        references: &[
            "AWS Foundational Security Best Practices EMR.3",
            "https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-data-encryption-options.html",
        ],
        equivalents: &["trivy:AVD-AWS-0137", "trivy:AVD-AWS-0139", "tfsec:aws-emr-enable-at-rest-encryption", "tfsec:aws-emr-enable-local-disk-encryption"],
        examples: &[
            Example::bad("bad.tf", &[(8, "\"EnableAtRestEncryption\": false"), (21, "AtRestEncryptionConfiguration")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(9, "EnableAtRestEncryption"), (17, "AtRestEncryptionConfiguration")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(9, "\"EnableAtRestEncryption\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::unencrypted(model, Service::Emr, CHECK.meta.id, CHECK.meta.severity, out);
}
