//! `aws-elb-classic-insecure-ssl-negotiation`: a classic load balancer SSL negotiation policy
//! that enables an outdated protocol, a weak cipher, or an outdated reference policy.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::elb::{is_outdated_protocol_attribute, is_weak_cipher};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-elb-classic-insecure-ssl-negotiation",
        aliases: &[],
        title: "Classic load balancer SSL policy enables outdated protocols or weak ciphers",
        severity: Severity::High,
        service: "elb",
        layer: Layer::Edge,
        description: "A classic load balancer SSL negotiation policy \
            (`aws_load_balancer_policy` with `policy_type_name = \"SSLNegotiationPolicyType\"`, \
            `aws_lb_ssl_negotiation_policy`, or a `Policies` item of type \
            `SSLNegotiationPolicyType` in CloudFormation) with an attribute that enables SSLv2, \
            SSLv3, TLS 1.0 or TLS 1.1 (`Protocol-SSLv3`, `Protocol-TLSv1`, ...), a weak cipher \
            suite (RC4/ARCFOUR, DES and triple DES, export, null, anonymous or MD5 ciphers). A \
            `Reference-Security-Policy` naming an outdated predefined policy is reported by \
            `aws-elb-outdated-ssl-policy`.\n\nThese protocols \
            and ciphers are broken (POODLE, BEAST, Sweet32, RC4 biases) and let an attacker on \
            the path decrypt or downgrade connections. An attribute whose value is `false` \
            disables it and is not reported.",
        remediation: "Use only `Reference-Security-Policy` = `ELBSecurityPolicy-TLS-1-2-2017-01` \
            (or a later TLS 1.2 policy) and no hand-picked protocol or cipher attributes; \
            better, move to an application load balancer.",
        references: &[
            "AWS Foundational Security Best Practices ELB.8 (Classic Load Balancers with SSL listeners should use a predefined security policy that has strong AWS Configuration)",
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-security-policy-table.html",
        ],
        equivalents: &[
            "kics:126c1788-23c2-4a10-906c-ef179f4f96ec",
            "kics:61a94903-3cd3-4780-88ec-fc918819b9c8",
            "kics:4a800e14-c94a-442d-9067-5a2e9f6c0a4c",
            "kics:809f77f8-d10e-4842-a84f-3be7b6ff1190",
        ],
        examples: &[
            Example::bad("bad.tf", &[(6, "policy_attribute {"), (11, "policy_attribute {")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(16, "Name: Protocol-SSLv3")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(16, "{")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for policy in &model.ssl_negotiation_policies {
        let address = &model.resource(policy.owner).address;
        let subject = match policy.name.as_ref().and_then(|n| n.get()) {
            Some(n) => format!("SSL negotiation policy `{n}` of {address}"),
            None => format!("SSL negotiation policy {address}"),
        };
        for a in &policy.attributes {
            for name in a.name.candidates() {
                let values = a.value.candidates();
                // `false` disables a protocol or cipher; an unknown value is not judged.
                if values.is_empty() {
                    continue;
                }
                // A reference to a predefined policy is judged by `aws-elb-outdated-ssl-policy`.
                let problem = if values.iter().all(|v| v.value.eq_ignore_ascii_case("false")) {
                    None
                } else if is_outdated_protocol_attribute(name.value) {
                    Some(format!("enables the outdated protocol `{}`", name.value))
                } else if is_weak_cipher(name.value) {
                    Some(format!("enables the weak cipher `{}`", name.value))
                } else {
                    None
                };
                let Some(problem) = problem else {
                    continue;
                };
                out.push(Finding::on_resource(
                    model,
                    CHECK.meta.id,
                    CHECK.meta.severity,
                    policy.owner,
                    a.span,
                    format!("{subject} {problem}"),
                ));
            }
        }
    }
}
