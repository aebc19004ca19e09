//! Redshift: clusters (encryption).

use super::*;
use palisade_model::secrets::PasswordService;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::Redshift::Cluster"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, _kind: &str) {
    r.flag_and_key(
        Service::Redshift,
        "cluster",
        r.props,
        "Encrypted",
        "KmsKeyId",
        r.header,
    );
    r.password(
        &["MasterUserPassword"],
        PasswordService::Redshift,
        "master password",
    );
}
