//! API Gateway: `AWS::ApiGateway::{RestApi, Stage, Method, DomainName}` and
//! `AWS::ApiGatewayV2::{Api, Stage, DomainName}`.

use super::{
    flat_items, key_span, present, prop_bool, prop_string, Adapter, LinkRow, ServiceAdapter,
};
use palisade_model::apigateway::{Api, ApiVersion, DomainName, Method, Stage};
use palisade_model::{LinkKind, Model, Node, NodeKind, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "AWS::ApiGateway::RestApi",
        "AWS::ApiGatewayV2::Api",
        "AWS::ApiGateway::Stage",
        "AWS::ApiGatewayV2::Stage",
        "AWS::ApiGateway::Method",
        "AWS::ApiGateway::DomainName",
        "AWS::ApiGatewayV2::DomainName",
    ],
    links: LINKS,
    references: None,
    adapt,
};

const REST_API: &[&str] = &["AWS::ApiGateway::RestApi"];

const LINKS: &[LinkRow] = &[
    (
        "AWS::ApiGateway::Stage",
        "RestApiId",
        LinkKind::Api,
        REST_API,
    ),
    (
        "AWS::ApiGateway::Method",
        "RestApiId",
        LinkKind::Api,
        REST_API,
    ),
    (
        "AWS::ApiGatewayV2::Stage",
        "ApiId",
        LinkKind::Api,
        &["AWS::ApiGatewayV2::Api"],
    ),
];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    let (model, id, props, header) = (&mut *r.model, r.id, r.props, r.header);
    match kind {
        "AWS::ApiGateway::RestApi" => rest_api(model, id, props, header),
        "AWS::ApiGatewayV2::Api" => v2_api(model, id, header),
        "AWS::ApiGateway::Stage" => stage(model, id, ApiVersion::Rest, props),
        "AWS::ApiGatewayV2::Stage" => stage(model, id, ApiVersion::V2, props),
        "AWS::ApiGateway::Method" => method(model, id, props, header),
        _ => domain_name(model, id, kind, props),
    }
}

fn upper(v: Value<String>) -> Value<String> {
    v.map(&mut |s| s.to_ascii_uppercase())
}

fn rest_api(model: &mut Model, id: ResourceId, props: &Node, header: Span) {
    let endpoint_types = match present(props, "EndpointConfiguration") {
        Some(c) => match present(c, "Types") {
            Some(t) => t
                .to_strings()
                .map(&mut |items| items.into_iter().map(upper).collect()),
            None if matches!(c.kind, NodeKind::Map(_)) => {
                Value::omitted(vec![Value::omitted("EDGE".to_string(), header)], header)
            }
            None => Value::unknown(c.span),
        },
        None => Value::omitted(vec![Value::omitted("EDGE".to_string(), header)], header),
    };
    model.apis.push(Api {
        owner: id,
        version: ApiVersion::Rest,
        endpoint_types,
        policy: key_span(props, "Policy"),
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

fn stage(model: &mut Model, id: ResourceId, version: ApiVersion, props: &Node) {
    let key = match version {
        ApiVersion::Rest => "AccessLogSetting",
        ApiVersion::V2 => "AccessLogSettings",
    };
    let block = present(props, key);
    model.api_stages.push(Stage {
        owner: id,
        version,
        access_log_destination: block.and_then(|b| {
            if matches!(b.kind, NodeKind::Map(_)) {
                prop_string(b, "DestinationArn")
            } else {
                Some(Value::unknown(b.span))
            }
        }),
        access_log_block: key_span(props, key),
    });
}

fn method(model: &mut Model, id: ResourceId, props: &Node, header: Span) {
    model.api_methods.push(Method {
        owner: id,
        http_method: prop_string(props, "HttpMethod")
            .map(upper)
            .unwrap_or_else(|| Value::unknown(header)),
        // CloudFormation's default is NONE.
        authorization: prop_string(props, "AuthorizationType")
            .map(upper)
            .unwrap_or_else(|| Value::omitted("NONE".to_string(), header)),
        api_key_required: prop_bool(props, "ApiKeyRequired", false, header),
    });
}

fn domain_name(model: &mut Model, id: ResourceId, kind: &str, props: &Node) {
    let security_policies = if kind == "AWS::ApiGatewayV2::DomainName" {
        present(props, "DomainNameConfigurations")
            .map(|list| {
                flat_items(list)
                    .into_iter()
                    .filter_map(|c| prop_string(c, "SecurityPolicy"))
                    .collect()
            })
            .unwrap_or_default()
    } else {
        prop_string(props, "SecurityPolicy").into_iter().collect()
    };
    model.api_domains.push(DomainName {
        owner: id,
        security_policies,
    });
}
