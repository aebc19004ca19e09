//! `aws-cloudtrail-bucket-no-access-logging`: the bucket holding a trail's logs records no
//! access to them.

use crate::monitoring::LogBuckets;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-cloudtrail-bucket-no-access-logging",
        aliases: &[],
        title: "CloudTrail bucket without server access logging",
        severity: Severity::Medium,
        service: "cloudtrail",
        layer: Layer::Monitoring,
        description: "The S3 bucket a CloudTrail trail delivers to (a bucket of the same unit, \
            named by reference or by its literal name) has no server access logging.\n\nThe \
            trail's bucket holds the account's audit record. Server access logs on it show who \
            read, overwrote or deleted log files: without them, tampering with the record or \
            reading the account's history for reconnaissance leaves no trace of its own. (This \
            is the one log bucket that should itself be logged; the general \
            `aws-s3-no-access-logging` exempts log buckets.)",
        remediation: "**Terraform:** `aws_s3_bucket_logging` for the trail's bucket, with a \
            separate `target_bucket`.\n\n**CloudFormation:** `LoggingConfiguration` on the \
            trail's `AWS::S3::Bucket`.",
        references: &[
            "CIS AWS Foundations Benchmark 3.4 (v3.0; 3.6 in v1.x: ensure S3 bucket access logging is enabled on the CloudTrail S3 bucket)",
            "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html",
        ],
        equivalents: &[
            "trivy:AVD-AWS-0163",
            "tfsec:aws-cloudtrail-require-bucket-access-logging",
            "kics:ee9e50e8-b2ed-4176-ad42-8fc0cf7593f4",
        ],
        examples: &[
            Example::bad("bad.tf", &[(5, "resource \"aws_s3_bucket\" \"trail\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "TrailBucket:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"TrailBucket\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    let logs = LogBuckets::new(model);
    if logs.unknown_logging_target {
        return;
    }
    let mut seen = std::collections::BTreeSet::new();
    for (trail, bucket) in logs.trail_buckets() {
        if logs.is_logged(bucket) || !seen.insert(bucket) {
            continue;
        }
        let resource = model.resource(bucket);
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            bucket,
            resource.header,
            format!(
                "S3 bucket {} receives the logs of CloudTrail trail {} but has no server access \
                 logging: reads and deletions of the audit record leave no trace",
                resource.address,
                model.resource(trail).address
            ),
        ));
    }
}
