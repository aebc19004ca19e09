//! Neptune: DB instances (public accessibility).

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::Neptune::DBInstance"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, _kind: &str) {
    r.public_access(palisade_model::public_access::Endpoint::Neptune, false);
}
