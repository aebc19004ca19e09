//! Route 53: hosted zones and their DNS query logging.
//!
//! A query logging configuration (`aws_route53_query_log`) points at its zone through a link
//! of kind [`LinkKind::HostedZone`](crate::LinkKind::HostedZone); CloudFormation writes it
//! inline (`QueryLoggingConfig`).

use crate::ResourceId;
use palisade_source::{Span, Value};

/// One hosted zone (`aws_route53_zone`, `AWS::Route53::HostedZone`).
#[derive(Clone, Debug, PartialEq)]
pub struct HostedZone {
    pub owner: ResourceId,
    /// True when the zone is associated with VPCs (`vpc` blocks, `VPCs`): a private zone,
    /// which public DNS query logging does not apply to. `Omitted(false)` when none is
    /// written.
    pub private: Value<bool>,
    /// The inline query logging configuration when written.
    pub query_logging: Option<Span>,
}
