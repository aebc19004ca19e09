use palisade_iam::Statement;
use palisade_model::{AttachedPolicy, Model, ResourceId, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "low" => Some(Severity::Low),
            "medium" => Some(Severity::Medium),
            "high" => Some(Severity::High),
            "critical" => Some(Severity::Critical),
            _ => None,
        }
    }
}

/// The layer of AWS defense in depth a check guards. A request from the internet passes the
/// edge, then the network, then is authorised by identity, to reach data; monitoring watches
/// all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layer {
    /// Route 53, CloudFront, WAF, load balancers and API front doors.
    Edge,
    /// VPC, subnets, NACLs, security groups, endpoints, public addresses.
    Network,
    /// IAM, STS, federation, SCPs, resource policies.
    Identity,
    /// KMS, encryption, S3 exposure, secrets, backups.
    Data,
    /// CloudTrail, Config, GuardDuty, logging.
    Monitoring,
}

impl Layer {
    /// Every layer, in the order a request meets them.
    pub const ALL: [Layer; 5] = [
        Layer::Edge,
        Layer::Network,
        Layer::Identity,
        Layer::Data,
        Layer::Monitoring,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Edge => "edge",
            Layer::Network => "network",
            Layer::Identity => "identity",
            Layer::Data => "data",
            Layer::Monitoring => "monitoring",
        }
    }

    pub fn parse(s: &str) -> Option<Layer> {
        Layer::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(s))
    }

    /// What the layer covers, for the reference page and `palisade checks`.
    pub fn describe(self) -> &'static str {
        match self {
            Layer::Edge => "Route 53, CloudFront, WAF, load balancers and API front doors",
            Layer::Network => "VPC, subnets, NACLs, security groups, endpoints, public addresses",
            Layer::Identity => "IAM, STS, federation, SCPs, resource policies",
            Layer::Data => "KMS, encryption at rest and in transit, S3 exposure, secrets, backups",
            Layer::Monitoring => "CloudTrail, Config, GuardDuty, logging",
        }
    }
}

/// A secondary location: where a value was defined, the other branch of a condition.
#[derive(Clone, Debug, PartialEq)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

/// One problem found by a check.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub check: &'static str,
    pub severity: Severity,
    pub message: String,
    /// The most specific range: the offending value, or the header of the resource that
    /// lacks something.
    pub span: Span,
    /// The resource the finding belongs to; `None` for a standalone policy file.
    pub resource: Option<ResourceId>,
    /// The range that bounds the finding's subject when there is no resource (the statement
    /// of a standalone policy).
    pub extent: Span,
    pub related: Vec<Related>,
}

impl Finding {
    /// A finding on a resource; its extent is the resource's.
    pub fn on_resource(
        model: &Model,
        check: &'static str,
        severity: Severity,
        resource: ResourceId,
        span: Span,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            check,
            severity,
            message: message.into(),
            span,
            resource: Some(resource),
            extent: model.resource(resource).extent,
            related: Vec::new(),
        }
    }

    /// A finding on a policy statement: attributed to the resource holding the policy, or, for
    /// a standalone policy file, bounded by the statement. Names the conditions under which the
    /// statement exists.
    pub fn on_policy(
        model: &Model,
        check: &'static str,
        severity: Severity,
        policy: &AttachedPolicy,
        statement: &Statement,
        span: Span,
        message: impl Into<String>,
    ) -> Finding {
        let mut message = message.into();
        message.push_str(&when_suffix(&statement.when));
        match policy.owner {
            Some(id) => Finding::on_resource(model, check, severity, id, span, message),
            None => Finding {
                check,
                severity,
                message,
                span,
                resource: None,
                extent: statement.span,
                related: Vec::new(),
            },
        }
    }

    /// Adds "defined here" when the value came through a variable, local or parameter.
    pub fn defined_at(mut self, defined_at: Option<Span>) -> Finding {
        if let Some(span) = defined_at {
            if span != self.span {
                self.related.push(Related {
                    span,
                    message: "value defined here".into(),
                });
            }
        }
        self
    }
}

/// Describes the condition branches a candidate applies under, for messages:
/// ` (when condition IsProd is false)`.
pub fn when_suffix(conditions: &[(String, bool)]) -> String {
    if conditions.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = conditions
        .iter()
        .map(|(c, b)| format!("condition {c} is {b}"))
        .collect();
    format!(" (when {})", parts.join(" and "))
}

/// How messages name a policy: `aws_iam_role.ci (assume_role_policy)`, or `this policy` for a
/// standalone file.
pub fn policy_subject(model: &Model, policy: &AttachedPolicy) -> String {
    match policy.owner {
        Some(id) => format!("{} ({})", model.resource(id).address, policy.attribute),
        None => "this policy".to_string(),
    }
}
