//! `aws-s3-public-write-acl`: a bucket ACL that grants write access to everyone or to every AWS
//! account.

use crate::{s3, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-s3-public-write-acl",
        aliases: &[],
        title: "S3 bucket ACL grants public write access",
        severity: Severity::Critical,
        service: "s3",
        layer: Layer::Data,
        description: "Bucket ACLs that grant write access to everyone (`AllUsers`) or to every \
            AWS account (`AuthenticatedUsers`): the canned ACL `public-read-write` (`acl` on \
            `aws_s3_bucket` or `aws_s3_bucket_acl`, `AccessControl: PublicReadWrite`), and \
            `WRITE`, `WRITE_ACP` or `FULL_CONTROL` grants to those groups (`grant` blocks, \
            `access_control_policy`).\n\nAnyone can then upload, overwrite and delete objects \
            (and with `WRITE_ACP` change who may read them): the bucket can serve malware under \
            your name, run up your storage bill, or lose its data. Read grants are reported by \
            `aws-s3-public-acl`.\n\nWhen the bucket's public access block is known to ignore \
            public ACLs (`ignore_public_acls = true`), the ACL has no effect today and the \
            finding is low: it is one flag away from exposure.",
        remediation: "**Terraform:** Use `acl = \"private\"` (or no ACL at all, with object \
            ownership `BucketOwnerEnforced`) and remove write grants to the `AllUsers` and \
            `AuthenticatedUsers` groups; give writers an IAM policy or a bucket policy naming \
            them.\n\n**CloudFormation:** Remove `AccessControl: PublicReadWrite`.",
        references: &[
            "AWS Foundational Security Best Practices S3.3",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_57",
            "trivy:AVD-AWS-0092",
            "kics:07dda8de-d90d-469e-9b37-1aca53526ced",
            "kics:38c5ee0d-7f22-4260-ab72-5073048df100",
        ],
        examples: &[
            Example::bad("bad.tf", &[(16, "acl"), (47, "uri")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(14, "PublicReadWrite")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(12, "\"PublicReadWrite\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    s3::public_acls(model, s3::AclAccess::Write, CHECK.meta.id, out);
}
