//! `aws-cloudfront-no-access-logging`: a distribution without standard access logs.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{LinkKind, Model, ResourceId};
use std::collections::HashSet;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-cloudfront-no-access-logging",
        aliases: &[],
        title: "CloudFront distribution without access logging",
        severity: Severity::Medium,
        service: "cloudfront",
        layer: Layer::Edge,
        description: "A CloudFront distribution declared without `logging_config` \
            (`Logging`) and, in Terraform, without a standard logging v2 delivery source reading \
            it (an `aws_cloudwatch_log_delivery_source` whose `resource_arn` is the \
            distribution's): CloudFront keeps no record of the requests viewers make.\n\nAccess \
            logs are how an incident at the edge is investigated (who requested what, from \
            where, with which result) and how abuse is noticed; CloudFront does not log unless \
            a destination bucket is configured.",
        remediation: "Add `logging_config { bucket = \"<log bucket>.s3.amazonaws.com\" }` \
            (CloudFormation: `Logging: { Bucket: <log bucket>.s3.amazonaws.com }`), or \
            configure standard logging v2 through CloudWatch Logs delivery.",
        references: &[
            "AWS Foundational Security Best Practices CloudFront.5 (distributions should have logging enabled)",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_86",
            "trivy:AVD-AWS-0010",
            "tfsec:aws-cloudfront-enable-logging",
            "kics:94690d79-b3b0-43de-b656-84ebef5753e5",
            "cfn_nag:W10",
        ],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_cloudfront_distribution\" \"site\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "Site:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"Site\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    if model.distributions.is_empty() {
        return;
    }
    // Standard logging v2: a CloudWatch Logs delivery source reads the distribution's logs.
    let v2: HashSet<ResourceId> = model
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::LogSource)
        .map(|l| l.to)
        .collect();
    for d in &model.distributions {
        if d.logging.is_some() || v2.contains(&d.owner) {
            continue;
        }
        let r = model.resource(d.owner);
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            d.owner,
            r.header,
            format!(
                "CloudFront distribution {}: no access logging is configured, so requests from \
                 viewers leave no record",
                r.address
            ),
        ));
    }
}
