//! `aws-s3-restrict-public-buckets-off`: a public access block (bucket or account level) with `restrict_public_buckets` off.
//!
//! Metadata and examples only; the logic is shared with the other flags in
//! [`crate::s3::flag_off`].

use crate::{s3, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::s3::BlockFlag;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-s3-restrict-public-buckets-off",
        aliases: &[],
        title: "S3 public access block: public buckets are not restricted",
        severity: Severity::Medium,
        service: "s3",
        layer: Layer::Data,
        description: "Public access blocks, on a bucket (`aws_s3_bucket_public_access_block`, \
            `PublicAccessBlockConfiguration`) or on the whole account \
            (`aws_s3_account_public_access_block`), that leave `restrict_public_buckets` / `RestrictPublicBuckets` off.\n\n\
            With `restrict_public_buckets` / `RestrictPublicBuckets` off, a bucket whose policy is public stays reachable by anyone, including anonymous and cross-account principals. Turning it on limits a public policy to AWS service principals and users of the bucket owner's account.\n\n**Default behaviour.** A flag that is not written is \
            `false` in both the Terraform provider and CloudFormation, so a block that names only \
            some flags leaves the others off. (Buckets created since April 2023 start with every \
            flag on, but a declared block replaces that with what it says.) A bucket that declares \
            no block at all is reported by `aws-s3-no-public-access-block` instead.",
        remediation: "**Terraform:** Set `restrict_public_buckets = true` in `aws_s3_bucket_public_access_block` \
            (and in `aws_s3_account_public_access_block`). Write all four flags.\n\n\
            **CloudFormation:** Set `RestrictPublicBuckets: true` in the bucket's \
            `PublicAccessBlockConfiguration`, with the other three flags.",
        references: &[
            "AWS Foundational Security Best Practices S3.1 (account level)",
            "AWS Foundational Security Best Practices S3.8 (bucket level)",
            "CIS AWS Foundations Benchmark 2.1.4",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_56",
            "trivy:AVD-AWS-0093",
            "kics:350cd468-0e2c-44ef-9d22-cfb73a62523c",
            "kics:1ec253ab-c220-4d63-b2de-5b40e0af9293",
        ],
        examples: &[
            Example::bad("bad.tf", &[(15, "restrict_public_buckets"), (23, "resource \"aws_s3_bucket_public_access_block\""), (36, "restrict_public_buckets")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(15, "false"), (19, "PublicAccessBlockConfiguration:"), (30, "!Ref Strict")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "false"), (17, "\"PublicAccessBlockConfiguration\":")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    s3::flag_off(
        model,
        BlockFlag::RestrictPublicBuckets,
        CHECK.meta.id,
        CHECK.meta.severity,
        out,
    );
}
