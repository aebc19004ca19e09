//! S3 Glacier: vaults (their access policy).

use super::{attach, Cx, LinkRow, ServiceAdapter};
use palisade_model::{Node, PolicyKind, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_glacier_vault"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, _kind: &str, n: &Node, _header: Span) {
    attach(cx, id, n, "access_policy", PolicyKind::Resource);
}
