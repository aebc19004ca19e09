//! CloudWatch Logs: log groups (their key, their retention).

use super::{always_encrypted, at, entry, is_null, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::logs::LogGroup;
use palisade_model::{Node, ResourceId, Span, Value};

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
    // `retention_in_days` not written, or 0: events never expire.
    let retention_days = match entry(n, "retention_in_days") {
        Some((k, v)) if !is_null(v) => at(v.to_int_value(), k.span),
        _ => Value::omitted(0, header),
    };
    cx.model.logs.groups.push(LogGroup {
        owner: id,
        retention_days,
    });
}
