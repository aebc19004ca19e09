//! `aws-opensearch-no-cmk`: OpenSearch domain not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-opensearch-no-cmk",
        aliases: &[],
        title: "OpenSearch domain not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "opensearch",
        layer: Layer::Data,
        description: "OpenSearch and Elasticsearch domains encrypted at rest with the AWS \
            managed key `aws/es`.\n\nA customer-managed KMS key lets you decide who may use the \
            key in its key policy, revoke access in an incident, audit every use in CloudTrail, \
            and share encrypted data across accounts deliberately. With a key AWS owns or \
            manages, anyone whose IAM permissions reach the data can decrypt it, and the key \
            policy cannot be changed. Low severity: the data is encrypted either way; this is \
            about control.\n\n**Default behaviour.** With encryption at rest enabled and no \
            `kms_key_id` / `KmsKeyId`, the domain uses `aws/es`. Domains without encryption at \
            rest are reported by `aws-opensearch-unencrypted`.",
        remediation: "**Terraform:** Set `kms_key_id` inside `encrypt_at_rest` on \
            `aws_opensearch_domain` / `aws_elasticsearch_domain`.\n\n**CloudFormation:** Set \
            `EncryptionAtRestOptions.KmsKeyId` on `AWS::OpenSearchService::Domain` / \
            `AWS::Elasticsearch::Domain`.",
        references: &[
            "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html",
        ],
        equivalents: &[
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (10, "encrypt_at_rest"),
                    (21, "var.search_key"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (8, "Enabled:"),
                    (15, "alias/aws/es"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (9, "\"Enabled\":"),
                    (17, "{ \"Ref\":"),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::OpenSearch, CHECK.meta.id, CHECK.meta.severity, out);
}
