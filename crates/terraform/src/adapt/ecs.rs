//! ECS: task definitions (their containers' plain-text environment).

use super::{container_environment, json_value, Cx, LinkRow, ServiceAdapter};
use palisade_model::secrets::EnvironmentService;
use palisade_model::{Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_ecs_task_definition"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, _header: Span) {
    if kind != "aws_ecs_task_definition" {
        return;
    }
    let Some(definitions) = n
        .get("container_definitions")
        .and_then(|v| json_value(cx, v, "container_definitions"))
    else {
        return;
    };
    for container in definitions.items() {
        let name = container.get_ci("name").and_then(Node::as_str);
        container_environment(cx, id, EnvironmentService::Ecs, container, name);
    }
}
