//! Elastic Load Balancing: application, network and gateway load balancers with their
//! listeners (`aws_lb`/`aws_alb`, `aws_lb_listener`/`aws_alb_listener`,
//! `AWS::ElasticLoadBalancingV2::*`), classic load balancers with their inline listeners
//! (`aws_elb`, `AWS::ElasticLoadBalancing::LoadBalancer`), and classic SSL negotiation
//! policies.
//!
//! A listener points at its load balancer through a link of kind
//! [`LinkKind::LoadBalancer`](crate::LinkKind::LoadBalancer) and at the target groups it
//! forwards to through [`LinkKind::TargetGroup`](crate::LinkKind::TargetGroup).

use crate::ResourceId;
use palisade_source::{Span, Value};

/// The kind of a load balancer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LbType {
    Application,
    Network,
    Gateway,
    /// A classic load balancer (`aws_elb`, `AWS::ElasticLoadBalancing::LoadBalancer`).
    Classic,
}

/// One load balancer.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadBalancer {
    pub owner: ResourceId,
    /// `load_balancer_type` / `Type` (`Omitted(Application)` when not written); always
    /// `Classic` for a classic load balancer.
    pub lb_type: Value<LbType>,
    /// `internal = true` / `Scheme: internal`. `Omitted(false)` when not written: load
    /// balancers are internet-facing by default.
    pub internal: Value<bool>,
    /// `drop_invalid_header_fields` / the attribute
    /// `routing.http.drop_invalid_header_fields.enabled`; `Omitted(false)` (the service
    /// default) when not written. Meaningful for application load balancers only.
    pub drop_invalid_header_fields: Value<bool>,
    /// Whether access logs are delivered: `access_logs { enabled }` (an application load
    /// balancer's defaults to false even with a bucket, a classic one's to true), the attribute
    /// `access_logs.s3.enabled`, `AccessLoggingPolicy.Enabled`. `Omitted(false)` at the header
    /// when nothing about access logs is written (the service default: off); unknown when the
    /// block is `dynamic` over an unknown collection or the setting cannot be read.
    pub access_logs: Value<bool>,
    /// The inline listeners of a classic load balancer (empty for the others, whose
    /// listeners are resources of their own).
    pub classic_listeners: Vec<ClassicListener>,
}

impl LoadBalancer {
    /// Whether the load balancer accepts connections from the internet: `Some(true)` for
    /// internet-facing, `Some(false)` for internal, `None` when not known.
    pub fn internet_facing(&self) -> Option<bool> {
        let candidates = self.internal.candidates();
        if candidates.is_empty() {
            return None;
        }
        // Internet-facing under any branch counts: it may be what is deployed.
        Some(candidates.iter().any(|c| !*c.value))
    }
}

/// A listener of an application, network or gateway load balancer.
#[derive(Clone, Debug, PartialEq)]
pub struct Listener {
    /// The listener resource.
    pub owner: ResourceId,
    /// `protocol` / `Protocol`, upper case, when written. Omitted, the service uses HTTP on
    /// an application load balancer.
    pub protocol: Option<Value<String>>,
    pub port: Option<Value<i64>>,
    /// `ssl_policy` / `SslPolicy` when written.
    pub ssl_policy: Option<Value<String>>,
    pub default_actions: Vec<ListenerAction>,
    /// Whether the default actions could be read (a dynamic or unknown list is not).
    pub actions_known: bool,
}

/// One default action of a listener.
#[derive(Clone, Debug, PartialEq)]
pub struct ListenerAction {
    /// `forward`, `redirect`, `fixed-response`, `authenticate-cognito`, `authenticate-oidc`,
    /// lower case.
    pub action_type: Value<String>,
    /// For a redirect: `redirect.protocol` / `RedirectConfig.Protocol`, upper case;
    /// `Omitted("#{PROTOCOL}")` (keep the request's protocol) when not written.
    pub redirect_protocol: Option<Value<String>>,
    /// The action block.
    pub span: Span,
}

/// A listener of a classic load balancer.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassicListener {
    /// `lb_protocol` / `Protocol` (front end), upper case.
    pub protocol: Value<String>,
    /// `instance_protocol` / `InstanceProtocol` (back end), upper case.
    pub instance_protocol: Value<String>,
    pub port: Value<i64>,
    /// The listener block.
    pub span: Span,
}

/// A classic load balancer SSL negotiation policy: `aws_load_balancer_policy` with
/// `policy_type_name = "SSLNegotiationPolicyType"`, `aws_lb_ssl_negotiation_policy`, or an
/// item of a CloudFormation classic load balancer's `Policies` of that type.
#[derive(Clone, Debug, PartialEq)]
pub struct SslNegotiationPolicy {
    /// The policy resource, or the load balancer declaring it inline.
    pub owner: ResourceId,
    pub name: Option<Value<String>>,
    pub attributes: Vec<PolicyAttribute>,
    /// The policy block or resource.
    pub span: Span,
}

/// One `name`/`value` attribute of an SSL negotiation policy: a protocol
/// (`Protocol-TLSv1.2`), a cipher (`ECDHE-RSA-AES128-GCM-SHA256`), an option
/// (`Server-Defined-Cipher-Order`) or `Reference-Security-Policy`.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyAttribute {
    pub name: Value<String>,
    pub value: Value<String>,
    pub span: Span,
}

