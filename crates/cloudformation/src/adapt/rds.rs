//! RDS: DB instances and clusters (storage encryption, inherited by replicas and restores).

use super::*;
use palisade_model::rds::Database;
use palisade_model::secrets::PasswordService;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "AWS::RDS::DBInstance",
        "AWS::RDS::DBCluster",
        "AWS::RDS::GlobalCluster",
    ],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[(
    "AWS::RDS::DBInstance",
    "VPCSecurityGroups",
    LinkKind::MemberOf,
    &["AWS::EC2::SecurityGroup"],
)];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    match kind {
        "AWS::RDS::DBInstance" => {
            r.rds_public_access();
            let sources = &[
                "SourceDBInstanceIdentifier",
                "DBSnapshotIdentifier",
                "SourceDBClusterIdentifier",
            ];
            r.database(false, sources);
            r.rds("DB instance", sources)
        }
        "AWS::RDS::DBCluster" => {
            let sources = &[
                "SnapshotIdentifier",
                "SourceDBClusterIdentifier",
                "ReplicationSourceIdentifier",
                "GlobalClusterIdentifier",
            ];
            r.database(true, sources);
            r.rds("DB cluster", sources)
        }
        // Made from an existing cluster, a global cluster takes its encryption.
        "AWS::RDS::GlobalCluster" => r.rds("global cluster", &["SourceDBClusterIdentifier"]),
        _ => {}
    }
}

impl Adapter<'_> {
    /// `PubliclyAccessible`; not written, RDS decides by the subnet group: without
    /// `DBSubnetGroupName` a non-Aurora instance goes to the default VPC and is public, with
    /// one it is private unless its subnets are public (not known here: `false`). Aurora
    /// instances (`DBClusterIdentifier`) and replicas (`SourceDBInstanceIdentifier`) are not
    /// judged by default.
    fn rds_public_access(&mut self) {
        let p = self.props;
        let default = present(p, "DBSubnetGroupName").is_none()
            && present(p, "DBClusterIdentifier").is_none()
            && present(p, "SourceDBInstanceIdentifier").is_none()
            && present(p, "SourceDBClusterIdentifier").is_none()
            && !present(p, "Engine")
                .and_then(|e| e.to_string_value().get().cloned())
                .is_some_and(|e| e.to_ascii_lowercase().starts_with("aurora"));
        self.public_access(
            palisade_model::public_access::Endpoint::RdsInstance,
            default,
        );
    }

    fn rds(&mut self, store: &str, inherited_from: &[&str]) {
        let p = self.props;
        // An instance of a cluster is encrypted by the cluster.
        if store == "DB instance" && present(p, "DBClusterIdentifier").is_some() {
            return;
        }
        if present(p, "StorageEncrypted").is_none() {
            // Replicas and restores inherit the source's encryption, which is not known here.
            if let Some(source) = inherited_from.iter().find_map(|k| present(p, k)) {
                let kms_key = present(p, "KmsKeyId").map(Node::to_string_value);
                self.push_encryption(
                    Service::Rds,
                    store,
                    Value::unknown(source.span),
                    kms_key,
                    self.header,
                );
                return;
            }
            // Aurora Serverless v1 (`EngineMode: serverless`) is always encrypted.
            if let Some(mode) = present(p, "EngineMode").map(Node::to_string_value) {
                let encrypted = match mode.get() {
                    Some(m) if m.eq_ignore_ascii_case("serverless") => {
                        Some(Value::omitted(true, self.header))
                    }
                    Some(_) => None,
                    None => Some(Value::unknown(mode.span)),
                };
                if let Some(encrypted) = encrypted {
                    let kms_key = present(p, "KmsKeyId").map(Node::to_string_value);
                    self.push_encryption(Service::Rds, store, encrypted, kms_key, self.header);
                    return;
                }
            }
        }
        let header = self.header;
        self.flag_and_key(
            Service::Rds,
            store,
            p,
            "StorageEncrypted",
            "KmsKeyId",
            header,
        );
    }
}

impl Adapter<'_> {
    /// What the data protection checks read of an instance or cluster, and its password.
    fn database(&mut self, cluster: bool, inherited_from: &[&str]) {
        let p = self.props;
        let engine = present(p, "Engine")
            .map(Node::to_string_value)
            .unwrap_or_else(|| Value::unknown(self.header));
        let database = Database {
            owner: self.id,
            cluster,
            engine,
            replica: inherited_from.iter().any(|k| present(p, k).is_some()),
            in_cluster: !cluster && present(p, "DBClusterIdentifier").is_some(),
            backup_retention: present(p, "BackupRetentionPeriod").map(Node::to_int_value),
            deletion_protection: present(p, "DeletionProtection")
                .map(Node::to_bool_value)
                .unwrap_or_else(|| Value::omitted(false, self.header)),
            iam_auth: present(p, "EnableIAMDatabaseAuthentication")
                .map(Node::to_bool_value)
                .unwrap_or_else(|| Value::omitted(false, self.header)),
        };
        self.model.databases.push(database);
        self.password(
            &["MasterUserPassword"],
            PasswordService::Rds,
            "master password",
        );
    }
}
