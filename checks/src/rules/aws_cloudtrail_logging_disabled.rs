//! `aws-cloudtrail-logging-disabled`: a trail declared with logging stopped.

use crate::monitoring::{attr, flag_findings};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-cloudtrail-logging-disabled",
        aliases: &[],
        title: "CloudTrail trail does not log",
        severity: Severity::High,
        service: "cloudtrail",
        layer: Layer::Monitoring,
        description: "A CloudTrail trail declared with logging stopped: `enable_logging = false` \
            / `IsLogging: false`.\n\nThe trail exists, so a reviewer sees an audit trail in the \
            code, but it records nothing: no API call of the account is delivered. Stopping a \
            trail is also one of the first things an intruder does; declaring it stopped does \
            it for them.",
        remediation: "**Terraform:** remove `enable_logging = false` from `aws_cloudtrail` (it \
            defaults to true).\n\n**CloudFormation:** `IsLogging: true`.",
        references: &[
            "CIS AWS Foundations Benchmark 3.1 (a multi-region trail that is logging)",
            "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopLogging.html",
        ],
        equivalents: &[
            "kics:4bb76f17-3d63-4529-bdca-2b454529d774",
            "kics:5c0b06d5-b7a4-484c-aeb0-75a836269ff0",
        ],
        examples: &[
            Example::bad("bad.tf", &[(4, "enable_logging")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "IsLogging: !Ref Logging")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(7, "\"IsLogging\": false")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for t in &model.cloudtrail.trails {
        let name = attr(model, t.owner, "enable_logging", "IsLogging");
        flag_findings(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            t.owner,
            &t.logging,
            false,
            &|address, _| {
                format!(
                    "CloudTrail trail {address} is declared with logging stopped (`{name}` is \
                     false): it records no API activity"
                )
            },
            out,
        );
    }
}
