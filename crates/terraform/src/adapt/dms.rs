//! Database Migration Service: replication instances (their public accessibility).

use super::{Cx, LinkRow, ServiceAdapter};
use palisade_model::public_access::Endpoint;
use palisade_model::{LinkKind, Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_dms_replication_instance"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[(
    "aws_dms_replication_instance",
    "vpc_security_group_ids",
    LinkKind::MemberOf,
    &["aws_security_group", "aws_default_security_group"],
)];

fn adapt(cx: &mut Cx, id: ResourceId, _kind: &str, n: &Node, header: Span) {
    // The AWS provider defaults `publicly_accessible` to false.
    super::rds::public_access(cx, id, n, Endpoint::Dms, false, header);
}
