//! CloudFormation resources into the shared model: one [`Resource`] per entry of `Resources`,
//! plus the typed facts of the types Palisade understands.

use crate::eval::{scalar_node_text, Ctx};
use crate::foreach;
use crate::syntax::{parse_embedded_json, Syn, SynKey, SynKind};
use palisade_model::iam::PolicyKind;
use palisade_model::node::{MapKey, Node, NodeKind};
use palisade_model::policy::policy_from_node;
use palisade_model::{
    AttachedPolicy, Direction, EncryptionAtRest, Format, KmsKey, Link, LinkKind, Model, NaclRule,
    PendingLink, Resource, ResourceId, SecurityGroupRule, Service, SgSource,
};
use palisade_source::{Diagnostic, Provenance, Span, Value, ValueKind};

const SECURITY_GROUP: &[&str] = &["AWS::EC2::SecurityGroup"];
const ROLE: &[&str] = &["AWS::IAM::Role"];
const USER: &[&str] = &["AWS::IAM::User"];
const GROUP: &[&str] = &["AWS::IAM::Group"];
const MANAGED_POLICY: &[&str] = &["AWS::IAM::ManagedPolicy"];

/// Properties whose `Ref` / `Fn::GetAtt` point a resource at another one: (resource type,
/// property, link, types the target must have).
const LINKS: &[(&str, &str, LinkKind, &[&str])] = &[
    (
        "AWS::EC2::SecurityGroupIngress",
        "GroupId",
        LinkKind::SecurityGroup,
        SECURITY_GROUP,
    ),
    (
        "AWS::EC2::SecurityGroupIngress",
        "GroupName",
        LinkKind::SecurityGroup,
        SECURITY_GROUP,
    ),
    (
        "AWS::EC2::SecurityGroupEgress",
        "GroupId",
        LinkKind::SecurityGroup,
        SECURITY_GROUP,
    ),
    (
        "AWS::EC2::NetworkAclEntry",
        "NetworkAclId",
        LinkKind::NetworkAcl,
        &["AWS::EC2::NetworkAcl"],
    ),
    (
        "AWS::S3::BucketPolicy",
        "Bucket",
        LinkKind::Bucket,
        &["AWS::S3::Bucket"],
    ),
    ("AWS::IAM::Policy", "Roles", LinkKind::Principal, ROLE),
    ("AWS::IAM::Policy", "Users", LinkKind::Principal, USER),
    ("AWS::IAM::Policy", "Groups", LinkKind::Principal, GROUP),
    (
        "AWS::IAM::ManagedPolicy",
        "Roles",
        LinkKind::Principal,
        ROLE,
    ),
    (
        "AWS::IAM::ManagedPolicy",
        "Users",
        LinkKind::Principal,
        USER,
    ),
    (
        "AWS::IAM::ManagedPolicy",
        "Groups",
        LinkKind::Principal,
        GROUP,
    ),
    (
        "AWS::IAM::RolePolicy",
        "RoleName",
        LinkKind::Principal,
        ROLE,
    ),
    (
        "AWS::IAM::UserPolicy",
        "UserName",
        LinkKind::Principal,
        USER,
    ),
    (
        "AWS::IAM::GroupPolicy",
        "GroupName",
        LinkKind::Principal,
        GROUP,
    ),
    (
        "AWS::IAM::Role",
        "ManagedPolicyArns",
        LinkKind::Policy,
        MANAGED_POLICY,
    ),
    (
        "AWS::IAM::User",
        "ManagedPolicyArns",
        LinkKind::Policy,
        MANAGED_POLICY,
    ),
    (
        "AWS::IAM::Group",
        "ManagedPolicyArns",
        LinkKind::Policy,
        MANAGED_POLICY,
    ),
    (
        "AWS::SQS::QueuePolicy",
        "Queues",
        LinkKind::Governed,
        &["AWS::SQS::Queue"],
    ),
    (
        "AWS::SNS::TopicPolicy",
        "Topics",
        LinkKind::Governed,
        &["AWS::SNS::Topic"],
    ),
    (
        "AWS::SecretsManager::ResourcePolicy",
        "SecretId",
        LinkKind::Governed,
        &["AWS::SecretsManager::Secret"],
    ),
    // `PROPERTY.KEY`: a key of a property that is a mapping.
    (
        "AWS::S3::Bucket",
        "LoggingConfiguration.DestinationBucketName",
        LinkKind::LogDestination,
        BUCKET,
    ),
    (
        "AWS::ElasticLoadBalancing::LoadBalancer",
        "AccessLoggingPolicy.S3BucketName",
        LinkKind::LogDestination,
        BUCKET,
    ),
];

const BUCKET: &[&str] = &["AWS::S3::Bucket"];

