//! Database Migration Service: replication instances (public accessibility) and endpoints
//! (the database credentials they are given).

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::DMS::ReplicationInstance", "AWS::DMS::Endpoint"],
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

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    if kind == "AWS::DMS::Endpoint" {
        use palisade_model::secrets::PasswordService::Dms;
        r.password(&["Password"], Dms, "database password");
        r.password(&["MongoDbSettings", "Password"], Dms, "MongoDB password");
        r.password(
            &["RedisSettings", "AuthPassword"],
            Dms,
            "Redis auth password",
        );
        return;
    }
    // The API default of `PubliclyAccessible` is true.
    r.public_access(palisade_model::public_access::Endpoint::Dms, true);
}
