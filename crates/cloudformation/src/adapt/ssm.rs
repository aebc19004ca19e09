//! SSM: parameters (plain-text values).

use super::*;
use palisade_model::secrets::SsmParameter;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::SSM::Parameter"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    if kind != "AWS::SSM::Parameter" {
        return;
    }
    let p = r.props;
    let kind = present(p, "Type")
        .map(Node::to_string_value)
        .unwrap_or_else(|| Value::unknown(r.header));
    // Without `Name`, CloudFormation names the parameter after the stack and the logical
    // id, so the logical id says what it holds.
    let name = match present(p, "Name") {
        Some(n) => n.as_str().map(str::to_string),
        None => Some(r.model.resource(r.id).address.clone()),
    };
    let value = present(p, "Value").map(Node::to_string_value);
    r.model.secrets.ssm_parameters.push(SsmParameter {
        owner: r.id,
        name,
        kind,
        value,
    });
}
