//! ElastiCache: replication groups (encryption at rest).

use super::*;

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
}
