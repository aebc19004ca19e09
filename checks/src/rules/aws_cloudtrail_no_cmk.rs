//! `aws-cloudtrail-no-cmk`: trail logs not encrypted with a customer-managed KMS key.

use crate::finding::when_suffix;
use crate::monitoring::{attr, missing_setting};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-cloudtrail-no-cmk",
        aliases: &[],
        title: "CloudTrail logs are not encrypted with a customer-managed KMS key",
        severity: Severity::Medium,
        service: "cloudtrail",
        layer: Layer::Monitoring,
        description: "A CloudTrail trail without `kms_key_id` / `KMSKeyId` (or with an empty \
            one).\n\nWithout a key, CloudTrail log files get the bucket's default encryption, \
            usually SSE-S3: anyone whose IAM permissions or bucket policy let them read the \
            bucket reads the whole account's API history (who called what, from where, with \
            which request parameters). With SSE-KMS under a customer-managed key, reading a log \
            also needs `kms:Decrypt` on the key, which its key policy grants to the few who \
            investigate, and every decryption is itself logged. A key written as a reference or \
            a variable counts as configured.",
        remediation: "**Terraform:** `kms_key_id = aws_kms_key.trail.arn` on `aws_cloudtrail` \
            (the key policy must let `cloudtrail.amazonaws.com` use it).\n\n**CloudFormation:** \
            `KMSKeyId: !GetAtt TrailKey.Arn` on `AWS::CloudTrail::Trail`.",
        references: &[
            "CIS AWS Foundations Benchmark 3.5 (ensure CloudTrail logs are encrypted at rest using KMS CMKs)",
            "AWS Foundational Security Best Practices CloudTrail.2",
            "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_35",
            "trivy:AVD-AWS-0015",
            "tfsec:aws-cloudtrail-encryption-customer-key",
            "kics:5d9e3164-9265-470c-9a10-57ae454ac0c7",
            "kics:050a9ba8-d1cb-4c61-a5e8-8805a70d3b85",
        ],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_cloudtrail\" \"default\""), (7, "\"\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "Plain:"), (11, "\"\"")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"Plain\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for t in &model.cloudtrail.trails {
        let header = model.resource(t.owner).header;
        let address = &model.resource(t.owner).address;
        let name = attr(model, t.owner, "kms_key_id", "KMSKeyId");
        for (span, conditions, defined_at) in missing_setting(t.kms_key.as_ref(), header) {
            let how = if t.kms_key.is_none() {
                format!("no `{name}`")
            } else {
                format!("`{name}` is empty")
            };
            out.push(
                Finding::on_resource(
                    model,
                    CHECK.meta.id,
                    CHECK.meta.severity,
                    t.owner,
                    span,
                    format!(
                        "CloudTrail trail {address} does not encrypt its log files with a \
                         customer-managed KMS key ({how}): whoever can read the bucket reads \
                         the account's API history{}",
                        when_suffix(&conditions)
                    ),
                )
                .defined_at(defined_at),
            );
        }
    }
}
