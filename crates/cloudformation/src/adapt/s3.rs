//! S3: buckets (encryption, the canned ACL that makes a bucket a log destination, logging
//! links) and bucket policies.

use super::*;
use palisade_model::s3::{
    AccessLogging, Acl, BucketName, ObjectOwnership, PublicAccessBlock, Versioning,
};

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
        "AWS::S3::BucketPolicy" => {
            r.model.s3.policy_holders.push(r.id);
            r.policy_at("PolicyDocument", PolicyKind::Resource)
        }
        "AWS::S3::Bucket" => {
            r.s3_bucket();
            r.s3_exposure();
        }
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
        // Without a key, a finding points at the algorithm that decided it (`AES256`, also
        // through a parameter), not at the whole encryption property.
        let span = match (&kms_key, algorithm) {
            (None, Some(a)) => a.span,
            _ => span,
        };
        self.push_encryption(Service::S3, "bucket", encrypted, kms_key, span);
    }
}

impl Adapter<'_> {
    /// What a bucket declares about public access, ACLs, ownership and versioning.
    fn s3_exposure(&mut self) {
        let p = self.props;
        let id = self.id;
        self.model.s3.buckets.push(id);
        if let Some(name) = present(p, "BucketName") {
            let name = name.to_string_value();
            self.model.s3.names.push(BucketName { owner: id, name });
        }
        if let Some(logging) = present(p, "LoggingConfiguration") {
            let target = present(logging, "DestinationBucketName").map(Node::to_string_value);
            self.model
                .s3
                .access_logging
                .push(AccessLogging { owner: id, target });
        }
        if let Some(block) = present(p, "PublicAccessBlockConfiguration") {
            let span = property_span(p, "PublicAccessBlockConfiguration").unwrap_or(block.span);
            let f = |name: &str| {
                if !is_map(block) {
                    return Value::unknown(block.span);
                }
                match present(block, name) {
                    Some(v) => v.to_bool_value(),
                    None => Value::omitted(false, span),
                }
            };
            let pab = PublicAccessBlock {
                owner: id,
                account: false,
                block_public_acls: f("BlockPublicAcls"),
                block_public_policy: f("BlockPublicPolicy"),
                ignore_public_acls: f("IgnorePublicAcls"),
                restrict_public_buckets: f("RestrictPublicBuckets"),
                span,
            };
            self.model.s3.public_access_blocks.push(pab);
        }
        if let Some(acl) = present(p, "AccessControl") {
            self.model.s3.acls.push(Acl {
                owner: id,
                canned: Some(acl.to_string_value()),
                grants: Vec::new(),
            });
        }
        if let Some(status) =
            present(p, "VersioningConfiguration").and_then(|v| present(v, "Status"))
        {
            let enabled = status
                .to_string_value()
                .map(&mut |s| s.eq_ignore_ascii_case("Enabled"));
            self.model
                .s3
                .versioning
                .push(Versioning { owner: id, enabled });
        }
        if let Some(rules) = present(p, "OwnershipControls").and_then(|o| present(o, "Rules")) {
            for rule in flat_items(rules) {
                if let Some(o) = present(rule, "ObjectOwnership") {
                    self.model.s3.ownership.push(ObjectOwnership {
                        owner: id,
                        ownership: o.to_string_value(),
                    });
                }
            }
        }
    }
}
