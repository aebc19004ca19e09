//! AWS Organizations: service control policies.

use super::{attach, Cx, LinkRow, ServiceAdapter};
use palisade_model::{Node, PolicyKind, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_organizations_policy"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, _kind: &str, n: &Node, _header: Span) {
    attach(cx, id, n, "content", PolicyKind::ControlPolicy);
}
