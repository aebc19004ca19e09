//! `aws-elb-classic-http-listener`: a classic load balancer listener on plain HTTP.

use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-elb-classic-http-listener",
        aliases: &[],
        title: "Classic load balancer listener on plain HTTP",
        severity: Severity::High,
        service: "elb",
        layer: Layer::Edge,
        description: "A listener of a classic load balancer (`aws_elb` `listener`, \
            `AWS::ElasticLoadBalancing::LoadBalancer` `Listeners`) whose front-end protocol \
            (`lb_protocol`, `Protocol`) is `HTTP`: clients talk to the load balancer \
            unencrypted, and a classic load balancer cannot redirect them to HTTPS.\n\nTCP \
            listeners are not reported (they may pass TLS through to the instances). Severity \
            follows exposure: high on an internet-facing load balancer, low on an internal \
            one (`internal = true`, `Scheme: internal`).",
        remediation: "Terminate TLS on the listener (`lb_protocol = \"https\"` with \
            `ssl_certificate_id`; CloudFormation `Protocol: HTTPS` with `SSLCertificateId`), \
            or better, migrate to an application load balancer with an HTTPS listener and an \
            HTTP-to-HTTPS redirect.",
        references: &[
            "AWS Foundational Security Best Practices ELB.3 (Classic Load Balancer listeners should be configured with HTTPS or TLS termination)",
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html",
        ],
        equivalents: &[
            "kics:80908a75-586b-4c61-ab04-490f4f4525b8",
            "kics:275a3217-ca37-40c1-a6cf-bb57d245ab32",
        ],
        examples: &[
            Example::bad("bad.tf", &[(8, "lb_protocol       = \"http\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "Protocol: HTTP")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(11, "\"Protocol\": \"HTTP\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for lb in &model.load_balancers {
        let (severity, why) = match lb.internet_facing() {
            Some(true) => (Severity::High, "the load balancer is internet-facing"),
            Some(false) => (Severity::Low, "the load balancer is internal"),
            None => (Severity::Medium, "the load balancer's scheme is not known here"),
        };
        let address = &model.resource(lb.owner).address;
        for listener in &lb.classic_listeners {
            for c in listener.protocol.candidates() {
                if !c.value.eq_ignore_ascii_case("HTTP") {
                    continue;
                }
                let port = listener
                    .port
                    .get()
                    .map(|p| format!(" on port {p}"))
                    .unwrap_or_default();
                out.push(
                    Finding::on_resource(
                        model,
                        CHECK.meta.id,
                        severity,
                        lb.owner,
                        c.span,
                        format!(
                            "classic load balancer {address} listens on plain HTTP{port}; {why}{}",
                            when_suffix(&c.conditions)
                        ),
                    )
                    .defined_at(c.defined_at),
                );
            }
        }
    }
}
