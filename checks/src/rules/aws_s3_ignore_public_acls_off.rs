//! `aws-s3-ignore-public-acls-off`: a public access block (bucket or account level) with `ignore_public_acls` off.
//!
//! Metadata and examples only; the logic is shared with the other flags in
//! [`crate::s3::flag_off`].

use crate::{s3, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::s3::BlockFlag;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-s3-ignore-public-acls-off",
        aliases: &[],
        title: "S3 public access block: public ACLs are not ignored",
        severity: Severity::Medium,
        service: "s3",
        layer: Layer::Data,
        description: "Public access blocks, on a bucket (`aws_s3_bucket_public_access_block`, \
            `PublicAccessBlockConfiguration`) or on the whole account \
            (`aws_s3_account_public_access_block`), that leave `ignore_public_acls` / `IgnorePublicAcls` off.\n\n\
            With `ignore_public_acls` / `IgnorePublicAcls` off, S3 honours public ACLs already on the bucket and its objects: an object uploaded with `public-read` years ago, or a bucket ACL granting `AllUsers`, keeps serving data to anyone. Turning it on neutralises every existing public ACL at once.\n\n**Default behaviour.** A flag that is not written is \
            `false` in both the Terraform provider and CloudFormation, so a block that names only \
            some flags leaves the others off. (Buckets created since April 2023 start with every \
            flag on, but a declared block replaces that with what it says.) A bucket that declares \
            no block at all is reported by `aws-s3-no-public-access-block` instead.",
        remediation: "**Terraform:** Set `ignore_public_acls = true` in `aws_s3_bucket_public_access_block` \
            (and in `aws_s3_account_public_access_block`). Write all four flags.\n\n\
            **CloudFormation:** Set `IgnorePublicAcls: true` in the bucket's \
            `PublicAccessBlockConfiguration`, with the other three flags.",
        references: &[
            "AWS Foundational Security Best Practices S3.1 (account level)",
            "AWS Foundational Security Best Practices S3.8 (bucket level)",
            "CIS AWS Foundations Benchmark 2.1.4",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_55",
            "trivy:AVD-AWS-0091",
            "kics:6c8d51af-218d-4bfb-94a9-94eabaa0703a",
            "kics:4fa66806-0dd9-4f8d-9480-3174d39c7c91",
        ],
        examples: &[
            Example::bad("bad.tf", &[(14, "ignore_public_acls"), (23, "resource \"aws_s3_bucket_public_access_block\""), (35, "ignore_public_acls")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(14, "false"), (19, "PublicAccessBlockConfiguration:"), (29, "!Ref Strict")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(9, "false"), (17, "\"PublicAccessBlockConfiguration\":")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    s3::flag_off(
        model,
        BlockFlag::IgnorePublicAcls,
        CHECK.meta.id,
        CHECK.meta.severity,
        out,
    );
}
