//! `aws-s3-block-public-acls-off`: a public access block (bucket or account level) with `block_public_acls` off.
//!
//! Metadata and examples only; the logic is shared with the other flags in
//! [`crate::s3::flag_off`].

use crate::{s3, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::s3::BlockFlag;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-s3-block-public-acls-off",
        aliases: &[],
        title: "S3 public access block: public ACLs are not blocked",
        severity: Severity::Medium,
        service: "s3",
        layer: Layer::Data,
        description: "Public access blocks, on a bucket (`aws_s3_bucket_public_access_block`, \
            `PublicAccessBlockConfiguration`) or on the whole account \
            (`aws_s3_account_public_access_block`), that leave `block_public_acls` / `BlockPublicAcls` off.\n\n\
            With `block_public_acls` / `BlockPublicAcls` off, S3 accepts requests that set a public ACL on the bucket or on an object (`PutBucketAcl`, `PutObjectAcl`, `PutObject` with a public `x-amz-acl`). One upload with `--acl public-read` then publishes a file to the internet.\n\n**Default behaviour.** A flag that is not written is \
            `false` in both the Terraform provider and CloudFormation, so a block that names only \
            some flags leaves the others off. (Buckets created since April 2023 start with every \
            flag on, but a declared block replaces that with what it says.) A bucket that declares \
            no block at all is reported by `aws-s3-no-public-access-block` instead.",
        remediation: "**Terraform:** Set `block_public_acls = true` in `aws_s3_bucket_public_access_block` \
            (and in `aws_s3_account_public_access_block`). Write all four flags.\n\n\
            **CloudFormation:** Set `BlockPublicAcls: true` in the bucket's \
            `PublicAccessBlockConfiguration`, with the other three flags.",
        references: &[
            "AWS Foundational Security Best Practices S3.1 (account level)",
            "AWS Foundational Security Best Practices S3.8 (bucket level)",
            "CIS AWS Foundations Benchmark 2.1.4",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_53",
            "trivy:AVD-AWS-0086",
            "kics:48f100d9-f499-4c6d-b2b8-deafe47ffb26",
            "kics:d0cc8694-fcad-43ff-ac86-32331d7e867f",
        ],
        examples: &[
            Example::bad("bad.tf", &[(12, "block_public_acls"), (23, "resource \"aws_s3_bucket_public_access_block\""), (33, "block_public_acls")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(12, "false"), (19, "PublicAccessBlockConfiguration:"), (27, "!Ref Strict")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(7, "false"), (17, "\"PublicAccessBlockConfiguration\":")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    s3::flag_off(
        model,
        BlockFlag::BlockPublicAcls,
        CHECK.meta.id,
        CHECK.meta.severity,
        out,
    );
}
