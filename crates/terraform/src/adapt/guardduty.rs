//! GuardDuty: detectors (enabled or suspended) and their protection plans, written in the
//! legacy `datasources` block or as `aws_guardduty_detector_feature` resources.

use super::{at, blocks, entry, flag, is_null, Cx, LinkRow, ServiceAdapter};
use palisade_model::guardduty::{Detector, Protection, ProtectionPlan};
use palisade_model::{Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_guardduty_detector", "aws_guardduty_detector_feature"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_guardduty_detector" => {
            cx.model.guardduty.detectors.push(Detector {
                owner: id,
                enabled: flag(n, "enable", true, header).0,
            });
            // `datasources { s3_logs { enable } kubernetes { audit_logs { enable } } }`: only
            // a written `enable` is recorded.
            for (sources, _) in blocks(n, "datasources") {
                let s3 = blocks(sources, "s3_logs");
                let eks: Vec<(&Node, Span)> = blocks(sources, "kubernetes")
                    .into_iter()
                    .flat_map(|(k, _)| blocks(k, "audit_logs"))
                    .collect();
                for (plan, settings) in [
                    (ProtectionPlan::S3, s3),
                    (ProtectionPlan::EksAuditLogs, eks),
                ] {
                    for (b, sp) in settings {
                        if let (enabled, Some(_)) = flag(b, "enable", true, sp) {
                            cx.model.guardduty.protections.push(Protection {
                                owner: id,
                                plan,
                                enabled,
                            });
                        }
                    }
                }
            }
        }
        "aws_guardduty_detector_feature" => {
            let plan = entry(n, "name")
                .and_then(|(_, v)| v.as_str().and_then(ProtectionPlan::from_feature_name));
            let Some(plan) = plan else {
                return;
            };
            if let Some((k, v)) = entry(n, "status").filter(|(_, v)| !is_null(v)) {
                let enabled = at(v.to_string_value(), k.span)
                    .map(&mut |s| !s.trim().eq_ignore_ascii_case("DISABLED"));
                cx.model.guardduty.protections.push(Protection {
                    owner: id,
                    plan,
                    enabled,
                });
            }
        }
        _ => {}
    }
}
