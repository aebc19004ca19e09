//! EKS: clusters (the API server endpoint).

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::EKS::Cluster"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, _kind: &str) {
    let config = present(r.props, "ResourcesVpcConfig").filter(|c| is_map(c));
    let span = property_span(r.props, "ResourcesVpcConfig").unwrap_or(r.header);
    let empty = Node::literal(NodeKind::Map(Vec::new()), r.header);
    let c = config.unwrap_or(&empty);
    let public_access = r.flag_or(c, "EndpointPublicAccess", true);
    let private_access = r.flag_or(c, "EndpointPrivateAccess", false);
    let public_access_cidrs = present(c, "PublicAccessCidrs").map(|l| {
        flat_items(l)
            .into_iter()
            .map(Node::to_string_value)
            .collect()
    });
    r.model
        .eks_endpoints
        .push(palisade_model::public_access::EksEndpoint {
            owner: r.id,
            public_access,
            private_access,
            public_access_cidrs,
            span,
        });
}
