//! SSM: parameters (plain-text values).

use super::{at, entry, is_null, Cx, LinkRow, ServiceAdapter};
use palisade_model::secrets::SsmParameter;
use palisade_model::{Node, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_ssm_parameter"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    if kind != "aws_ssm_parameter" {
        return;
    }
    let kind = match entry(n, "type") {
        Some((k, v)) if !is_null(v) => at(v.to_string_value(), k.span),
        _ => Value::unknown(header),
    };
    let value = ["value", "insecure_value"]
        .iter()
        .find_map(|a| match entry(n, a) {
            Some((k, v)) if !is_null(v) => Some(at(v.to_string_value(), k.span)),
            _ => None,
        });
    let name = n.get("name").and_then(|v| v.as_str()).map(str::to_string);
    cx.model.secrets.ssm_parameters.push(SsmParameter {
        owner: id,
        name,
        kind,
        value,
    });
}
