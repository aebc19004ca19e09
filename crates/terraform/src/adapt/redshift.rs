//! Redshift: clusters (their encryption).

use super::{flagged_store, password, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::secrets::PasswordService;
use palisade_model::{Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_redshift_cluster"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, _kind: &str, n: &Node, header: Span) {
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
