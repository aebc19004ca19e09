//! Data shared outside the account: AMI launch permissions and RDS snapshot sharing, and
//! account-wide data defaults (EBS encryption by default).

use crate::{Owned, ResourceId};
use palisade_source::Value;

/// What is shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Shared {
    /// `aws_ami_launch_permission` (`group`, `account_id`).
    Ami,
    /// `aws_db_snapshot` / `aws_db_cluster_snapshot` `shared_accounts`.
    DbSnapshot,
}

/// One grant of access to an image or a snapshot: an account id, or `all` (public).
#[derive(Clone, Debug, PartialEq)]
pub struct Sharing {
    pub owner: ResourceId,
    pub shared: Shared,
    pub with: Value<String>,
}

impl Owned for Sharing {
    fn shift(&mut self, offset: usize) {
        self.owner = ResourceId(self.owner.0 + offset);
    }
}

/// `aws_ebs_encryption_by_default`: whether new EBS volumes of the region are encrypted.
#[derive(Clone, Debug, PartialEq)]
pub struct EbsEncryptionByDefault {
    pub owner: ResourceId,
    /// `enabled`; `Omitted(true)` when not written (the resource's default).
    pub enabled: Value<bool>,
}

impl Owned for EbsEncryptionByDefault {
    fn shift(&mut self, offset: usize) {
        self.owner = ResourceId(self.owner.0 + offset);
    }
}
