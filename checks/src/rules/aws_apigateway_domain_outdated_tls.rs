//! `aws-apigateway-domain-outdated-tls`: a custom domain name that accepts TLS 1.0.

use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::apigateway::outdated_security_policy;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-apigateway-domain-outdated-tls",
        aliases: &[],
        title: "API Gateway custom domain accepts TLS older than 1.2",
        severity: Severity::High,
        service: "apigateway",
        layer: Layer::Edge,
        description: "An API Gateway custom domain name (`aws_api_gateway_domain_name`, \
            `aws_apigatewayv2_domain_name`, `AWS::ApiGateway::DomainName`, \
            `AWS::ApiGatewayV2::DomainName`) whose `security_policy` (`SecurityPolicy`) is \
            `TLS_1_0`, or an enhanced policy whose minimum is TLS 1.0 or 1.1.\n\nTLS 1.0 and \
            1.1 are deprecated (RFC 8996) and open to downgrade and cipher attacks. Only a \
            written policy is judged.",
        remediation: "Set `security_policy = \"TLS_1_2\"` (or a `SecurityPolicy_TLS13_1_2_*` \
            enhanced policy); CloudFormation `SecurityPolicy: TLS_1_2`.",
        references: &[
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html",
        ],
        equivalents: &[
            "trivy:AVD-AWS-0005",
            "tfsec:aws-api-gateway-use-secure-tls-policy",
            "checkov:CKV_AWS_206",
        ],
        examples: &[
            Example::bad("bad.tf", &[(3, "security_policy = \"TLS_1_0\""), (13, "security_policy = var.policy")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(7, "SecurityPolicy: TLS_1_0")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(9, "\"SecurityPolicy\": \"TLS_1_0\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for d in &model.api_domains {
        let address = &model.resource(d.owner).address;
        for p in &d.security_policies {
            for c in p.candidates() {
                if !outdated_security_policy(c.value) {
                    continue;
                }
                out.push(
                    Finding::on_resource(
                        model,
                        CHECK.meta.id,
                        CHECK.meta.severity,
                        d.owner,
                        c.span,
                        format!(
                            "API Gateway domain name {address}: security policy `{}` accepts TLS \
                             older than 1.2{}",
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
