//! `aws-s3-acls-enabled`: object ownership that keeps ACLs in force.

use crate::finding::when_suffix;
use crate::s3::bucket_subject;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{LinkKind, Model};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-s3-acls-enabled",
        aliases: &[],
        title: "S3 object ownership keeps ACLs enabled",
        severity: Severity::Low,
        service: "s3",
        layer: Layer::Data,
        description: "Buckets whose object ownership is declared `ObjectWriter` or \
            `BucketOwnerPreferred` (`aws_s3_bucket_ownership_controls`, `OwnershipControls`), \
            which keeps access control lists in force.\n\nWith ACLs enabled, access to an \
            object is decided by its ACL as well as by policies, so a single upload with a \
            public or cross-account ACL grants access that no bucket policy shows, and with \
            `ObjectWriter` another account's uploads are not even owned by the bucket owner. \
            `BucketOwnerEnforced` (the default for new buckets since April 2023) disables ACLs \
            and leaves access to policies alone.\n\nBuckets that receive logs are exempt: S3 \
            server access logging through the log delivery group's ACL grant, and CloudFront \
            standard logs, need ACLs. Low severity: ACLs are an extra path to exposure, not \
            exposure itself.",
        remediation: "**Terraform:** `aws_s3_bucket_ownership_controls` with \
            `rule { object_ownership = \"BucketOwnerEnforced\" }`, after moving any grants in \
            ACLs into the bucket policy.\n\n**CloudFormation:** `OwnershipControls: { Rules: \
            [{ ObjectOwnership: BucketOwnerEnforced }] }`.",
        references: &[
            "AWS Foundational Security Best Practices S3.12",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
        ],
        equivalents: &["checkov:CKV2_AWS_65"],
        examples: &[
            Example::bad("bad.tf", &[(9, "object_ownership"), (21, "object_ownership")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(8, "ObjectWriter")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(7, "\"BucketOwnerPreferred\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for o in &model.s3.ownership {
        let bucket = model.s3.bucket_of(model, o.owner);
        if bucket.is_some_and(|b| model.links_to(b, LinkKind::LogDestination).next().is_some()) {
            continue;
        }
        for c in o.ownership.candidates() {
            let v = c.value.as_str();
            if !v.eq_ignore_ascii_case("ObjectWriter")
                && !v.eq_ignore_ascii_case("BucketOwnerPreferred")
            {
                continue;
            }
            let message = format!(
                "{} has object ownership {v}{}, which keeps ACLs in force: an object's ACL can \
                 grant access that no policy shows",
                bucket_subject(model, o.owner),
                when_suffix(&c.conditions)
            );
            out.push(
                Finding::on_resource(model, CHECK.meta.id, CHECK.meta.severity, o.owner, c.span, message)
                    .defined_at(c.defined_at),
            );
        }
    }
}
