//! S3: buckets (their inline encryption, policy and ACL), bucket policies, ACLs, the separate
//! encryption configuration (joined to its bucket once every bucket is known) and the
//! bucket-level configuration resources read for their links; public access blocks (bucket
//! and account), ACLs and grants, object ownership and versioning.

use super::{
    at, attach, blocks, entry, flag, is_null, resource_of, store, string, Cx, LinkRow,
    ServiceAdapter,
};
use palisade_model::encryption::Service;
use palisade_model::s3::{
    AccessLogging, Acl, BucketName, Grant, ObjectOwnership, PublicAccessBlock, Versioning,
};
use palisade_model::{
    Link, LinkKind, Node, NodeKind, PendingLink, PolicyKind, ResourceId, Span, Value,
};

/// Link targets naming a bucket (also of load balancers' access logs).
pub(super) const BUCKET: &[&str] = &["aws_s3_bucket"];

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "aws_s3_bucket_acl",
        "aws_s3_bucket_policy",
        "aws_s3_bucket",
        "aws_s3_bucket_server_side_encryption_configuration",
        "aws_s3_bucket_public_access_block",
        "aws_s3_account_public_access_block",
        "aws_s3_bucket_versioning",
        "aws_s3_bucket_ownership_controls",
    ],
    link_only: &[
        "aws_s3_bucket_logging",
        "aws_s3_bucket_lifecycle_configuration",
        "aws_s3_bucket_replication_configuration",
        "aws_s3_bucket_object_lock_configuration",
        "aws_s3_bucket_website_configuration",
        "aws_s3_bucket_cors_configuration",
    ],
    links: LINKS,
    adapt,
    finish: Some(link_s3_encryption),
};

const LINKS: &[LinkRow] = &[
    (
        "aws_s3_bucket_server_side_encryption_configuration",
        "bucket",
        LinkKind::Bucket,
        BUCKET,
    ),
    (
        "aws_s3_bucket_public_access_block",
        "bucket",
        LinkKind::Bucket,
        BUCKET,
    ),
    ("aws_s3_bucket_policy", "bucket", LinkKind::Bucket, BUCKET),
    ("aws_s3_bucket_logging", "bucket", LinkKind::Bucket, BUCKET),
    (
        "aws_s3_bucket_versioning",
        "bucket",
        LinkKind::Bucket,
        BUCKET,
    ),
    ("aws_s3_bucket_acl", "bucket", LinkKind::Bucket, BUCKET),
    (
        "aws_s3_bucket_logging",
        "target_bucket",
        LinkKind::LogDestination,
        BUCKET,
    ),
    (
        "aws_s3_bucket",
        "logging.target_bucket",
        LinkKind::LogDestination,
        BUCKET,
    ),
    (
        "aws_s3_bucket_ownership_controls",
        "bucket",
        LinkKind::Bucket,
        BUCKET,
    ),
    (
        "aws_s3_bucket_lifecycle_configuration",
        "bucket",
        LinkKind::Bucket,
        BUCKET,
    ),
    (
        "aws_s3_bucket_replication_configuration",
        "bucket",
        LinkKind::Bucket,
        BUCKET,
    ),
    (
        "aws_s3_bucket_object_lock_configuration",
        "bucket",
        LinkKind::Bucket,
        BUCKET,
    ),
    (
        "aws_s3_bucket_website_configuration",
        "bucket",
        LinkKind::Bucket,
        BUCKET,
    ),
    (
        "aws_s3_bucket_cors_configuration",
        "bucket",
        LinkKind::Bucket,
        BUCKET,
    ),
];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    log_delivery_acl(cx, id, kind, n);
    match kind {
        "aws_s3_bucket_policy" => {
            cx.model.s3.policy_holders.push(id);
            attach(cx, id, n, "policy", PolicyKind::Resource);
        }
        "aws_s3_bucket" => {
            cx.model.s3.buckets.push(id);
            if n.get("policy").is_some() {
                cx.model.s3.policy_holders.push(id);
            }
            attach(cx, id, n, "policy", PolicyKind::Resource);
            s3_bucket(cx, id, n, header);
            acl(cx, id, n);
            versioning(cx, id, n);
            if let Some(name) = string(n, "bucket") {
                cx.model.s3.names.push(BucketName { owner: id, name });
            }
            for (b, _) in blocks(n, "logging") {
                let target = string(b, "target_bucket");
                cx.model
                    .s3
                    .access_logging
                    .push(AccessLogging { owner: id, target });
            }
        }
        "aws_s3_bucket_logging" => {
            let target = string(n, "target_bucket");
            cx.model
                .s3
                .access_logging
                .push(AccessLogging { owner: id, target });
        }
        "aws_s3_bucket_acl" => acl(cx, id, n),
        "aws_s3_bucket_public_access_block" => public_access_block(cx, id, n, header, false),
        "aws_s3_account_public_access_block" => public_access_block(cx, id, n, header, true),
        "aws_s3_bucket_versioning" => versioning(cx, id, n),
        "aws_s3_bucket_ownership_controls" => ownership(cx, id, n),
        "aws_s3_bucket_server_side_encryption_configuration" => {
            cx.sse_configs.push((id, n.clone(), header));
        }
        _ => {}
    }
}

