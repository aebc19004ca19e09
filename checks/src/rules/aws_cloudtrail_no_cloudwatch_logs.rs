//! `aws-cloudtrail-no-cloudwatch-logs`: a trail that is not delivered to CloudWatch Logs.

use crate::finding::when_suffix;
use crate::monitoring::{attr, missing_setting};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-cloudtrail-no-cloudwatch-logs",
        aliases: &[],
        title: "CloudTrail trail is not sent to CloudWatch Logs",
        severity: Severity::Low,
        service: "cloudtrail",
        layer: Layer::Monitoring,
        description: "A CloudTrail trail without `cloud_watch_logs_group_arn` / \
            `CloudWatchLogsLogGroupArn` (or with an empty one).\n\nA trail that only writes to \
            S3 is a record for later. Delivered to a CloudWatch Logs log group, its events can \
            drive metric filters and alarms (root sign-in, IAM policy changes, console logins \
            without MFA, security group changes, the CIS monitoring controls), so that someone \
            notices while it happens. Low severity: the events are recorded either way.",
        remediation: "**Terraform:** `cloud_watch_logs_group_arn = \"${aws_cloudwatch_log_group.trail.arn}:*\"` \
            and `cloud_watch_logs_role_arn` (a role CloudTrail assumes to write) on \
            `aws_cloudtrail`.\n\n**CloudFormation:** `CloudWatchLogsLogGroupArn` and \
            `CloudWatchLogsRoleArn` on `AWS::CloudTrail::Trail`.",
        references: &[
            "CIS AWS Foundations Benchmark 3.4 (ensure CloudTrail trails are integrated with CloudWatch Logs)",
            "AWS Foundational Security Best Practices CloudTrail.5",
            "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html",
        ],
        equivalents: &[
            "checkov:CKV2_AWS_10",
            "trivy:AVD-AWS-0162",
            "tfsec:aws-cloudtrail-ensure-cloudwatch-integration",
            "kics:17b30f8f-8dfb-4597-adf6-57600b6cf25e",
            "kics:65d07da5-9af5-44df-8983-52d2e6f24c44",
        ],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_cloudtrail\" \"default\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "S3Only:"), (12, "\"\"")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"S3Only\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for t in &model.cloudtrail.trails {
        let header = model.resource(t.owner).header;
        let address = &model.resource(t.owner).address;
        let name = attr(model, t.owner, "cloud_watch_logs_group_arn", "CloudWatchLogsLogGroupArn");
        for (span, conditions, defined_at) in missing_setting(t.cloudwatch_log_group.as_ref(), header) {
            let how = if t.cloudwatch_log_group.is_none() {
                format!("no `{name}`")
            } else {
                format!("`{name}` is empty")
            };
            out.push(
                Finding::on_resource(
                    model,
                    CHECK.meta.id,
                    CHECK.meta.severity,
                    t.owner,
                    span,
                    format!(
                        "CloudTrail trail {address} is not delivered to CloudWatch Logs ({how}): \
                         no metric filter or alarm can watch its events{}",
                        when_suffix(&conditions)
                    ),
                )
                .defined_at(defined_at),
            );
        }
    }
}
