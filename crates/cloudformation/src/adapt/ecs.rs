//! ECS: task definitions (their containers' plain-text environment).

use super::*;
use palisade_model::secrets::EnvironmentService;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::ECS::TaskDefinition"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    if kind != "AWS::ECS::TaskDefinition" {
        return;
    }
    let Some(definitions) = present(r.props, "ContainerDefinitions") else {
        return;
    };
    for container in flat_items(definitions) {
        let name = present(container, "Name").and_then(Node::as_str);
        r.container_environment(EnvironmentService::Ecs, container, name);
    }
}
