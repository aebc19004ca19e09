//! ElastiCache: replication groups (their encryption at rest).

use super::{flag, flagged_store, password, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::secrets::PasswordService;
use palisade_model::transit::{EncryptionInTransit, TransitService};
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
    cx.model.transit_encryption.push(EncryptionInTransit {
        owner: id,
        service: TransitService::ElastiCache,
        traffic: "client and replication connections",
        encrypted: flag(n, "transit_encryption_enabled", false, header).0,
    });
    password(
        cx,
        id,
        n,
        "auth_token",
        PasswordService::ElastiCache,
        "auth token",
    );
}
