//! Timestream: databases (their key).

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::Timestream::Database"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    if kind == "AWS::Timestream::Database" {
        r.always_encrypted(Service::Timestream, "database", "KmsKeyId");
    }
}
