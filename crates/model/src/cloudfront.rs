//! CloudFront: distributions, their viewer certificate, cache behaviours and origins.
//!
//! Read from `aws_cloudfront_distribution` and `AWS::CloudFront::Distribution`
//! (`DistributionConfig`). The distribution points at what serves it through links of kind
//! [`LinkKind::Origin`](crate::LinkKind::Origin) (a bucket, a load balancer) and at its web
//! ACL through [`LinkKind::WebAcl`](crate::LinkKind::WebAcl).

use crate::ResourceId;
use palisade_source::{Span, Value};

/// One CloudFront distribution.
#[derive(Clone, Debug, PartialEq)]
pub struct Distribution {
    pub owner: ResourceId,
    /// Alternate domain names (`aliases` / `Aliases`); `None` when not written.
    pub aliases: Option<Value<Vec<Value<String>>>>,
    pub certificate: ViewerCertificate,
    /// The default cache behaviour first, then the ordered ones in source order.
    pub behaviors: Vec<CacheBehavior>,
    pub origins: Vec<Origin>,
    /// The standard access logging block (`logging_config` / `Logging`) when written.
    /// CloudFront does not log unless asked.
    pub logging: Option<Span>,
    /// `web_acl_id` / `WebACLId` (a WAFv2 web ACL ARN or a WAF classic id) when written.
    pub web_acl: Option<Value<String>>,
}

/// The distribution's viewer certificate: which certificate viewers see and the oldest TLS
/// version CloudFront accepts from them.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewerCertificate {
    /// `cloudfront_default_certificate` / `CloudFrontDefaultCertificate`: the
    /// `*.cloudfront.net` certificate. `Omitted(true)` when nothing names a certificate.
    pub default_certificate: Value<bool>,
    /// Where an ACM or IAM certificate is named (`acm_certificate_arn`, `iam_certificate_id`,
    /// `AcmCertificateArn`, `IamCertificateId`), if anywhere.
    pub custom_certificate: Option<Span>,
    /// `minimum_protocol_version` / `MinimumProtocolVersion`; `Omitted("TLSv1")`, the
    /// service default, when not written.
    pub minimum_protocol_version: Value<String>,
    /// The certificate block, or the distribution's header when there is none.
    pub span: Span,
}

impl ViewerCertificate {
    /// True when viewers get the default `*.cloudfront.net` certificate, with which
    /// CloudFront accepts TLSv1 whatever `minimum_protocol_version` says: no ACM or IAM
    /// certificate is named and `cloudfront_default_certificate` is true, or not written
    /// while no minimum protocol version is written either (a written minimum version
    /// means a custom certificate is meant). False when that is not known.
    pub fn uses_default_certificate(&self) -> bool {
        if self.custom_certificate.is_some() {
            return false;
        }
        let candidates = self.default_certificate.candidates();
        if candidates.is_empty() || candidates.iter().all(|c| !*c.value) {
            return false;
        }
        candidates
            .iter()
            .any(|c| *c.value && c.provenance != palisade_source::Provenance::Omitted)
            || !self.minimum_protocol_version.is_written()
    }

    /// True when `minimum_protocol_version` decides what viewers may use: a custom
    /// certificate is named, or the default one is explicitly not used, or a minimum version
    /// is written without `cloudfront_default_certificate = true`. False when not known.
    pub fn minimum_version_applies(&self) -> bool {
        !self.default_certificate.candidates().is_empty() && !self.uses_default_certificate()
    }
}

/// The default cache behaviour or an ordered one.
#[derive(Clone, Debug, PartialEq)]
pub struct CacheBehavior {
    /// `None` for the default behaviour; the path pattern of an ordered one.
    pub path_pattern: Option<Value<String>>,
    /// `allow-all`, `https-only` or `redirect-to-https`, lower case.
    pub viewer_protocol_policy: Value<String>,
    /// The behaviour block.
    pub span: Span,
}

