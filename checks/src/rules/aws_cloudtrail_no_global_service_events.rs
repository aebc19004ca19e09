//! `aws-cloudtrail-no-global-service-events`: a trail that leaves out IAM, STS and the other
//! global services.

use crate::monitoring::{attr, flag_findings};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-cloudtrail-no-global-service-events",
        aliases: &[],
        title: "CloudTrail trail excludes global service events",
        severity: Severity::Medium,
        service: "cloudtrail",
        layer: Layer::Monitoring,
        description: "A CloudTrail trail with `include_global_service_events` / \
            `IncludeGlobalServiceEvents` set to false (the default is true, which is not \
            reported).\n\nEvents of global services (IAM, STS when called on the global \
            endpoint, CloudFront, Route 53, Organizations) are delivered to trails that include \
            global service events. A trail that leaves them out records no user, role, policy or \
            access key change: exactly the events that show privilege escalation and \
            persistence.",
        remediation: "**Terraform:** remove `include_global_service_events = false` from \
            `aws_cloudtrail` (or set it to `true`).\n\n**CloudFormation:** remove \
            `IncludeGlobalServiceEvents: false` (or set it to `true`).",
        references: &[
            "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-concepts.html#cloudtrail-concepts-global-service-events",
        ],
        // KICS's "CloudTrail Multi Region Disabled" also fires on a multi-region trail that
        // excludes global service events.
        equivalents: &[
            "kics:8173d5eb-96b5-4aa6-a71b-ecfa153c123d",
            "kics:058ac855-989f-4378-ba4d-52d004020da7",
        ],
        examples: &[
            Example::bad("bad.tf", &[(4, "include_global_service_events")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(8, "IncludeGlobalServiceEvents: false")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(9, "\"IncludeGlobalServiceEvents\": false")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for t in &model.cloudtrail.trails {
        let name = attr(model, t.owner, "include_global_service_events", "IncludeGlobalServiceEvents");
        flag_findings(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            t.owner,
            &t.global_service_events,
            false,
            &|address, _| {
                format!(
                    "CloudTrail trail {address} excludes global service events (`{name}` is \
                     false): IAM, STS and Organizations activity is not recorded"
                )
            },
            out,
        );
    }
}
