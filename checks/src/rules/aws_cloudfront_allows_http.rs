//! `aws-cloudfront-allows-http`: a cache behaviour that serves viewers over plain HTTP.

use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-cloudfront-allows-http",
        aliases: &[],
        title: "CloudFront serves viewers over plain HTTP",
        severity: Severity::High,
        service: "cloudfront",
        layer: Layer::Edge,
        description: "A CloudFront distribution whose default or ordered cache behaviour has \
            `viewer_protocol_policy = \"allow-all\"` (`ViewerProtocolPolicy: allow-all`): \
            viewers may fetch the paths it matches over unencrypted HTTP.\n\nAnything served \
            over HTTP can be read and altered on the way (session cookies, tokens, injected \
            scripts). `redirect-to-https` sends HTTP viewers to HTTPS; `https-only` refuses \
            them.",
        remediation: "Set `viewer_protocol_policy = \"redirect-to-https\"` (or `https-only`) \
            in every `default_cache_behavior` and `ordered_cache_behavior`; in \
            CloudFormation `ViewerProtocolPolicy: redirect-to-https` in `DefaultCacheBehavior` \
            and each item of `CacheBehaviors`.",
        references: &[
            "AWS Foundational Security Best Practices CloudFront.3 (distributions should require encryption in transit)",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_34",
            "trivy:AVD-AWS-0012",
            "tfsec:aws-cloudfront-enforce-https",
            "kics:55af1353-2f62-4fa0-a8e1-a210ca2708f5",
            "kics:31733ee2-fef0-4e87-9778-65da22a8ecf1",
        ],
        examples: &[
            Example::bad("bad.tf", &[(8, "viewer_protocol_policy = \"allow-all\""), (23, "viewer_protocol_policy = local.policy")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(13, "ViewerProtocolPolicy: allow-all")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(11, "\"ViewerProtocolPolicy\": \"allow-all\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for d in &model.distributions {
        let address = &model.resource(d.owner).address;
        for b in &d.behaviors {
            for c in b.viewer_protocol_policy.candidates() {
                if !c.value.eq_ignore_ascii_case("allow-all") {
                    continue;
                }
                let which = match b.path_pattern.as_ref().and_then(|p| p.get()) {
                    None if b.path_pattern.is_none() => "its default cache behaviour".to_string(),
                    None => "an ordered cache behaviour".to_string(),
                    Some(p) => format!("the cache behaviour for `{p}`"),
                };
                out.push(
                    Finding::on_resource(
                        model,
                        CHECK.meta.id,
                        CHECK.meta.severity,
                        d.owner,
                        c.span,
                        format!(
                            "CloudFront distribution {address}: {which} allows viewers on plain \
                             HTTP (`allow-all`); traffic can be read and altered in transit{}",
                            when_suffix(&c.conditions)
                        ),
                    )
                    .defined_at(c.defined_at),
                );
            }
        }
    }
}
