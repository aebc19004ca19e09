//! DynamoDB: tables (their server-side encryption).

use super::{blocks, store, string, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::{Node, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_dynamodb_table"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, _kind: &str, n: &Node, header: Span) {
    let (encrypted, kms, sp) = match blocks(n, "server_side_encryption").first() {
        Some((b, sp)) => {
            let enabled = b.get("enabled").map(|v| v.to_bool_value());
            let kms = match enabled.as_ref().map(|e| e.get().copied()) {
                Some(Some(true)) => Some(
                    string(b, "kms_key_arn")
                        .unwrap_or_else(|| Value::omitted("alias/aws/dynamodb".into(), *sp)),
                ),
                Some(Some(false)) | None => None,
                Some(None) => Some(Value::unknown(*sp)),
            };
            (Value::literal(true, *sp), kms, *sp)
        }
        None => (Value::omitted(true, header), None, header),
    };
    store(cx, id, Service::DynamoDb, "table", encrypted, kms, sp);
}
