//! `aws-cloudfront-tls12-legacy-ciphers`: a TLS 1.2 viewer policy older than `TLSv1.2_2021`.

use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::cloudfront::outdated_viewer_policy;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-cloudfront-tls12-legacy-ciphers",
        aliases: &[],
        title: "CloudFront TLS 1.2 policy older than TLSv1.2_2021",
        severity: Severity::Low,
        service: "cloudfront",
        layer: Layer::Edge,
        description: "A CloudFront distribution with its own certificate whose \
            `minimum_protocol_version` is `TLSv1.2_2018` or `TLSv1.2_2019`: viewers need TLS \
            1.2, but CloudFront still offers cipher suites without forward secrecy or with \
            CBC and SHA-1 that `TLSv1.2_2021` removes.\n\nAWS recommends `TLSv1.2_2021` as the \
            minimum. Protocols older than TLS 1.2 are reported by \
            `aws-cloudfront-outdated-tls`.",
        remediation: "Set `minimum_protocol_version = \"TLSv1.2_2021\"` (CloudFormation: \
            `MinimumProtocolVersion: TLSv1.2_2021`) or a later policy.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
        ],
        equivalents: &["trivy:AVD-AWS-0013", "tfsec:aws-cloudfront-use-secure-tls-policy"],
        examples: &[
            Example::bad("bad.tf", &[(9, "minimum_protocol_version = \"TLSv1.2_2019\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(14, "MinimumProtocolVersion: TLSv1.2_2018")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(15, "\"MinimumProtocolVersion\": \"TLSv1.2_2019\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for d in &model.distributions {
        if !d.certificate.minimum_version_applies() {
            continue;
        }
        let address = &model.resource(d.owner).address;
        for c in d.certificate.minimum_protocol_version.candidates() {
            if outdated_viewer_policy(c.value) != Some(false) {
                continue;
            }
            out.push(
                Finding::on_resource(
                    model,
                    CHECK.meta.id,
                    CHECK.meta.severity,
                    d.owner,
                    c.span,
                    format!(
                        "CloudFront distribution {address}: security policy `{}` still offers \
                         cipher suites that TLSv1.2_2021 removes{}",
                        c.value,
                        when_suffix(&c.conditions)
                    ),
                )
                .defined_at(c.defined_at),
            );
        }
    }
}