/// An ACL that lets S3 deliver server access logs into a bucket (the canned
/// `log-delivery-write`, or a grant to the log delivery group) makes the bucket a log
/// destination: the bucket itself for its own `acl`, the bucket an `aws_s3_bucket_acl`
/// points at.
fn log_delivery_acl(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node) {
    let canned = entry(n, "acl").filter(|(_, v)| {
        v.to_string_value()
            .get()
            .is_some_and(|acl| acl.eq_ignore_ascii_case("log-delivery-write"))
    });
    // `access_control_policy { grant { grantee { ... } } }` of an `aws_s3_bucket_acl`, or a
    // provider v3 bucket's own `grant { id | uri }`.
    let v3_grants = blocks(n, "grant");
    let granted = blocks(n, "access_control_policy")
        .into_iter()
        .flat_map(|(p, _)| blocks(p, "grant"))
        .flat_map(|(g, _)| blocks(g, "grantee"))
        .chain(v3_grants)
        .find(|(grantee, _)| {
            let to_log_delivery = string(grantee, "uri")
                .and_then(|u| u.get().cloned())
                .is_some_and(|u| u.trim_end_matches('/').ends_with("/groups/s3/LogDelivery"));
            // CloudFront standard logs: a grant to its log delivery account's canonical user.
            let to_cloudfront = string(grantee, "id")
                .and_then(|u| u.get().cloned())
                .is_some_and(|id| palisade_model::s3::is_cloudfront_log_delivery(&id));
            to_log_delivery || to_cloudfront
        })
        .map(|(_, sp)| sp);
    let Some(span) = canned.map(|(k, _)| k.span).or(granted) else {
        return;
    };
    match kind {
        "aws_s3_bucket" => {
            let link = Link {
                from: id,
                to: id,
                kind: LinkKind::LogDestination,
                span,
            };
            cx.model.links.push(link);
        }
        "aws_s3_bucket_acl" => {
            if let Some((_, bucket)) = entry(n, "bucket") {
                for target in bucket.references() {
                    cx.pending_links.push(PendingLink {
                        from: id,
                        kind: LinkKind::LogDestination,
                        targets: BUCKET,
                        span,
                        target: target.to_string(),
                    });
                }
            }
        }
        _ => {}
    }
}

/// `rule { apply_server_side_encryption_by_default { sse_algorithm, kms_master_key_id } }`.
fn s3_default_encryption(n: &Node) -> Option<(Value<bool>, Option<Value<String>>, Span)> {
    let (rule, _) = blocks(n, "rule").into_iter().next()?;
    let (d, sp) = blocks(rule, "apply_server_side_encryption_by_default")
        .into_iter()
        .next()?;
    let algorithm = string(d, "sse_algorithm");
    let kms = match algorithm
        .as_ref()
        .map(|a| a.get().map(|s| s.to_ascii_lowercase()))
    {
        Some(Some(a)) if a.starts_with("aws:kms") => Some(
            string(d, "kms_master_key_id")
                .unwrap_or_else(|| Value::omitted("alias/aws/s3".into(), sp)),
        ),
        // `AES256`: S3-managed keys. The algorithm is what decides it, so a finding points
        // at its value (through a variable or module input: the use, naming where it was set).
        Some(Some(_)) => {
            let algorithm = algorithm?;
            let span = algorithm.span;
            return Some((algorithm.map(&mut |_| true), None, span));
        }
        // An algorithm we cannot read: whether a key is used is unknown.
        Some(None) => Some(Value::unknown(sp)),
        None => string(d, "kms_master_key_id"),
    };
    Some((Value::literal(true, sp), kms, sp))
}

fn s3_bucket(cx: &mut Cx, id: ResourceId, n: &Node, header: Span) {
    let legacy = blocks(n, "server_side_encryption_configuration")
        .into_iter()
        .next()
        .and_then(|(b, _)| s3_default_encryption(b));
    let (encrypted, kms, sp) = legacy.unwrap_or((Value::omitted(true, header), None, header));
    cx.buckets.insert(id, cx.model.encryption.len());
    store(cx, id, Service::S3, "bucket", encrypted, kms, sp);
}

