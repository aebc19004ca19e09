//! S3: buckets (encryption, the canned ACL that makes a bucket a log destination, logging
//! links) and bucket policies.

use super::*;

/// Link targets naming a bucket (also of load balancers' access logs).
pub(super) const BUCKET: &[&str] = &["AWS::S3::Bucket"];

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::S3::BucketPolicy", "AWS::S3::Bucket"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[
    (
        "AWS::S3::BucketPolicy",
        "Bucket",
        LinkKind::Bucket,
        &["AWS::S3::Bucket"],
    ),
    (
        "AWS::S3::Bucket",
        "LoggingConfiguration.DestinationBucketName",
        LinkKind::LogDestination,
        BUCKET,
    ),
];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    // A bucket whose canned ACL lets S3 deliver access logs into it.
    if kind == "AWS::S3::Bucket" {
        if let Some((key, acl)) = entry(r.props, "AccessControl") {
            if acl.as_str() == Some("LogDeliveryWrite") {
                r.model.links.push(Link {
                    from: r.id,
                    to: r.id,
                    kind: LinkKind::LogDestination,
                    span: key.span,
                });
            }
        }
    }
    match kind {
        "AWS::S3::BucketPolicy" => r.policy_at("PolicyDocument", PolicyKind::Resource),
        "AWS::S3::Bucket" => r.s3_bucket(),
        _ => {}
    }
}

impl Adapter<'_> {
    fn s3_bucket(&mut self) {
        let Some(enc) = present(self.props, "BucketEncryption") else {
            self.push_encryption(
                Service::S3,
                "bucket",
                Value::omitted(true, self.header),
                None,
                self.header,
            );
            return;
        };
        let span = property_span(self.props, "BucketEncryption").unwrap_or(enc.span);
        if !is_map(enc) {
            let unknown = Some(Value::unknown(enc.span));
            return self.push_encryption(
                Service::S3,
                "bucket",
                Value::omitted(true, span),
                unknown,
                span,
            );
        }
        let rules = present(enc, "ServerSideEncryptionConfiguration")
            .map(flat_items)
            .unwrap_or_default();
        let default = rules
            .iter()
            .find_map(|r| present(r, "ServerSideEncryptionByDefault"));
        let Some(default) = default else {
            self.push_encryption(
                Service::S3,
                "bucket",
                Value::omitted(true, span),
                None,
                span,
            );
            return;
        };
        let algorithm = present(default, "SSEAlgorithm");
        let encrypted = algorithm
            .map(|a| a.to_string_value().map(&mut |_| true))
            .unwrap_or_else(|| Value::omitted(true, span));
        let kms_key = match present(default, "KMSMasterKeyID") {
            Some(k) => Some(k.to_string_value()),
            None => algorithm.and_then(|a| match a.as_str() {
                // SSE-KMS without a key id uses the AWS managed key.
                Some(alg) if alg.starts_with("aws:kms") => {
                    Some(Value::omitted("alias/aws/s3".to_string(), a.span))
                }
                _ => None,
            }),
        };
        self.push_encryption(Service::S3, "bucket", encrypted, kms_key, span);
    }
}
