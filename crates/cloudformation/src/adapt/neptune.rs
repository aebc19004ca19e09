//! Neptune: clusters (encryption at rest) and DB instances (public accessibility).

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::Neptune::DBCluster", "AWS::Neptune::DBInstance"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    if kind == "AWS::Neptune::DBInstance" {
        return r.public_access(palisade_model::public_access::Endpoint::Neptune, false);
    }
    if kind == "AWS::Neptune::DBCluster" {
        if present(r.props, "StorageEncrypted").is_none() {
            if let Some(source) = present(r.props, "SnapshotIdentifier") {
                let kms_key = present(r.props, "KmsKeyId").map(Node::to_string_value);
                let span = source.span;
                return r.push_encryption(
                    Service::Neptune,
                    "cluster",
                    Value::unknown(span),
                    kms_key,
                    r.header,
                );
            }
        }
        r.flag_and_key(
            Service::Neptune,
            "cluster",
            r.props,
            "StorageEncrypted",
            "KmsKeyId",
            r.header,
        );
    }
}
