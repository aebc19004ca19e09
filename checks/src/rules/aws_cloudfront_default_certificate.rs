//! `aws-cloudfront-default-certificate`: a distribution served only with the default
//! `*.cloudfront.net` certificate, which accepts TLS 1.0.

use crate::edge::has_aliases;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Model, Provenance};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-cloudfront-default-certificate",
        aliases: &[],
        title: "CloudFront distribution on the default certificate accepts TLS 1.0",
        severity: Severity::Low,
        service: "cloudfront",
        layer: Layer::Edge,
        description: "A CloudFront distribution without alternate domain names that viewers \
            reach with the default `*.cloudfront.net` certificate \
            (`cloudfront_default_certificate = true`, `CloudFrontDefaultCertificate: true`, or \
            no viewer certificate at all). With the default certificate CloudFront always \
            uses the `TLSv1` security policy: `minimum_protocol_version` is ignored, and \
            clients may connect with TLS 1.0 and 1.1.\n\nOnly a custom domain name with an ACM \
            certificate lets the distribution require TLS 1.2. A distribution that has \
            aliases but the default certificate is reported by `aws-cloudfront-outdated-tls`.",
        remediation: "Serve the distribution under your own domain name (`aliases`) with an \
            ACM certificate in us-east-1 (`acm_certificate_arn`, `ssl_support_method = \
            \"sni-only\"`, `minimum_protocol_version = \"TLSv1.2_2021\"`).",
        references: &[
            "AWS Foundational Security Best Practices CloudFront.7 (distributions should use custom SSL/TLS certificates)",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
        ],
        equivalents: &[
            "checkov:CKV2_AWS_42",
            "kics:00e5e55e-c2ff-46b3-a757-a7a1cd802456",
            "kics:dc17ee4b-ddf2-4e23-96e8-7a36abad1303",
        ],
        examples: &[
            Example::bad("bad.tf", &[(8, "cloudfront_default_certificate = true")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "Site:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(12, "\"CloudFrontDefaultCertificate\": true")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for d in &model.distributions {
        let cert = &d.certificate;
        if !cert.uses_default_certificate() || has_aliases(d) {
            continue;
        }
        let address = &model.resource(d.owner).address;
        for c in cert.default_certificate.candidates() {
            if !*c.value {
                continue;
            }
            let (span, how) = if c.provenance == Provenance::Omitted {
                (cert.span, "names no certificate, so viewers get")
            } else {
                (c.span, "uses")
            };
            out.push(Finding::on_resource(
                model,
                CHECK.meta.id,
                CHECK.meta.severity,
                d.owner,
                span,
                format!(
                    "CloudFront distribution {address} {how} the default *.cloudfront.net \
                     certificate, with which CloudFront accepts TLS 1.0"
                ),
            ));
        }
    }
}
