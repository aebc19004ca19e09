//! Shared logic of the monitoring checks: a flag judged against its bad value, and the
//! attribute names messages use in each format.

use crate::finding::{when_suffix, Finding, Severity};
use palisade_model::{Format, Model, Provenance, ResourceId, Span, Value};

/// The name of an attribute as the resource's format spells it.
pub fn attr(
    model: &Model,
    owner: ResourceId,
    terraform: &'static str,
    cfn: &'static str,
) -> &'static str {
    match model.resource(owner).format {
        Format::Terraform => terraform,
        _ => cfn,
    }
}

/// One finding for every candidate of `flag` equal to `bad`. `message` gets the address of
/// the owner and whether the value was left out (the service default applies) and returns the
/// message; the branch conditions are appended.
#[allow(clippy::too_many_arguments)]
pub fn flag_findings(
    model: &Model,
    check: &'static str,
    severity: Severity,
    owner: ResourceId,
    flag: &Value<bool>,
    bad: bool,
    message: &dyn Fn(&str, bool) -> String,
    out: &mut Vec<Finding>,
) {
    let address = &model.resource(owner).address;
    for c in flag.candidates() {
        if *c.value != bad {
            continue;
        }
        let omitted = c.provenance == Provenance::Omitted;
        let text = format!(
            "{}{}",
            message(address, omitted),
            when_suffix(&c.conditions)
        );
        out.push(
            Finding::on_resource(model, check, severity, owner, c.span, text)
                .defined_at(c.defined_at),
        );
    }
}

/// Where a missing setting is reported: the span, the branch conditions it applies under,
/// and where the value was defined.
pub type MissingAt = (Span, Vec<(String, bool)>, Option<Span>);

/// True when an optional string setting is (possibly) missing: not written, or a candidate
/// that is empty. Returns the spans to report: the header when not written, else each empty
/// candidate with its conditions and definition site.
pub fn missing_setting(setting: Option<&Value<String>>, header: Span) -> Vec<MissingAt> {
    match setting {
        None => vec![(header, Vec::new(), None)],
        Some(v) => v
            .candidates()
            .into_iter()
            .filter(|c| c.value.trim().is_empty())
            .map(|c| (c.span, c.conditions, c.defined_at))
            .collect(),
    }
}