/// The oldest TLS version an Elastic Load Balancing security policy accepts, as
/// `(major, minor)` (`ELBSecurityPolicy-2016-08` → `(1, 0)`,
/// `ELBSecurityPolicy-TLS13-1-2-2021-06` → `(1, 2)`); `None` for a name that is not a
/// predefined policy known to Palisade.
pub fn elb_policy_min_tls(policy: &str) -> Option<(u8, u8)> {
    let p = policy.trim();
    let lower = p.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("elbsecuritypolicy-")
        .or_else(|| lower.strip_prefix("elbfipspolicy-"))?;
    // The policies without a version in their name.
    match rest {
        "2016-08" | "2015-05" | "2015-03" | "2015-02" | "2014-10" | "2014-01" | "2011-08"
        | "fs-2018-06" => return Some((1, 0)),
        _ => {}
    }
    // `tls-1-2-...`, `tls13-1-2-...`, `fs-1-2-...`, `tls13-1-3-...`.
    for marker in ["tls13-", "tls-", "fs-"] {
        if let Some(after) = rest.strip_prefix(marker) {
            let mut parts = after.split('-');
            let major = parts.next()?.parse().ok()?;
            let minor = parts.next()?.parse().ok()?;
            return Some((major, minor));
        }
    }
    None
}

/// True for an SSL negotiation protocol attribute older than TLS 1.2 (`Protocol-SSLv2`,
/// `Protocol-SSLv3`, `Protocol-TLSv1`, `Protocol-TLSv1.1`).
pub fn is_outdated_protocol_attribute(name: &str) -> bool {
    matches!(
        name.trim().to_ascii_lowercase().as_str(),
        "protocol-sslv2" | "protocol-sslv3" | "protocol-tlsv1" | "protocol-tlsv1.1"
    )
}

/// True for a cipher suite name that is weak: RC4 (`ARCFOUR`), DES and triple DES, export,
/// null or anonymous ciphers, MD5 MACs.
pub fn is_weak_cipher(name: &str) -> bool {
    let upper = name.trim().to_ascii_uppercase();
    if upper.starts_with("PROTOCOL-")
        || upper == "REFERENCE-SECURITY-POLICY"
        || upper == "SERVER-DEFINED-CIPHER-ORDER"
    {
        return false;
    }
    let tokens: Vec<&str> = upper.split(['-', '_']).collect();
    tokens.iter().any(|t| {
        matches!(
            *t,
            "RC4"
                | "ARCFOUR"
                | "DES"
                | "3DES"
                | "CBC3"
                | "NULL"
                | "EXPORT"
                | "EXP"
                | "MD5"
                | "ADH"
                | "AECDH"
                | "ANON"
                | "RC2"
                | "IDEA"
                | "SEED"
        ) || t.starts_with("EXP1024")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_versions() {
        assert_eq!(
            elb_policy_min_tls("ELBSecurityPolicy-2016-08"),
            Some((1, 0))
        );
        assert_eq!(
            elb_policy_min_tls("ELBSecurityPolicy-TLS-1-1-2017-01"),
            Some((1, 1))
        );
        assert_eq!(
            elb_policy_min_tls("ELBSecurityPolicy-TLS-1-2-Ext-2018-06"),
            Some((1, 2))
        );
        assert_eq!(
            elb_policy_min_tls("ELBSecurityPolicy-FS-1-2-Res-2020-10"),
            Some((1, 2))
        );
        assert_eq!(
            elb_policy_min_tls("ELBSecurityPolicy-FS-1-1-2019-08"),
            Some((1, 1))
        );
        assert_eq!(
            elb_policy_min_tls("ELBSecurityPolicy-FS-2018-06"),
            Some((1, 0))
        );
        assert_eq!(
            elb_policy_min_tls("ELBSecurityPolicy-TLS13-1-0-2021-06"),
            Some((1, 0))
        );
        assert_eq!(
            elb_policy_min_tls("ELBSecurityPolicy-TLS13-1-2-2021-06"),
            Some((1, 2))
        );
        assert_eq!(
            elb_policy_min_tls("ELBSecurityPolicy-TLS13-1-3-2021-06"),
            Some((1, 3))
        );
        assert_eq!(
            elb_policy_min_tls("ELBFIPSPolicy-TLS13-1-2-2023-04"),
            Some((1, 2))
        );
        assert_eq!(elb_policy_min_tls("my-policy"), None);
        assert_eq!(elb_policy_min_tls("ELBSecurityPolicy-Unknown"), None);
    }

    #[test]
    fn ciphers_and_protocols() {
        for weak in [
            "DES-CBC3-SHA",
            "TLS_RSA_ARCFOUR_128_SHA1",
            "RC4-MD5",
            "EXP-RC4-MD5",
            "ADH-AES128-SHA",
            "NULL-SHA",
        ] {
            assert!(is_weak_cipher(weak), "{weak}");
        }
        for fine in [
            "ECDHE-RSA-AES128-GCM-SHA256",
            "AES128-SHA256",
            "Protocol-TLSv1",
            "Reference-Security-Policy",
        ] {
            assert!(!is_weak_cipher(fine), "{fine}");
        }
        assert!(is_outdated_protocol_attribute("Protocol-SSLv3"));
        assert!(is_outdated_protocol_attribute("protocol-tlsv1.1"));
        assert!(!is_outdated_protocol_attribute("Protocol-TLSv1.2"));
    }
}
