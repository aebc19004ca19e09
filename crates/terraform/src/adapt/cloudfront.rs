//! CloudFront distributions (`aws_cloudfront_distribution`).

use super::{
    at, attr_string, blocks, dynamic, entry, flag, is_null, string, Cx, LinkRow, ServiceAdapter,
};
use palisade_model::cloudfront::{CacheBehavior, Distribution, Origin, ViewerCertificate};
use palisade_model::{LinkKind, Node, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_cloudfront_distribution"],
    // Standard logging v2: a delivery source reading the distribution's access logs.
    link_only: &["aws_cloudwatch_log_delivery_source"],
    links: LINKS,
    adapt,
    finish: None,
};

/// What a distribution serves from (the exposure graph's edge from the internet to the
/// origin), the web ACL it names, and the log delivery source reading its access logs.
const LINKS: &[LinkRow] = &[
    (
        "aws_cloudfront_distribution",
        "origin.domain_name",
        LinkKind::Origin,
        &["aws_s3_bucket", "aws_lb", "aws_alb", "aws_elb"],
    ),
    (
        "aws_cloudfront_distribution",
        "web_acl_id",
        LinkKind::WebAcl,
        &["aws_wafv2_web_acl", "aws_waf_web_acl"],
    ),
    (
        "aws_cloudwatch_log_delivery_source",
        "resource_arn",
        LinkKind::LogSource,
        &["aws_cloudfront_distribution"],
    ),
    // Standard logs: the bucket they are delivered to (which needs ACLs for the delivery).
    (
        "aws_cloudfront_distribution",
        "logging_config.bucket",
        LinkKind::LogDestination,
        &["aws_s3_bucket"],
    ),
];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    if kind != "aws_cloudfront_distribution" {
        return;
    }
    let aliases = entry(n, "aliases")
        .filter(|(_, v)| !is_null(v))
        .map(|(k, v)| at(v.to_strings(), k.span));
    let certificate = match blocks(n, "viewer_certificate").first() {
        Some((b, sp)) => {
            let custom = ["acm_certificate_arn", "iam_certificate_id"]
                .iter()
                .find_map(|a| {
                    entry(b, a)
                        .filter(|(_, v)| !is_null(v))
                        .map(|(k, _)| k.span)
                });
            let (default_certificate, _) =
                flag(b, "cloudfront_default_certificate", custom.is_none(), *sp);
            ViewerCertificate {
                default_certificate,
                custom_certificate: custom,
                minimum_protocol_version: attr_string(b, "minimum_protocol_version")
                    .unwrap_or_else(|| Value::omitted("TLSv1".to_string(), *sp)),
                span: *sp,
            }
        }
        None => ViewerCertificate {
            default_certificate: Value::omitted(true, header),
            custom_certificate: None,
            minimum_protocol_version: Value::omitted("TLSv1".to_string(), header),
            span: header,
        },
    };
    let mut behaviors = Vec::new();
    for (name, ordered) in [
        ("default_cache_behavior", false),
        ("ordered_cache_behavior", true),
    ] {
        for (b, sp) in blocks(n, name) {
            behaviors.push(CacheBehavior {
                path_pattern: if ordered {
                    Some(string(b, "path_pattern").unwrap_or_else(|| Value::unknown(sp)))
                } else {
                    None
                },
                viewer_protocol_policy: attr_string(b, "viewer_protocol_policy")
                    .map(|v| v.map(&mut |s| s.to_ascii_lowercase()))
                    .unwrap_or_else(|| Value::unknown(sp)),
                span: sp,
            });
        }
    }
    let origins = blocks(n, "origin")
        .into_iter()
        .map(|(o, sp)| {
            let (domain_name, domain_span) = match entry(o, "domain_name") {
                Some((k, v)) => (v.to_string_value(), k.span),
                None => (Value::unknown(sp), sp),
            };
            let s3 = blocks(o, "s3_origin_config");
            Origin {
                origin_id: string(o, "origin_id").unwrap_or_else(|| Value::unknown(sp)),
                domain_name,
                domain_span,
                s3_origin_config: s3.first().map(|(_, s)| *s),
                custom_origin_config: blocks(o, "custom_origin_config").first().map(|(_, s)| *s),
                access_control: attr_string(o, "origin_access_control_id"),
                access_identity: s3
                    .first()
                    .and_then(|(b, _)| attr_string(b, "origin_access_identity")),
                span: sp,
            }
        })
        .collect();
    cx.model.distributions.push(Distribution {
        owner: id,
        aliases,
        certificate,
        behaviors,
        origins,
        // A dynamic block over an unknown collection may log: counted as written.
        logging: blocks(n, "logging_config")
            .first()
            .map(|(_, s)| *s)
            .or_else(|| dynamic(n, "logging_config")),
        web_acl: attr_string(n, "web_acl_id"),
    });
}
