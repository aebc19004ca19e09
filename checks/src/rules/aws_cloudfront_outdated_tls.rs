//! `aws-cloudfront-outdated-tls`: viewers may connect with a protocol older than TLS 1.2.

use crate::edge::has_aliases;
use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::cloudfront::outdated_viewer_policy;
use palisade_model::{Model, Provenance};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-cloudfront-outdated-tls",
        aliases: &[],
        title: "CloudFront accepts TLS older than 1.2 from viewers",
        severity: Severity::High,
        service: "cloudfront",
        layer: Layer::Edge,
        description: "A CloudFront distribution with its own certificate (ACM or IAM) whose \
            `minimum_protocol_version` (`MinimumProtocolVersion`) is a security policy that \
            still accepts SSLv3, TLS 1.0 or TLS 1.1 (`SSLv3`, `TLSv1`, `TLSv1_2016`, \
            `TLSv1.1_2016`; `TLSv1` is the default when nothing is written), or a \
            distribution that serves its own domain names (`aliases`) with the default \
            `*.cloudfront.net` certificate, which always negotiates down to TLS 1.0.\n\n\
            TLS 1.0 and 1.1 are deprecated (RFC 8996) and allow downgrade and cipher attacks. \
            A written minimum version without a certificate is judged as meant for a \
            custom certificate. A distribution without aliases on the default certificate is \
            reported by `aws-cloudfront-default-certificate` (low). TLS 1.2 policies older \
            than `TLSv1.2_2021` are reported separately by \
            `aws-cloudfront-tls12-legacy-ciphers`.",
        remediation: "Use an ACM certificate (`acm_certificate_arn`, `ssl_support_method = \
            \"sni-only\"`) with `minimum_protocol_version = \"TLSv1.2_2021\"` (CloudFormation: \
            `AcmCertificateArn`, `SslSupportMethod: sni-only`, `MinimumProtocolVersion: \
            TLSv1.2_2021`).",
        references: &[
            "AWS Foundational Security Best Practices CloudFront.7 (distributions should use custom SSL/TLS certificates)",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
            "RFC 8996 (deprecating TLS 1.0 and TLS 1.1)",
        ],
        equivalents: &[
            "checkov:CKV_AWS_174",
            "trivy:AVD-AWS-0013",
            "tfsec:aws-cloudfront-use-secure-tls-policy",
            "kics:00e5e55e-c2ff-46b3-a757-a7a1cd802456",
            "kics:dc17ee4b-ddf2-4e23-96e8-7a36abad1303",
            "cfn_nag:W70",
        ],
        examples: &[
            Example::bad("bad.tf", &[(11, "minimum_protocol_version = \"TLSv1_2016\""), (22, "viewer_certificate {"), (36, "cloudfront_default_certificate = true")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(15, "MinimumProtocolVersion: TLSv1.1_2016"), (26, "CloudFrontDefaultCertificate: true")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(16, "\"MinimumProtocolVersion\": \"TLSv1\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for d in &model.distributions {
        let address = &model.resource(d.owner).address;
        let cert = &d.certificate;
        if cert.minimum_version_applies() {
            for c in cert.minimum_protocol_version.candidates() {
                if outdated_viewer_policy(c.value) != Some(true) {
                    continue;
                }
                let how = if c.provenance == Provenance::Omitted {
                    "no `minimum_protocol_version` is set, so CloudFront accepts TLSv1".to_string()
                } else {
                    format!("minimum protocol version `{}` accepts TLS older than 1.2", c.value)
                };
                out.push(
                    Finding::on_resource(
                        model,
                        CHECK.meta.id,
                        CHECK.meta.severity,
                        d.owner,
                        c.span,
                        format!(
                            "CloudFront distribution {address}: {how}{}",
                            when_suffix(&c.conditions)
                        ),
                    )
                    .defined_at(c.defined_at),
                );
            }
            continue;
        }
        // The default certificate: here only when the distribution serves its own names
        // (`aws-cloudfront-default-certificate` reports the others).
        if !cert.uses_default_certificate() || !has_aliases(d) {
            continue;
        }
        for c in cert.default_certificate.candidates() {
            if !*c.value {
                continue;
            }
            let span = if c.provenance == Provenance::Omitted {
                cert.span
            } else {
                c.span
            };
            out.push(Finding::on_resource(
                model,
                CHECK.meta.id,
                CHECK.meta.severity,
                d.owner,
                span,
                format!(
                    "CloudFront distribution {address}: its custom domain names are served \
                     with the default CloudFront certificate, which accepts TLSv1; use an ACM \
                     certificate with TLSv1.2_2021{}",
                    when_suffix(&c.conditions)
                ),
            ));
        }
    }
}
