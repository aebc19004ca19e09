//! `aws-cloudwatch-log-group-no-retention`: a log group that keeps events forever.

use crate::monitoring::attr;
use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Model, Provenance};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-cloudwatch-log-group-no-retention",
        aliases: &[],
        title: "CloudWatch log group has no retention period",
        severity: Severity::Low,
        service: "cloudwatch",
        layer: Layer::Monitoring,
        description: "A CloudWatch Logs log group (`aws_cloudwatch_log_group`, \
            `AWS::Logs::LogGroup`) without `retention_in_days` / `RetentionInDays` (or with \
            Terraform's `0`): its events never expire.\n\nA retention period is the decision of \
            how long logs are kept for investigation and compliance. Without one, everything the \
            application ever logged (tokens, request bodies, personal data written by mistake) \
            is kept indefinitely, readable by anyone who can read the group, and paid for \
            forever; the retention the organization actually needs is nowhere stated. Low \
            severity: nothing is lost.",
        remediation: "**Terraform:** `retention_in_days = 365` (or the period your policy \
            requires) on `aws_cloudwatch_log_group`.\n\n**CloudFormation:** `RetentionInDays` \
            on `AWS::Logs::LogGroup`.",
        references: &[
            "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention",
        ],
        equivalents: &[
            "checkov:CKV_AWS_66",
            "kics:ef0b316a-211e-42f1-888e-64efe172b755",
        ],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_cloudwatch_log_group\" \"app\""), (7, "retention_in_days")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "AppLogs:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(3, "\"AppLogs\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for g in &model.logs.groups {
        let address = &model.resource(g.owner).address;
        let name = attr(model, g.owner, "retention_in_days", "RetentionInDays");
        for c in g.retention_days.candidates() {
            if *c.value != 0 {
                continue;
            }
            let how = if c.provenance == Provenance::Omitted {
                format!("no `{name}`")
            } else {
                format!("`{name}` is 0")
            };
            out.push(
                Finding::on_resource(
                    model,
                    CHECK.meta.id,
                    CHECK.meta.severity,
                    g.owner,
                    c.span,
                    format!(
                        "CloudWatch log group {address} keeps its events forever ({how}): no \
                         retention period is set{}",
                        when_suffix(&c.conditions)
                    ),
                )
                .defined_at(c.defined_at),
            );
        }
    }
}
