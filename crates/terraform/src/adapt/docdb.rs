//! DocumentDB: clusters (encryption at rest, the master password).

use super::{flagged_store, password, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::secrets::PasswordService;
use palisade_model::{Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_docdb_cluster"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    if kind == "aws_docdb_cluster" {
        flagged_store(
            cx,
            id,
            n,
            Service::DocumentDb,
            "cluster",
            "storage_encrypted",
            "kms_key_id",
            header,
        );
        password(
            cx,
            id,
            n,
            "master_password",
            PasswordService::DocumentDb,
            "master password",
        );
    }
}