/// One origin of a distribution.
#[derive(Clone, Debug, PartialEq)]
pub struct Origin {
    pub origin_id: Value<String>,
    pub domain_name: Value<String>,
    /// The span of the `domain_name` / `DomainName` attribute: the span of the
    /// [`LinkKind::Origin`](crate::LinkKind::Origin) link it gives when it references a
    /// resource.
    pub domain_span: Span,
    /// `s3_origin_config` / `S3OriginConfig` when written.
    pub s3_origin_config: Option<Span>,
    /// `custom_origin_config` / `CustomOriginConfig` when written.
    pub custom_origin_config: Option<Span>,
    /// `origin_access_control_id` / `OriginAccessControlId` when written.
    pub access_control: Option<Value<String>>,
    /// `s3_origin_config.origin_access_identity` / `S3OriginConfig.OriginAccessIdentity`
    /// when written (an empty string means none).
    pub access_identity: Option<Value<String>>,
    /// The origin block.
    pub span: Span,
}

/// What kind of endpoint an origin's domain name is, as far as the name itself tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OriginEndpoint {
    /// An S3 REST endpoint (`bucket.s3.amazonaws.com`, `bucket.s3.eu-west-1.amazonaws.com`,
    /// a bucket's `bucket_regional_domain_name` / `RegionalDomainName`).
    S3Rest,
    /// An S3 static website endpoint (`bucket.s3-website-eu-west-1.amazonaws.com`, a bucket's
    /// `website_endpoint` / `WebsiteURL`): a custom origin that cannot use origin access
    /// control.
    S3Website,
    /// Anything else, or not known.
    Other,
}

impl Origin {
    /// The endpoint kind the domain name shows: a literal host name, or a reference to an S3
    /// bucket's domain-name attribute.
    pub fn endpoint(&self) -> OriginEndpoint {
        if let Some(r) = match &self.domain_name.kind {
            palisade_source::ValueKind::Reference(r) => Some(r),
            _ => None,
        } {
            let attribute = r.attribute.as_deref().unwrap_or_default();
            return match attribute {
                "bucket_regional_domain_name" | "bucket_domain_name" | "RegionalDomainName" => {
                    OriginEndpoint::S3Rest
                }
                "website_endpoint" | "website_domain" | "WebsiteURL" => OriginEndpoint::S3Website,
                _ => OriginEndpoint::Other,
            };
        }
        match self.domain_name.get() {
            Some(host) => s3_endpoint_of_host(host),
            None => OriginEndpoint::Other,
        }
    }

    /// True when the origin is an S3 bucket served through its REST endpoint: an
    /// `s3_origin_config` block, or no custom origin configuration and an S3 REST domain.
    pub fn is_s3_rest(&self) -> bool {
        self.s3_origin_config.is_some()
            || (self.custom_origin_config.is_none() && self.endpoint() == OriginEndpoint::S3Rest)
    }
}

/// The S3 endpoint kind of a host name (`https://` and a path are tolerated).
pub fn s3_endpoint_of_host(host: &str) -> OriginEndpoint {
    let host = host.trim().to_ascii_lowercase();
    let host = host
        .strip_prefix("https://")
        .or_else(|| host.strip_prefix("http://"))
        .unwrap_or(&host);
    let host = host.split('/').next().unwrap_or_default();
    if !(host.ends_with(".amazonaws.com") || host.ends_with(".amazonaws.com.cn")) {
        return OriginEndpoint::Other;
    }
    let labels: Vec<&str> = host.split('.').collect();
    if labels
        .iter()
        .any(|l| l.starts_with("s3-website") || *l == "s3-website")
    {
        return OriginEndpoint::S3Website;
    }
    // `bucket.s3.amazonaws.com`, `bucket.s3.region.amazonaws.com`, the legacy
    // `bucket.s3-region.amazonaws.com` and dual-stack `bucket.s3.dualstack.region...`.
    if labels
        .iter()
        .skip(1)
        .any(|l| *l == "s3" || (l.starts_with("s3-") && !l.starts_with("s3-website")))
    {
        return OriginEndpoint::S3Rest;
    }
    OriginEndpoint::Other
}

