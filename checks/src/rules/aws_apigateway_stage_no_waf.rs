//! `aws-apigateway-stage-no-waf`: a REST API stage of a public API no WAF web ACL is
//! associated with.

use crate::edge::{apis, LinkIndex, WafCoverage};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::apigateway::ApiVersion;
use palisade_model::{LinkKind, Model};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-apigateway-stage-no-waf",
        aliases: &[],
        title: "API Gateway stage without a WAF web ACL",
        severity: Severity::Medium,
        service: "apigateway",
        layer: Layer::Edge,
        description: "A stage of a REST API (`aws_api_gateway_stage`, `AWS::ApiGateway::Stage`) \
            that no WAF web ACL association of the same configuration points at \
            (`aws_wafv2_web_acl_association`, `aws_wafregional_web_acl_association`, \
            `AWS::WAFv2::WebACLAssociation`, `AWS::WAFRegional::WebACLAssociation`).\n\nA \
            regional web ACL filters common exploits, bots and floods before they reach the \
            integrations (and their bill). Stages of private APIs and HTTP/WebSocket API \
            stages (which WAF cannot protect) are not reported; when an association in the \
            same configuration names a resource that cannot be resolved (an ARN built with \
            `Fn::Sub` or variables), nothing is reported.",
        remediation: "Associate a `REGIONAL` web ACL: `aws_wafv2_web_acl_association` with \
            `resource_arn = aws_api_gateway_stage.x.arn` (CloudFormation \
            `AWS::WAFv2::WebACLAssociation` with the stage ARN \
            `arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis/${Api}/stages/${Stage}`).",
        references: &[
            "AWS Foundational Security Best Practices APIGateway.4 (API Gateway should be associated with a WAF web ACL)",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html",
        ],
        equivalents: &["checkov:CKV2_AWS_29"],
        examples: &[
            Example::bad("bad.tf", &[(5, "resource \"aws_api_gateway_stage\" \"prod\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(6, "Prod:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(7, "\"Prod\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    let waf = WafCoverage::new(model);
    let apis = apis(model);
    let links = LinkIndex::new(model);
    for s in &model.api_stages {
        if s.version != ApiVersion::Rest || waf.may_protect(s.owner) {
            continue;
        }
        let api = links
            .target(s.owner, LinkKind::Api)
            .and_then(|id| apis.get(&id).copied());
        if api.and_then(|a| a.private()) == Some(true) {
            continue;
        }
        let r = model.resource(s.owner);
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            s.owner,
            r.header,
            format!(
                "API Gateway stage {} is not protected by a WAF web ACL",
                r.address
            ),
        ));
    }
}
