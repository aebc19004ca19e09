//! Shared logic of the monitoring checks: a flag judged against its bad value, and the
//! attribute names messages use in each format.

use crate::finding::{when_suffix, Finding, Severity};
use palisade_model::{Format, LinkKind, Model, Provenance, ResourceId, Span, Value};
use std::collections::{HashMap, HashSet};

/// The name of an attribute as the resource's format spells it.
pub fn attr(
    model: &Model,
    owner: ResourceId,
    terraform: &'static str,
    cfn: &'static str,
) -> &'static str {
    match model.resource(owner).format {
        Format::Terraform => terraform,
        _ => cfn,
    }
}

/// One finding for every candidate of `flag` equal to `bad`. `message` gets the address of
/// the owner and whether the value was left out (the service default applies) and returns the
/// message; the branch conditions are appended.
#[allow(clippy::too_many_arguments)]
pub fn flag_findings(
    model: &Model,
    check: &'static str,
    severity: Severity,
    owner: ResourceId,
    flag: &Value<bool>,
    bad: bool,
    message: &dyn Fn(&str, bool) -> String,
    out: &mut Vec<Finding>,
) {
    let address = &model.resource(owner).address;
    for c in flag.candidates() {
        if *c.value != bad {
            continue;
        }
        let omitted = c.provenance == Provenance::Omitted;
        let text = format!(
            "{}{}",
            message(address, omitted),
            when_suffix(&c.conditions)
        );
        out.push(
            Finding::on_resource(model, check, severity, owner, c.span, text)
                .defined_at(c.defined_at),
        );
    }
}

/// Where a missing setting is reported: the span, the branch conditions it applies under,
/// and where the value was defined.
pub type MissingAt = (Span, Vec<(String, bool)>, Option<Span>);

/// True when an optional string setting is (possibly) missing: not written, or a candidate
/// that is empty. Returns the spans to report: the header when not written, else each empty
/// candidate with its conditions and definition site.
pub fn missing_setting(setting: Option<&Value<String>>, header: Span) -> Vec<MissingAt> {
    match setting {
        None => vec![(header, Vec::new(), None)],
        Some(v) => v
            .candidates()
            .into_iter()
            .filter(|c| c.value.trim().is_empty())
            .map(|c| (c.span, c.conditions, c.defined_at))
            .collect(),
    }
}
/// Which buckets of a unit are logged and which receive logs, indexed once per check run:
/// server access logging declared for a bucket, and the buckets that are log destinations
/// (a [`LinkKind::LogDestination`] or [`LinkKind::TrailBucket`] link, or a literal bucket name
/// matching a bucket's literal name).
pub struct LogBuckets<'m> {
    model: &'m Model,
    by_name: HashMap<&'m str, ResourceId>,
    logged: HashSet<ResourceId>,
    destinations: HashSet<ResourceId>,
    /// An `aws_s3_bucket_logging` whose bucket is not a bucket of the unit: which bucket it
    /// logs is not known.
    pub unknown_logging_target: bool,
}

impl<'m> LogBuckets<'m> {
    pub fn new(model: &'m Model) -> LogBuckets<'m> {
        let mut by_name = HashMap::new();
        for n in &model.s3.names {
            if let Some(name) = n.name.get() {
                by_name.entry(name.as_str()).or_insert(n.owner);
            }
        }
        let mut logs = LogBuckets {
            model,
            by_name,
            logged: HashSet::new(),
            destinations: HashSet::new(),
            unknown_logging_target: false,
        };
        for l in &model.s3.access_logging {
            match model.s3.bucket_of(model, l.owner) {
                Some(b) => {
                    logs.logged.insert(b);
                }
                None => logs.unknown_logging_target = true,
            }
            if let Some(b) = l.target.as_ref().and_then(|t| logs.named(t)) {
                logs.destinations.insert(b);
            }
        }
        for link in &model.links {
            if matches!(link.kind, LinkKind::LogDestination | LinkKind::TrailBucket) {
                logs.destinations.insert(link.to);
            }
        }
        for t in &model.cloudtrail.trails {
            if let Some(b) = t.bucket.as_ref().and_then(|n| logs.named(n)) {
                logs.destinations.insert(b);
            }
        }
        logs
    }

    /// The bucket of the unit whose literal name is this value's (known) name.
    fn named(&self, name: &Value<String>) -> Option<ResourceId> {
        name.get()
            .and_then(|n| self.by_name.get(n.as_str()).copied())
    }

    /// Server access logging is declared for this bucket.
    pub fn is_logged(&self, bucket: ResourceId) -> bool {
        self.logged.contains(&bucket)
    }

    /// The bucket receives logs (S3 access logs, load balancer, CloudTrail or CloudFront logs).
    pub fn is_log_bucket(&self, bucket: ResourceId) -> bool {
        self.destinations.contains(&bucket)
    }

    /// (trail, bucket) for every trail whose bucket is a bucket of the unit: linked by
    /// reference, else by its literal name.
    pub fn trail_buckets(&self) -> Vec<(ResourceId, ResourceId)> {
        let mut out = Vec::new();
        for t in &self.model.cloudtrail.trails {
            let bucket = self
                .model
                .link_from(t.owner, LinkKind::TrailBucket)
                .or_else(|| t.bucket.as_ref().and_then(|n| self.named(n)));
            if let Some(b) = bucket {
                out.push((t.owner, b));
            }
        }
        out
    }
}

/// An ACL grant that makes a bucket public: a canned ACL or a grant to a global group.
pub struct PublicGrant {
    /// The resource holding the ACL (the bucket, or its `aws_s3_bucket_acl`).
    pub owner: ResourceId,
    pub span: Span,
    /// `read`, `read and write`, or the grant's permission.
    pub access: String,
    /// `everyone` or `every AWS account`.
    pub grantee: &'static str,
    pub conditions: Vec<(String, bool)>,
    pub defined_at: Option<Span>,
}

/// Every ACL grant that opens `bucket` to everyone or to every AWS account.
pub fn public_acl_grants(model: &Model, bucket: ResourceId) -> Vec<PublicGrant> {
    let mut out = Vec::new();
    for acl in &model.s3.acls {
        if model.s3.bucket_of(model, acl.owner) != Some(bucket) {
            continue;
        }
        if let Some(canned) = &acl.canned {
            for c in canned.candidates() {
                let normal: String = c
                    .value
                    .chars()
                    .filter(|ch| *ch != '-')
                    .collect::<String>()
                    .to_ascii_lowercase();
                let (access, grantee) = match normal.as_str() {
                    "publicread" => ("read", "everyone"),
                    "publicreadwrite" => ("read and write", "everyone"),
                    "authenticatedread" => ("read", "every AWS account"),
                    _ => continue,
                };
                out.push(PublicGrant {
                    owner: acl.owner,
                    span: c.span,
                    access: access.to_string(),
                    grantee,
                    conditions: c.conditions,
                    defined_at: c.defined_at,
                });
            }
        }
        for g in &acl.grants {
            for c in g.uri.candidates() {
                let uri = c.value.trim_end_matches('/');
                let grantee = if uri.ends_with("/global/AllUsers") {
                    "everyone"
                } else if uri.ends_with("/global/AuthenticatedUsers") {
                    "every AWS account"
                } else {
                    continue;
                };
                let access = g
                    .permission
                    .get()
                    .map(|p| p.to_ascii_uppercase())
                    .unwrap_or_else(|| "access".to_string());
                out.push(PublicGrant {
                    owner: acl.owner,
                    span: g.span,
                    access,
                    grantee,
                    conditions: c.conditions,
                    defined_at: c.defined_at,
                });
            }
        }
    }
    out
}
