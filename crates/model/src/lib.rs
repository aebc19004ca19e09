//! The shared resource model.
//!
//! Frontends (Terraform, CloudFormation, IAM JSON) fill a [`Model`]; checks read it and never
//! see syntax. Each service has its own typed facts; every fact is a [`Value`] with a span and
//! a provenance.
//!
//! [`Node`] is the format-neutral evaluated value tree that frontends build from their syntax
//! before adapting it into typed facts; [`policy::policy_from_node`] turns any JSON-shaped node
//! (a CloudFormation policy, a Terraform `jsonencode`, a standalone policy file) into an IAM
//! [`PolicyDocument`], so policy parsing exists once.

pub mod apigateway;
pub mod appsync;
pub mod cloudfront;
pub mod cloudtrail;
pub mod config;
pub mod ec2;
pub mod elb;
pub mod emr;
pub mod encryption;
pub mod guardduty;
pub mod iam_facts;
pub mod instance;
pub mod kms;
pub mod logs;
pub mod node;
pub mod policy;
pub mod public_access;
pub mod rds;
pub mod route53;
pub mod s3;
pub mod secrets;
pub mod securityhub;
pub mod sharing;
pub mod transit;
pub mod vpc;
pub mod waf;

pub use ec2::{Direction, NaclRule, SecurityGroupRule, SgSource};
pub use encryption::{EncryptionAtRest, Service};
pub use kms::KmsKey;
pub use node::{Node, NodeKind};
pub use palisade_iam as iam;
pub use palisade_iam::{PolicyDocument, PolicyKind};
pub use palisade_source::{Candidate, Provenance, Reference, Span, StrPart, Value, ValueKind};

/// The input format a resource was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Terraform,
    CloudFormation,
    IamJson,
}

/// Index into [`Model::resources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResourceId(pub usize);

/// A Terraform address without its module prefixes: `module.a["x.y"].module.b[0].aws_x.y`
/// gives `aws_x.y`.
pub fn module_local_address(address: &str) -> &str {
    let mut rest = address;
    while let Some(after) = rest.strip_prefix("module.") {
        let bytes = after.as_bytes();
        let mut i = 0;
        while i < bytes.len() && bytes[i] != b'.' && bytes[i] != b'[' {
            i += 1;
        }
        // An instance key: skip to its closing bracket, over quoted strings (a key may hold
        // dots and brackets).
        while i < bytes.len() && bytes[i] == b'[' {
            let mut in_string = false;
            i += 1;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' if in_string => i += 1,
                    b'"' => in_string = !in_string,
                    b']' if !in_string => break,
                    _ => {}
                }
                i += 1;
            }
            i += 1;
        }
        match after.get(i..).and_then(|r| r.strip_prefix('.')) {
            Some(r) => rest = r,
            None => return address,
        }
    }
    rest
}

/// A declared resource (or data source), the unit findings are attributed to.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    /// Terraform address (`aws_security_group.web`, `module.net.aws_security_group.web`,
    /// `data.aws_iam_policy_document.x`) or CloudFormation logical id.
    pub address: String,
    /// `aws_security_group` or `AWS::EC2::SecurityGroup`.
    pub kind: String,
    pub format: Format,
    /// The header: `resource "aws_db_instance" "x"` or the logical id key. Findings about
    /// something missing point here.
    pub header: Span,
    /// The whole resource block.
    pub extent: Span,
    /// Module call sites through which this resource was reached, outermost first.
    pub trace: Vec<Span>,
    /// The AWS CDK construct that synthesised it (`MyStack/Uploads/Resource`, from the
    /// resource's `aws:cdk:path` metadata) and where that is written.
    pub construct: Option<(String, Span)>,
}

/// Where a policy document is attached.
#[derive(Clone, Debug, PartialEq)]
pub struct AttachedPolicy {
    /// The resource holding the document; `None` for a standalone policy file.
    pub owner: Option<ResourceId>,
    /// The attribute holding it (`assume_role_policy`, `PolicyDocument`, ...), for messages.
    pub attribute: String,
    pub document: PolicyDocument,
}

