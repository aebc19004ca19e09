//! AppSync GraphQL APIs (`aws_appsync_graphql_api`).

use super::{attr_string, Cx, LinkRow, ServiceAdapter};
use palisade_model::appsync::GraphQlApi;
use palisade_model::{Node, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_appsync_graphql_api"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, _kind: &str, n: &Node, header: Span) {
    cx.model.graphql_apis.push(GraphQlApi {
        owner: id,
        visibility: attr_string(n, "visibility")
            .unwrap_or_else(|| Value::omitted("GLOBAL".to_string(), header)),
    });
}
