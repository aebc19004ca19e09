//! Lambda: function URLs (their authorization).

use super::{at, entry, Cx, LinkRow, ServiceAdapter};
use palisade_model::public_access::FunctionUrl;
use palisade_model::{Node, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_lambda_function_url"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, _kind: &str, n: &Node, header: Span) {
    let auth_type = match entry(n, "authorization_type") {
        Some((k, v)) => at(v.to_string_value(), k.span),
        // Required by the provider: a configuration without it does not plan.
        None => Value::unknown(header),
    };
    cx.model.function_urls.push(FunctionUrl {
        owner: id,
        auth_type,
    });
}