/// How one resource points at another through a resolved reference
/// (`security_group_id = aws_security_group.web.id`, `bucket = aws_s3_bucket.logs.id`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkKind {
    /// A standalone security group rule belongs to this group.
    SecurityGroup,
    /// A standalone network ACL rule belongs to this ACL.
    NetworkAcl,
    /// A bucket-level configuration (encryption, public access block, policy, logging,
    /// versioning, ACL, ...) configures this bucket.
    Bucket,
    /// An inline policy or a policy attachment applies to this IAM role, user or group.
    Principal,
    /// A policy attachment attaches this managed policy.
    Policy,
    /// A resource policy governs this resource (queue, topic, repository, secret).
    Governed,
    /// This bucket receives access logs: S3 server access logging, load balancer access logs
    /// or CloudFront standard logs name it as their destination, or an ACL grants the S3 log
    /// delivery group write access to it (then the link is from the ACL resource, or from the
    /// bucket to itself for its own canned ACL). S3 and load balancer logs are delivered only
    /// to buckets encrypted with S3-managed keys; CloudFront's delivery needs the bucket's
    /// ACLs.
    LogDestination,
    /// A role's or user's permissions boundary is this managed policy.
    PermissionsBoundary,
    /// A rotation configuration rotates this Secrets Manager secret.
    Rotation,
    /// A CloudTrail trail delivers its log files to this bucket (`s3_bucket_name`,
    /// `S3BucketName`). CloudTrail can write to buckets encrypted with SSE-KMS.
    TrailBucket,
    /// The resource's policy attribute is this policy-document data source (Terraform
    /// `policy = data.aws_iam_policy_document.x.json`): the data source holds the document.
    PolicyDocument,
    /// A subnet, route table or security group is in this VPC.
    InVpc,
    /// A flow log records this VPC, subnet or network interface.
    FlowLogOf,
    /// A route or a route table association belongs to this route table.
    RouteTable,
    /// A route table association, an instance or a network interface is in this subnet.
    Subnet,
    /// A route sends traffic to this internet gateway.
    Gateway,
    /// An instance, launch template, launch configuration or database is a member of this
    /// security group (`vpc_security_group_ids`, `SecurityGroupIds`, ...).
    MemberOf,
    /// A security group rule (or a member) names the default security group of this VPC
    /// (`aws_vpc.main.default_security_group_id`, `!GetAtt Vpc.DefaultSecurityGroup`).
    DefaultSecurityGroupOf,
    /// A CloudFront distribution fetches from this resource (a bucket, a load balancer)
    /// through one of its origins; the link's span is the origin's `domain_name`.
    Origin,
    /// A distribution or a WAF association names this web ACL.
    WebAcl,
    /// A WAF web ACL association protects this resource (a load balancer, an API Gateway
    /// stage, an AppSync API).
    WafTarget,
    /// A listener (or a classic load balancer policy) belongs to this load balancer.
    LoadBalancer,
    /// A listener forwards to this target group.
    TargetGroup,
    /// A stage, method or resource belongs to this API Gateway API.
    Api,
    /// A query logging configuration logs the queries of this hosted zone.
    HostedZone,
    /// This bucket archives records a service delivers to it and that may be encrypted with
    /// a KMS key, unlike [`LinkKind::LogDestination`]: an AWS Config delivery channel's
    /// `s3_bucket_name` / `S3BucketName`.
    LogArchive,
    /// A CloudWatch Logs delivery source (`aws_cloudwatch_log_delivery_source`) takes the logs
    /// of this resource: a CloudFront distribution's standard logging v2.
    LogSource,
}

/// A resolved reference from `from` to `to`. Frontends record a link only when the target
/// is a resource of the same scan unit; an unknown or external target gives no link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Link {
    pub from: ResourceId,
    pub to: ResourceId,
    pub kind: LinkKind,
    /// The attribute holding the reference (`security_group_id = ...`).
    pub span: Span,
}

/// A reference read from an attribute that names another resource, before every resource is
/// known: frontends collect these while adapting and resolve them into [`Link`]s at the end.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingLink {
    pub from: ResourceId,
    pub kind: LinkKind,
    /// The resource types the target must have (a `Ref` to a parameter or a resource of
    /// another type gives no link).
    pub targets: &'static [&'static str],
    /// The attribute holding the reference.
    pub span: Span,
    /// The referenced address (Terraform) or logical id (CloudFormation).
    pub target: String,
}

