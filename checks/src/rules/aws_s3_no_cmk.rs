//! `aws-s3-no-cmk`: S3 bucket not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-s3-no-cmk",
        aliases: &[],
        title: "S3 bucket not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "s3",
        layer: Layer::Data,
        description: "S3 buckets whose default encryption is SSE-S3 (AES256) or SSE-KMS with \
            the AWS managed key `aws/s3`.\n\nA customer-managed KMS key lets you decide who may \
            use the key in its key policy, revoke access in an incident, audit every use in \
            CloudTrail, and share encrypted data across accounts deliberately. With a key AWS \
            owns or manages, anyone whose IAM permissions reach the data can decrypt it, and the \
            key policy cannot be changed. Low severity: the data is encrypted either way; this \
            is about control.\n\n**Default behaviour.** S3 encrypts every new object since \
            January 2023 with SSE-S3 (keys owned by S3), so a bucket is never unencrypted; only \
            the key is in question. The bucket's default encryption is read from the bucket \
            itself or from a separate `aws_s3_bucket_server_side_encryption_configuration` that \
            refers to it.\n\n**Log buckets are not reported.** S3 server access logs and load \
            balancer access logs are delivered only to buckets encrypted with S3-managed keys, \
            so a bucket named as a logging destination (`aws_s3_bucket_logging.target_bucket`, \
            a `logging` or `access_logs` block, `LoggingConfiguration.DestinationBucketName`, \
            `AccessLoggingPolicy.S3BucketName`, the `access_logs.s3.bucket` load balancer \
            attribute), granting the log delivery group write access (`log-delivery-write`, \
            `LogDeliveryWrite`), or whose bucket policy lets `logging.s3.amazonaws.com`, \
            `logdelivery.elasticloadbalancing.amazonaws.com` or a regional Elastic Load \
            Balancing account write objects is left alone. Buckets receiving CloudTrail, AWS \
            Config or vended logs can use a KMS key and are still judged.",
        remediation: "**Terraform:** Use \
            `aws_s3_bucket_server_side_encryption_configuration` with \
            `apply_server_side_encryption_by_default { sse_algorithm = \"aws:kms\"  \
            kms_master_key_id = aws_kms_key.x.arn }` (consider `bucket_key_enabled = true` to \
            cut KMS costs).\n\n**CloudFormation:** Set \
            `BucketEncryption.ServerSideEncryptionConfiguration[].ServerSideEncryptionByDefault` \
            to `SSEAlgorithm: aws:kms` with `KMSMasterKeyID` on `AWS::S3::Bucket`.",
        references: &[
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_145",
            "trivy:AVD-AWS-0132",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (6, "resource \"aws_s3_bucket\""),
                    (18, "apply_server_side_encryption_by_default"),
                    (34, "\"alias/aws/s3\""),
                    (40, "resource \"aws_s3_bucket\" \"config\""),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (3, "UploadsBucket:"),
                    (11, "AES256"),
                    (19, "alias/aws/s3"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (3, "\"UploadsBucket\":"),
                    (11, "\"aws:kms\""),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::S3, CHECK.meta.id, CHECK.meta.severity, out);
}
