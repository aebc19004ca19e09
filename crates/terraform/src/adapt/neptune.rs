//! Neptune: clusters (encryption at rest) and cluster instances (public accessibility).

use super::{flagged_store, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::public_access::Endpoint;
use palisade_model::{Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_neptune_cluster", "aws_neptune_cluster_instance"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_neptune_cluster" => flagged_store(
            cx,
            id,
            n,
            Service::Neptune,
            "cluster",
            "storage_encrypted",
            "kms_key_arn",
            header,
        ),
        "aws_neptune_cluster_instance" => {
            super::rds::public_access(cx, id, n, Endpoint::Neptune, false, header)
        }
        _ => {}
    }
}