/// Everything the frontends learned about one scan unit (a Terraform module directory, a
/// template, a policy file).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    pub resources: Vec<Resource>,
    pub policies: Vec<AttachedPolicy>,
    pub security_group_rules: Vec<SecurityGroupRule>,
    pub nacl_rules: Vec<NaclRule>,
    pub encryption: Vec<EncryptionAtRest>,
    pub kms_keys: Vec<KmsKey>,
    /// IAM facts other than policy documents (user attachments, login profiles, keys, the
    /// password policy).
    pub iam: Vec<iam_facts::IamFact>,
    pub cloudtrail: cloudtrail::CloudTrail,
    pub guardduty: guardduty::GuardDuty,
    pub config: config::AwsConfig,
    pub securityhub: securityhub::SecurityHub,
    pub logs: logs::Logs,
    /// VPCs, subnets, routes and flow logs declared in the unit.
    pub vpcs: Vec<vpc::Vpc>,
    pub subnets: Vec<vpc::Subnet>,
    pub routes: Vec<vpc::Route>,
    pub flow_logs: Vec<vpc::FlowLog>,
    /// Instances, launch templates and launch configurations.
    pub launches: Vec<instance::Launch>,
    /// `publicly_accessible` switches of databases and replication instances.
    pub public_access: Vec<public_access::PublicAccess>,
    pub search_domains: Vec<public_access::SearchDomain>,
    pub eks_endpoints: Vec<public_access::EksEndpoint>,
    pub function_urls: Vec<public_access::FunctionUrl>,
    pub distributions: Vec<cloudfront::Distribution>,
    pub load_balancers: Vec<elb::LoadBalancer>,
    pub listeners: Vec<elb::Listener>,
    pub ssl_negotiation_policies: Vec<elb::SslNegotiationPolicy>,
    pub web_acls: Vec<waf::WebAcl>,
    pub waf_associations: Vec<waf::WafAssociation>,
    pub apis: Vec<apigateway::Api>,
    pub api_stages: Vec<apigateway::Stage>,
    pub api_methods: Vec<apigateway::Method>,
    pub api_domains: Vec<apigateway::DomainName>,
    pub graphql_apis: Vec<appsync::GraphQlApi>,
    pub hosted_zones: Vec<route53::HostedZone>,
    /// References between resources, in the order they were resolved (Terraform references,
    /// CloudFormation `Ref` and `Fn::GetAtt` in the properties that name another resource).
    pub links: Vec<Link>,
    /// S3 exposure: public access blocks, ACLs, ownership, versioning, bucket policies.
    pub s3: s3::S3,
    /// Secrets written in the configuration, and Secrets Manager rotation.
    pub secrets: secrets::Secrets,
    /// RDS instances and clusters (backups, deletion protection, IAM authentication).
    pub databases: Vec<rds::Database>,
    /// Encryption of data in transit (ElastiCache, MSK).
    pub transit_encryption: Vec<transit::EncryptionInTransit>,
    /// Images and snapshots shared with other accounts.
    pub sharing: Vec<sharing::Sharing>,
    /// Account-wide EBS encryption by default.
    pub ebs_encryption_by_default: Vec<sharing::EbsEncryptionByDefault>,
}

impl Model {
    pub fn add_resource(&mut self, resource: Resource) -> ResourceId {
        self.resources.push(resource);
        ResourceId(self.resources.len() - 1)
    }

    pub fn resource(&self, id: ResourceId) -> &Resource {
        &self.resources[id.0]
    }

    /// The resource `from` points at with a link of `kind`, if resolved.
    pub fn link_from(&self, from: ResourceId, kind: LinkKind) -> Option<ResourceId> {
        self.links
            .iter()
            .find(|l| l.from == from && l.kind == kind)
            .map(|l| l.to)
    }

