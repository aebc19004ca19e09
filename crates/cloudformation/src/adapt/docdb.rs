//! DocumentDB: clusters (encryption at rest, the master password).

use super::*;
use palisade_model::secrets::PasswordService;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::DocDB::DBCluster"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    if kind == "AWS::DocDB::DBCluster" {
        // A restore from a snapshot inherits the snapshot's encryption.
        if present(r.props, "StorageEncrypted").is_none() {
            if let Some(source) = present(r.props, "SnapshotIdentifier") {
                let kms_key = present(r.props, "KmsKeyId").map(Node::to_string_value);
                let span = source.span;
                r.push_encryption(
                    Service::DocumentDb,
                    "cluster",
                    Value::unknown(span),
                    kms_key,
                    r.header,
                );
                r.password(
                    &["MasterUserPassword"],
                    PasswordService::DocumentDb,
                    "master password",
                );
                return;
            }
        }
        r.flag_and_key(
            Service::DocumentDb,
            "cluster",
            r.props,
            "StorageEncrypted",
            "KmsKeyId",
            r.header,
        );
        r.password(
            &["MasterUserPassword"],
            PasswordService::DocumentDb,
            "master password",
        );
    }
}
