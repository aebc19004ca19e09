//! `aws-s3-public-acl`: a bucket ACL that grants access to everyone or to every AWS account.

use crate::{s3, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-s3-public-acl",
        aliases: &[],
        title: "S3 bucket ACL grants public read access",
        severity: Severity::High,
        service: "s3",
        layer: Layer::Data,
        description: "Bucket ACLs that grant read access to everyone (`AllUsers`) or to every \
            AWS account (`AuthenticatedUsers`): the canned ACLs `public-read` and \
            `authenticated-read` (`acl` on `aws_s3_bucket` or `aws_s3_bucket_acl`, \
            `AccessControl: PublicRead | AuthenticatedRead`), and `READ` / `READ_ACP` grants to \
            those groups (`grant` blocks, `access_control_policy`).\n\nA public-read bucket \
            lets anyone list and download its objects; `AuthenticatedUsers` is no narrower, \
            since any AWS account qualifies. Write access (`public-read-write`, `WRITE`, \
            `FULL_CONTROL`) is reported by `aws-s3-public-write-acl`.\n\nWhen the bucket's public access block is known to ignore public ACLs \
            (`ignore_public_acls = true`), the ACL has no effect today and the finding is low: \
            it is one flag away from exposure.",
        remediation: "**Terraform:** Use `acl = \"private\"` (or no ACL at all, with object \
            ownership `BucketOwnerEnforced`), remove grants to the `AllUsers` and \
            `AuthenticatedUsers` groups, and serve public content through CloudFront with an \
            origin access control.\n\n**CloudFormation:** Remove `AccessControl` (or use \
            `Private`); serve public content through CloudFront.",
        references: &[
            "AWS Foundational Security Best Practices S3.2",
            "AWS Foundational Security Best Practices S3.3",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_20",
            "trivy:AVD-AWS-0092",
            "kics:219f4c95-aa50-44e0-97de-cf71f4641170",
            "kics:57b9893d-33b1-4419-bcea-a717ea87e139",
            // "S3 Bucket ACL Allows Read Or Write to All Users": its read half.
            "kics:38c5ee0d-7f22-4260-ab72-5073048df100",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (7, "acl"),
                    (30, "uri"),
                    (47, "uri"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "!Ref"), (18, "AuthenticatedRead")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(6, "\"PublicRead\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    s3::public_acls(model, s3::AclAccess::Read, CHECK.meta.id, out);
}
