//! Redshift: clusters (encryption).

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::Redshift::Cluster"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    match kind {
        "AWS::Redshift::Cluster" => r.flag_and_key(
            Service::Redshift,
            "cluster",
            r.props,
            "Encrypted",
            "KmsKeyId",
            r.header,
        ),
        _ => {}
    }
}
