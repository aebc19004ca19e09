//! EKS: clusters (their API server endpoint).

use super::{at, blocks, entry, is_null, Cx, LinkRow, ServiceAdapter};
use palisade_model::public_access::EksEndpoint;
use palisade_model::{Node, NodeKind, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_eks_cluster"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, _kind: &str, n: &Node, header: Span) {
    let blocks = blocks(n, "vpc_config");
    let (config, span) = match blocks.first() {
        Some((b, sp)) => (Some(*b), *sp),
        None => (None, header),
    };
    let flag = |name: &str, default: bool| match config.and_then(|c| entry(c, name)) {
        Some((k, v)) if !is_null(v) => at(v.to_bool_value(), k.span),
        // Not written: reported at the header, where a reader looks for the cluster.
        _ => Value::omitted(default, header),
    };
    let public_access_cidrs = config
        .and_then(|c| entry(c, "public_access_cidrs"))
        .filter(|(_, v)| !is_null(v))
        .map(|(_, v)| match &v.kind {
            NodeKind::List(items) => items.iter().map(|i| i.to_string_value()).collect(),
            _ => vec![v.to_string_value()],
        });
    cx.model.eks_endpoints.push(EksEndpoint {
        owner: id,
        public_access: flag("endpoint_public_access", true),
        private_access: flag("endpoint_private_access", false),
        public_access_cidrs,
        span,
    });
}
