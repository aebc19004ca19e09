//! `aws-apigateway-stage-no-access-logging`: an API Gateway stage without access logs.

use crate::edge::{api_exposure, apis, LinkIndex};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{LinkKind, Model};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-apigateway-stage-no-access-logging",
        aliases: &[],
        title: "API Gateway stage without access logging",
        severity: Severity::Medium,
        service: "apigateway",
        layer: Layer::Edge,
        description: "An API Gateway stage (`aws_api_gateway_stage`, `aws_apigatewayv2_stage`, \
            `AWS::ApiGateway::Stage`, `AWS::ApiGatewayV2::Stage`) without access log settings \
            that name a destination (`access_log_settings.destination_arn`, \
            `AccessLogSetting.DestinationArn`, `AccessLogSettings.DestinationArn`).\n\nAccess \
            logs record who called which route, from where and with what result; without them \
            abuse of the API and the scope of an incident cannot be established. Severity \
            follows exposure: medium for a public API, low for a private one.",
        remediation: "Add `access_log_settings { destination_arn = aws_cloudwatch_log_group.x.arn \
            format = jsonencode({...}) }` (CloudFormation: `AccessLogSetting` / \
            `AccessLogSettings` with `DestinationArn` and `Format`).",
        references: &[
            "AWS Foundational Security Best Practices APIGateway.9 (access logging should be configured for API Gateway V2 stages)",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_76",
            "checkov:CKV_AWS_95",
            "trivy:AVD-AWS-0001",
            "tfsec:aws-api-gateway-enable-access-logging",
            "cfn_nag:W69",
        ],
        examples: &[
            Example::bad("bad.tf", &[(5, "resource \"aws_api_gateway_stage\" \"prod\""), (11, "resource \"aws_apigatewayv2_stage\" \"http\"")]),
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
    let apis = apis(model);
    let links = LinkIndex::new(model);
    for s in &model.api_stages {
        if s.access_log_destination.is_some() {
            continue;
        }
        let api = links
            .target(s.owner, LinkKind::Api)
            .and_then(|id| apis.get(&id).copied());
        let (severity, why) = api_exposure(api, Severity::Medium, Severity::Low, Severity::Medium);
        let r = model.resource(s.owner);
        let span = s.access_log_block.unwrap_or(r.header);
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            severity,
            s.owner,
            span,
            format!(
                "API Gateway stage {} writes no access logs; {why}",
                r.address
            ),
        ));
    }
}
