//! RDS databases (instances and clusters): what the data protection checks read.
//! (Encryption at rest is in [`crate::encryption`], passwords in [`crate::secrets`].)

use crate::{Owned, ResourceId};
use palisade_source::Value;

/// An RDS DB instance or DB cluster (Aurora, Multi-AZ DB cluster): `aws_db_instance`,
/// `aws_rds_cluster`, `AWS::RDS::DBInstance`, `AWS::RDS::DBCluster`.
#[derive(Clone, Debug, PartialEq)]
pub struct Database {
    pub owner: ResourceId,
    /// A cluster rather than an instance.
    pub cluster: bool,
    /// `engine` / `Engine` (`mysql`, `postgres`, `aurora-postgresql`, ...); unknown when not
    /// written (a replica or a restore takes its source's).
    pub engine: Value<String>,
    /// A read replica, or an instance created from a snapshot or another database: settings
    /// it inherits are not judged when not written.
    pub replica: bool,
    /// An instance that belongs to a cluster (CloudFormation `DBClusterIdentifier`): the
    /// cluster's settings govern it.
    pub in_cluster: bool,
    /// `backup_retention_period` / `BackupRetentionPeriod` when written (days; 0 = no
    /// automated backups). Not written: the service default (at least 1 day).
    pub backup_retention: Option<Value<i64>>,
    /// `deletion_protection` / `DeletionProtection`; `Omitted(false)` at the header.
    pub deletion_protection: Value<bool>,
    /// `iam_database_authentication_enabled` / `EnableIAMDatabaseAuthentication`;
    /// `Omitted(false)` at the header.
    pub iam_auth: Value<bool>,
}

impl Owned for Database {
    fn shift(&mut self, offset: usize) {
        self.owner = ResourceId(self.owner.0 + offset);
    }
}

/// Engines that support IAM database authentication (MySQL, PostgreSQL, MariaDB and their
/// Aurora forms; not Oracle, SQL Server or Db2).
pub fn supports_iam_auth(engine: &str) -> bool {
    let e = engine.to_ascii_lowercase();
    e.starts_with("mysql")
        || e.starts_with("postgres")
        || e.starts_with("mariadb")
        || e.starts_with("aurora")
}
