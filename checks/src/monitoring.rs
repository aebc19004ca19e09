//! Shared logic of the monitoring checks: a flag judged against its bad value, and the
//! attribute names messages use in each format.

use crate::finding::{when_suffix, Finding, Severity};
use palisade_iam::{wildcard_match, Statement, Strings};
use palisade_model::{
    Format, LinkKind, Model, Provenance, ResourceId, Span, StrPart, Value, ValueKind,
};
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
/// (a [`LinkKind::LogDestination`], [`LinkKind::TrailBucket`] or [`LinkKind::LogArchive`]
/// link, a literal bucket name matching a bucket's literal name, or a bucket policy letting a
/// log delivery service write: [`policy_log_buckets`]).
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
            if matches!(
                link.kind,
                LinkKind::LogDestination | LinkKind::TrailBucket | LinkKind::LogArchive
            ) {
                logs.destinations.insert(link.to);
            }
        }
        for t in &model.cloudtrail.trails {
            if let Some(b) = t.bucket.as_ref().and_then(|n| logs.named(n)) {
                logs.destinations.insert(b);
            }
        }
        logs.destinations
            .extend(policy_log_buckets(model).into_keys());
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

/// The regional Elastic Load Balancing accounts that deliver load balancer access logs
/// (the principal of the bucket policy in the regions opened before August 2022; later regions
/// use `logdelivery.elasticloadbalancing.amazonaws.com`). Source: Elastic Load Balancing user
/// guide, "Attach a policy to your S3 bucket".
const ELB_LOG_ACCOUNTS: &[&str] = &[
    "127311923021", // us-east-1
    "033677994240", // us-east-2
    "027434742980", // us-west-1
    "797873946194", // us-west-2
    "098369216593", // af-south-1
    "754344448648", // ap-east-1
    "589379963580", // ap-southeast-3
    "718504428378", // ap-south-1
    "383597477331", // ap-northeast-3
    "600734575887", // ap-northeast-2
    "114774131450", // ap-southeast-1
    "783225319266", // ap-southeast-2
    "582318560864", // ap-northeast-1
    "985666609251", // ca-central-1
    "054676820928", // eu-central-1
    "156460612806", // eu-west-1
    "652711504416", // eu-west-2
    "635631232127", // eu-south-1
    "009996457667", // eu-west-3
    "897822967062", // eu-north-1
    "076674570225", // me-south-1
    "507241528517", // sa-east-1
    "048591011584", // us-gov-west-1
    "190560391635", // us-gov-east-1
    "638102146993", // cn-north-1
    "037604701340", // cn-northwest-1
];

/// What a bucket policy shows about the logs a bucket receives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogWriter {
    /// S3 server access logs or load balancer access logs: these services deliver only to
    /// buckets encrypted with S3-managed keys.
    SseS3Only,
    /// Other log delivery (CloudTrail, AWS Config, CloudWatch Logs exports, the vended logs
    /// of `delivery.logs.amazonaws.com`: CloudFront, VPC flow logs, network load balancers),
    /// which can write to buckets encrypted with KMS keys.
    Other,
}

/// The log delivery a service principal stands for.
fn service_writer(principal: &str) -> Option<LogWriter> {
    let p = principal.trim().to_ascii_lowercase();
    let p = p
        .strip_suffix(".amazonaws.com.cn")
        .or_else(|| p.strip_suffix(".amazonaws.com"))?;
    match p {
        "logging.s3" | "logdelivery.elasticloadbalancing" | "logdelivery.elb" => {
            Some(LogWriter::SseS3Only)
        }
        "delivery.logs" | "cloudtrail" | "config" | "logs" => Some(LogWriter::Other),
        // `logs.<region>.amazonaws.com`: CloudWatch Logs export tasks.
        _ if p.starts_with("logs.") && !p[5..].contains('.') => Some(LogWriter::Other),
        _ => None,
    }
}

/// A string as the forms checks can read: the text of a known or partly known string (each
/// unknown part a NUL), or the target of a reference with its attribute
/// (`data.aws_elb_service_account.main.arn`, `ElbAccount`). Conditional values give both
/// branches.
fn string_forms(v: &Value<String>, out: &mut Vec<Result<String, String>>) {
    match &v.kind {
        ValueKind::Known(..) | ValueKind::Partial(_) => {
            let text = v
                .parts()
                .unwrap_or_default()
                .into_iter()
                .map(|p| match p {
                    StrPart::Text(t) => t,
                    StrPart::Unknown => "\u{0}".to_string(),
                })
                .collect();
            out.push(Ok(text));
        }
        ValueKind::Reference(r) => out.push(Err(match &r.attribute {
            Some(a) => format!("{}.{a}", r.target),
            None => r.target.clone(),
        })),
        ValueKind::Conditional {
            when_true,
            when_false,
            ..
        } => {
            string_forms(when_true, out);
            string_forms(when_false, out);
        }
        ValueKind::Unknown => {}
    }
}

