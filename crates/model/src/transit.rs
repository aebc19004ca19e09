//! Data in transit between clients and a data service, and inside its cluster.

use crate::{Owned, ResourceId};
use palisade_source::Value;

/// The services whose in-transit encryption Palisade models.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TransitService {
    /// `aws_elasticache_replication_group` `transit_encryption_enabled`,
    /// `AWS::ElastiCache::ReplicationGroup` `TransitEncryptionEnabled` (default `false`).
    ElastiCache,
    /// `aws_msk_cluster` `encryption_info.encryption_in_transit` (`client_broker`, default
    /// `TLS`; `in_cluster`, default `true`), `AWS::MSK::Cluster` `EncryptionInfo`.
    Msk,
}

/// Whether one kind of traffic of a resource is encrypted. `Omitted` carries the service's
/// default at the resource header (or the enclosing block).
#[derive(Clone, Debug, PartialEq)]
pub struct EncryptionInTransit {
    pub owner: ResourceId,
    pub service: TransitService,
    /// Which traffic, for messages: `client connections`, `traffic between brokers`.
    pub traffic: &'static str,
    pub encrypted: Value<bool>,
}

impl Owned for EncryptionInTransit {
    fn shift(&mut self, offset: usize) {
        self.owner = ResourceId(self.owner.0 + offset);
    }
}
