//! `aws-cloudfront-no-waf`: a distribution with no WAF web ACL.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-cloudfront-no-waf",
        aliases: &[],
        title: "CloudFront distribution without a WAF web ACL",
        severity: Severity::Medium,
        service: "cloudfront",
        layer: Layer::Edge,
        description: "A CloudFront distribution declared without `web_acl_id` (`WebACLId`): no \
            AWS WAF web ACL inspects the requests it serves.\n\nCloudFront is the internet's \
            front door to everything behind it; a web ACL there filters common exploits \
            (SQL injection, cross-site scripting, known bad inputs), rate-limits and blocks \
            bots before they reach the origin. A web ACL for CloudFront must have the \
            `CLOUDFRONT` scope and be attached on the distribution itself (there is no \
            association resource for distributions).",
        remediation: "Create an `aws_wafv2_web_acl` with `scope = \"CLOUDFRONT\"` (in \
            us-east-1) and set `web_acl_id = aws_wafv2_web_acl.x.arn` on the distribution; in \
            CloudFormation `WebACLId: !GetAtt WebAcl.Arn` in `DistributionConfig`.",
        references: &[
            "AWS Foundational Security Best Practices CloudFront.6 (distributions should have WAF enabled)",
            "https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_68",
            "trivy:AVD-AWS-0011",
            "tfsec:aws-cloudfront-enable-waf",
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
    for d in &model.distributions {
        let empty = match &d.web_acl {
            None => true,
            // An empty string detaches the web ACL.
            Some(v) => {
                let c = v.candidates();
                !c.is_empty() && c.iter().all(|c| c.value.trim().is_empty())
            }
        };
        if !empty {
            continue;
        }
        let r = model.resource(d.owner);
        let span = d.web_acl.as_ref().map(|v| v.span).unwrap_or(r.header);
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            d.owner,
            span,
            format!(
                "CloudFront distribution {}: no WAF web ACL filters the requests it takes from \
                 the internet",
                r.address
            ),
        ));
    }
}
