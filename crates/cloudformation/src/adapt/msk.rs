//! MSK: Kafka clusters (encryption at rest and in transit).

use super::*;
use palisade_model::transit::{EncryptionInTransit, TransitService};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::MSK::Cluster"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    if kind != "AWS::MSK::Cluster" {
        return;
    }
    let info = present(r.props, "EncryptionInfo");
    let at_rest = info.and_then(|i| present(i, "EncryptionAtRest"));
    let key = at_rest
        .and_then(|a| present(a, "DataVolumeKMSKeyId"))
        .map(Node::to_string_value);
    let span = property_span(r.props, "EncryptionInfo").unwrap_or(r.header);
    r.push_encryption(
        Service::Msk,
        "cluster",
        Value::omitted(true, r.header),
        key,
        if at_rest.is_some() { span } else { r.header },
    );
    let transit = info.and_then(|i| present(i, "EncryptionInTransit"));
    let client = match transit.and_then(|t| present(t, "ClientBroker")) {
        Some(mode) => mode
            .to_string_value()
            .map(&mut |m| m.eq_ignore_ascii_case("TLS")),
        None => Value::omitted(true, r.header),
    };
    let in_cluster = match transit.and_then(|t| present(t, "InCluster")) {
        Some(v) => v.to_bool_value(),
        None => Value::omitted(true, r.header),
    };
    for (traffic, encrypted) in [
        ("client connections", client),
        ("connections between brokers", in_cluster),
    ] {
        r.model.transit_encryption.push(EncryptionInTransit {
            owner: r.id,
            service: TransitService::Msk,
            traffic,
            encrypted,
        });
    }
}
