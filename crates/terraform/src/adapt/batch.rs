//! Batch: job definitions (their container's plain-text environment).

use super::{container_environment, json_value, Cx, LinkRow, ServiceAdapter};
use palisade_model::secrets::EnvironmentService;
use palisade_model::{Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_batch_job_definition"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, _header: Span) {
    if kind != "aws_batch_job_definition" {
        return;
    }
    if let Some(properties) = n
        .get("container_properties")
        .and_then(|v| json_value(cx, v, "container_properties"))
    {
        container_environment(cx, id, EnvironmentService::Batch, &properties, None);
    }
}
