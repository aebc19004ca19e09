//! `aws-cloudtrail-bucket-public`: the bucket holding a trail's logs has a public ACL.

use crate::monitoring::{public_acl_grants, LogBuckets};
use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-cloudtrail-bucket-public",
        aliases: &[],
        title: "CloudTrail bucket is publicly accessible",
        severity: Severity::Critical,
        service: "cloudtrail",
        layer: Layer::Monitoring,
        description: "The S3 bucket a CloudTrail trail delivers to (a bucket of the same unit, \
            named by reference or by its literal name) has an ACL granting access to everyone \
            or to every AWS account: a canned `public-read`, `public-read-write` or \
            `authenticated-read` (`PublicRead`, `PublicReadWrite`, `AuthenticatedRead`), or a \
            grant to the `AllUsers` or `AuthenticatedUsers` group.\n\nThe trail's logs are the \
            account's whole API history: identities, roles, source addresses, resource names, \
            request parameters. Public, they are a map of the account for an attacker, and with \
            write access the record can be forged or destroyed.",
        remediation: "**Terraform:** `acl = \"private\"` (or no ACL, with object ownership \
            `BucketOwnerEnforced`) and an `aws_s3_bucket_public_access_block` with all four \
            flags on.\n\n**CloudFormation:** remove the public `AccessControl` and set \
            `PublicAccessBlockConfiguration` on the trail's bucket.",
        references: &[
            "CIS AWS Foundations Benchmark 3.3 (v1.x: ensure the S3 bucket used to store CloudTrail logs is not publicly accessible)",
            "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html",
        ],
        equivalents: &[
            "trivy:AVD-AWS-0161",
            "tfsec:aws-cloudtrail-no-public-log-access",
            "kics:bd0088a5-c133-4b20-b129-ec9968b16ef3",
        ],
        examples: &[
            Example::bad("bad.tf", &[(7, "acl")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(6, "PublicRead")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(7, "\"AuthenticatedRead\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    let logs = LogBuckets::new(model);
    let mut seen = std::collections::BTreeSet::new();
    for (trail, bucket) in logs.trail_buckets() {
        if !seen.insert(bucket) {
            continue;
        }
        for g in public_acl_grants(model, bucket) {
            out.push(
                Finding::on_resource(
                    model,
                    CHECK.meta.id,
                    CHECK.meta.severity,
                    g.owner,
                    g.span,
                    format!(
                        "S3 bucket {} receives the logs of CloudTrail trail {} and its ACL grants \
                         {} to {}{}: the account's API history is public",
                        model.resource(bucket).address,
                        model.resource(trail).address,
                        g.access,
                        g.grantee,
                        when_suffix(&g.conditions)
                    ),
                )
                .defined_at(g.defined_at),
            );
        }
    }
}
