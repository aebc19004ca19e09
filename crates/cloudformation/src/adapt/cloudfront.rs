//! CloudFront distributions (`AWS::CloudFront::Distribution`).

use super::{
    flat_items, key_span, present, prop_bool, prop_string, Adapter, LinkRow, ServiceAdapter,
};
use palisade_model::cloudfront::{CacheBehavior, Distribution, Origin, ViewerCertificate};
use palisade_model::{LinkKind, Model, Node, NodeKind, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::CloudFront::Distribution"],
    links: LINKS,
    references: None,
    adapt,
};

/// What a distribution serves from (the exposure graph's edge from the internet to the
/// origin) and the web ACL it names.
const LINKS: &[LinkRow] = &[
    (
        "AWS::CloudFront::Distribution",
        "DistributionConfig.Origins.DomainName",
        LinkKind::Origin,
        &[
            "AWS::S3::Bucket",
            "AWS::ElasticLoadBalancingV2::LoadBalancer",
            "AWS::ElasticLoadBalancing::LoadBalancer",
        ],
    ),
    (
        "AWS::CloudFront::Distribution",
        "DistributionConfig.WebACLId",
        LinkKind::WebAcl,
        &["AWS::WAFv2::WebACL", "AWS::WAF::WebACL"],
    ),
    // Standard logs: the bucket they are delivered to (which needs ACLs for the delivery).
    (
        "AWS::CloudFront::Distribution",
        "DistributionConfig.Logging.Bucket",
        LinkKind::LogDestination,
        &["AWS::S3::Bucket"],
    ),
];

fn adapt(r: &mut Adapter<'_>, _kind: &str) {
    distribution(r.model, r.id, r.props, r.header);
}

fn distribution(model: &mut Model, id: ResourceId, props: &Node, header: Span) {
    let Some(config) = present(props, "DistributionConfig") else {
        return;
    };
    if !matches!(config.kind, NodeKind::Map(_)) {
        return;
    }
    let aliases = present(config, "Aliases").map(Node::to_strings);
    let certificate = match present(config, "ViewerCertificate") {
        Some(c) if matches!(c.kind, NodeKind::Map(_)) => {
            let sp = key_span(config, "ViewerCertificate").unwrap_or(c.span);
            let custom = key_span(c, "AcmCertificateArn").or(key_span(c, "IamCertificateId"));
            ViewerCertificate {
                default_certificate: prop_bool(
                    c,
                    "CloudFrontDefaultCertificate",
                    custom.is_none(),
                    sp,
                ),
                custom_certificate: custom,
                minimum_protocol_version: prop_string(c, "MinimumProtocolVersion")
                    .unwrap_or_else(|| Value::omitted("TLSv1".to_string(), sp)),
                span: sp,
            }
        }
        Some(c) => ViewerCertificate {
            default_certificate: Value::unknown(c.span),
            custom_certificate: None,
            minimum_protocol_version: Value::unknown(c.span),
            span: c.span,
        },
        None => ViewerCertificate {
            default_certificate: Value::omitted(true, header),
            custom_certificate: None,
            minimum_protocol_version: Value::omitted("TLSv1".to_string(), header),
            span: header,
        },
    };
    let mut behaviors = Vec::new();
    if let Some(b) = present(config, "DefaultCacheBehavior") {
        behaviors.push(behavior(b, None));
    }
    if let Some(list) = present(config, "CacheBehaviors") {
        for b in flat_items(list) {
            let path = prop_string(b, "PathPattern").unwrap_or_else(|| Value::unknown(b.span));
            behaviors.push(behavior(b, Some(path)));
        }
    }
    let origins = present(config, "Origins")
        .map(|list| flat_items(list).into_iter().map(origin).collect())
        .unwrap_or_default();
    model.distributions.push(Distribution {
        owner: id,
        aliases,
        certificate,
        behaviors,
        origins,
        logging: key_span(config, "Logging"),
        web_acl: prop_string(config, "WebACLId"),
    });
}

fn behavior(b: &Node, path_pattern: Option<Value<String>>) -> CacheBehavior {
    CacheBehavior {
        path_pattern,
        viewer_protocol_policy: prop_string(b, "ViewerProtocolPolicy")
            .map(|v| v.map(&mut |s| s.to_ascii_lowercase()))
            .unwrap_or_else(|| Value::unknown(b.span)),
        span: b.span,
    }
}

fn origin(o: &Node) -> Origin {
    let s3 = present(o, "S3OriginConfig");
    Origin {
        origin_id: prop_string(o, "Id").unwrap_or_else(|| Value::unknown(o.span)),
        domain_name: present(o, "DomainName")
            .map(Node::to_string_value)
            .unwrap_or_else(|| Value::unknown(o.span)),
        domain_span: key_span(o, "DomainName").unwrap_or(o.span),
        s3_origin_config: s3.map(|s| key_span(o, "S3OriginConfig").unwrap_or(s.span)),
        custom_origin_config: key_span(o, "CustomOriginConfig"),
        access_control: prop_string(o, "OriginAccessControlId"),
        access_identity: s3.and_then(|s| prop_string(s, "OriginAccessIdentity")),
        span: o.span,
    }
}
