//! EMR: security configurations (encryption at rest of EMRFS data and local disks).

use super::{entry, json_value, store, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::{Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_emr_security_configuration"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, _header: Span) {
    if kind != "aws_emr_security_configuration" {
        return;
    }
    let Some((_, config)) = entry(n, "configuration") else {
        return;
    };
    let Some(doc) = json_value(cx, config, "configuration") else {
        return;
    };
    for (what, encrypted) in palisade_model::emr::at_rest(&doc) {
        let span = encrypted.span;
        store(cx, id, Service::Emr, what, encrypted, None, span);
    }
}
