//! `aws-s3-bucket-policy-public`: s3 bucket policy allows anyone.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-s3-bucket-policy-public",
        aliases: &[],
        title: "S3 bucket policy allows anyone",
        severity: Severity::High,
        service: "s3",
        layer: Layer::Identity,
        description: "An `Allow` statement in an S3 bucket policy (`aws_s3_bucket_policy`, the `policy` of `aws_s3_bucket`, `AWS::S3::BucketPolicy`) for `Principal: \"*\"` (or `{\"AWS\": \"*\"}`, or `NotPrincipal`) with no condition that ties it to an account, organisation, source or network (`aws:SourceArn`, `aws:SourceAccount`, `aws:SourceVpc`, `aws:SourceVpce`, `aws:SourceIp`, `aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:PrincipalArn`, `kms:CallerAccount` ...). Anyone on the internet can then read (or, with write actions, replace and delete) the objects; public buckets are the most common source of cloud data leaks. A website bucket is better served through CloudFront with origin access control. **Critical** when the actions granted include write or permissions-management actions (from the IAM action database), **high** for read and list. A condition that matches everything (`*`, `0.0.0.0/0`) restricts nothing; conditions that are not known are not judged; an explicit `Deny` for everyone in the same policy is applied first.",
        remediation: "Name the principals (accounts, roles, the CloudFront service principal with `aws:SourceArn`) or add a condition such as `aws:PrincipalOrgID`, `aws:SourceVpce` or `aws:SourceArn`; keep S3 Block Public Access on.",
        references: &[
            "AWS Foundational Security Best Practices S3.2, S3.3",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_70",
        ],
        examples: &[
            Example::bad("bad.tf", &[(6, "\"*\""), (19, "\"*\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "\"*\"")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "\"*\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

const KINDS: &[&str] = &["aws_s3_bucket_policy", "aws_s3_bucket", "AWS::S3::BucketPolicy"];

fn run(model: &Model, out: &mut Vec<Finding>) {
    crate::public_policy::report(model, out, CHECK.meta.id, KINDS, "bucket");
}
