//! CloudTrail trails: where API activity is recorded, and how well the record is protected.

use crate::ResourceId;
use palisade_source::Value;

/// What one scan unit declares about CloudTrail.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CloudTrail {
    /// Every trail.
    pub trails: Vec<Trail>,
}

impl CloudTrail {
    /// Appends another unit's facts, renumbering their resource ids by `offset` (for
    /// [`crate::Model::extend`]).
    pub(crate) fn append(&mut self, other: CloudTrail, offset: usize) {
        crate::append(&mut self.trails, other.trails, offset);
    }
}

impl crate::Owned for Trail {
    fn shift(&mut self, offset: usize) {
        self.owner.0 += offset;
    }
}

/// One trail (`aws_cloudtrail`, `AWS::CloudTrail::Trail`).
///
/// How frontends fill what is not written (`Omitted`, span = the resource header):
///
/// | fact | omitted means | Terraform / CloudFormation |
/// |---|---|---|
/// | `logging` | `true` (Terraform's default; `IsLogging` is required in CloudFormation) | `enable_logging` / `IsLogging` |
/// | `multi_region` | `false` | `is_multi_region_trail` / `IsMultiRegionTrail` |
/// | `global_service_events` | `true` | `include_global_service_events` / `IncludeGlobalServiceEvents` |
/// | `log_file_validation` | `false` | `enable_log_file_validation` / `EnableLogFileValidation` |
/// | `kms_key` | `None`: SSE-S3 only | `kms_key_id` / `KMSKeyId` |
/// | `cloudwatch_log_group` | `None`: not delivered to CloudWatch Logs | `cloud_watch_logs_group_arn` / `CloudWatchLogsLogGroupArn` |
///
/// The trail's bucket, when it is a bucket of the same unit (by reference or by its literal
/// name), is the target of a [`crate::LinkKind::TrailBucket`] link from the trail.
#[derive(Clone, Debug, PartialEq)]
pub struct Trail {
    pub owner: ResourceId,
    pub logging: Value<bool>,
    pub multi_region: Value<bool>,
    pub global_service_events: Value<bool>,
    pub log_file_validation: Value<bool>,
    /// The KMS key written, if any (an empty string is no key).
    pub kms_key: Option<Value<String>>,
    /// The CloudWatch Logs log group ARN written, if any (an empty string is none).
    pub cloudwatch_log_group: Option<Value<String>>,
    /// The bucket name as written (`s3_bucket_name` / `S3BucketName`), for messages.
    pub bucket: Option<Value<String>>,
}
