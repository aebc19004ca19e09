//! AWS Config: configuration recorders (what they record) and delivery channels.

use super::{at, blocks, entry, flag, is_null, Cx, LinkRow, ServiceAdapter};
use palisade_model::config::Recorder;
use palisade_model::{LinkKind, Node, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "aws_config_configuration_recorder",
        "aws_config_delivery_channel",
    ],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

/// The delivery channel's bucket holds configuration snapshots and history: a log bucket.
const LINKS: &[LinkRow] = &[(
    "aws_config_delivery_channel",
    "s3_bucket_name",
    LinkKind::LogArchive,
    &["aws_s3_bucket"],
)];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_config_configuration_recorder" => {
            let all_supported = match blocks(n, "recording_group").first() {
                Some((group, sp)) => all_supported(group, *sp),
                // No recording group: every supported resource type is recorded.
                None => Value::omitted(true, header),
            };
            cx.model.config.recorders.push(Recorder {
                owner: id,
                all_supported,
            });
        }
        "aws_config_delivery_channel" => cx.model.config.delivery_channels.push(id),
        _ => {}
    }
}

/// `recording_strategy { use_only = "..." }` other than `ALL_SUPPORTED_RESOURCE_TYPES`
/// records a selection whatever `all_supported` says; else `all_supported` (default true).
fn all_supported(group: &Node, group_span: Span) -> Value<bool> {
    let strategy = blocks(group, "recording_strategy")
        .into_iter()
        .find_map(|(s, _)| entry(s, "use_only").filter(|(_, v)| !is_null(v)));
    if let Some((k, v)) = strategy {
        let all = at(v.to_string_value(), k.span).map(&mut |s| {
            s.trim()
                .eq_ignore_ascii_case("ALL_SUPPORTED_RESOURCE_TYPES")
        });
        if all.candidates().iter().any(|c| !*c.value) {
            return all;
        }
    }
    flag(group, "all_supported", true, group_span).0
}