    /// The resources pointing at `to` with a link of `kind` (the rule resources of a group,
    /// the configuration resources of a bucket, the policies of a role).
    pub fn links_to(&self, to: ResourceId, kind: LinkKind) -> impl Iterator<Item = &Link> + '_ {
        self.links
            .iter()
            .filter(move |l| l.to == to && l.kind == kind)
    }

    /// The security group a rule belongs to: the group itself for an inline rule, the linked
    /// group for a rule resource, else the rule resource (its group is not known).
    pub fn group_of(&self, rule: &SecurityGroupRule) -> ResourceId {
        self.link_from(rule.owner, LinkKind::SecurityGroup)
            .unwrap_or(rule.owner)
    }

    /// Appends another model, renumbering its resource ids. A new fact vector is one more
    /// `append` line here (and an [`Owned`] impl for its type).
    pub fn extend(&mut self, other: Model) {
        let offset = self.resources.len();
        let Model {
            resources,
            policies,
            security_group_rules,
            nacl_rules,
            encryption,
            kms_keys,
            iam,
            cloudtrail,
            guardduty,
            config,
            securityhub,
            logs,
            vpcs,
            subnets,
            routes,
            flow_logs,
            launches,
            public_access,
            search_domains,
            eks_endpoints,
            function_urls,
            distributions,
            load_balancers,
            listeners,
            ssl_negotiation_policies,
            web_acls,
            waf_associations,
            apis,
            api_stages,
            api_methods,
            api_domains,
            graphql_apis,
            hosted_zones,
            links,
            s3,
            secrets,
            databases,
            transit_encryption,
            sharing,
            ebs_encryption_by_default,
        } = other;
        self.resources.extend(resources);
        append(&mut self.policies, policies, offset);
        append(&mut self.security_group_rules, security_group_rules, offset);
        append(&mut self.nacl_rules, nacl_rules, offset);
        append(&mut self.encryption, encryption, offset);
        append(&mut self.kms_keys, kms_keys, offset);
        append(&mut self.iam, iam, offset);
        self.cloudtrail.append(cloudtrail, offset);
        self.guardduty.append(guardduty, offset);
        self.config.append(config, offset);
        self.securityhub.append(securityhub, offset);
        self.logs.append(logs, offset);
        append(&mut self.vpcs, vpcs, offset);
        append(&mut self.subnets, subnets, offset);
        append(&mut self.routes, routes, offset);
        append(&mut self.flow_logs, flow_logs, offset);
        append(&mut self.launches, launches, offset);
        append(&mut self.public_access, public_access, offset);
        append(&mut self.search_domains, search_domains, offset);
        append(&mut self.eks_endpoints, eks_endpoints, offset);
        append(&mut self.function_urls, function_urls, offset);
        append(&mut self.distributions, distributions, offset);
        append(&mut self.load_balancers, load_balancers, offset);
        append(&mut self.listeners, listeners, offset);
        append(
            &mut self.ssl_negotiation_policies,
            ssl_negotiation_policies,
            offset,
        );
        append(&mut self.web_acls, web_acls, offset);
        append(&mut self.waf_associations, waf_associations, offset);
        append(&mut self.apis, apis, offset);
        append(&mut self.api_stages, api_stages, offset);
        append(&mut self.api_methods, api_methods, offset);
        append(&mut self.api_domains, api_domains, offset);
        append(&mut self.graphql_apis, graphql_apis, offset);
        append(&mut self.hosted_zones, hosted_zones, offset);
        append(&mut self.links, links, offset);
        self.s3.extend(s3, offset);
        self.secrets.extend(secrets, offset);
        append(&mut self.databases, databases, offset);
        append(&mut self.transit_encryption, transit_encryption, offset);
        append(&mut self.sharing, sharing, offset);
        append(
            &mut self.ebs_encryption_by_default,
            ebs_encryption_by_default,
            offset,
        );
    }
}

/// A fact that names resources by [`ResourceId`]: [`Model::extend`] renumbers it when a
/// model is appended to another.
pub trait Owned {
    /// Adds `offset` to every resource id the fact holds.
    fn shift(&mut self, offset: usize);
}

impl ResourceId {
    fn shifted(self, offset: usize) -> ResourceId {
        ResourceId(self.0 + offset)
    }
}

