//! `aws-s3-no-access-logging`: a bucket without server access logging (log buckets exempt).

use crate::monitoring::LogBuckets;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-s3-no-access-logging",
        aliases: &[],
        title: "S3 bucket without server access logging",
        severity: Severity::Low,
        service: "s3",
        layer: Layer::Monitoring,
        description: "An S3 bucket with no server access logging: no `logging` block on the \
            bucket, no `aws_s3_bucket_logging` for it, no `LoggingConfiguration`.\n\nServer \
            access logs record every request made to the bucket (requester, key, operation, \
            source address, result), including the object reads CloudTrail records only when \
            data events are bought. Without them a leak from the bucket cannot be scoped: which \
            objects were read, by whom, from where.\n\nLog buckets themselves are not reported \
            (logging them would log the logging): buckets that receive S3 access logs, load \
            balancer access logs, CloudTrail logs, CloudFront logs or AWS Config snapshots \
            (a delivery channel's bucket) from the same unit, \
            whose ACL lets the S3 log delivery group write, or whose bucket policy lets a log \
            delivery service write objects (`logging.s3`, `logdelivery.elasticloadbalancing`, \
            `delivery.logs`, `cloudtrail`, `config`, `logs` `.amazonaws.com`, a regional \
            Elastic Load Balancing account or `data.aws_elb_service_account`, or an account not \
            known here writing under `AWSLogs/`): the service writing to them may be declared \
            in another stack. Low severity: nothing is exposed; \
            the evidence is missing. When a unit holds an `aws_s3_bucket_logging` whose bucket \
            is not known (a variable, a data source), no bucket of the unit is reported.",
        remediation: "**Terraform:** `aws_s3_bucket_logging` with `bucket` and \
            `target_bucket` (a dedicated log bucket), or the `logging` block of provider v3.\n\n\
            **CloudFormation:** `LoggingConfiguration: { DestinationBucketName: !Ref LogBucket }` \
            on `AWS::S3::Bucket`.",
        references: &[
            "AWS Foundational Security Best Practices S3.9",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_18",
            "trivy:AVD-AWS-0089",
            "tfsec:aws-s3-enable-bucket-logging",
            "kics:f861041c-8c9f-4156-acfc-5e6e524f5884",
            "cfn_nag:W35",
        ],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_s3_bucket\" \"data\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "Data:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"Data\""), (8, "\"Uploads\"")]),
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
    for &bucket in &model.s3.buckets {
        if logs.is_logged(bucket) || logs.is_log_bucket(bucket) {
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
                "S3 bucket {} has no server access logging: requests to its objects leave no \
                 record of who read or changed what",
                resource.address
            ),
        ));
    }
}
