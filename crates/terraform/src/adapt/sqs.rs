//! SQS: queues (their encryption and inline policy) and queue policies.

use super::{at, attach, entry, is_null, store, string, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::{LinkKind, Node, PolicyKind, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_sqs_queue_policy", "aws_sqs_queue"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[(
    "aws_sqs_queue_policy",
    "queue_url",
    LinkKind::Governed,
    &["aws_sqs_queue"],
)];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_sqs_queue_policy" => attach(cx, id, n, "policy", PolicyKind::Resource),
        "aws_sqs_queue" => {
            attach(cx, id, n, "policy", PolicyKind::Resource);
            let key = string(n, "kms_master_key_id");
            let (encrypted, sp) = match (&key, entry(n, "sqs_managed_sse_enabled")) {
                (Some(_), _) => {
                    let sp = entry(n, "kms_master_key_id")
                        .map(|e| e.0.span)
                        .unwrap_or(header);
                    (Value::literal(true, sp), sp)
                }
                (None, Some((k, v))) if !is_null(v) => (at(v.to_bool_value(), k.span), k.span),
                _ => (Value::omitted(true, header), header),
            };
            store(cx, id, Service::Sqs, "queue", encrypted, key, sp);
        }
        _ => {}
    }
}
