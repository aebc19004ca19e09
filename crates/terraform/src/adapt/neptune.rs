//! Neptune: cluster instances (their public accessibility).

use super::{Cx, LinkRow, ServiceAdapter};
use palisade_model::public_access::Endpoint;
use palisade_model::{Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_neptune_cluster_instance"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, _kind: &str, n: &Node, header: Span) {
    super::rds::public_access(cx, id, n, Endpoint::Neptune, false, header);
}
