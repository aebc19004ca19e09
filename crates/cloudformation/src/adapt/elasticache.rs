//! ElastiCache: replication groups (encryption at rest).

use super::*;
use palisade_model::secrets::PasswordService;
use palisade_model::transit::{EncryptionInTransit, TransitService};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::ElastiCache::ReplicationGroup"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, _kind: &str) {
    r.flag_and_key(
        Service::ElastiCache,
        "replication group",
        r.props,
        "AtRestEncryptionEnabled",
        "KmsKeyId",
        r.header,
    );
    let encrypted = present(r.props, "TransitEncryptionEnabled")
        .map(Node::to_bool_value)
        .unwrap_or_else(|| Value::omitted(false, r.header));
    r.model.transit_encryption.push(EncryptionInTransit {
        owner: r.id,
        service: TransitService::ElastiCache,
        traffic: "client and replication connections",
        encrypted,
    });
    r.password(&["AuthToken"], PasswordService::ElastiCache, "auth token");
}
