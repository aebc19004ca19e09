//! Database Migration Service: replication instances (public accessibility).

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::DMS::ReplicationInstance"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[(
    "AWS::DMS::ReplicationInstance",
    "VpcSecurityGroupIds",
    LinkKind::MemberOf,
    &["AWS::EC2::SecurityGroup"],
)];

fn adapt(r: &mut Adapter<'_>, _kind: &str) {
    // The API default of `PubliclyAccessible` is true.
    r.public_access(palisade_model::public_access::Endpoint::Dms, true);
}
