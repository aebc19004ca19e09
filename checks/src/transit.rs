//! Shared logic of the in-transit encryption checks.

use crate::finding::{when_suffix, Finding, Severity};
use palisade_model::transit::TransitService;
use palisade_model::{Model, Provenance};

/// Reports every kind of traffic of `service` that is, or may under some condition be, sent
/// unencrypted.
pub fn unencrypted_in_transit(
    model: &Model,
    service: TransitService,
    check: &'static str,
    severity: Severity,
    out: &mut Vec<Finding>,
) {
    for t in model
        .transit_encryption
        .iter()
        .filter(|t| t.service == service)
    {
        for c in t.encrypted.candidates() {
            if *c.value {
                continue;
            }
            let how = if c.provenance == Provenance::Omitted {
                " (not set; the service default is plain text)"
            } else {
                ""
            };
            let message = format!(
                "{} of {} are not encrypted in transit{how}{}: anyone on the network path can \
                 read them",
                t.traffic,
                model.resource(t.owner).address,
                when_suffix(&c.conditions)
            );
            out.push(
                Finding::on_resource(model, check, severity, t.owner, c.span, message)
                    .defined_at(c.defined_at),
            );
        }
    }
}
