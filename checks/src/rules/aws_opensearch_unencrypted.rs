//! `aws-opensearch-unencrypted`: OpenSearch domain not encrypted at rest.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::unencrypted`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-opensearch-unencrypted",
        aliases: &[],
        title: "OpenSearch domain not encrypted at rest",
        severity: Severity::High,
        service: "opensearch",
        layer: Layer::Data,
        description: "OpenSearch Service and Elasticsearch domains without encryption at \
            rest.\n\nSearch domains index logs and documents that often contain personal data; \
            encryption at rest also covers indices, swap files and automated \
            snapshots.\n\n**Default behaviour.** Encryption at rest is off unless \
            `encrypt_at_rest { enabled = true }` / `EncryptionAtRestOptions.Enabled: true` is \
            set.",
        remediation: "**Terraform:** Add `encrypt_at_rest { enabled = true }` (and \
            `kms_key_id`) to `aws_opensearch_domain` / \
            `aws_elasticsearch_domain`.\n\n**CloudFormation:** Set `EncryptionAtRestOptions: \
            {Enabled: true}` (and `KmsKeyId`) on `AWS::OpenSearchService::Domain` / \
            `AWS::Elasticsearch::Domain`.",
        references: &[
            "AWS Foundational Security Best Practices Opensearch.1",
            "AWS Foundational Security Best Practices ES.1",
            "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_5",
            "trivy:AVD-AWS-0048",
            "kics:86a248ab-0e01-4564-a82a-878303e253bb",
            "kics:24e16922-4330-4e9d-be8a-caa90299466a",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (10, "enabled"),
                    (15, "resource \"aws_elasticsearch_domain\""),
                    (24, "enabled"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (12, "false"),
                    (13, "LegacyDomain:"),
                    (21, "!Ref"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (9, "false"),
                    (12, "\"LegacyDomain\":"),
                    (18, "{ \"Ref\":"),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::unencrypted(model, Service::OpenSearch, CHECK.meta.id, CHECK.meta.severity, out);
}
