//! CloudTrail: trails (logging, regions, global service events, log file validation, KMS key,
//! CloudWatch Logs delivery, and the bucket they deliver to).

use super::*;
use palisade_model::cloudtrail::Trail;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::CloudTrail::Trail"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[(
    "AWS::CloudTrail::Trail",
    "S3BucketName",
    LinkKind::TrailBucket,
    BUCKET,
)];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    if kind != "AWS::CloudTrail::Trail" {
        return;
    }
    let props = r.props;
    let header = r.header;
    r.model.cloudtrail.trails.push(Trail {
        owner: r.id,
        // `IsLogging` is required; a template without it is not judged on it.
        logging: bool_property(props, "IsLogging", true, header),
        multi_region: bool_property(props, "IsMultiRegionTrail", false, header),
        global_service_events: bool_property(props, "IncludeGlobalServiceEvents", true, header),
        log_file_validation: bool_property(props, "EnableLogFileValidation", false, header),
        // `KMSKeyId` is the property; `KmsKeyId` (the spelling of most other services) is
        // taken as the same intent rather than reported as no key.
        kms_key: present(props, "KMSKeyId")
            .or_else(|| present(props, "KmsKeyId"))
            .map(Node::to_string_value),
        cloudwatch_log_group: present(props, "CloudWatchLogsLogGroupArn")
            .map(Node::to_string_value),
        bucket: present(props, "S3BucketName").map(Node::to_string_value),
    });
}
