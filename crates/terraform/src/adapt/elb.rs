//! Elastic Load Balancing: load balancers, read for the bucket their access logs go to.

use super::s3::BUCKET;
use super::{Cx, LinkRow, ServiceAdapter};
use palisade_model::{LinkKind, Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_lb", "aws_alb", "aws_elb"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[
    (
        "aws_lb",
        "access_logs.bucket",
        LinkKind::LogDestination,
        BUCKET,
    ),
    (
        "aws_alb",
        "access_logs.bucket",
        LinkKind::LogDestination,
        BUCKET,
    ),
    (
        "aws_elb",
        "access_logs.bucket",
        LinkKind::LogDestination,
        BUCKET,
    ),
];

fn adapt(_: &mut Cx, _: ResourceId, _: &str, _: &Node, _: Span) {}
