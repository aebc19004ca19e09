//! Kinesis Data Streams: streams (their encryption).

use super::{at, entry, is_null, store, string, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::{Node, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_kinesis_stream"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, _kind: &str, n: &Node, header: Span) {
    let (encrypted, sp) = match entry(n, "encryption_type") {
        Some((k, v)) if !is_null(v) => (
            at(v.to_string_value(), k.span).map(&mut |t| t.eq_ignore_ascii_case("KMS")),
            k.span,
        ),
        _ => (Value::omitted(false, header), header),
    };
    let kms = string(n, "kms_key_id");
    store(cx, id, Service::Kinesis, "stream", encrypted, kms, sp);
}
