//! AppSync: GraphQL APIs. A WAF association points at one through a link of kind
//! [`LinkKind::WafTarget`](crate::LinkKind::WafTarget).

use crate::ResourceId;
use palisade_source::Value;

/// An AppSync GraphQL API (`aws_appsync_graphql_api`, `AWS::AppSync::GraphQLApi`).
#[derive(Clone, Debug, PartialEq)]
pub struct GraphQlApi {
    pub owner: ResourceId,
    /// `visibility` / `Visibility`: `GLOBAL` (the default, `Omitted`) or `PRIVATE`.
    pub visibility: Value<String>,
}