/// The references held by the link properties of a resource of type `kind`:
/// (link, target types, property key span, referenced logical id).
fn link_references<'n>(
    kind: &str,
    props: &'n Node,
) -> Vec<(LinkKind, &'static [&'static str], Span, &'n str)> {
    let mut out = Vec::new();
    for &(k, property, link, targets) in LINKS {
        if k != kind {
            continue;
        }
        let (outer, inner) = property.split_once('.').unwrap_or((property, ""));
        let Some((mut key, mut value)) = entry(props, outer) else {
            continue;
        };
        if !inner.is_empty() {
            let Some((k, v)) = entry(value, inner) else {
                continue;
            };
            (key, value) = (k, v);
        }
        for target in value.references() {
            out.push((link, targets, key.span, target));
        }
    }
    // Load balancer attributes are a list of `Key`/`Value` pairs.
    if kind == "AWS::ElasticLoadBalancingV2::LoadBalancer" {
        if let Some(attributes) = props.get("LoadBalancerAttributes") {
            for item in attributes.items() {
                let is_log_bucket = item
                    .get("Key")
                    .and_then(Node::as_str)
                    .is_some_and(|k| k == "access_logs.s3.bucket");
                if let (true, Some(value)) = (is_log_bucket, item.get("Value")) {
                    for target in value.references() {
                        out.push((LinkKind::LogDestination, BUCKET, item.span, target));
                    }
                }
            }
        }
    }
    out
}

fn entry<'n>(node: &'n Node, key: &str) -> Option<(&'n MapKey, &'n Node)> {
    node.entries()
        .iter()
        .find(|(k, _)| k.name == key)
        .map(|(k, v)| (k, v))
}

/// Links every recorded reference whose target is a resource of the template of an expected
/// type; a reference to anything else (a parameter, an import, a resource of another type)
/// gives no link.
fn resolve_links(model: &mut Model, pending: Vec<PendingLink>) {
    let ids: std::collections::HashMap<&str, ResourceId> = model
        .resources
        .iter()
        .enumerate()
        .map(|(i, r)| (r.address.as_str(), ResourceId(i)))
        .collect();
    let mut links = Vec::new();
    for PendingLink {
        from,
        kind,
        targets,
        span,
        target,
    } in pending
    {
        let Some(&to) = ids.get(target.as_str()) else {
            continue;
        };
        if !targets.contains(&model.resource(to).kind.as_str()) {
            continue;
        }
        let link = Link {
            from,
            to,
            kind,
            span,
        };
        if !links.contains(&link) {
            links.push(link);
        }
    }
    model.links.extend(links);
}

/// Adapts every resource of a parsed template.
pub(crate) fn adapt_template(root: &Syn, diagnostics: &mut Vec<Diagnostic>) -> Model {
    let mut model = Model::default();
    let Some(resources) = root.get("Resources") else {
        return model;
    };
    let SynKind::Map(entries) = &resources.kind else {
        diagnostics.push(Diagnostic::new(
            resources.span,
            format!(
                "`Resources` must be a mapping, found {}",
                resources.describe()
            ),
        ));
        return model;
    };
    let ctx = Ctx::for_template(root);
    let mut pending_links = Vec::new();
    let loops = foreach::uses_language_extensions(root);
    let sam = crate::sam::uses_sam(root);
    let mut expander = foreach::Expander::new(&ctx);
    // Resources in source order, loops replaced by what they expand to.
    let mut generated: Vec<(SynKey, Syn)> = Vec::new();
    let mut order: Vec<(bool, usize)> = Vec::with_capacity(entries.len());
    for (i, (key, value)) in entries.iter().enumerate() {
        if loops && foreach::is_loop(&key.name) && value.complete {
            let first = generated.len();
            expander.expand(key, value, &mut generated);
            order.extend((first..generated.len()).map(|j| (true, j)));
        } else {
            order.push((false, i));
        }
    }
    ctx.add_generated(generated.iter().map(|(k, _)| k.name.clone()));
    for (is_generated, i) in order {
        let (key, value) = if is_generated {
            &generated[i]
        } else {
            &entries[i]
        };
        // A resource cut short by a syntax error would look like one lacking its settings:
        // the error is reported, its facts are not guessed.
        if !value.complete {
            continue;
        }
        // `Fn::ForEach::Name` loops are not resources themselves (without the transform they
        // are not expanded either).
        if foreach::is_loop(&key.name) || key.name.starts_with("Fn::ForEach") {
            continue;
        }
        // Loops over properties inside the resource.
        let expanded;
        let value = if loops {
            expanded = expander.expand_within(value);
            &expanded
        } else {
            value
        };
        let header = key.span;
        let SynKind::Map(_) = &value.kind else {
            diagnostics.push(Diagnostic::new(
                header,
                format!(
                    "resource `{}` must be a mapping, found {}; skipped",
                    key.name,
                    value.describe()
                ),
            ));
            continue;
        };
        let kind = match value.get("Type") {
            Some(Syn {
                kind: SynKind::Str(t),
                ..
            }) => t.clone(),
            Some(other) => {
                let hint = match other.entries() {
                    [(k, _)] if k.name.starts_with('!') => format!(" (a `{}` tag)", k.name),
                    _ => String::new(),
                };
                diagnostics.push(Diagnostic::new(
                    other.span,
                    format!(
                        "resource `{}` has a `Type` that is not a string but {}{hint}; skipped",
                        key.name,
                        other.describe()
                    ),
                ));
                continue;
            }
            None => {
                diagnostics.push(Diagnostic::new(
                    header,
                    format!("resource `{}` has no `Type`; skipped", key.name),
                ));
                continue;
            }
        };
        // SAM resources inherit the template's `Globals`.
        let merged;
        let value = match sam
            .then(|| crate::sam::with_globals(root, &kind, value))
            .flatten()
        {
            Some(m) => {
                merged = m;
                &merged
            }
            None => value,
        };
        let id = model.add_resource(Resource {
            address: key.name.clone(),
            kind: kind.clone(),
            format: Format::CloudFormation,
            header,
            extent: header.to(value.span),
            trace: Vec::new(),
        });
        // A resource whose condition is known false is not created with the defaults.
        if let Some(cond) = value.get("Condition").and_then(Syn::as_str) {
            if ctx.condition(cond) == Some(false) {
                continue;
            }
        }
        let props = value
            .get("Properties")
            .and_then(|p| ctx.eval(p))
            .unwrap_or_else(|| Node::literal(NodeKind::Map(Vec::new()), header));
        // Properties that are themselves conditional or unknown cannot be said to lack
        // anything; judging them would report defaults the template may well override.
        if !matches!(props.kind, NodeKind::Map(_) | NodeKind::Null) {
            continue;
        }
        for (link, targets, span, target) in link_references(&kind, &props) {
            pending_links.push(PendingLink {
                from: id,
                kind: link,
                targets,
                span,
                target: target.to_string(),
            });
        }
        // A bucket whose canned ACL lets S3 deliver access logs into it.
        if kind == "AWS::S3::Bucket" {
            if let Some((key, acl)) = entry(&props, "AccessControl") {
                if acl.as_str() == Some("LogDeliveryWrite") {
                    model.links.push(Link {
                        from: id,
                        to: id,
                        kind: LinkKind::LogDestination,
                        span: key.span,
                    });
                }
            }
        }
        let mut r = Adapter {
            model: &mut model,
            id,
            header,
            extent: header.to(value.span),
            props: &props,
        };
        r.adapt(&kind);
    }
    resolve_links(&mut model, pending_links);
    diagnostics.append(&mut expander.diagnostics);
    diagnostics.extend(ctx.depth_note());
    diagnostics.extend(ctx.fuel_note());
    model
}

