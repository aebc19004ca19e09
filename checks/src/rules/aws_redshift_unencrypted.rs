//! `aws-redshift-unencrypted`: Redshift cluster not encrypted at rest.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::unencrypted`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-redshift-unencrypted",
        aliases: &[],
        title: "Redshift cluster not encrypted at rest",
        severity: Severity::High,
        service: "redshift",
        layer: Layer::Data,
        description: "Redshift clusters whose data blocks and snapshots are not \
            encrypted.\n\nA data warehouse concentrates the organisation's data, and its \
            snapshots inherit the cluster's (lack of) encryption.\n\n**Default behaviour.** \
            Provisioned clusters created through the API, Terraform or CloudFormation are \
            unencrypted unless `encrypted` / `Encrypted` is `true`.",
        remediation: "**Terraform:** Set `encrypted = true` on `aws_redshift_cluster`, with \
            `kms_key_id` for a customer-managed key.\n\n**CloudFormation:** Set `Encrypted: \
            true` on `AWS::Redshift::Cluster`, with `KmsKeyId` for a customer-managed key.",
        references: &[
            "AWS Foundational Security Best Practices Redshift.10",
            "https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_64",
            "trivy:AVD-AWS-0084",
            "kics:3b316b05-564c-44a7-9c3f-405bb95e211e",
            "kics:cfdcabb0-fc06-427c-865b-c59f13e898ce",
            "kics:ffee2785-c347-451e-89f3-11aeb08e5c84",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (9, "encrypted"),
                    (13, "resource \"aws_redshift_cluster\""),
                    (21, "encrypted"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (11, "false"),
                    (12, "Scratch:"),
                    (20, "!Ref"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (8, "false"),
                    (10, "\"Scratch\":"),
                    (18, "{ \"Ref\":"),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::unencrypted(model, Service::Redshift, CHECK.meta.id, CHECK.meta.severity, out);
}
