//! AWS Config: configuration recorders (what they record) and delivery channels.

use super::*;
use palisade_model::config::Recorder;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "AWS::Config::ConfigurationRecorder",
        "AWS::Config::DeliveryChannel",
    ],
    links: LINKS,
    references: None,
    adapt,
};

/// The delivery channel's bucket holds configuration snapshots and history: a log bucket.
const LINKS: &[LinkRow] = &[(
    "AWS::Config::DeliveryChannel",
    "S3BucketName",
    LinkKind::LogArchive,
    BUCKET,
)];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    match kind {
        "AWS::Config::ConfigurationRecorder" => {
            let all_supported = match present(r.props, "RecordingGroup") {
                Some(group) if is_map(group) => {
                    let span = property_span(r.props, "RecordingGroup").unwrap_or(group.span);
                    all_supported(group, span)
                }
                // A conditional or unknown group: nothing is known.
                Some(group) => Value::unknown(group.span),
                // No recording group: every supported resource type is recorded.
                None => Value::omitted(true, r.header),
            };
            r.model.config.recorders.push(Recorder {
                owner: r.id,
                all_supported,
            });
        }
        "AWS::Config::DeliveryChannel" => r.model.config.delivery_channels.push(r.id),
        _ => {}
    }
}

/// `RecordingStrategy.UseOnly` other than `ALL_SUPPORTED_RESOURCE_TYPES` records a selection;
/// else `AllSupported` when written; else a group listing `ResourceTypes` records those only
/// (the API's `AllSupported` defaults to false).
fn all_supported(group: &Node, group_span: Span) -> Value<bool> {
    if let Some(use_only) = present(group, "RecordingStrategy").and_then(|s| present(s, "UseOnly"))
    {
        let mut all = use_only.to_string_value().map(&mut |s| {
            s.trim()
                .eq_ignore_ascii_case("ALL_SUPPORTED_RESOURCE_TYPES")
        });
        if all.candidates().iter().any(|c| !*c.value) {
            all.span = property_span(group, "RecordingStrategy").unwrap_or(use_only.span);
            return all;
        }
    }
    if present(group, "AllSupported").is_some() {
        return bool_property(group, "AllSupported", true, group_span);
    }
    let lists_types = present(group, "ResourceTypes").is_some_and(|t| !t.items().is_empty());
    if lists_types {
        Value::literal(false, group_span)
    } else {
        Value::omitted(true, group_span)
    }
}
