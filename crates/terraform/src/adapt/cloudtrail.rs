//! CloudTrail: trails (logging, regions, global service events, log file validation, KMS key,
//! CloudWatch Logs delivery, and the bucket they deliver to).

use super::{flag, string, Cx, LinkRow, ServiceAdapter};
use palisade_model::cloudtrail::Trail;
use palisade_model::{LinkKind, Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_cloudtrail"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[(
    "aws_cloudtrail",
    "s3_bucket_name",
    LinkKind::TrailBucket,
    &["aws_s3_bucket"],
)];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    if kind != "aws_cloudtrail" {
        return;
    }
    cx.model.cloudtrail.trails.push(Trail {
        owner: id,
        logging: flag(n, "enable_logging", true, header).0,
        multi_region: flag(n, "is_multi_region_trail", false, header).0,
        global_service_events: flag(n, "include_global_service_events", true, header).0,
        log_file_validation: flag(n, "enable_log_file_validation", false, header).0,
        kms_key: string(n, "kms_key_id"),
        cloudwatch_log_group: string(n, "cloud_watch_logs_group_arn"),
        bucket: string(n, "s3_bucket_name"),
    });
}
