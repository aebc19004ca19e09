//! Redshift: clusters (encryption).

use super::*;
use palisade_model::secrets::PasswordService;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::Redshift::Cluster"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[(
    "AWS::Redshift::Cluster",
    "VpcSecurityGroupIds",
    LinkKind::MemberOf,
    &["AWS::EC2::SecurityGroup"],
)];

fn adapt(r: &mut Adapter<'_>, _kind: &str) {
    // Not written: private (the API default).
    r.public_access(palisade_model::public_access::Endpoint::Redshift, false);
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
