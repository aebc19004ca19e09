//! Shared logic of the S3 exposure checks: the four public access block flags, and how
//! messages name a bucket's configuration.

use crate::finding::{when_suffix, Finding, Severity};
use palisade_model::s3::{BlockFlag, PublicAccessBlock};
use palisade_model::{Model, Provenance, ResourceId};
use std::collections::HashSet;

/// What a flag left off allows, for messages.
fn consequence(flag: BlockFlag) -> (&'static str, &'static str) {
    match flag {
        BlockFlag::BlockPublicAcls => (
            "block public ACLs",
            "requests may set public ACLs on the bucket and its objects",
        ),
        BlockFlag::BlockPublicPolicy => (
            "block public bucket policies",
            "a bucket policy granting public access can be attached",
        ),
        BlockFlag::IgnorePublicAcls => (
            "ignore public ACLs",
            "a public ACL on the bucket or an object grants access to anyone",
        ),
        BlockFlag::RestrictPublicBuckets => (
            "restrict public buckets",
            "a public bucket policy keeps granting access to anyone",
        ),
    }
}

/// `public access block aws_s3_bucket_public_access_block.x of bucket aws_s3_bucket.y`,
/// `public access block of bucket DataBucket`, `account-wide public access block ...`.
pub fn block_subject(model: &Model, b: &PublicAccessBlock) -> String {
    let address = &model.resource(b.owner).address;
    if b.account {
        return format!("account-wide public access block {address}");
    }
    match model.s3.bucket_of(model, b.owner) {
        Some(bucket) if bucket == b.owner => format!("public access block of bucket {address}"),
        Some(bucket) => format!(
            "public access block {address} of bucket {}",
            model.resource(bucket).address
        ),
        None => format!("public access block {address}"),
    }
}

/// Reports every public access block (bucket or account level) where `flag` is, or may under
/// some condition be, off. An unwritten flag is off: both the provider and CloudFormation
/// default it to `false`.
pub fn flag_off(
    model: &Model,
    flag: BlockFlag,
    check: &'static str,
    severity: Severity,
    out: &mut Vec<Finding>,
) {
    let (setting, consequence) = consequence(flag);
    for b in &model.s3.public_access_blocks {
        for c in b.flag(flag).candidates() {
            if *c.value {
                continue;
            }
            let how = if c.provenance == Provenance::Omitted {
                " (not set, so it defaults to false)"
            } else {
                ""
            };
            let message = format!(
                "{} does not {setting}{how}{}: {consequence}",
                block_subject(model, b),
                when_suffix(&c.conditions)
            );
            out.push(
                Finding::on_resource(model, check, severity, b.owner, c.span, message)
                    .defined_at(c.defined_at),
            );
        }
    }
}

/// The bucket a configuration resource belongs to, for messages: `bucket aws_s3_bucket.x`,
/// or the configuration resource itself when its bucket is not known.
pub fn bucket_subject(model: &Model, owner: ResourceId) -> String {
    match model.s3.bucket_of(model, owner) {
        Some(bucket) if bucket == owner => format!("bucket {}", model.resource(bucket).address),
        Some(bucket) => format!(
            "bucket {} ({})",
            model.resource(bucket).address,
            model.resource(owner).address
        ),
        None => model.resource(owner).address.clone(),
    }
}

/// Who a group URI stands for, if it is one of the public groups.
fn public_group(uri: &str) -> Option<&'static str> {
    let group = uri.trim_end_matches('/').rsplit('/').next()?;
    if group.eq_ignore_ascii_case("AllUsers") {
        Some("everyone (AllUsers)")
    } else if group.eq_ignore_ascii_case("AuthenticatedUsers") {
        Some("every AWS account (AuthenticatedUsers)")
    } else {
        None
    }
}

/// Which grants a public ACL check reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AclAccess {
    /// `public-read`, `authenticated-read`, `READ`, `READ_ACP`.
    Read,
    /// `public-read-write`, `WRITE`, `WRITE_ACP`, `FULL_CONTROL`.
    Write,
}

/// Reports every ACL (canned or a grant) that gives a public group `access`. The severity is
/// low when the bucket's public access block is known to ignore public ACLs.
pub fn public_acls(model: &Model, access: AclAccess, check: &'static str, out: &mut Vec<Finding>) {
    let s3 = &model.s3;
    if s3.acls.is_empty() {
        return;
    }
    // Buckets whose public access block is known to ignore public ACLs.
    let ignored: HashSet<_> = s3
        .public_access_blocks
        .iter()
        .filter(|b| !b.account && b.ignore_public_acls.get() == Some(&true))
        .map(|b| s3.bucket_of(model, b.owner).unwrap_or(b.owner))
        .collect();
    for acl in &s3.acls {
        let subject = bucket_subject(model, acl.owner);
        // A registry module call stands for its bucket, ACL and block at once.
        let is_ignored = ignored.contains(&s3.bucket_of(model, acl.owner).unwrap_or(acl.owner));
        let severity = |s: Severity| if is_ignored { Severity::Low } else { s };
        let note = if is_ignored {
            " (ignored while the bucket's public access block ignores public ACLs)"
        } else {
            ""
        };
        if let Some(canned) = &acl.canned {
            for c in canned.candidates() {
                let name = c.value.to_ascii_lowercase().replace(['-', '_'], "");
                let (what, s) = match (name.as_str(), access) {
                    ("publicread", AclAccess::Read) => ("everyone read access", Severity::High),
                    ("publicreadwrite", AclAccess::Write) => {
                        ("everyone read and write access", Severity::Critical)
                    }
                    ("authenticatedread", AclAccess::Read) => {
                        ("every AWS account read access", Severity::High)
                    }
                    _ => continue,
                };
                let message = format!(
                    "{subject} has the canned ACL {}, which grants {what}{}{note}",
                    c.value,
                    when_suffix(&c.conditions)
                );
                out.push(
                    Finding::on_resource(model, check, severity(s), acl.owner, c.span, message)
                        .defined_at(c.defined_at),
                );
            }
        }
        for g in &acl.grants {
            for uri in g.uri.candidates() {
                let Some(who) = public_group(uri.value) else {
                    continue;
                };
                for p in g.permission.candidates() {
                    let permission = p.value.to_ascii_uppercase();
                    let writes =
                        matches!(permission.as_str(), "WRITE" | "WRITE_ACP" | "FULL_CONTROL");
                    let s = match (writes, access) {
                        (true, AclAccess::Write) => Severity::Critical,
                        (false, AclAccess::Read) => Severity::High,
                        _ => continue,
                    };
                    let message = format!(
                        "{subject} has an ACL grant of {permission} to {who}{}{note}",
                        when_suffix(&uri.conditions)
                    );
                    out.push(
                        Finding::on_resource(model, check, severity(s), acl.owner, g.span, message)
                            .defined_at(uri.defined_at),
                    );
                }
            }
        }
    }
}
