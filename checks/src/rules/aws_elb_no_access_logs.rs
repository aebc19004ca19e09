//! `aws-elb-no-access-logs`: an application or classic load balancer without access logs.

use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::elb::LbType;
use palisade_model::{Model, Provenance};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-elb-no-access-logs",
        aliases: &[],
        title: "Load balancer without access logs",
        severity: Severity::Medium,
        service: "elb",
        layer: Layer::Monitoring,
        description: "An application load balancer (`aws_lb`, `aws_alb`, \
            `AWS::ElasticLoadBalancingV2::LoadBalancer`) or a classic load balancer (`aws_elb`, \
            `AWS::ElasticLoadBalancing::LoadBalancer`) that does not deliver access logs: an \
            `access_logs` block with `enabled = false` (on an application load balancer \
            `enabled` defaults to false even when a bucket is given), the attribute \
            `access_logs.s3.enabled` set to `false`, an `AccessLoggingPolicy` with \
            `Enabled: false`, or a declared load balancer with nothing about access logs (the \
            service default: off).\n\nAccess logs are the record of every request that reached \
            the service: client address, path, user agent, status, TLS protocol and cipher. \
            Without them an attack through the front door (credential stuffing, injection \
            attempts, scraping, the requests that exploited a vulnerability) cannot be \
            reconstructed. Network and gateway load balancers are not reported: a network load \
            balancer logs only its TLS listeners, a gateway load balancer has no access \
            logs.\n\nSeverity follows exposure: medium on an internet-facing load balancer \
            (and when its scheme is not known), low on an internal one (`internal = true`, \
            `Scheme: internal`). A setting that comes from a variable or parameter without a \
            default, or a `dynamic \"access_logs\"` block over an unknown collection, is not \
            judged.",
        remediation: "**Terraform:** `access_logs { bucket = aws_s3_bucket.lb_logs.id, \
            enabled = true }` on `aws_lb` (the bucket policy must let the region's Elastic Load \
            Balancing account or `logdelivery.elasticloadbalancing.amazonaws.com` write to it); \
            on `aws_elb`, `access_logs { bucket = ... }` (enabled by default).\n\n\
            **CloudFormation:** the load balancer attributes `access_logs.s3.enabled: \"true\"` \
            and `access_logs.s3.bucket`, or `AccessLoggingPolicy: { Enabled: true, \
            S3BucketName: ... }` on a classic load balancer.",
        references: &[
            "AWS Foundational Security Best Practices ELB.5 (application and classic load balancer logging should be enabled)",
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html",
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-access-logs.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_91",
            "checkov:CKV_AWS_92",
            "kics:20018359-6fd7-4d05-ab26-d4dffccbdf79",
            "kics:3e34db4f-0ad9-4290-bfd0-4a9ee884acaf",
            "kics:ee12ad32-2863-4c0f-b13f-28272d115028",
            "cfn_nag:W26",
            "cfn_nag:W52",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (1, "resource \"aws_lb\" \"web\""),
                    (10, "enabled = false"),
                    (15, "resource \"aws_elb\" \"legacy\""),
                ],
            ),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "Web:"), (16, "Value: \"false\"")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"Legacy\""), (16, "\"Enabled\": false")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for lb in &model.load_balancers {
        // Only application and classic load balancers log every request; an unknown type is
        // not judged.
        let types = lb.lb_type.candidates();
        if types.is_empty()
            || types
                .iter()
                .any(|c| !matches!(c.value, LbType::Application | LbType::Classic))
        {
            continue;
        }
        let kind = if types.iter().all(|c| *c.value == LbType::Classic) {
            "classic load balancer"
        } else {
            "application load balancer"
        };
        let (severity, why) = match lb.internet_facing() {
            Some(true) => (
                Severity::Medium,
                "it is internet-facing, so it is where attacks from the internet arrive",
            ),
            Some(false) => (
                Severity::Low,
                "it is internal, reachable only from inside the VPC",
            ),
            None => (Severity::Medium, "its scheme is not known here"),
        };
        let address = &model.resource(lb.owner).address;
        for c in lb.access_logs.candidates() {
            if *c.value {
                continue;
            }
            let how = if c.provenance == Provenance::Omitted {
                "access logging is not configured and is off by default"
            } else {
                "access logging is disabled"
            };
            out.push(
                Finding::on_resource(
                    model,
                    CHECK.meta.id,
                    severity,
                    lb.owner,
                    c.span,
                    format!(
                        "{kind} {address} keeps no access logs ({how}){}: the requests it \
                         served cannot be reconstructed after an incident; {why}",
                        when_suffix(&c.conditions)
                    ),
                )
                .defined_at(c.defined_at),
            );
        }
    }
}
