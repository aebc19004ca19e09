//! API Gateway: REST APIs and HTTP/WebSocket APIs, stages, methods, domain names.

use super::{attr_string, blocks, dynamic, entry, flag, is_null, Cx, LinkRow, ServiceAdapter};
use palisade_model::apigateway::{Api, ApiVersion, DomainName, Method, Stage};
use palisade_model::{LinkKind, Model, Node, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "aws_api_gateway_rest_api",
        "aws_apigatewayv2_api",
        "aws_api_gateway_stage",
        "aws_apigatewayv2_stage",
        "aws_api_gateway_method",
        "aws_api_gateway_domain_name",
        "aws_apigatewayv2_domain_name",
    ],
    link_only: &["aws_api_gateway_rest_api_policy"],
    links: LINKS,
    adapt,
    finish: None,
};

const REST_API: &[&str] = &["aws_api_gateway_rest_api"];

const LINKS: &[LinkRow] = &[
    (
        "aws_api_gateway_stage",
        "rest_api_id",
        LinkKind::Api,
        REST_API,
    ),
    (
        "aws_api_gateway_method",
        "rest_api_id",
        LinkKind::Api,
        REST_API,
    ),
    (
        "aws_apigatewayv2_stage",
        "api_id",
        LinkKind::Api,
        &["aws_apigatewayv2_api"],
    ),
    // A separate resource policy: the API is then not open to everyone.
    (
        "aws_api_gateway_rest_api_policy",
        "rest_api_id",
        LinkKind::Governed,
        REST_API,
    ),
];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    let model = &mut cx.model;
    match kind {
        "aws_api_gateway_rest_api" => rest_api(model, id, n, header),
        "aws_apigatewayv2_api" => v2_api(model, id, header),
        "aws_api_gateway_stage" => stage(model, id, ApiVersion::Rest, n),
        "aws_apigatewayv2_stage" => stage(model, id, ApiVersion::V2, n),
        "aws_api_gateway_method" => method(model, id, n, header),
        "aws_api_gateway_domain_name" | "aws_apigatewayv2_domain_name" => {
            domain_name(model, id, kind, n)
        }
        // The separate resource policy is read for its link only.
        _ => {}
    }
}

fn upper(v: Value<String>) -> Value<String> {
    v.map(&mut |s| s.to_ascii_uppercase())
}

fn rest_api(model: &mut Model, id: ResourceId, n: &Node, header: Span) {
    let endpoint_types = match blocks(n, "endpoint_configuration").first() {
        Some((b, sp)) => match entry(b, "types") {
            Some((_, v)) => v
                .to_strings()
                .map(&mut |items| items.into_iter().map(upper).collect()),
            None => Value::unknown(*sp),
        },
        None if dynamic(n, "endpoint_configuration").is_some() => Value::unknown(header),
        None => Value::omitted(vec![Value::omitted("EDGE".to_string(), header)], header),
    };
    model.apis.push(Api {
        owner: id,
        version: ApiVersion::Rest,
        endpoint_types,
        policy: entry(n, "policy")
            .filter(|(_, v)| !is_null(v))
            .map(|(k, _)| k.span),
    });
}

fn v2_api(model: &mut Model, id: ResourceId, header: Span) {
    model.apis.push(Api {
        owner: id,
        version: ApiVersion::V2,
        endpoint_types: Value::omitted(
            vec![Value::omitted("REGIONAL".to_string(), header)],
            header,
        ),
        policy: None,
    });
}

fn stage(model: &mut Model, id: ResourceId, version: ApiVersion, n: &Node) {
    let block = blocks(n, "access_log_settings");
    let dynamic_block = dynamic(n, "access_log_settings");
    let access_log_destination = block
        .first()
        .map(|(b, sp)| attr_string(b, "destination_arn").unwrap_or_else(|| Value::unknown(*sp)))
        .or_else(|| dynamic_block.map(Value::unknown));
    model.api_stages.push(Stage {
        owner: id,
        version,
        access_log_destination,
        access_log_block: block.first().map(|(_, s)| *s).or(dynamic_block),
    });
}

fn method(model: &mut Model, id: ResourceId, n: &Node, header: Span) {
    model.api_methods.push(Method {
        owner: id,
        http_method: attr_string(n, "http_method")
            .map(upper)
            .unwrap_or_else(|| Value::unknown(header)),
        authorization: attr_string(n, "authorization")
            .map(upper)
            .unwrap_or_else(|| Value::unknown(header)),
        api_key_required: flag(n, "api_key_required", false, header).0,
    });
}

fn domain_name(model: &mut Model, id: ResourceId, kind: &str, n: &Node) {
    let security_policies = if kind == "aws_apigatewayv2_domain_name" {
        blocks(n, "domain_name_configuration")
            .into_iter()
            .filter_map(|(b, _)| attr_string(b, "security_policy"))
            .collect()
    } else {
        attr_string(n, "security_policy").into_iter().collect()
    };
    model.api_domains.push(DomainName {
        owner: id,
        security_policies,
    });
}
