//! EMR: security configurations (encryption at rest of EMRFS data and local disks).

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::EMR::SecurityConfiguration"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    if kind != "AWS::EMR::SecurityConfiguration" {
        return;
    }
    let Some(config) = present(r.props, "SecurityConfiguration") else {
        return;
    };
    // A mapping, or the same JSON written as a string.
    let doc = match &config.kind {
        NodeKind::Map(_) => Some(config.clone()),
        NodeKind::String(text) => {
            parse_embedded_json(text, config.span, r.notes).and_then(|syn| Ctx::plain().eval(&syn))
        }
        _ => None,
    };
    let Some(doc) = doc else {
        return;
    };
    for (what, encrypted) in palisade_model::emr::at_rest(&doc) {
        let span = encrypted.span;
        r.push_encryption(Service::Emr, what, encrypted, None, span);
    }
}
