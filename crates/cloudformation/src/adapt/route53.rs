//! Route 53 hosted zones (`AWS::Route53::HostedZone`) and their inline query logging.

use super::{key_span, present, Adapter, LinkRow, ServiceAdapter};
use palisade_model::route53::HostedZone;
use palisade_model::{NodeKind, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::Route53::HostedZone"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, _kind: &str) {
    let (props, header) = (r.props, r.header);
    let private = match present(props, "VPCs") {
        Some(v) => match &v.kind {
            NodeKind::List(items) => {
                Value::literal(!items.is_empty(), key_span(props, "VPCs").unwrap_or(v.span))
            }
            _ => Value::unknown(v.span),
        },
        None => Value::omitted(false, header),
    };
    r.model.hosted_zones.push(HostedZone {
        owner: r.id,
        private,
        query_logging: key_span(props, "QueryLoggingConfig"),
    });
}
