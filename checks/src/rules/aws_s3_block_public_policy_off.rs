//! `aws-s3-block-public-policy-off`: a public access block (bucket or account level) with `block_public_policy` off.
//!
//! Metadata and examples only; the logic is shared with the other flags in
//! [`crate::s3::flag_off`].

use crate::{s3, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::s3::BlockFlag;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-s3-block-public-policy-off",
        aliases: &[],
        title: "S3 public access block: public bucket policies are not blocked",
        severity: Severity::Medium,
        service: "s3",
        layer: Layer::Data,
        description: "Public access blocks, on a bucket (`aws_s3_bucket_public_access_block`, \
            `PublicAccessBlockConfiguration`) or on the whole account \
            (`aws_s3_account_public_access_block`), that leave `block_public_policy` / `BlockPublicPolicy` off.\n\n\
            With `block_public_policy` / `BlockPublicPolicy` off, S3 accepts a bucket policy that grants access to anyone (`Principal: \"*\"` without a restricting condition). One policy change, by a person or a pipeline, then opens the whole bucket.\n\n**Default behaviour.** A flag that is not written is \
            `false` in both the Terraform provider and CloudFormation, so a block that names only \
            some flags leaves the others off. (Buckets created since April 2023 start with every \
            flag on, but a declared block replaces that with what it says.) A bucket that declares \
            no block at all is reported by `aws-s3-no-public-access-block` instead.",
        remediation: "**Terraform:** Set `block_public_policy = true` in `aws_s3_bucket_public_access_block` \
            (and in `aws_s3_account_public_access_block`). Write all four flags.\n\n\
            **CloudFormation:** Set `BlockPublicPolicy: true` in the bucket's \
            `PublicAccessBlockConfiguration`, with the other three flags.",
        references: &[
            "AWS Foundational Security Best Practices S3.1 (account level)",
            "AWS Foundational Security Best Practices S3.8 (bucket level)",
            "CIS AWS Foundations Benchmark 2.1.4",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_54",
            "trivy:AVD-AWS-0087",
            "kics:860ba89b-b8de-4e72-af54-d6aee4138a69",
            "kics:1a4bc881-9f69-4d44-8c9a-d37d08f54c50",
        ],
        examples: &[
            Example::bad("bad.tf", &[(13, "block_public_policy"), (23, "resource \"aws_s3_bucket_public_access_block\""), (34, "block_public_policy")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(13, "false"), (19, "PublicAccessBlockConfiguration:"), (28, "!Ref Strict")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(8, "false"), (17, "\"PublicAccessBlockConfiguration\":")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    s3::flag_off(
        model,
        BlockFlag::BlockPublicPolicy,
        CHECK.meta.id,
        CHECK.meta.severity,
        out,
    );
}