struct Adapter<'a> {
    model: &'a mut Model,
    id: ResourceId,
    header: Span,
    extent: Span,
    props: &'a Node,
}

/// A property that is written: a `null` (also what `AWS::NoValue` leaves in a conditional
/// branch) counts as absent.
fn present<'n>(node: &'n Node, key: &str) -> Option<&'n Node> {
    node.get(key).filter(|n| !matches!(n.kind, NodeKind::Null))
}

/// The property's key and value, for spans that should cover `Key: value`.
fn property_span(node: &Node, key: &str) -> Option<Span> {
    node.entries()
        .iter()
        .find(|(k, _)| k.name == key)
        .map(|(k, v)| k.span.to(v.span))
}

/// The `Fn::If` branches a value sits under, outermost first.
type When = Vec<(String, bool)>;

/// Items of a list property, flattening conditionals (a rule or device that exists under a
/// condition is still judged) and skipping nulls.
fn flat_items(node: &Node) -> Vec<&Node> {
    flat_items_when(node).into_iter().map(|(n, _)| n).collect()
}

/// Items of a list property with the `Fn::If` branches that lead to each, so a finding on
/// an item that exists only under a condition can name it.
fn flat_items_when(node: &Node) -> Vec<(&Node, When)> {
    node.items_when()
}

/// A value that exists only under `when`: wrapped in one conditional per branch taken, with
/// nothing (unknown) on the other side, where the item does not exist and nothing is judged.
/// The model's conditional values are how checks learn which condition to name.
fn under<T>(value: Value<T>, when: &[(String, bool)]) -> Value<T> {
    when.iter().rev().fold(value, |inner, (condition, branch)| {
        let span = inner.span;
        let absent = Value::unknown(span);
        let (when_true, when_false) = if *branch {
            (inner, absent)
        } else {
            (absent, inner)
        };
        Value {
            kind: ValueKind::Conditional {
                condition: condition.clone(),
                when_true: Box::new(when_true),
                when_false: Box::new(when_false),
            },
            span,
            defined_at: None,
        }
    })
}

/// The `Fn::If` branches under which `node` is not set (null, which is what `AWS::NoValue`
/// leaves in a branch); none for a value that is always set.
fn branches_without(node: &Node) -> Vec<When> {
    node.branches()
        .into_iter()
        .filter(|(n, _)| matches!(n.kind, NodeKind::Null))
        .map(|(_, when)| when)
        .collect()
}

/// `true` where a value is written, `false` where a conditional branch leaves it unset: an
/// SNS topic is encrypted exactly when it has a key.
fn presence(node: &Node) -> Value<bool> {
    match &node.kind {
        NodeKind::Null => Value::known(false, Provenance::Omitted, node.span),
        NodeKind::Conditional {
            condition,
            when_true,
            when_false,
        } => Value {
            kind: ValueKind::Conditional {
                condition: condition.clone(),
                when_true: Box::new(presence(when_true)),
                when_false: Box::new(presence(when_false)),
            },
            span: node.span,
            defined_at: node.defined_at,
        },
        _ => Value::known(true, provenance_of(node), node.span),
    }
}

fn is_map(node: &Node) -> bool {
    matches!(node.kind, NodeKind::Map(_))
}

fn provenance_of(node: &Node) -> Provenance {
    match node.provenance {
        Provenance::Omitted => Provenance::Literal,
        p => p,
    }
}

fn lower(v: Value<String>) -> Value<String> {
    v.map(&mut |s| s.to_ascii_lowercase())
}

