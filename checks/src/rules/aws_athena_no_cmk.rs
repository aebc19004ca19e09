//! `aws-athena-no-cmk`: Athena query results not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{encryption, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-athena-no-cmk",
        aliases: &[],
        title: "Athena query results not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "athena",
        layer: Layer::Data,
        description: "Athena workgroups (`aws_athena_workgroup`, `AWS::Athena::WorkGroup`) and Terraform Athena databases (`aws_athena_database`) whose query results are not encrypted with a KMS key: no result encryption configuration at all, or `encryption_option = \"SSE_S3\"` / `EncryptionOption: SSE_S3`.\n\nQuery results are copies of whatever the queries read (often the most sensitive columns of a data lake), written to S3 for every query. Without `SSE_KMS` or `CSE_KMS` they are protected only by S3-managed keys (S3 encrypts every new object with SSE-S3, or the output bucket's own default): anyone who can read the results bucket reads them, and there is no key policy, no key-use audit trail and no way to revoke access by disabling a key. With `enforce_workgroup_configuration` the workgroup's setting also overrides what clients ask for.\n\nLow severity: the results are encrypted at rest either way; what is missing is the customer-managed key's control.",
        remediation: "**Terraform:** in `configuration { result_configuration { encryption_configuration { ... } } }` of `aws_athena_workgroup`, `encryption_option = \"SSE_KMS\"` (or `CSE_KMS`) and `kms_key_arn = aws_kms_key.<name>.arn`; keep `enforce_workgroup_configuration = true` (the default) so clients cannot override it. On `aws_athena_database`, `encryption_configuration { encryption_option = \"SSE_KMS\", kms_key = ... }`.\n\n**CloudFormation:** `WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration` with `EncryptionOption: SSE_KMS` and `KmsKey` on `AWS::Athena::WorkGroup`.",
        references: &[
            "AWS Foundational Security Best Practices Athena.1",
            "https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html",
        ],
        equivalents: &["checkov:CKV_AWS_159", "trivy:AVD-AWS-0006", "tfsec:aws-athena-enable-at-rest-encryption"],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_athena_workgroup\" \"analytics\""), (13, "encryption_option"), (24, "encryption_option")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "AnalyticsWorkGroup"), (15, "EncryptionOption")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(11, "\"EncryptionOption\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::Athena, CHECK.meta.id, CHECK.meta.severity, out);
}