/// The CloudFront security policies (`minimum_protocol_version`) older than
/// `TLSv1.2_2021`, the policy AWS recommends: `Some(true)` when the policy still accepts a
/// protocol older than TLS 1.2 (`SSLv3`, `TLSv1`, `TLSv1_2016`, `TLSv1.1_2016`),
/// `Some(false)` for a TLS 1.2 policy that still offers older cipher suites
/// (`TLSv1.2_2018`, `TLSv1.2_2019`), `None` for `TLSv1.2_2021` and later or an unknown name.
pub fn outdated_viewer_policy(policy: &str) -> Option<bool> {
    match policy.trim() {
        p if p.eq_ignore_ascii_case("SSLv3")
            || p.eq_ignore_ascii_case("TLSv1")
            || p.eq_ignore_ascii_case("TLSv1.0")
            || p.eq_ignore_ascii_case("TLSv1_2016")
            || p.eq_ignore_ascii_case("TLSv1.1_2016")
            || p.eq_ignore_ascii_case("TLSv1.1") =>
        {
            Some(true)
        }
        p if p.eq_ignore_ascii_case("TLSv1.2_2018") || p.eq_ignore_ascii_case("TLSv1.2_2019") => {
            Some(false)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s3_hosts() {
        for rest in [
            "b.s3.amazonaws.com",
            "my.bucket.s3.eu-west-1.amazonaws.com",
            "b.s3-eu-west-1.amazonaws.com",
            "https://b.s3.dualstack.us-east-1.amazonaws.com/",
        ] {
            assert_eq!(s3_endpoint_of_host(rest), OriginEndpoint::S3Rest, "{rest}");
        }
        for web in [
            "b.s3-website-eu-west-1.amazonaws.com",
            "b.s3-website.eu-west-1.amazonaws.com",
        ] {
            assert_eq!(s3_endpoint_of_host(web), OriginEndpoint::S3Website, "{web}");
        }
        for other in [
            "example.com",
            "s3.example.com",
            "my-alb-1.eu-west-1.elb.amazonaws.com",
            "abc.execute-api.eu-west-1.amazonaws.com",
        ] {
            assert_eq!(s3_endpoint_of_host(other), OriginEndpoint::Other, "{other}");
        }
    }

    fn cert(default: Value<bool>, custom: bool, version: Value<String>) -> ViewerCertificate {
        let sp = palisade_source::Span::new(palisade_source::FileId(0), 0, 1);
        ViewerCertificate {
            default_certificate: default,
            custom_certificate: custom.then_some(sp),
            minimum_protocol_version: version,
            span: sp,
        }
    }

    #[test]
    fn which_certificate_viewers_get() {
        let sp = palisade_source::Span::new(palisade_source::FileId(0), 0, 1);
        let omitted_version = || Value::omitted("TLSv1".to_string(), sp);
        let written_version = || Value::literal("TLSv1".to_string(), sp);
        // Nothing written: the default certificate.
        let c = cert(Value::omitted(true, sp), false, omitted_version());
        assert!(c.uses_default_certificate() && !c.minimum_version_applies());
        // A minimum version written alone means a custom certificate.
        let c = cert(Value::omitted(true, sp), false, written_version());
        assert!(!c.uses_default_certificate() && c.minimum_version_applies());
        // Explicitly the default certificate: the written version does not apply.
        let c = cert(Value::literal(true, sp), false, written_version());
        assert!(c.uses_default_certificate() && !c.minimum_version_applies());
        // An ACM certificate wins over the flag.
        let c = cert(Value::literal(true, sp), true, omitted_version());
        assert!(!c.uses_default_certificate() && c.minimum_version_applies());
        // Explicitly not the default one.
        let c = cert(Value::literal(false, sp), false, omitted_version());
        assert!(c.minimum_version_applies());
        // Unknown: neither.
        let c = cert(Value::unknown(sp), false, omitted_version());
        assert!(!c.uses_default_certificate() && !c.minimum_version_applies());
    }

    #[test]
    fn viewer_policies() {
        assert_eq!(outdated_viewer_policy("TLSv1"), Some(true));
        assert_eq!(outdated_viewer_policy("TLSv1.1_2016"), Some(true));
        assert_eq!(outdated_viewer_policy("tlsv1.2_2019"), Some(false));
        assert_eq!(outdated_viewer_policy("TLSv1.2_2021"), None);
        assert_eq!(outdated_viewer_policy("TLSv1.2_2025"), None);
        assert_eq!(outdated_viewer_policy("TLSv1.3_2025"), None);
    }
}
