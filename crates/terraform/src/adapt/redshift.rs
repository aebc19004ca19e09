//! Redshift: clusters (their encryption).

use super::{flagged_store, password, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::public_access::Endpoint;
use palisade_model::secrets::PasswordService;
use palisade_model::{LinkKind, Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_redshift_cluster"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[(
    "aws_redshift_cluster",
    "vpc_security_group_ids",
    LinkKind::MemberOf,
    &["aws_security_group", "aws_default_security_group"],
)];

fn adapt(cx: &mut Cx, id: ResourceId, _kind: &str, n: &Node, header: Span) {
    // Since AWS provider 5, `publicly_accessible` defaults to false.
    super::rds::public_access(cx, id, n, Endpoint::Redshift, false, header);
    flagged_store(
        cx,
        id,
        n,
        Service::Redshift,
        "cluster",
        "encrypted",
        "kms_key_id",
        header,
    );
    password(
        cx,
        id,
        n,
        "master_password",
        PasswordService::Redshift,
        "master password",
    );
}