/// Appends `facts` to `to`, renumbering their resource ids by `offset`.
fn append<T: Owned>(to: &mut Vec<T>, facts: Vec<T>, offset: usize) {
    to.extend(facts.into_iter().map(|mut f| {
        f.shift(offset);
        f
    }));
}

impl Owned for AttachedPolicy {
    fn shift(&mut self, offset: usize) {
        self.owner = self.owner.map(|o| o.shifted(offset));
    }
}

impl Owned for SecurityGroupRule {
    fn shift(&mut self, offset: usize) {
        self.owner = self.owner.shifted(offset);
    }
}

impl Owned for NaclRule {
    fn shift(&mut self, offset: usize) {
        self.owner = self.owner.shifted(offset);
    }
}

impl Owned for EncryptionAtRest {
    fn shift(&mut self, offset: usize) {
        self.owner = self.owner.shifted(offset);
    }
}

impl Owned for KmsKey {
    fn shift(&mut self, offset: usize) {
        self.owner = self.owner.shifted(offset);
    }
}

/// A bare resource id (a resource that is itself the fact: a delivery channel, a standard).
impl Owned for ResourceId {
    fn shift(&mut self, offset: usize) {
        *self = self.shifted(offset);
    }
}

/// Facts whose only resource id is their `owner`.
macro_rules! owned_by_owner {
    ($($t:ty),* $(,)?) => {
        $(impl Owned for $t {
            fn shift(&mut self, offset: usize) {
                self.owner = self.owner.shifted(offset);
            }
        })*
    };
}

owned_by_owner!(
    vpc::Vpc,
    vpc::Subnet,
    vpc::Route,
    vpc::FlowLog,
    instance::Launch,
    public_access::PublicAccess,
    public_access::SearchDomain,
    public_access::EksEndpoint,
    public_access::FunctionUrl,
);
impl Owned for cloudfront::Distribution {
    fn shift(&mut self, offset: usize) {
        self.owner = self.owner.shifted(offset);
    }
}

impl Owned for elb::LoadBalancer {
    fn shift(&mut self, offset: usize) {
        self.owner = self.owner.shifted(offset);
    }
}

impl Owned for elb::Listener {
    fn shift(&mut self, offset: usize) {
        self.owner = self.owner.shifted(offset);
    }
}

impl Owned for elb::SslNegotiationPolicy {
    fn shift(&mut self, offset: usize) {
        self.owner = self.owner.shifted(offset);
    }
}

impl Owned for waf::WebAcl {
    fn shift(&mut self, offset: usize) {
        self.owner = self.owner.shifted(offset);
    }
}

impl Owned for waf::WafAssociation {
    fn shift(&mut self, offset: usize) {
        self.owner = self.owner.shifted(offset);
    }
}

impl Owned for apigateway::Api {
    fn shift(&mut self, offset: usize) {
        self.owner = self.owner.shifted(offset);
    }
}

impl Owned for apigateway::Stage {
    fn shift(&mut self, offset: usize) {
        self.owner = self.owner.shifted(offset);
    }
}

impl Owned for apigateway::Method {
    fn shift(&mut self, offset: usize) {
        self.owner = self.owner.shifted(offset);
    }
}

impl Owned for apigateway::DomainName {
    fn shift(&mut self, offset: usize) {
        self.owner = self.owner.shifted(offset);
    }
}

impl Owned for appsync::GraphQlApi {
    fn shift(&mut self, offset: usize) {
        self.owner = self.owner.shifted(offset);
    }
}

impl Owned for route53::HostedZone {
    fn shift(&mut self, offset: usize) {
        self.owner = self.owner.shifted(offset);
    }
}

impl Owned for Link {
    fn shift(&mut self, offset: usize) {
        self.from = self.from.shifted(offset);
        self.to = self.to.shifted(offset);
    }
}

/// What a frontend returns for one scan unit: the facts it learned and the problems it met.
/// A frontend never fails as a whole: broken input yields diagnostics plus whatever parsed.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub model: Model,
    pub diagnostics: Vec<palisade_source::Diagnostic>,
    /// How much of the input could be evaluated (Terraform only; zero elsewhere).
    pub stats: EvalStats,
}

