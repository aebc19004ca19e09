//! API Gateway: REST APIs (v1) and HTTP/WebSocket APIs (v2), their stages, methods and
//! custom domain names.
//!
//! Stages, methods and resource policies point at their API through links of kind
//! [`LinkKind::Api`](crate::LinkKind::Api) (`rest_api_id`, `api_id`, `RestApiId`, `ApiId`);
//! a separate resource policy (`aws_api_gateway_rest_api_policy`) gives a
//! [`LinkKind::Governed`](crate::LinkKind::Governed) link to the API.

use crate::ResourceId;
use palisade_source::{Span, Value};

/// Which API Gateway generation a resource belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApiVersion {
    /// REST APIs (`aws_api_gateway_*`, `AWS::ApiGateway::*`).
    Rest,
    /// HTTP and WebSocket APIs (`aws_apigatewayv2_*`, `AWS::ApiGatewayV2::*`).
    V2,
}

/// One API.
#[derive(Clone, Debug, PartialEq)]
pub struct Api {
    pub owner: ResourceId,
    pub version: ApiVersion,
    /// REST APIs: `endpoint_configuration.types` / `EndpointConfiguration.Types` (`EDGE`,
    /// `REGIONAL`, `PRIVATE`, upper case); `Omitted(["EDGE"])` when not written. HTTP and
    /// WebSocket APIs are always public: `Omitted(["REGIONAL"])`.
    pub endpoint_types: Value<Vec<Value<String>>>,
    /// The inline resource policy (`policy` / `Policy`) when written.
    pub policy: Option<Span>,
}

impl Api {
    /// `Some(true)` when the API is private (reachable only through VPC endpoints),
    /// `Some(false)` when it has a public endpoint, `None` when not known.
    pub fn private(&self) -> Option<bool> {
        let candidates = self.endpoint_types.candidates();
        if candidates.is_empty() {
            return None;
        }
        let mut private = true;
        for c in candidates {
            let types: Vec<&String> = c.value.iter().filter_map(|t| t.get()).collect();
            if types.len() != c.value.len() {
                return None;
            }
            if !types.iter().all(|t| t.eq_ignore_ascii_case("PRIVATE")) || types.is_empty() {
                private = false;
            }
        }
        Some(private)
    }
}

/// One stage (`aws_api_gateway_stage`, `aws_apigatewayv2_stage`, `AWS::ApiGateway::Stage`,
/// `AWS::ApiGatewayV2::Stage`).
#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    pub owner: ResourceId,
    pub version: ApiVersion,
    /// The access log settings block when written with a destination
    /// (`access_log_settings.destination_arn`, `AccessLogSetting.DestinationArn`,
    /// `AccessLogSettings.DestinationArn`); `None` when there is none.
    pub access_log_destination: Option<Value<String>>,
    /// The access log settings block when written at all.
    pub access_log_block: Option<Span>,
}

/// One method of a REST API resource (`aws_api_gateway_method`, `AWS::ApiGateway::Method`).
#[derive(Clone, Debug, PartialEq)]
pub struct Method {
    pub owner: ResourceId,
    /// `GET`, `POST`, `ANY`, `OPTIONS`, ..., upper case.
    pub http_method: Value<String>,
    /// `authorization` / `AuthorizationType`, upper case: `NONE`, `AWS_IAM`, `CUSTOM`,
    /// `COGNITO_USER_POOLS`. CloudFormation's default is `NONE`.
    pub authorization: Value<String>,
    /// `api_key_required` / `ApiKeyRequired`; `Omitted(false)` when not written.
    pub api_key_required: Value<bool>,
}

/// One custom domain name (`aws_api_gateway_domain_name`, `aws_apigatewayv2_domain_name`,
/// `AWS::ApiGateway::DomainName`, `AWS::ApiGatewayV2::DomainName`).
#[derive(Clone, Debug, PartialEq)]
pub struct DomainName {
    pub owner: ResourceId,
    /// Each `security_policy` / `SecurityPolicy` written (one per domain name
    /// configuration for v2).
    pub security_policies: Vec<Value<String>>,
}

/// True for an API Gateway security policy that accepts TLS older than 1.2: `TLS_1_0`, and
/// the enhanced policies whose name says TLS 1.0 or 1.1 is the minimum.
pub fn outdated_security_policy(policy: &str) -> bool {
    let upper = policy.trim().to_ascii_uppercase();
    if upper == "TLS_1_0" || upper == "TLS_1_1" {
        return true;
    }
    let Some(rest) = upper.strip_prefix("SECURITYPOLICY_") else {
        return false;
    };
    // `SecurityPolicy_TLS13_1_2_...`, `SecurityPolicy_TLS12_...`, `SecurityPolicy_TLS13_1_0_...`.
    let rest = rest.strip_prefix("TLS13_").unwrap_or(rest);
    rest.starts_with("1_0")
        || rest.starts_with("1_1")
        || rest.starts_with("TLS10")
        || rest.starts_with("TLS11")
        || rest.starts_with("TLS1_0")
        || rest.starts_with("TLS1_1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_apis() {
        use palisade_source::FileId;
        let sp = Span::new(FileId(0), 0, 1);
        let api = |types: Value<Vec<Value<String>>>| Api {
            owner: ResourceId(0),
            version: ApiVersion::Rest,
            endpoint_types: types,
            policy: None,
        };
        let list = |t: &[&str]| {
            Value::literal(
                t.iter()
                    .map(|t| Value::literal(t.to_string(), sp))
                    .collect(),
                sp,
            )
        };
        assert_eq!(api(list(&["PRIVATE"])).private(), Some(true));
        assert_eq!(api(list(&["REGIONAL"])).private(), Some(false));
        assert_eq!(api(list(&["EDGE"])).private(), Some(false));
        assert_eq!(api(Value::unknown(sp)).private(), None);
        let partly = Value::literal(vec![Value::unknown(sp)], sp);
        assert_eq!(api(partly).private(), None);
    }

    #[test]
    fn security_policies() {
        assert!(outdated_security_policy("TLS_1_0"));
        assert!(outdated_security_policy("tls_1_0"));
        assert!(!outdated_security_policy("TLS_1_2"));
        assert!(!outdated_security_policy(
            "SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09"
        ));
        assert!(!outdated_security_policy(
            "SecurityPolicy_TLS12_PFS_2025_EDGE"
        ));
        assert!(!outdated_security_policy(
            "SecurityPolicy_TLS13_1_3_2025_09"
        ));
        assert!(outdated_security_policy(
            "SecurityPolicy_TLS13_1_0_2025_EDGE"
        ));
    }
}
