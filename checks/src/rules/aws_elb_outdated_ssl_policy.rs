//! `aws-elb-outdated-ssl-policy`: an HTTPS or TLS listener whose security policy accepts TLS
//! older than 1.2.

use crate::edge::{lb_exposure, load_balancers, LinkIndex};
use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::elb::elb_policy_min_tls;
use palisade_model::{LinkKind, Model};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-elb-outdated-ssl-policy",
        aliases: &[],
        title: "Load balancer listener accepts TLS older than 1.2",
        severity: Severity::High,
        service: "elb",
        layer: Layer::Edge,
        description: "An HTTPS or TLS listener of an application or network load balancer \
            whose `ssl_policy` (`SslPolicy`) is a predefined Elastic Load Balancing security \
            policy that still accepts TLS 1.0 or 1.1 (`ELBSecurityPolicy-2016-08`, \
            `ELBSecurityPolicy-TLS-1-1-2017-01`, `ELBSecurityPolicy-TLS13-1-0-2021-06`, \
            `ELBSecurityPolicy-FS-1-1-2019-08`, ...), or a classic load balancer SSL negotiation \
            policy whose `Reference-Security-Policy` names one.\n\nTLS 1.0 and 1.1 are deprecated \
            (RFC 8996). Only a written policy is judged. Severity follows exposure: high on an \
            internet-facing load balancer, low on an internal one.",
        remediation: "Use `ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\"` (or another \
            TLS 1.2+ policy: `ELBSecurityPolicy-TLS13-1-2-Res-2021-06`, \
            `ELBSecurityPolicy-FS-1-2-Res-2020-10`); CloudFormation `SslPolicy`.",
        references: &[
            "AWS Foundational Security Best Practices ELB.17 (load balancers with listeners should use recommended security policies)",
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_103",
            "trivy:AVD-AWS-0047",
            "tfsec:aws-elb-use-secure-tls-policy",
            "cfn_nag:W55",
        ],
        examples: &[
            Example::bad("bad.tf", &[(10, "ssl_policy        = \"ELBSecurityPolicy-2016-08\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(12, "SslPolicy: ELBSecurityPolicy-TLS-1-1-2017-01"), (28, "Name: Reference-Security-Policy")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(13, "\"SslPolicy\": \"ELBSecurityPolicy-TLS13-1-0-2021-06\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    let lbs = load_balancers(model);
    let links = LinkIndex::new(model);
    classic_references(model, out);
    for l in &model.listeners {
        let Some(policy) = &l.ssl_policy else {
            continue;
        };
        // A policy on an HTTP or TCP listener is not used; an unknown protocol is judged.
        let plain = l.protocol.as_ref().is_some_and(|p| {
            let c = p.candidates();
            !c.is_empty()
                && c.iter()
                    .all(|c| !matches!(c.value.to_ascii_uppercase().as_str(), "HTTPS" | "TLS"))
        });
        if plain {
            continue;
        }
        let lb = links
            .target(l.owner, LinkKind::LoadBalancer)
            .and_then(|id| lbs.get(&id).copied());
        for c in policy.candidates() {
            let Some((major, minor)) = elb_policy_min_tls(c.value) else {
                continue;
            };
            if (major, minor) >= (1, 2) {
                continue;
            }
            let (severity, why) = lb_exposure(lb, Severity::High, Severity::Low, Severity::Medium);
            let address = &model.resource(l.owner).address;
            out.push(
                Finding::on_resource(
                    model,
                    CHECK.meta.id,
                    severity,
                    l.owner,
                    c.span,
                    format!(
                        "listener {address}: security policy `{}` accepts TLS {major}.{minor}; {why}{}",
                        c.value,
                        when_suffix(&c.conditions)
                    ),
                )
                .defined_at(c.defined_at),
            );
        }
    }
}

/// Classic load balancer SSL negotiation policies whose `Reference-Security-Policy` names an
/// outdated predefined policy.
fn classic_references(model: &Model, out: &mut Vec<Finding>) {
    for policy in &model.ssl_negotiation_policies {
        let address = &model.resource(policy.owner).address;
        for a in &policy.attributes {
            let is_reference = a
                .name
                .candidates()
                .iter()
                .any(|c| c.value.eq_ignore_ascii_case("Reference-Security-Policy"));
            if !is_reference {
                continue;
            }
            for c in a.value.candidates() {
                let Some((major, minor)) = elb_policy_min_tls(c.value) else {
                    continue;
                };
                if (major, minor) >= (1, 2) {
                    continue;
                }
                out.push(
                    Finding::on_resource(
                        model,
                        CHECK.meta.id,
                        CHECK.meta.severity,
                        policy.owner,
                        a.span,
                        format!(
                            "SSL negotiation policy of {address} references security policy \
                             `{}`, which accepts TLS {major}.{minor}{}",
                            c.value,
                            when_suffix(&c.conditions)
                        ),
                    )
                    .defined_at(c.defined_at),
                );
            }
        }
    }
}
