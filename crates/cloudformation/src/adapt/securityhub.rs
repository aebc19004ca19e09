//! Security Hub: the hub (default standards), standards, and the controls a standard
//! declares disabled.

use super::*;
use palisade_model::securityhub::{DisabledControl, Hub};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::SecurityHub::Hub", "AWS::SecurityHub::Standard"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    match kind {
        "AWS::SecurityHub::Hub" => {
            let default_standards =
                bool_property(r.props, "EnableDefaultStandards", true, r.header);
            r.model.securityhub.hubs.push(Hub {
                owner: r.id,
                default_standards,
            });
        }
        "AWS::SecurityHub::Standard" => {
            r.model.securityhub.standards.push(r.id);
            let disabled = present(r.props, "DisabledStandardsControls")
                .map(flat_items_when)
                .unwrap_or_default();
            for (item, when) in disabled {
                let control = present(item, "StandardsControlArn")
                    .map(Node::to_string_value)
                    .unwrap_or_else(|| Value::unknown(item.span));
                r.model.securityhub.disabled_controls.push(DisabledControl {
                    owner: r.id,
                    control,
                    disabled: under(Value::literal(true, item.span), &when),
                });
            }
        }
        _ => {}
    }
}
