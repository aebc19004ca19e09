//! `aws-cloudfront-s3-origin-no-access-control`: an S3 origin CloudFront reads without
//! origin access control or an origin access identity.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-cloudfront-s3-origin-no-access-control",
        aliases: &[],
        title: "CloudFront S3 origin without origin access control",
        severity: Severity::Medium,
        service: "cloudfront",
        layer: Layer::Edge,
        description: "An origin of a CloudFront distribution that is an S3 bucket's REST \
            endpoint (an `s3_origin_config` / `S3OriginConfig` block, or a domain name such as \
            `bucket.s3.amazonaws.com` or a bucket's `bucket_regional_domain_name` / \
            `RegionalDomainName`) with neither `origin_access_control_id` \
            (`OriginAccessControlId`) nor a non-empty `origin_access_identity` \
            (`OriginAccessIdentity`).\n\nWithout one, CloudFront fetches objects anonymously, \
            so the bucket must be readable by everyone: visitors can bypass CloudFront (and its \
            WAF, geo restrictions, signed URLs and logs) by going to the bucket directly. S3 \
            website endpoints are custom origins that cannot use origin access control and are \
            not reported.",
        remediation: "Create an origin access control (`aws_cloudfront_origin_access_control`, \
            `AWS::CloudFront::OriginAccessControl`) with `signing_behavior = \"always\"`, set \
            `origin_access_control_id` on the origin, and allow `cloudfront.amazonaws.com` \
            in the bucket policy with an `AWS:SourceArn` condition naming the distribution; \
            then block public access on the bucket.",
        references: &[
            "AWS Foundational Security Best Practices CloudFront.13 (distributions should use origin access control)",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html",
        ],
        equivalents: &["checkov:CKV2_AWS_46"],
        examples: &[
            Example::bad("bad.tf", &[(2, "origin {"), (11, "origin {")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(8, "DomainName: assets.s3.amazonaws.com")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "{")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for d in &model.distributions {
        let address = &model.resource(d.owner).address;
        for o in &d.origins {
            if !o.is_s3_rest() {
                continue;
            }
            // Any written control id (known or not) counts; an identity must be non-empty or
            // not known.
            if o.access_control.as_ref().is_some_and(|v| {
                v.candidates().iter().all(|c| !c.value.trim().is_empty())
            }) {
                continue;
            }
            if o.access_identity.as_ref().is_some_and(|v| {
                v.candidates().iter().all(|c| !c.value.trim().is_empty())
            }) {
                continue;
            }
            let id = o
                .origin_id
                .get()
                .map(|i| format!("origin `{i}`"))
                .unwrap_or_else(|| "an S3 origin".to_string());
            out.push(Finding::on_resource(
                model,
                CHECK.meta.id,
                CHECK.meta.severity,
                d.owner,
                o.span,
                format!(
                    "CloudFront distribution {address}: {id} is an S3 bucket read without origin \
                     access control or an origin access identity, so the bucket must be public \
                     and can be reached around CloudFront"
                ),
            ));
        }
    }
}
