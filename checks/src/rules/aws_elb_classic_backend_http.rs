//! `aws-elb-classic-backend-http`: a classic load balancer listener that forwards to its
//! instances over plain HTTP.

use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-elb-classic-backend-http",
        aliases: &[],
        title: "Classic load balancer forwards to instances over plain HTTP",
        severity: Severity::Low,
        service: "elb",
        layer: Layer::Edge,
        description: "A listener of a classic load balancer whose back-end protocol \
            (`instance_protocol`, `InstanceProtocol`) is `HTTP`: requests travel from the load \
            balancer to the instances unencrypted, inside the VPC.\n\nTerminating TLS at the \
            load balancer is common, but anything able to observe VPC traffic (a compromised \
            instance in the subnet, traffic mirroring) then reads requests, cookies and \
            credentials in clear. Where data must be encrypted end to end (PCI DSS, HIPAA), \
            use `HTTPS` or `SSL` to the instances too. Front-end plain HTTP is reported by \
            `aws-elb-classic-http-listener`.",
        remediation: "Set `instance_protocol = \"https\"` (or `ssl`) with a certificate on the \
            instances (CloudFormation: `InstanceProtocol: HTTPS`), optionally with a back-end \
            server authentication policy.",
        references: &[
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html",
        ],
        equivalents: &["kics:80908a75-586b-4c61-ab04-490f4f4525b8"],
        examples: &[
            Example::bad("bad.tf", &[(7, "instance_protocol  = \"http\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "InstanceProtocol: HTTP")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "\"InstanceProtocol\": \"HTTP\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for lb in &model.load_balancers {
        let address = &model.resource(lb.owner).address;
        for listener in &lb.classic_listeners {
            for c in listener.instance_protocol.candidates() {
                if !c.value.eq_ignore_ascii_case("HTTP") {
                    continue;
                }
                let port = listener
                    .port
                    .get()
                    .map(|p| format!(" (load balancer port {p})"))
                    .unwrap_or_default();
                out.push(
                    Finding::on_resource(
                        model,
                        CHECK.meta.id,
                        CHECK.meta.severity,
                        lb.owner,
                        c.span,
                        format!(
                            "classic load balancer {address} forwards to its instances over \
                             plain HTTP{port}{}",
                            when_suffix(&c.conditions)
                        ),
                    )
                    .defined_at(c.defined_at),
                );
            }
        }
    }
}