fn link_s3_encryption(cx: &mut Cx) {
    for (id, n, header) in std::mem::take(&mut cx.sse_configs) {
        let Some((encrypted, kms, sp)) = s3_default_encryption(&n) else {
            continue;
        };
        let target = match n.get("bucket").map(|b| &b.kind) {
            Some(NodeKind::Reference(r))
                if palisade_model::module_local_address(&r.target)
                    .starts_with("aws_s3_bucket.") =>
            {
                resource_of(cx, id, &r.target).and_then(|b| cx.buckets.get(&b).copied())
            }
            _ => None,
        };
        match target.and_then(|i| cx.model.encryption.get_mut(i)) {
            Some(e) => {
                e.encrypted = encrypted;
                e.kms_key = kms;
                e.span = sp;
            }
            // The bucket is not in this module: the configuration stands for it.
            None => {
                let _ = header;
                store(cx, id, Service::S3, "bucket", encrypted, kms, sp);
            }
        }
    }
}

/// A public access block's four flags (each `false` when not written).
fn public_access_block(cx: &mut Cx, id: ResourceId, n: &Node, header: Span, account: bool) {
    let f = |name: &str| flag(n, name, false, header).0;
    cx.model.s3.public_access_blocks.push(PublicAccessBlock {
        owner: id,
        account,
        block_public_acls: f("block_public_acls"),
        block_public_policy: f("block_public_policy"),
        ignore_public_acls: f("ignore_public_acls"),
        restrict_public_buckets: f("restrict_public_buckets"),
        span: header,
    });
}

/// A canned ACL (`acl`) and grants to groups: a provider v3 bucket's `grant` blocks
/// (`permissions` a list), an `aws_s3_bucket_acl`'s `access_control_policy`.
fn acl(cx: &mut Cx, id: ResourceId, n: &Node) {
    let canned = entry(n, "acl")
        .filter(|(_, v)| !is_null(v))
        .map(|(k, v)| at(v.to_string_value(), k.span));
    let mut grants = Vec::new();
    let uri = |g: &Node| {
        entry(g, "uri")
            .filter(|(_, v)| !is_null(v))
            .map(|(k, v)| (at(v.to_string_value(), k.span), k.span))
    };
    for (g, _) in blocks(n, "grant") {
        let (Some((uri, span)), Some(permissions)) = (uri(g), g.get("permissions")) else {
            continue;
        };
        for p in permissions.items() {
            grants.push(Grant {
                uri: uri.clone(),
                permission: p.to_string_value(),
                span,
            });
        }
    }
    for (policy, _) in blocks(n, "access_control_policy") {
        for (g, g_span) in blocks(policy, "grant") {
            let permission = string(g, "permission").unwrap_or_else(|| Value::unknown(g_span));
            for (grantee, _) in blocks(g, "grantee") {
                if let Some((uri, span)) = uri(grantee) {
                    grants.push(Grant {
                        uri,
                        permission: permission.clone(),
                        span,
                    });
                }
            }
        }
    }
    if canned.is_some() || !grants.is_empty() {
        cx.model.s3.acls.push(Acl {
            owner: id,
            canned,
            grants,
        });
    }
}

/// `aws_s3_bucket_versioning`'s status, or a v3 bucket's `versioning { enabled }`.
fn versioning(cx: &mut Cx, id: ResourceId, n: &Node) {
    let enabled = if let Some((b, _)) = blocks(n, "versioning_configuration").first() {
        match entry(b, "status") {
            Some((k, v)) if !is_null(v) => {
                at(v.to_string_value(), k.span).map(&mut |s| s.eq_ignore_ascii_case("Enabled"))
            }
            _ => return,
        }
    } else if let Some((b, sp)) = blocks(n, "versioning").first() {
        flag(b, "enabled", false, *sp).0
    } else {
        return;
    };
    cx.model
        .s3
        .versioning
        .push(Versioning { owner: id, enabled });
}

/// `aws_s3_bucket_ownership_controls`' `rule { object_ownership }`.
fn ownership(cx: &mut Cx, id: ResourceId, n: &Node) {
    for (rule, _) in blocks(n, "rule") {
        if let Some((k, v)) = entry(rule, "object_ownership").filter(|(_, v)| !is_null(v)) {
            cx.model.s3.ownership.push(ObjectOwnership {
                owner: id,
                ownership: at(v.to_string_value(), k.span),
            });
        }
    }
}
