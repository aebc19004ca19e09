//! GuardDuty: the threat detector of an account and region, and its optional protections.

use crate::ResourceId;
use palisade_source::Value;

/// What one scan unit declares about GuardDuty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GuardDuty {
    /// Every detector.
    pub detectors: Vec<Detector>,
    /// Protection plans written, on detectors or as feature resources.
    pub protections: Vec<Protection>,
}

impl GuardDuty {
    /// Appends another unit's facts, renumbering their resource ids by `offset` (for
    /// [`crate::Model::extend`]).
    pub(crate) fn append(&mut self, other: GuardDuty, offset: usize) {
        crate::append(&mut self.detectors, other.detectors, offset);
        crate::append(&mut self.protections, other.protections, offset);
    }
}

impl crate::Owned for Detector {
    fn shift(&mut self, offset: usize) {
        self.owner.0 += offset;
    }
}

impl crate::Owned for Protection {
    fn shift(&mut self, offset: usize) {
        self.owner.0 += offset;
    }
}

/// A detector (`aws_guardduty_detector`, `AWS::GuardDuty::Detector`).
#[derive(Clone, Debug, PartialEq)]
pub struct Detector {
    pub owner: ResourceId,
    /// `enable` / `Enable`; `Omitted(true)` when not written (Terraform's default; `Enable`
    /// is required in CloudFormation).
    pub enabled: Value<bool>,
}

/// An optional GuardDuty protection plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProtectionPlan {
    /// S3 Protection: S3 data events (`datasources.s3_logs`, feature `S3_DATA_EVENTS`).
    S3,
    /// EKS Protection: Kubernetes audit logs (`datasources.kubernetes.audit_logs`, feature
    /// `EKS_AUDIT_LOGS`).
    EksAuditLogs,
}

impl ProtectionPlan {
    /// The plan's name in the feature API (`aws_guardduty_detector_feature.name`, `Features`).
    pub fn feature_name(self) -> &'static str {
        match self {
            ProtectionPlan::S3 => "S3_DATA_EVENTS",
            ProtectionPlan::EksAuditLogs => "EKS_AUDIT_LOGS",
        }
    }

    /// The plan of a feature name, case-insensitively.
    pub fn from_feature_name(name: &str) -> Option<ProtectionPlan> {
        [ProtectionPlan::S3, ProtectionPlan::EksAuditLogs]
            .into_iter()
            .find(|p| p.feature_name().eq_ignore_ascii_case(name.trim()))
    }
}

/// A protection plan written on a detector (the legacy `datasources` / `DataSources` block,
/// or its `Features` list in CloudFormation) or as a separate feature resource
/// (`aws_guardduty_detector_feature`). Only written settings are recorded: a plan left out
/// keeps the service's default, which is not judged.
#[derive(Clone, Debug, PartialEq)]
pub struct Protection {
    /// The detector, or the feature resource.
    pub owner: ResourceId,
    pub plan: ProtectionPlan,
    /// Whether the plan is on (`enable = false`, `status = "DISABLED"`: false).
    pub enabled: Value<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_names_map_to_plans_case_insensitively() {
        assert_eq!(
            ProtectionPlan::from_feature_name(" s3_data_events "),
            Some(ProtectionPlan::S3)
        );
        assert_eq!(
            ProtectionPlan::from_feature_name("EKS_AUDIT_LOGS"),
            Some(ProtectionPlan::EksAuditLogs)
        );
        for other in [
            "RUNTIME_MONITORING",
            "EBS_MALWARE_PROTECTION",
            "LAMBDA_NETWORK_LOGS",
            "",
        ] {
            assert_eq!(ProtectionPlan::from_feature_name(other), None, "{other}");
        }
    }
}
