//! Batch: job definitions (their container's plain-text environment).

use super::*;
use palisade_model::secrets::EnvironmentService;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::Batch::JobDefinition"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    if kind != "AWS::Batch::JobDefinition" {
        return;
    }
    if let Some(properties) = present(r.props, "ContainerProperties") {
        r.container_environment(EnvironmentService::Batch, properties, None);
    }
}
