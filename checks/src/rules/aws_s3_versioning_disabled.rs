//! `aws-s3-versioning-disabled`: versioning declared suspended or disabled on a bucket.

use crate::finding::when_suffix;
use crate::s3::bucket_subject;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-s3-versioning-disabled",
        aliases: &[],
        title: "S3 bucket versioning declared off",
        severity: Severity::Low,
        service: "s3",
        layer: Layer::Data,
        description: "Buckets whose declared versioning is off: `aws_s3_bucket_versioning` \
            with `status = \"Suspended\"` or `\"Disabled\"`, a provider v3 `versioning` block \
            with `enabled = false`, `VersioningConfiguration: { Status: Suspended }`.\n\n\
            Without versioning, an overwrite or a delete (by mistake, by a faulty job, or by \
            ransomware with stolen credentials) destroys the only copy of an object. Buckets \
            that hold state (Terraform state, data sets, backups) need it most, and \
            replication and Object Lock require it.\n\nOnly declared configuration is judged: \
            a bucket that says nothing about versioning is not reported (its versioning may be \
            managed elsewhere). Low severity: versioning is about recovery, not exposure.",
        remediation: "**Terraform:** `aws_s3_bucket_versioning` with \
            `versioning_configuration { status = \"Enabled\" }` (add a lifecycle rule that \
            expires noncurrent versions to bound the cost).\n\n**CloudFormation:** \
            `VersioningConfiguration: { Status: Enabled }`.",
        references: &[
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_21",
            "trivy:AVD-AWS-0090",
        ],
        examples: &[
            Example::bad("bad.tf", &[(9, "status"), (18, "enabled")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(7, "Suspended")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(6, "\"Suspended\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for v in &model.s3.versioning {
        for c in v.enabled.candidates() {
            if *c.value {
                continue;
            }
            let message = format!(
                "versioning of {} is declared off{}: an overwrite or delete destroys the only \
                 copy of an object",
                bucket_subject(model, v.owner),
                when_suffix(&c.conditions)
            );
            out.push(
                Finding::on_resource(model, CHECK.meta.id, CHECK.meta.severity, v.owner, c.span, message)
                    .defined_at(c.defined_at),
            );
        }
    }
}