/// Every item form of a string list.
fn list_forms(list: Option<&Strings>) -> Vec<Result<String, String>> {
    let mut out = Vec::new();
    if let Some(list) = list {
        for items in list.candidates() {
            for item in items.value {
                string_forms(item, &mut out);
            }
        }
    }
    out
}

/// The log delivery an `Allow` statement lets write objects into the bucket: a log delivery
/// service principal, a regional Elastic Load Balancing account (or the Terraform
/// `aws_elb_service_account` data source), or an account principal that is not known here
/// writing under `AWSLogs/` (the prefix every AWS log delivery writes to: an account from a
/// per-region mapping).
fn statement_writer(st: &Statement) -> Option<LogWriter> {
    if !st.is_allow() {
        return None;
    }
    let writes = st
        .actions()
        .iter()
        .any(|(a, _)| wildcard_match(a, "s3:PutObject"));
    if !writes {
        return None;
    }
    let principal = st.principal.as_ref()?;
    let mut writer: Option<LogWriter> = None;
    let mut note = |w: LogWriter| {
        writer = Some(match writer {
            Some(LogWriter::SseS3Only) => LogWriter::SseS3Only,
            _ => w,
        });
    };
    for entry in &principal.entries {
        if entry.kind.eq_ignore_ascii_case("Service") {
            for form in list_forms(Some(&entry.values)) {
                if let Some(w) = form.ok().as_deref().and_then(service_writer) {
                    note(w);
                }
            }
        } else if entry.kind.eq_ignore_ascii_case("AWS") {
            let forms = list_forms(Some(&entry.values));
            if forms.is_empty() && under_aws_logs(st) {
                note(LogWriter::SseS3Only);
            }
            for form in forms {
                if let Some(w) = account_writer(&form, st) {
                    note(w);
                }
            }
        }
    }
    writer
}

/// The log delivery an `AWS` principal stands for: a regional Elastic Load Balancing account
/// (literal, or the Terraform `aws_elb_service_account` data source), an account root not known
/// here writing under `AWSLogs/` (an account picked from a per-region mapping), or the
/// service-linked role of a log delivery service (`aws-service-role/config.amazonaws.com/...`).
fn account_writer(form: &Result<String, String>, st: &Statement) -> Option<LogWriter> {
    let text = match form {
        // `data.aws_elb_service_account.x.arn`, or a parameter (`!Ref ElbAccount`) writing
        // under `AWSLogs/`; a resource's attribute (a role's ARN) is not a log delivery.
        Err(target) => {
            let elb = target.starts_with("data.aws_elb_service_account.")
                || (!target.contains('.') && under_aws_logs(st));
            return elb.then_some(LogWriter::SseS3Only);
        }
        Ok(text) => text.trim(),
    };
    if let Some(role) = text.split("aws-service-role/").nth(1) {
        let service = role.split('/').next().unwrap_or_default();
        let service = service
            .strip_prefix("config-conforms.")
            .map_or(service, |_| {
                // The conformance pack role delivers like AWS Config itself.
                "config.amazonaws.com"
            });
        return service_writer(service);
    }
    let account = text
        .strip_prefix("arn:")
        .and_then(|r| {
            let fields: Vec<&str> = r.split(':').collect();
            (fields.len() == 5 && fields[1] == "iam" && fields[4] == "root").then(|| fields[3])
        })
        .unwrap_or(text);
    if ELB_LOG_ACCOUNTS.contains(&account) || (account == "\u{0}" && under_aws_logs(st)) {
        return Some(LogWriter::SseS3Only);
    }
    None
}

/// The statement's resources are under an `AWSLogs/` prefix.
fn under_aws_logs(st: &Statement) -> bool {
    list_forms(st.resource.as_ref())
        .iter()
        .any(|f| f.as_ref().is_ok_and(|t| t.contains("/AWSLogs/")))
}