/// How much of a configuration a frontend could evaluate: module calls followed and
/// attribute values known, for `palisade scan --stats`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EvalStats {
    /// Local module calls (`source = "./x"`) whose directory was evaluated.
    pub modules_resolved: usize,
    /// Module calls from a registry, git or any other remote source: never fetched, their
    /// outputs are unknown.
    pub modules_remote: usize,
    /// Local module calls not followed: the directory was not scanned or lies outside the
    /// scanned roots, a cycle, a depth or size bound, or module following is off.
    pub modules_unresolved: usize,
    /// Of [`EvalStats::modules_unresolved`]: calls of a directory that was not scanned (outside
    /// the scanned paths, or without `.tf` files).
    pub modules_outside: usize,
    /// Scalar attribute values of modelled resources, counted after evaluation.
    pub values: usize,
    /// Of [`EvalStats::values`]: unknown, or strings with unknown parts.
    pub values_unknown: usize,
    /// Of [`EvalStats::values`]: references to another resource's attribute (computed at
    /// apply time, so unknown as a value, but resolved as a link).
    pub values_reference: usize,
}

impl EvalStats {
    pub fn add(&mut self, other: &EvalStats) {
        self.modules_resolved += other.modules_resolved;
        self.modules_remote += other.modules_remote;
        self.modules_unresolved += other.modules_unresolved;
        self.modules_outside += other.modules_outside;
        self.values += other.values;
        self.values_unknown += other.values_unknown;
        self.values_reference += other.values_reference;
    }

    /// Counts the scalar leaves of an evaluated value; a conditional counts both branches.
    pub fn count_values(&mut self, node: &Node) {
        match &node.kind {
            NodeKind::List(items) => items.iter().for_each(|i| self.count_values(i)),
            NodeKind::Map(entries) => entries.iter().for_each(|(_, v)| self.count_values(v)),
            NodeKind::Conditional {
                when_true,
                when_false,
                ..
            } => {
                self.count_values(when_true);
                self.count_values(when_false);
            }
            NodeKind::Unknown | NodeKind::Partial(_) => {
                self.values += 1;
                self.values_unknown += 1;
            }
            NodeKind::Reference(_) => {
                self.values += 1;
                self.values_reference += 1;
            }
            NodeKind::Null | NodeKind::Bool(_) | NodeKind::Number(_) | NodeKind::String(_) => {
                self.values += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extend_renumbers_the_monitoring_facts() {
        use palisade_source::FileId;
        let sp = Span::new(FileId(0), 0, 1);
        let resource = |address: &str| Resource {
            address: address.into(),
            kind: "k".into(),
            format: Format::Terraform,
            header: sp,
            extent: sp,
            trace: Vec::new(),
            construct: None,
        };
        let mut root = Model::default();
        root.add_resource(resource("a"));
        let mut other = Model::default();
        let trail = other.add_resource(resource("trail"));
        let channel = other.add_resource(resource("channel"));
        other.cloudtrail.trails.push(cloudtrail::Trail {
            owner: trail,
            logging: Value::omitted(true, sp),
            multi_region: Value::omitted(false, sp),
            global_service_events: Value::omitted(true, sp),
            log_file_validation: Value::omitted(false, sp),
            kms_key: None,
            cloudwatch_log_group: None,
            bucket: None,
        });
        other.config.delivery_channels.push(channel);
        other.logs.groups.push(logs::LogGroup {
            owner: channel,
            retention_days: Value::omitted(0, sp),
        });
        root.extend(other);
        assert_eq!(root.cloudtrail.trails[0].owner, ResourceId(1));
        assert_eq!(root.config.delivery_channels, vec![ResourceId(2)]);
        assert_eq!(root.logs.groups[0].owner, ResourceId(2));
    }

    #[test]
    fn module_prefixes_are_stripped_from_addresses() {
        for (address, local) in [
            ("aws_x.y", "aws_x.y"),
            ("module.a.aws_x.y", "aws_x.y"),
            ("module.a[0].module.b.aws_x.y[\"k\"]", "aws_x.y[\"k\"]"),
            ("module.a[\"x.y]\"].aws_x.y", "aws_x.y"),
            ("module.broken[", "module.broken["),
        ] {
            assert_eq!(module_local_address(address), local, "{address}");
        }
    }
}
