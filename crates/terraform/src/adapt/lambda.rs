//! Lambda: functions (their plain-text environment).

use super::{blocks, Cx, LinkRow, ServiceAdapter};
use palisade_model::secrets::{EnvironmentService, EnvironmentVariable};
use palisade_model::{Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_lambda_function"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, _header: Span) {
    if kind != "aws_lambda_function" {
        return;
    }
    for (env, _) in blocks(n, "environment") {
        let Some(variables) = env.get("variables") else {
            continue;
        };
        for (key, value) in variables.entries() {
            cx.model.secrets.environment.push(EnvironmentVariable {
                owner: id,
                service: EnvironmentService::Lambda,
                name: Some(key.name.clone()),
                value: value.to_string_value(),
                container: None,
                span: key.span,
            });
        }
    }
}
