//! Route 53 hosted zones (`aws_route53_zone`); `aws_route53_query_log` is read for its link.

use super::{blocks, dynamic, Cx, LinkRow, ServiceAdapter};
use palisade_model::route53::HostedZone;
use palisade_model::{LinkKind, Node, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_route53_zone"],
    link_only: &["aws_route53_query_log"],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[(
    "aws_route53_query_log",
    "zone_id",
    LinkKind::HostedZone,
    &["aws_route53_zone"],
)];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    // The query logging configuration is read for its link only.
    if kind != "aws_route53_zone" {
        return;
    }
    let private = match (blocks(n, "vpc").first(), dynamic(n, "vpc")) {
        (Some((_, sp)), _) => Value::literal(true, *sp),
        (None, Some(sp)) => Value::unknown(sp),
        (None, None) => Value::omitted(false, header),
    };
    cx.model.hosted_zones.push(HostedZone {
        owner: id,
        private,
        query_logging: None,
    });
}
