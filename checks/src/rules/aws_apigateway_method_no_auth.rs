//! `aws-apigateway-method-no-auth`: a REST API method anyone can call.

use crate::edge::{api_exposure, apis, LinkIndex};
use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{LinkKind, Model};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-apigateway-method-no-auth",
        aliases: &[],
        title: "API Gateway method without authorization",
        severity: Severity::High,
        service: "apigateway",
        layer: Layer::Edge,
        description: "A REST API method (`aws_api_gateway_method`, `AWS::ApiGateway::Method`) \
            with `authorization = \"NONE\"` (`AuthorizationType: NONE`, also CloudFormation's \
            default) that does not require an API key, on an API with no resource policy \
            (neither `policy` / `Policy` on the API nor an `aws_api_gateway_rest_api_policy`): \
            anyone who knows the URL can invoke the backend.\n\n`OPTIONS` methods (CORS \
            preflight) are not reported, nor are methods of private APIs (a private API \
            without a resource policy cannot be invoked at all). Severity follows exposure: \
            high for a public API, medium when the API is not known.",
        remediation: "Set `authorization` to `AWS_IAM`, `COGNITO_USER_POOLS` or `CUSTOM` with \
            an `authorizer_id`, or require an API key (`api_key_required = true`), or restrict \
            the API with a resource policy (source IPs, VPC endpoints).",
        references: &[
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_59",
            "trivy:AVD-AWS-0004",
            "tfsec:aws-api-gateway-no-public-access",
            "cfn_nag:W59",
        ],
        examples: &[
            Example::bad("bad.tf", &[(14, "authorization = \"NONE\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(11, "AuthorizationType: NONE"), (17, "Open:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(14, "\"AuthorizationType\": \"NONE\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    let apis = apis(model);
    let links = LinkIndex::new(model);
    for m in &model.api_methods {
        let options = m.http_method.candidates();
        if options.is_empty() || options.iter().all(|c| c.value.eq_ignore_ascii_case("OPTIONS")) {
            continue;
        }
        let api_id = links.target(m.owner, LinkKind::Api);
        let api = api_id.and_then(|id| apis.get(&id).copied());
        // A resource policy on the API, inline or separate.
        if api.is_some_and(|a| a.policy.is_some())
            || api_id.is_some_and(|id| links.is_target(id, LinkKind::Governed))
        {
            continue;
        }
        if api.and_then(|a| a.private()) == Some(true) {
            continue;
        }
        // An API key, or an unknown requirement, is some control.
        if m.api_key_required.candidates().iter().all(|c| *c.value)
            || m.api_key_required.candidates().is_empty()
        {
            continue;
        }
        let (severity, why) = api_exposure(api, Severity::High, Severity::Low, Severity::Medium);
        let address = &model.resource(m.owner).address;
        let verb = options
            .iter()
            .find(|c| !c.value.eq_ignore_ascii_case("OPTIONS"))
            .map(|c| c.value.to_ascii_uppercase())
            .unwrap_or_default();
        for c in m.authorization.candidates() {
            if !c.value.eq_ignore_ascii_case("NONE") {
                continue;
            }
            out.push(
                Finding::on_resource(
                    model,
                    CHECK.meta.id,
                    severity,
                    m.owner,
                    c.span,
                    format!(
                        "API Gateway method {address} ({verb}) requires no authorization and no \
                         API key, and the API has no resource policy; {why}{}",
                        when_suffix(&c.conditions)
                    ),
                )
                .defined_at(c.defined_at),
            );
        }
    }
}