/// Buckets whose bucket policy lets an AWS log delivery write objects into them, with what
/// kind of logs: the bucket's own `policy`, an `aws_s3_bucket_policy` / `AWS::S3::BucketPolicy`
/// linked to it, or the policy-document data source either of them uses. Built once per check
/// run. A bucket whose only sign of being a log destination is its policy (the service writing
/// to it is configured in another stack) is a log bucket all the same.
pub fn policy_log_buckets(model: &Model) -> HashMap<ResourceId, LogWriter> {
    let mut out: HashMap<ResourceId, LogWriter> = HashMap::new();
    if model.s3.buckets.is_empty() {
        return out;
    }
    let holders: HashSet<ResourceId> = model.s3.policy_holders.iter().copied().collect();
    for policy in &model.policies {
        let Some(owner) = policy.owner else {
            continue;
        };
        let Some(writer) = policy
            .document
            .statements
            .iter()
            .filter_map(statement_writer)
            .reduce(|a, b| {
                if a == LogWriter::SseS3Only || b == LogWriter::SseS3Only {
                    LogWriter::SseS3Only
                } else {
                    LogWriter::Other
                }
            })
        else {
            continue;
        };
        let mut buckets = Vec::new();
        if model.s3.buckets.contains(&owner) || holders.contains(&owner) {
            buckets.extend(model.s3.bucket_of(model, owner));
        }
        for l in model.links_to(owner, LinkKind::PolicyDocument) {
            if model.s3.buckets.contains(&l.from) || holders.contains(&l.from) {
                buckets.extend(model.s3.bucket_of(model, l.from));
            }
        }
        for b in buckets {
            let slot = out.entry(b).or_insert(writer);
            if writer == LogWriter::SseS3Only {
                *slot = LogWriter::SseS3Only;
            }
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web_identity::testing::*;
    use palisade_iam::Effect;
    use palisade_model::Reference;

    fn put(kind: &str, principal: Value<String>, resource: Value<String>) -> Statement {
        let mut s = statement(Effect::Allow, vec![lit("s3:PutObject", 1)]);
        s.principal = Some(principal_of(kind, principal));
        s.resource = Some(list(vec![resource], 2));
        s
    }

    fn principal_of(kind: &str, v: Value<String>) -> palisade_iam::Principals {
        principal(kind, vec![v])
    }

    fn reference(target: &str, attribute: Option<&str>) -> Value<String> {
        Value::reference(
            Reference {
                target: target.into(),
                attribute: attribute.map(str::to_string),
            },
            sp(3),
        )
    }

    #[test]
    fn log_delivery_principals() {
        let any = lit("arn:aws:s3:::b/*", 4);
        let logs = partial("\u{0}/AWSLogs/\u{0}/*", 4);
        let w = |kind: &str, p: Value<String>, r: &Value<String>| {
            statement_writer(&put(kind, p, r.clone()))
        };
        // Services that deliver only to SSE-S3 buckets, and the others.
        assert_eq!(
            w("Service", lit("logging.s3.amazonaws.com", 5), &any),
            Some(LogWriter::SseS3Only)
        );
        assert_eq!(
            w(
                "Service",
                lit("logdelivery.elasticloadbalancing.amazonaws.com", 5),
                &any
            ),
            Some(LogWriter::SseS3Only)
        );
        for other in [
            "delivery.logs.amazonaws.com",
            "cloudtrail.amazonaws.com",
            "config.amazonaws.com",
            "logs.eu-west-1.amazonaws.com",
        ] {
            assert_eq!(
                w("Service", lit(other, 5), &any),
                Some(LogWriter::Other),
                "{other}"
            );
        }
        assert_eq!(w("Service", lit("lambda.amazonaws.com", 5), &any), None);
        assert_eq!(w("Service", lit("logs.example.com", 5), &any), None);
        // Elastic Load Balancing accounts, literal or from the data source.
        assert_eq!(
            w("AWS", lit("arn:aws:iam::156460612806:root", 5), &any),
            Some(LogWriter::SseS3Only)
        );
        assert_eq!(
            w("AWS", lit("127311923021", 5), &any),
            Some(LogWriter::SseS3Only)
        );
        assert_eq!(
            w("AWS", lit("arn:aws:iam::111122223333:root", 5), &logs),
            None
        );
        assert_eq!(
            w(
                "AWS",
                reference("data.aws_elb_service_account.main", Some("arn")),
                &any
            ),
            Some(LogWriter::SseS3Only)
        );
        // An account not known here writing under AWSLogs/ (a per-region mapping or a
        // parameter); not elsewhere, and never a resource's attribute.
        assert_eq!(
            w("AWS", partial("arn:aws:iam::\u{0}:root", 5), &logs),
            Some(LogWriter::SseS3Only)
        );
        assert_eq!(w("AWS", partial("arn:aws:iam::\u{0}:root", 5), &any), None);
        assert_eq!(
            w("AWS", reference("ElbAccount", None), &logs),
            Some(LogWriter::SseS3Only)
        );
        assert_eq!(w("AWS", reference("ShipperRole", Some("Arn")), &logs), None);
        assert_eq!(
            w("AWS", Value::unknown(sp(5)), &logs),
            Some(LogWriter::SseS3Only)
        );
        // A service-linked role of AWS Config (conformance packs) is Config's delivery.
        assert_eq!(
            w(
                "AWS",
                partial(
                    "arn:aws:iam::\u{0}:role/aws-service-role/config-conforms.amazonaws.com/AWSServiceRoleForConfigConforms",
                    5
                ),
                &logs
            ),
            Some(LogWriter::Other)
        );
        // Only writes count, and only allowed ones.
        let mut read = put("Service", lit("logging.s3.amazonaws.com", 5), any.clone());
        read.action = Some(list(vec![lit("s3:GetBucketAcl", 1)], 6));
        assert_eq!(statement_writer(&read), None);
        let mut deny = put("Service", lit("logging.s3.amazonaws.com", 5), any.clone());
        deny.effect = Value::literal(Effect::Deny, sp(7));
        assert_eq!(statement_writer(&deny), None);
        let mut star = put("Service", lit("cloudtrail.amazonaws.com", 5), any);
        star.action = Some(list(vec![lit("s3:*", 1)], 6));
        assert_eq!(statement_writer(&star), Some(LogWriter::Other));
    }
}
