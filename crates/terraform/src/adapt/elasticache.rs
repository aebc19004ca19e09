//! ElastiCache: replication groups (their encryption at rest).

use super::{flagged_store, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::{Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_elasticache_replication_group"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, _kind: &str, n: &Node, header: Span) {
    flagged_store(
        cx,
        id,
        n,
        Service::ElastiCache,
        "replication group",
        "at_rest_encryption_enabled",
        "kms_key_id",
        header,
    );
}
