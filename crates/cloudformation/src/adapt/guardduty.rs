//! GuardDuty: detectors (enabled or suspended) and their protection plans, written in the
//! legacy `DataSources` or in `Features`.

use super::*;
use palisade_model::guardduty::{Detector, Protection, ProtectionPlan};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::GuardDuty::Detector"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    if kind != "AWS::GuardDuty::Detector" {
        return;
    }
    let (props, header, id) = (r.props, r.header, r.id);
    // `Enable` is required; a template without it is not judged on it.
    r.model.guardduty.detectors.push(Detector {
        owner: id,
        enabled: bool_property(props, "Enable", true, header),
    });
    let mut plans = Vec::new();
    if let Some(sources) = present(props, "DataSources") {
        if let Some(s3) = present(sources, "S3Logs") {
            plans.push((ProtectionPlan::S3, s3));
        }
        if let Some(audit) = present(sources, "Kubernetes").and_then(|k| present(k, "AuditLogs")) {
            plans.push((ProtectionPlan::EksAuditLogs, audit));
        }
    }
    for (plan, settings) in plans {
        if present(settings, "Enable").is_some() {
            let enabled = bool_property(settings, "Enable", true, header);
            r.model.guardduty.protections.push(Protection {
                owner: id,
                plan,
                enabled,
            });
        }
    }
    let features = present(props, "Features")
        .map(flat_items_when)
        .unwrap_or_default();
    for (feature, when) in features {
        let Some(plan) = feature
            .get("Name")
            .and_then(Node::as_str)
            .and_then(ProtectionPlan::from_feature_name)
        else {
            continue;
        };
        let Some(status) = present(feature, "Status") else {
            continue;
        };
        let span = property_span(feature, "Status").unwrap_or(status.span);
        let mut enabled = status
            .to_string_value()
            .map(&mut |s| !s.trim().eq_ignore_ascii_case("DISABLED"));
        enabled.span = span;
        r.model.guardduty.protections.push(Protection {
            owner: id,
            plan,
            enabled: under(enabled, &when),
        });
    }
}
