//! Database Migration Service: replication instances (their public accessibility) and
//! endpoints (the database credentials they are given).

use super::{blocks, password, Cx, LinkRow, ServiceAdapter};
use palisade_model::public_access::Endpoint;
use palisade_model::secrets::PasswordService;
use palisade_model::{LinkKind, Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_dms_replication_instance", "aws_dms_endpoint"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[(
    "aws_dms_replication_instance",
    "vpc_security_group_ids",
    LinkKind::MemberOf,
    &["aws_security_group", "aws_default_security_group"],
)];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    if kind == "aws_dms_endpoint" {
        let service = PasswordService::Dms;
        password(cx, id, n, "password", service, "database password");
        for (redis, _) in blocks(n, "redis_settings") {
            password(
                cx,
                id,
                redis,
                "auth_password",
                service,
                "Redis auth password",
            );
        }
        return;
    }
    // The AWS provider defaults `publicly_accessible` to false.
    super::rds::public_access(cx, id, n, Endpoint::Dms, false, header);
}
