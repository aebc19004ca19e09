//! SNS: topics (their encryption and inline policy) and topic policies.

use super::{attach, keyed_store, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::{LinkKind, Node, PolicyKind, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_sns_topic_policy", "aws_sns_topic"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[(
    "aws_sns_topic_policy",
    "arn",
    LinkKind::Governed,
    &["aws_sns_topic"],
)];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_sns_topic_policy" => attach(cx, id, n, "policy", PolicyKind::Resource),
        "aws_sns_topic" => {
            attach(cx, id, n, "policy", PolicyKind::Resource);
            keyed_store(
                cx,
                id,
                n,
                Service::Sns,
                "topic",
                "kms_master_key_id",
                header,
            );
        }
        _ => {}
    }
}
