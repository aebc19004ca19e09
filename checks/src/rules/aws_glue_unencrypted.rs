//! `aws-glue-unencrypted`: Glue data catalog, connection passwords or security configuration
//! without encryption.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::unencrypted`].

use crate::{encryption, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-glue-unencrypted",
        aliases: &[],
        title: "Glue data catalog or security configuration without encryption",
        severity: Severity::Medium,
        service: "glue",
        layer: Layer::Data,
        description: "Glue encryption settings declared off:\n\n- data catalog encryption settings (`aws_glue_data_catalog_encryption_settings`, `AWS::Glue::DataCatalogEncryptionSettings`) with `catalog_encryption_mode = \"DISABLED\"` / `CatalogEncryptionMode: DISABLED` (or, in CloudFormation, no `EncryptionAtRest`), or with `return_connection_password_encrypted = false`;\n- security configurations (`aws_glue_security_configuration`, `AWS::Glue::SecurityConfiguration`) whose CloudWatch logs, job bookmarks or S3 data encryption mode is `DISABLED` (or not written in CloudFormation, where that is the default).\n\nThe data catalog holds every table's schema, location and connection definitions; connections carry database passwords, which without password encryption `GetConnection` returns in the clear to anyone allowed to call it. A security configuration decides how the jobs and crawlers that use it write their logs (which echo data and parameters), their bookmarks (what was processed) and their output on S3.",
        remediation: "**Terraform:** `catalog_encryption_mode = \"SSE-KMS\"` with `sse_aws_kms_key_id`, and `return_connection_password_encrypted = true` with `aws_kms_key_id`, in `aws_glue_data_catalog_encryption_settings`; `cloudwatch_encryption_mode = \"SSE-KMS\"`, `job_bookmarks_encryption_mode = \"CSE-KMS\"` and `s3_encryption_mode = \"SSE-KMS\"` with `kms_key_arn` in `aws_glue_security_configuration`.\n\n**CloudFormation:** `DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode: SSE-KMS` and `ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted: true`; in `AWS::Glue::SecurityConfiguration`, `CloudWatchEncryption`, `JobBookmarksEncryption` and `S3Encryptions` with KMS modes and keys.",
        references: &[
            "https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html",
            "https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html",
        ],
        equivalents: &["checkov:CKV_AWS_94", "checkov:CKV_AWS_99"],
        examples: &[
            Example::bad("bad.tf", &[(4, "return_connection_password_encrypted"), (8, "catalog_encryption_mode"), (18, "cloudwatch_encryption_mode"), (22, "job_bookmarks_encryption_mode")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(9, "ReturnConnectionPasswordEncrypted"), (11, "CatalogEncryptionMode"), (18, "CloudWatchEncryptionMode"), (20, "JobBookmarksEncryptionMode")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(9, "\"CatalogEncryptionMode\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::unencrypted(model, Service::Glue, CHECK.meta.id, CHECK.meta.severity, out);
}
