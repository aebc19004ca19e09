//! `aws-elb-drop-invalid-headers-disabled`: an application load balancer that forwards
//! invalid HTTP headers.

use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::elb::LbType;
use palisade_model::{Model, Provenance};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-elb-drop-invalid-headers-disabled",
        aliases: &[],
        title: "Application load balancer does not drop invalid headers",
        severity: Severity::Medium,
        service: "elb",
        layer: Layer::Edge,
        description: "An application load balancer with `drop_invalid_header_fields` false or \
            not set (CloudFormation: the attribute \
            `routing.http.drop_invalid_header_fields.enabled` not `true`): header fields that \
            do not conform to the HTTP grammar are passed to the targets.\n\nMalformed headers \
            are the raw material of HTTP request smuggling and desync attacks against the \
            targets behind the load balancer. The service default is `false`. Severity \
            follows exposure: medium on an internet-facing load balancer, low on an internal \
            one.",
        remediation: "Set `drop_invalid_header_fields = true` on the `aws_lb`; in \
            CloudFormation add `{ Key: routing.http.drop_invalid_header_fields.enabled, Value: \
            \"true\" }` to `LoadBalancerAttributes`.",
        references: &[
            "AWS Foundational Security Best Practices ELB.4 (Application Load Balancer should be configured to drop invalid HTTP headers)",
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes",
        ],
        equivalents: &[
            "checkov:CKV_AWS_131",
            "trivy:AVD-AWS-0052",
            "tfsec:aws-elb-drop-invalid-headers",
            "kics:6e3fd2ed-5c83-4c68-9679-7700d224d379",
        ],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_lb\" \"web\""), (9, "drop_invalid_header_fields = false")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "Web:"), (15, "Value: \"false\"")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"Web\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for lb in &model.load_balancers {
        let application = lb.lb_type.candidates();
        if application.is_empty() || application.iter().any(|c| *c.value != LbType::Application) {
            continue;
        }
        let (severity, why) = match lb.internet_facing() {
            Some(true) => (Severity::Medium, "it is internet-facing"),
            Some(false) => (Severity::Low, "it is internal"),
            None => (Severity::Medium, "its scheme is not known here"),
        };
        let address = &model.resource(lb.owner).address;
        for c in lb.drop_invalid_header_fields.candidates() {
            if *c.value {
                continue;
            }
            let how = if c.provenance == Provenance::Omitted {
                "does not set drop_invalid_header_fields (off by default)"
            } else {
                "disables drop_invalid_header_fields"
            };
            out.push(
                Finding::on_resource(
                    model,
                    CHECK.meta.id,
                    severity,
                    lb.owner,
                    c.span,
                    format!(
                        "application load balancer {address} {how}, so malformed headers reach \
                         its targets; {why}{}",
                        when_suffix(&c.conditions)
                    ),
                )
                .defined_at(c.defined_at),
            );
        }
    }
}
