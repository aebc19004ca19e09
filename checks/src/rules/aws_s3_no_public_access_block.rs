//! `aws-s3-no-public-access-block`: a bucket with no public access block of its own, and no
//! account-wide block in the same configuration that covers it.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;
use std::collections::HashSet;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-s3-no-public-access-block",
        aliases: &[],
        title: "S3 bucket without a public access block",
        severity: Severity::Low,
        service: "s3",
        layer: Layer::Data,
        description: "S3 buckets for which the configuration declares no public access block: \
            no `aws_s3_bucket_public_access_block` points at the bucket (Terraform), the bucket \
            has no `PublicAccessBlockConfiguration` (CloudFormation), and no \
            `aws_s3_account_public_access_block` with no flag off is declared \
            alongside.\n\n\
            The public access block is the control that keeps one mistaken ACL or bucket policy \
            from publishing a bucket. S3 has turned it on for new buckets since April 2023, but \
            that default exists only at creation: buckets created earlier, imported, or changed \
            by hand or by another tool keep whatever they have, and nothing in the code says \
            what it should be. Declaring it makes the intent reviewable and restores it on every \
            apply. Low severity, because the service default for a new bucket is safe.\n\n\
            A public access block whose bucket is not known here (`bucket = var.name`) may \
            belong to any bucket of the configuration: then no bucket of it is reported.",
        remediation: "**Terraform:** Add an `aws_s3_bucket_public_access_block` with \
            `bucket = aws_s3_bucket.<name>.id` and all four flags `true` (or, for a whole \
            account, `aws_s3_account_public_access_block`).\n\n**CloudFormation:** Add \
            `PublicAccessBlockConfiguration` with `BlockPublicAcls`, `BlockPublicPolicy`, \
            `IgnorePublicAcls` and `RestrictPublicBuckets` all `true`.",
        references: &[
            "AWS Foundational Security Best Practices S3.8",
            "CIS AWS Foundations Benchmark 2.1.4",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
        ],
        equivalents: &[
            "checkov:CKV2_AWS_6",
            "trivy:AVD-AWS-0094",
            // Trivy's and KICS's CloudFormation flag rules also fire on a bucket without the
            // block.
            "trivy:AVD-AWS-0086",
            "trivy:AVD-AWS-0087",
            "trivy:AVD-AWS-0091",
            "trivy:AVD-AWS-0093",
            "kics:48f100d9-f499-4c6d-b2b8-deafe47ffb26",
            "kics:860ba89b-b8de-4e72-af54-d6aee4138a69",
            "kics:6c8d51af-218d-4bfb-94a9-94eabaa0703a",
            "kics:350cd468-0e2c-44ef-9d22-cfb73a62523c",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (2, "resource \"aws_s3_bucket\" \"uploads\""),
                    (6, "resource \"aws_s3_bucket\" \"reports\""),
                ],
            ),
            Example::good("good.tf"),
            Example::good("good_account.tf"),
            Example::bad("bad.yaml", &[(3, "UploadsBucket:"), (5, "ReportsBucket:")]),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[(4, "\"UploadsBucket\":"), (7, "\"ReportsBucket\":")],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    let s3 = &model.s3;
    if s3.buckets.is_empty() {
        return;
    }
    let mut covered = HashSet::new();
    for b in &s3.public_access_blocks {
        if b.account {
            // An account-wide block covers every bucket unless one of its flags may be off
            // (then the flag checks report it); unknown flags are not judged.
            if !b.may_be_off() {
                return;
            }
            continue;
        }
        match s3.bucket_of(model, b.owner) {
            Some(bucket) => {
                covered.insert(bucket);
            }
            // A block for a bucket not known here may be any bucket's.
            None => return,
        }
    }
    for &bucket in &s3.buckets {
        if covered.contains(&bucket) {
            continue;
        }
        let r = model.resource(bucket);
        let message = format!(
            "bucket {} declares no public access block: nothing in this configuration stops a \
             public ACL or bucket policy from exposing it",
            r.address
        );
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            bucket,
            r.header,
            message,
        ));
    }
}