impl Adapter<'_> {
    fn adapt(&mut self, kind: &str) {
        match kind {
            "AWS::EC2::SecurityGroup" => self.security_group(),
            "AWS::EC2::SecurityGroupIngress" => {
                let rule = self.sg_rule(
                    self.props,
                    Direction::Ingress,
                    self.header,
                    self.extent,
                    None,
                );
                self.model.security_group_rules.push(rule);
            }
            "AWS::EC2::SecurityGroupEgress" => {
                let rule = self.sg_rule(
                    self.props,
                    Direction::Egress,
                    self.header,
                    self.extent,
                    None,
                );
                self.model.security_group_rules.push(rule);
            }
            "AWS::EC2::NetworkAclEntry" => self.nacl_entry(),
            "AWS::IAM::Role" => {
                self.policy_at("AssumeRolePolicyDocument", PolicyKind::Trust);
                self.inline_policies();
            }
            "AWS::IAM::User" | "AWS::IAM::Group" => self.inline_policies(),
            "AWS::IAM::Policy"
            | "AWS::IAM::ManagedPolicy"
            | "AWS::IAM::RolePolicy"
            | "AWS::IAM::UserPolicy"
            | "AWS::IAM::GroupPolicy" => self.policy_at("PolicyDocument", PolicyKind::Identity),
            "AWS::S3::BucketPolicy" | "AWS::SQS::QueuePolicy" | "AWS::SNS::TopicPolicy" => {
                self.policy_at("PolicyDocument", PolicyKind::Resource)
            }
            "AWS::KMS::Key" => {
                self.policy_at("KeyPolicy", PolicyKind::Resource);
                self.kms_key();
            }
            "AWS::ECR::Repository" => {
                self.policy_at("RepositoryPolicyText", PolicyKind::Resource);
                self.ecr();
            }
            "AWS::SecretsManager::ResourcePolicy" => {
                self.policy_at("ResourcePolicy", PolicyKind::Resource)
            }
            "AWS::Organizations::Policy" => self.policy_at("Content", PolicyKind::ControlPolicy),
            "AWS::S3::Bucket" => self.s3_bucket(),
            "AWS::EC2::Volume" => {
                let span = self.header;
                self.ebs(self.props, "volume", span);
            }
            "AWS::EC2::Instance" => self.instance(),
            "AWS::EC2::LaunchTemplate" => {
                if let Some(data) = present(self.props, "LaunchTemplateData") {
                    self.block_devices(data);
                }
            }
            "AWS::AutoScaling::LaunchConfiguration" => self.block_devices(self.props),
            "AWS::RDS::DBInstance" => self.rds(
                "DB instance",
                &[
                    "SourceDBInstanceIdentifier",
                    "DBSnapshotIdentifier",
                    "SourceDBClusterIdentifier",
                ],
            ),
            "AWS::RDS::DBCluster" => self.rds(
                "DB cluster",
                &["SnapshotIdentifier", "SourceDBClusterIdentifier"],
            ),
            "AWS::DynamoDB::Table" => self.dynamodb(),
            "AWS::SNS::Topic" => self.key_means_encrypted(Service::Sns, "topic", "KmsMasterKeyId"),
            "AWS::SQS::Queue" => self.sqs(),
            "AWS::Logs::LogGroup" => {
                self.always_encrypted(Service::CloudWatchLogs, "log group", "KmsKeyId")
            }
            "AWS::SecretsManager::Secret" => {
                self.always_encrypted(Service::SecretsManager, "secret", "KmsKeyId")
            }
            "AWS::EFS::FileSystem" => self.flag_and_key(
                Service::Efs,
                "file system",
                self.props,
                "Encrypted",
                "KmsKeyId",
                self.header,
            ),
            "AWS::Redshift::Cluster" => self.flag_and_key(
                Service::Redshift,
                "cluster",
                self.props,
                "Encrypted",
                "KmsKeyId",
                self.header,
            ),
            "AWS::ElastiCache::ReplicationGroup" => self.flag_and_key(
                Service::ElastiCache,
                "replication group",
                self.props,
                "AtRestEncryptionEnabled",
                "KmsKeyId",
                self.header,
            ),
            "AWS::Kinesis::Stream" => self.kinesis(),
            // SAM: a function's (or state machine's) generated role carries `Policies`.
            "AWS::Serverless::Function" | "AWS::Serverless::StateMachine" => self.sam_policies(),
            "AWS::Serverless::SimpleTable" => self.dynamodb(),
            "AWS::Serverless::Api" => self.sam_api(),
            "AWS::Lambda::Permission" => self.lambda_permission(),
            "AWS::OpenSearchService::Domain" | "AWS::Elasticsearch::Domain" => self.opensearch(),
            _ => {}
        }
    }

    // -- network --------------------------------------------------------------------------

    fn security_group(&mut self) {
        let description = present(self.props, "GroupDescription").map(Node::to_string_value);
        for (key, direction) in [
            ("SecurityGroupIngress", Direction::Ingress),
            ("SecurityGroupEgress", Direction::Egress),
        ] {
            let Some((k, list)) = self.props.entries().iter().find(|(k, _)| k.name == key) else {
                continue;
            };
            for (item, when) in flat_items_when(list) {
                let mut rule =
                    self.sg_rule(item, direction, k.span, item.span, description.clone());
                if !when.is_empty() {
                    for source in &mut rule.sources {
                        if let SgSource::Cidr(cidr) = source {
                            let plain = std::mem::replace(cidr, Value::unknown(item.span));
                            *cidr = under(plain, &when);
                        }
                    }
                }
                self.model.security_group_rules.push(rule);
            }
        }
    }

    fn sg_rule(
        &self,
        rule: &Node,
        direction: Direction,
        direction_span: Span,
        span: Span,
        group_description: Option<Value<String>>,
    ) -> SecurityGroupRule {
        let mut sources = Vec::new();
        for key in ["CidrIp", "CidrIpv6"] {
            if let Some(cidr) = present(rule, key) {
                sources.push(SgSource::Cidr(cidr.to_string_value()));
            }
        }
        for key in [
            "SourceSecurityGroupId",
            "SourceSecurityGroupName",
            "SourcePrefixListId",
            "DestinationSecurityGroupId",
            "DestinationPrefixListId",
        ] {
            if let Some(other) = present(rule, key) {
                sources.push(SgSource::Other(other.span));
            }
        }
        let (from_port, to_port) =
            self.ports(present(rule, "FromPort"), present(rule, "ToPort"), span);
        SecurityGroupRule {
            owner: self.id,
            direction: Value::literal(direction, direction_span),
            protocol: match present(rule, "IpProtocol") {
                Some(p) => lower(p.to_string_value()),
                None => Value::unknown(span),
            },
            from_port,
            to_port,
            sources,
            span,
            description: present(rule, "Description")
                .map(Node::to_string_value)
                .or(group_description),
        }
    }

    /// Ports as written; a missing port means the whole range (it is only allowed for
    /// protocols without ports, such as `-1`).
    fn ports(
        &self,
        from: Option<&Node>,
        to: Option<&Node>,
        span: Span,
    ) -> (Value<i64>, Value<i64>) {
        (
            from.map(Node::to_int_value)
                .unwrap_or_else(|| Value::omitted(0, span)),
            to.map(Node::to_int_value)
                .unwrap_or_else(|| Value::omitted(65535, span)),
        )
    }

    fn nacl_entry(&mut self) {
        let p = self.props;
        let (from_port, to_port) = match present(p, "PortRange") {
            Some(range) => self.ports(present(range, "From"), present(range, "To"), range.span),
            None => self.ports(None, None, self.header),
        };
        let direction = match present(p, "Egress") {
            Some(e) => e.to_bool_value().map(&mut |egress| {
                if egress {
                    Direction::Egress
                } else {
                    Direction::Ingress
                }
            }),
            None => Value::omitted(Direction::Ingress, self.header),
        };
        let rule = NaclRule {
            owner: self.id,
            direction,
            action: present(p, "RuleAction")
                .map(|a| lower(a.to_string_value()))
                .unwrap_or_else(|| Value::unknown(self.header)),
            protocol: present(p, "Protocol")
                .map(|a| lower(a.to_string_value()))
                .unwrap_or_else(|| Value::unknown(self.header)),
            from_port,
            to_port,
            cidr: present(p, "CidrBlock").map(Node::to_string_value),
            ipv6_cidr: present(p, "Ipv6CidrBlock").map(Node::to_string_value),
            rule_number: present(p, "RuleNumber")
                .map(Node::to_int_value)
                .unwrap_or_else(|| Value::unknown(self.header)),
            span: self.extent,
        };
        self.model.nacl_rules.push(rule);
    }

    // -- policies -------------------------------------------------------------------------

    fn policy_at(&mut self, key: &str, kind: PolicyKind) {
        if let Some(doc) = present(self.props, key) {
            let doc = doc.clone();
            self.attach_policy(&doc, kind, key.to_string());
        }
    }

    fn inline_policies(&mut self) {
        let Some(list) = present(self.props, "Policies") else {
            return;
        };
        let list = list.clone();
        for (i, (item, when)) in flat_items_when(&list).into_iter().enumerate() {
            let Some(doc) = present(item, "PolicyDocument") else {
                continue;
            };
            let attribute = match present(item, "PolicyName").and_then(scalar_node_text) {
                Some(name) => format!("Policies[{name}]"),
                None => format!("Policies[{i}]"),
            };
            self.attach_policy_when(doc, PolicyKind::Identity, attribute, &when);
        }
    }

    fn attach_policy(&mut self, doc: &Node, kind: PolicyKind, attribute: String) {
        self.attach_policy_when(doc, kind, attribute, &[]);
    }

    /// Attaches a document that applies only under `when` (conditions around it).
    fn attach_policy_when(
        &mut self,
        doc: &Node,
        kind: PolicyKind,
        attribute: String,
        when: &[(String, bool)],
    ) {
        let mut docs = Vec::new();
        policy_documents(doc, &mut when.to_vec(), &mut docs);
        for (node, when) in docs {
            if let Some(mut document) = policy_from_node(&node, kind) {
                for st in &mut document.statements {
                    let mut w = when.clone();
                    w.append(&mut st.when);
                    st.when = w;
                }
                self.model.policies.push(AttachedPolicy {
                    owner: Some(self.id),
                    attribute: attribute.clone(),
                    document,
                });
            }
        }
    }

    // -- SAM --------------------------------------------------------------------------------

    /// `Policies` of a SAM function: managed policy names or ARNs (their content is not
    /// known here), inline documents, and policy templates. With `Role` given, SAM creates
    /// no role and ignores `Policies`, so nothing is attached; a `Role` given only under a
    /// condition leaves the policies applying under the branches without one.
    fn sam_policies(&mut self) {
        let Some(policies) = present(self.props, "Policies") else {
            return;
        };
        let policies = policies.clone();
        let without_role = match self.props.get("Role") {
            None => vec![Vec::new()],
            Some(role) => branches_without(role),
        };
        for role_absent in without_role {
            for (item, item_when) in policies.items_when() {
                let when = [role_absent.clone(), item_when].concat();
                self.sam_policy_item(item, &when);
            }
        }
    }

    /// One item of `Policies`: an inline document or a policy template (a managed policy
    /// name or ARN, or anything unknown, attaches nothing known).
    fn sam_policy_item(&mut self, node: &Node, when: &[(String, bool)]) {
        let NodeKind::Map(entries) = &node.kind else {
            return;
        };
        if node.get_ci("Statement").is_some() {
            self.attach_policy_when(node, PolicyKind::Identity, "Policies".into(), when);
        } else if let [(key, args)] = entries.as_slice() {
            let doc = crate::sam::template_document(&key.name, key.span, args, node.span);
            if let Some(doc) = doc {
                let attribute = format!("Policies[{}]", key.name);
                self.attach_policy_when(&doc, PolicyKind::Identity, attribute, when);
            }
        }
    }

    /// `Auth.ResourcePolicy.CustomStatements` of a SAM API: statements of the API's resource
    /// policy.
    fn sam_api(&mut self) {
        let Some(resource_policy) = present(self.props, "Auth")
            .and_then(|a| present(a, "ResourcePolicy"))
            .cloned()
        else {
            return;
        };
        let Some((key, statements)) = resource_policy
            .entries()
            .iter()
            .find(|(k, v)| k.name == "CustomStatements" && !matches!(v.kind, NodeKind::Null))
        else {
            return;
        };
        let doc = Node::new(
            NodeKind::Map(vec![(
                MapKey {
                    name: "Statement".into(),
                    span: key.span,
                },
                statements.clone(),
            )]),
            resource_policy.span,
            resource_policy.provenance,
        );
        self.attach_policy(&doc, PolicyKind::Resource, "Auth.ResourcePolicy".into());
    }

    /// `AWS::Lambda::Permission` is one statement of the function's resource policy; it is
    /// written as that statement so the policy checks judge it like any other.
    fn lambda_permission(&mut self) {
        let p = self.props;
        let entry = |key: &str, name: &str, value: Node| {
            let span = p
                .entries()
                .iter()
                .find(|(k, _)| k.name == key)
                .map(|(k, _)| k.span)
                .unwrap_or(value.span);
            (
                MapKey {
                    name: name.to_string(),
                    span,
                },
                value,
            )
        };
        let Some(action) = present(p, "Action").cloned() else {
            return;
        };
        let mut statement = vec![
            entry(
                "Action",
                "Effect",
                Node::literal(NodeKind::String("Allow".into()), action.span),
            ),
            entry("Action", "Action", action),
        ];
        if let Some(principal) = present(p, "Principal") {
            // The property is a bare string: `*`, a service host, or an account / ARN.
            let kind = match principal.as_str() {
                Some("*") => None,
                Some(s) if s.ends_with(".amazonaws.com") || s.ends_with(".amazonaws.com.cn") => {
                    Some("Service")
                }
                _ => Some("AWS"),
            };
            let value = match kind {
                None => principal.clone(),
                Some(kind) => Node::new(
                    NodeKind::Map(vec![(
                        MapKey {
                            name: kind.into(),
                            span: principal.span,
                        },
                        principal.clone(),
                    )]),
                    principal.span,
                    principal.provenance,
                ),
            };
            statement.push(entry("Principal", "Principal", value));
        }
        if let Some(function) = present(p, "FunctionName") {
            statement.push(entry("FunctionName", "Resource", function.clone()));
        }
        let mut conditions = Vec::new();
        for (key, operator, condition_key) in [
            ("SourceArn", "ArnLike", "AWS:SourceArn"),
            ("SourceAccount", "StringEquals", "AWS:SourceAccount"),
            ("PrincipalOrgID", "StringEquals", "aws:PrincipalOrgID"),
        ] {
            if let Some(value) = present(p, key) {
                let test = entry(key, condition_key, value.clone());
                conditions.push(entry(
                    key,
                    operator,
                    Node::new(NodeKind::Map(vec![test]), value.span, value.provenance),
                ));
            }
        }
        if !conditions.is_empty() {
            statement.push((
                MapKey {
                    name: "Condition".into(),
                    span: self.header,
                },
                Node::literal(NodeKind::Map(conditions), self.header),
            ));
        }
        let statement = Node::literal(NodeKind::Map(statement), self.extent);
        let doc = Node::literal(
            NodeKind::Map(vec![(
                MapKey {
                    name: "Statement".into(),
                    span: self.header,
                },
                statement,
            )]),
            self.extent,
        );
        self.attach_policy(&doc, PolicyKind::Resource, "Permission".into());
    }

    // -- encryption -----------------------------------------------------------------------

    fn push_encryption(
        &mut self,
        service: Service,
        store: &str,
        encrypted: Value<bool>,
        kms_key: Option<Value<String>>,
        span: Span,
    ) {
        self.model.encryption.push(EncryptionAtRest {
            owner: self.id,
            service,
            store: store.to_string(),
            encrypted,
            kms_key,
            span,
        });
    }

    /// Services where a boolean flag says whether data is encrypted and a key id may name
    /// the key; not writing the flag means unencrypted.
    fn flag_and_key(
        &mut self,
        service: Service,
        store: &str,
        node: &Node,
        flag: &str,
        key: &str,
        fallback: Span,
    ) {
        if !is_map(node) {
            // A conditional or unknown settings block: nothing is known to be missing.
            let unknown = Some(Value::unknown(node.span));
            return self.push_encryption(
                service,
                store,
                Value::unknown(node.span),
                unknown,
                fallback,
            );
        }
        let encrypted = match present(node, flag) {
            Some(f) => f.to_bool_value(),
            None => Value::omitted(false, fallback),
        };
        let kms_key = present(node, key).map(Node::to_string_value);
        let span = property_span(node, flag).unwrap_or(fallback);
        self.push_encryption(service, store, encrypted, kms_key, span);
    }

    fn ebs(&mut self, node: &Node, store: &str, fallback: Span) {
        self.flag_and_key(Service::Ebs, store, node, "Encrypted", "KmsKeyId", fallback);
    }

    fn instance(&mut self) {
        if present(self.props, "BlockDeviceMappings").is_none() {
            self.push_encryption(
                Service::Ebs,
                "root block device",
                Value::omitted(false, self.header),
                None,
                self.header,
            );
            return;
        }
        self.block_devices(self.props);
    }

    fn block_devices(&mut self, holder: &Node) {
        let Some(list) = present(holder, "BlockDeviceMappings") else {
            return;
        };
        for (item, when) in flat_items_when(list) {
            // Instance store (`VirtualName`) and `NoDevice` entries have no EBS volume.
            let Some(ebs) = present(item, "Ebs") else {
                continue;
            };
            let store = match present(item, "DeviceName").and_then(scalar_node_text) {
                Some(d) => format!("block device {d}"),
                None => "block device".to_string(),
            };
            let (ebs, span) = (ebs.clone(), item.span);
            let first = self.model.encryption.len();
            self.ebs(&ebs, &store, span);
            // Only `encrypted` is wrapped: both encryption checks take the conditions of
            // their finding from it (a key is joined with it), and a wrapped key would read
            // as "some key is configured".
            for fact in &mut self.model.encryption[first..] {
                let plain = std::mem::replace(&mut fact.encrypted, Value::unknown(span));
                fact.encrypted = under(plain, &when);
            }
        }
    }

    fn rds(&mut self, store: &str, inherited_from: &[&str]) {
        let p = self.props;
        // An instance of a cluster is encrypted by the cluster.
        if store == "DB instance" && present(p, "DBClusterIdentifier").is_some() {
            return;
        }
        if present(p, "StorageEncrypted").is_none() {
            // Replicas and restores inherit the source's encryption, which is not known here.
            if let Some(source) = inherited_from.iter().find_map(|k| present(p, k)) {
                let kms_key = present(p, "KmsKeyId").map(Node::to_string_value);
                self.push_encryption(
                    Service::Rds,
                    store,
                    Value::unknown(source.span),
                    kms_key,
                    self.header,
                );
                return;
            }
            // Aurora Serverless v1 (`EngineMode: serverless`) is always encrypted.
            if let Some(mode) = present(p, "EngineMode").map(Node::to_string_value) {
                let encrypted = match mode.get() {
                    Some(m) if m.eq_ignore_ascii_case("serverless") => {
                        Some(Value::omitted(true, self.header))
                    }
                    Some(_) => None,
                    None => Some(Value::unknown(mode.span)),
                };
                if let Some(encrypted) = encrypted {
                    let kms_key = present(p, "KmsKeyId").map(Node::to_string_value);
                    self.push_encryption(Service::Rds, store, encrypted, kms_key, self.header);
                    return;
                }
            }
        }
        let header = self.header;
        self.flag_and_key(
            Service::Rds,
            store,
            p,
            "StorageEncrypted",
            "KmsKeyId",
            header,
        );
    }

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

    fn dynamodb(&mut self) {
        let Some(sse) = present(self.props, "SSESpecification") else {
            self.push_encryption(
                Service::DynamoDb,
                "table",
                Value::omitted(true, self.header),
                None,
                self.header,
            );
            return;
        };
        let span = property_span(self.props, "SSESpecification").unwrap_or(sse.span);
        if !is_map(sse) {
            let unknown = Some(Value::unknown(sse.span));
            return self.push_encryption(
                Service::DynamoDb,
                "table",
                Value::omitted(true, span),
                unknown,
                span,
            );
        }
        // `SSEEnabled: false` still encrypts, with an AWS owned key; `true` selects KMS.
        let kms_key = match present(sse, "SSEEnabled").map(|e| e.to_bool_value()) {
            Some(v) if v.get() == Some(&true) => Some(
                present(sse, "KMSMasterKeyId")
                    .map(Node::to_string_value)
                    .unwrap_or_else(|| Value::omitted("alias/aws/dynamodb".to_string(), span)),
            ),
            Some(v) if v.get() == Some(&false) => None,
            Some(_) => present(sse, "KMSMasterKeyId").map(Node::to_string_value),
            None => None,
        };
        self.push_encryption(
            Service::DynamoDb,
            "table",
            Value::known(true, Provenance::Literal, span),
            kms_key,
            span,
        );
    }

    /// SNS: encrypted exactly when a key is given.
    fn key_means_encrypted(&mut self, service: Service, store: &str, key: &str) {
        match self.props.get(key) {
            Some(k) => {
                let span = property_span(self.props, key).unwrap_or(k.span);
                let encrypted = presence(k);
                let kms_key = (!matches!(k.kind, NodeKind::Null)).then(|| k.to_string_value());
                self.push_encryption(service, store, encrypted, kms_key, span);
            }
            None => self.push_encryption(
                service,
                store,
                Value::omitted(false, self.header),
                None,
                self.header,
            ),
        }
    }

    fn sqs(&mut self) {
        if present(self.props, "KmsMasterKeyId").is_some() {
            return self.key_means_encrypted(Service::Sqs, "queue", "KmsMasterKeyId");
        }
        let (encrypted, span) = match present(self.props, "SqsManagedSseEnabled") {
            Some(flag) => (
                flag.to_bool_value(),
                property_span(self.props, "SqsManagedSseEnabled").unwrap_or(flag.span),
            ),
            None => (Value::omitted(true, self.header), self.header),
        };
        self.push_encryption(Service::Sqs, "queue", encrypted, None, span);
    }

    fn always_encrypted(&mut self, service: Service, store: &str, key: &str) {
        let kms_key = present(self.props, key).map(Node::to_string_value);
        let span = property_span(self.props, key).unwrap_or(self.header);
        self.push_encryption(
            service,
            store,
            Value::omitted(true, self.header),
            kms_key,
            span,
        );
    }

    fn kinesis(&mut self) {
        let Some(enc) = present(self.props, "StreamEncryption") else {
            self.push_encryption(
                Service::Kinesis,
                "stream",
                Value::omitted(false, self.header),
                None,
                self.header,
            );
            return;
        };
        let span = property_span(self.props, "StreamEncryption").unwrap_or(enc.span);
        let encrypted = match present(enc, "EncryptionType") {
            Some(t) => t
                .to_string_value()
                .map(&mut |t| t.eq_ignore_ascii_case("KMS")),
            None => Value::unknown(enc.span),
        };
        let kms_key = present(enc, "KeyId").map(Node::to_string_value);
        self.push_encryption(Service::Kinesis, "stream", encrypted, kms_key, span);
    }

    fn ecr(&mut self) {
        let Some(enc) = present(self.props, "EncryptionConfiguration") else {
            self.push_encryption(
                Service::Ecr,
                "repository",
                Value::omitted(true, self.header),
                None,
                self.header,
            );
            return;
        };
        let span = property_span(self.props, "EncryptionConfiguration").unwrap_or(enc.span);
        if !is_map(enc) {
            let unknown = Some(Value::unknown(enc.span));
            return self.push_encryption(
                Service::Ecr,
                "repository",
                Value::omitted(true, span),
                unknown,
                span,
            );
        }
        let ty = present(enc, "EncryptionType");
        let kms_key = match present(enc, "KmsKey") {
            Some(k) => Some(k.to_string_value()),
            None => ty.and_then(|t| match t.as_str() {
                Some(s) if s.to_ascii_uppercase().starts_with("KMS") => {
                    Some(Value::omitted("alias/aws/ecr".to_string(), t.span))
                }
                _ => None,
            }),
        };
        self.push_encryption(
            Service::Ecr,
            "repository",
            Value::known(true, Provenance::Literal, span),
            kms_key,
            span,
        );
    }

    fn opensearch(&mut self) {
        match present(self.props, "EncryptionAtRestOptions") {
            Some(opts) => {
                let opts = opts.clone();
                let fallback =
                    property_span(self.props, "EncryptionAtRestOptions").unwrap_or(opts.span);
                self.flag_and_key(
                    Service::OpenSearch,
                    "domain",
                    &opts,
                    "Enabled",
                    "KmsKeyId",
                    fallback,
                );
            }
            None => self.push_encryption(
                Service::OpenSearch,
                "domain",
                Value::omitted(false, self.header),
                None,
                self.header,
            ),
        }
    }

    fn kms_key(&mut self) {
        let rotation_enabled = present(self.props, "EnableKeyRotation")
            .map(Node::to_bool_value)
            .unwrap_or_else(|| Value::omitted(false, self.header));
        let key_spec = present(self.props, "KeySpec")
            .map(Node::to_string_value)
            .unwrap_or_else(|| Value::omitted("SYMMETRIC_DEFAULT".to_string(), self.header));
        let key_usage = present(self.props, "KeyUsage")
            .map(Node::to_string_value)
            .unwrap_or_else(|| Value::omitted("ENCRYPT_DECRYPT".to_string(), self.header));
        self.model.kms_keys.push(KmsKey {
            owner: self.id,
            rotation_enabled,
            key_spec,
            key_usage,
        });
    }
}

/// The documents a policy property may hold: a mapping, a JSON string, or either under
/// `Fn::If` (each branch with its condition).
fn policy_documents(
    node: &Node,
    when: &mut Vec<(String, bool)>,
    out: &mut Vec<(Node, Vec<(String, bool)>)>,
) {
    match &node.kind {
        NodeKind::Map(_) => out.push((node.clone(), when.clone())),
        NodeKind::String(text) => {
            if let Some(syn) = parse_embedded_json(text, node.span) {
                if let Some(mut doc) = Ctx::plain().eval(&syn) {
                    doc.provenance = node.provenance;
                    out.push((doc, when.clone()));
                }
            }
        }
        NodeKind::Conditional {
            condition,
            when_true,
            when_false,
        } => {
            when.push((condition.clone(), true));
            policy_documents(when_true, when, out);
            when.pop();
            when.push((condition.clone(), false));
            policy_documents(when_false, when, out);
            when.pop();
        }
        _ => {}
    }
}
