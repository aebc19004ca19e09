//! AppSync GraphQL APIs (`AWS::AppSync::GraphQLApi`).

use super::{prop_string, Adapter, LinkRow, ServiceAdapter};
use palisade_model::appsync::GraphQlApi;
use palisade_model::Value;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::AppSync::GraphQLApi"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, _kind: &str) {
    let visibility = prop_string(r.props, "Visibility")
        .unwrap_or_else(|| Value::omitted("GLOBAL".to_string(), r.header));
    r.model.graphql_apis.push(GraphQlApi {
        owner: r.id,
        visibility,
    });
}
