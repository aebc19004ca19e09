//! MSK: Kafka clusters (encryption at rest and in transit).

use super::{blocks, flag, store, string, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::transit::{EncryptionInTransit, TransitService};
use palisade_model::{Node, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_msk_cluster"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    if kind != "aws_msk_cluster" {
        return;
    }
    let info = blocks(n, "encryption_info");
    let (key, key_span) = match info.first() {
        Some((b, sp)) => (string(b, "encryption_at_rest_kms_key_arn"), *sp),
        None => (None, header),
    };
    // Broker storage is always encrypted; without a key, with `aws/kafka`.
    store(
        cx,
        id,
        Service::Msk,
        "cluster",
        Value::omitted(true, header),
        key,
        key_span,
    );
    let transit = info
        .first()
        .and_then(|(b, _)| blocks(b, "encryption_in_transit").into_iter().next());
    let (client, in_cluster) = match transit {
        Some((t, sp)) => {
            let client = match super::entry(t, "client_broker") {
                Some((k, v)) if !super::is_null(v) => super::at(v.to_string_value(), k.span)
                    .map(&mut |mode| mode.eq_ignore_ascii_case("TLS")),
                _ => Value::omitted(true, sp),
            };
            (client, flag(t, "in_cluster", true, sp).0)
        }
        None => (Value::omitted(true, header), Value::omitted(true, header)),
    };
    for (traffic, encrypted) in [
        ("client connections", client),
        ("connections between brokers", in_cluster),
    ] {
        cx.model.transit_encryption.push(EncryptionInTransit {
            owner: id,
            service: TransitService::Msk,
            traffic,
            encrypted,
        });
    }
}
