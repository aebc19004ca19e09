//! CloudWatch Logs: log groups (their key).

use super::{always_encrypted, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::{Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_cloudwatch_log_group"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, _kind: &str, n: &Node, header: Span) {
    always_encrypted(
        cx,
        id,
        n,
        Service::CloudWatchLogs,
        "log group",
        "kms_key_id",
        header,
    );
}
