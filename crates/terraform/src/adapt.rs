//! Adapters: evaluated resource blocks into the typed model.
//!
//! Every resource block of a type Palisade models is evaluated once into a map node (see
//! [`Eval::block_node`]); the functions here read that map. Unknown resource types are
//! never evaluated.

use crate::eval::Eval;
use crate::policy_doc::json_of_string;
use crate::syntax::{block_header, span};
use palisade_model::ec2::{Direction, NaclRule, SecurityGroupRule, SgSource};
use palisade_model::encryption::{EncryptionAtRest, KmsKey, Service};
use palisade_model::node::MapKey;
use palisade_model::{
    AttachedPolicy, Format, Link, LinkKind, Model, Node, NodeKind, PendingLink, PolicyKind,
    Resource, ResourceId, Span, Value, ValueKind,
};
use std::collections::{BTreeSet, HashMap};

/// Attributes that hold a JSON policy document: a heredoc or string written in place is parsed
/// with exact spans.
const JSON_ATTRS: &[&str] = &["policy", "assume_role_policy", "content"];

/// Resource types with an adapter; everything else is skipped without evaluation.
const MODELLED: &[&str] = &[
    // Read for log destinations only (their ACL grants or `access_logs` blocks).
    "aws_s3_bucket_acl",
    "aws_lb",
    "aws_alb",
    "aws_elb",
    "aws_security_group",
    "aws_db_security_group",
    "aws_default_security_group",
    "aws_security_group_rule",
    "aws_vpc_security_group_ingress_rule",
    "aws_vpc_security_group_egress_rule",
    "aws_network_acl",
    "aws_default_network_acl",
    "aws_network_acl_rule",
    "aws_iam_policy",
    "aws_iam_role",
    "aws_iam_role_policy",
    "aws_iam_user_policy",
    "aws_iam_group_policy",
    "aws_s3_bucket_policy",
    "aws_s3_bucket",
    "aws_sqs_queue_policy",
    "aws_sqs_queue",
    "aws_sns_topic_policy",
    "aws_sns_topic",
    "aws_kms_key",
    "aws_ecr_repository_policy",
    "aws_ecr_repository",
    "aws_secretsmanager_secret_policy",
    "aws_secretsmanager_secret",
    "aws_organizations_policy",
    "aws_s3_bucket_server_side_encryption_configuration",
    "aws_ebs_volume",
    "aws_instance",
    "aws_launch_template",
    "aws_launch_configuration",
    "aws_db_instance",
    "aws_rds_cluster",
    "aws_dynamodb_table",
    "aws_cloudwatch_log_group",
    "aws_efs_file_system",
    "aws_kinesis_stream",
    "aws_elasticache_replication_group",
    "aws_redshift_cluster",
    "aws_opensearch_domain",
    "aws_elasticsearch_domain",
];

/// Resource types read only for their links (see `LINKS`) or as link targets: only their
/// link attributes are evaluated.
const LINK_ONLY: &[&str] = &[
    "aws_iam_user",
    "aws_iam_group",
    "aws_iam_role_policy_attachment",
    "aws_iam_user_policy_attachment",
    "aws_iam_group_policy_attachment",
    "aws_iam_policy_attachment",
    "aws_s3_bucket_public_access_block",
    "aws_s3_bucket_logging",
    "aws_s3_bucket_versioning",
    "aws_s3_bucket_ownership_controls",
    "aws_s3_bucket_lifecycle_configuration",
    "aws_s3_bucket_replication_configuration",
    "aws_s3_bucket_object_lock_configuration",
    "aws_s3_bucket_website_configuration",
    "aws_s3_bucket_cors_configuration",
];

const SG: &[&str] = &["aws_security_group", "aws_default_security_group"];
const BUCKET: &[&str] = &["aws_s3_bucket"];
const ROLE: &[&str] = &["aws_iam_role"];
const USER: &[&str] = &["aws_iam_user"];
const GROUP: &[&str] = &["aws_iam_group"];
const POLICY: &[&str] = &["aws_iam_policy"];

/// Attributes that reference another resource: (resource type, attribute, link kind, the
/// resource types the reference may name). Which attribute of the target is read (`.id`,
/// `.name`, `.arn`, `.bucket`) does not matter: each identifies the one resource.
const LINKS: &[(&str, &str, LinkKind, &[&str])] = &[
    (
        "aws_security_group_rule",
        "security_group_id",
        LinkKind::SecurityGroup,
        SG,
    ),
    (
        "aws_vpc_security_group_ingress_rule",
        "security_group_id",
        LinkKind::SecurityGroup,
        SG,
    ),
    (
        "aws_vpc_security_group_egress_rule",
        "security_group_id",
        LinkKind::SecurityGroup,
        SG,
    ),
    (
        "aws_network_acl_rule",
        "network_acl_id",
        LinkKind::NetworkAcl,
        &["aws_network_acl", "aws_default_network_acl"],
    ),
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
    // `BLOCK.ATTRIBUTE`: an attribute of a nested block.
    (
        "aws_s3_bucket",
        "logging.target_bucket",
        LinkKind::LogDestination,
        BUCKET,
    ),
    (
        "aws_lb",
        "access_logs.bucket",
        LinkKind::LogDestination,
        BUCKET,
    ),
    (
        "aws_alb",
        "access_logs.bucket",
        LinkKind::LogDestination,
        BUCKET,
    ),
    (
        "aws_elb",
        "access_logs.bucket",
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
    ("aws_iam_role_policy", "role", LinkKind::Principal, ROLE),
    ("aws_iam_user_policy", "user", LinkKind::Principal, USER),
    ("aws_iam_group_policy", "group", LinkKind::Principal, GROUP),
    (
        "aws_iam_role_policy_attachment",
        "role",
        LinkKind::Principal,
        ROLE,
    ),
    (
        "aws_iam_role_policy_attachment",
        "policy_arn",
        LinkKind::Policy,
        POLICY,
    ),
    (
        "aws_iam_user_policy_attachment",
        "user",
        LinkKind::Principal,
        USER,
    ),
    (
        "aws_iam_user_policy_attachment",
        "policy_arn",
        LinkKind::Policy,
        POLICY,
    ),
    (
        "aws_iam_group_policy_attachment",
        "group",
        LinkKind::Principal,
        GROUP,
    ),
    (
        "aws_iam_group_policy_attachment",
        "policy_arn",
        LinkKind::Policy,
        POLICY,
    ),
    (
        "aws_iam_policy_attachment",
        "roles",
        LinkKind::Principal,
        ROLE,
    ),
    (
        "aws_iam_policy_attachment",
        "users",
        LinkKind::Principal,
        USER,
    ),
    (
        "aws_iam_policy_attachment",
        "groups",
        LinkKind::Principal,
        GROUP,
    ),
    (
        "aws_iam_policy_attachment",
        "policy_arn",
        LinkKind::Policy,
        POLICY,
    ),
    (
        "aws_sqs_queue_policy",
        "queue_url",
        LinkKind::Governed,
        &["aws_sqs_queue"],
    ),
    (
        "aws_sns_topic_policy",
        "arn",
        LinkKind::Governed,
        &["aws_sns_topic"],
    ),
    (
        "aws_ecr_repository_policy",
        "repository",
        LinkKind::Governed,
        &["aws_ecr_repository"],
    ),
    (
        "aws_secretsmanager_secret_policy",
        "secret_arn",
        LinkKind::Governed,
        &["aws_secretsmanager_secret"],
    ),
];

struct Cx {
    model: Model,
    /// Bucket address -> index of its store in `model.encryption`.
    buckets: HashMap<ResourceId, usize>,
    /// Separate S3 encryption resources, linked after every bucket is known.
    sse_configs: Vec<(ResourceId, Node, Span)>,
    /// Policy-document data sources used as a trust policy.
    trust_docs: BTreeSet<Span>,
    /// Extent of each policy-document data source (how its evaluated node is recognised).
    doc_spans: BTreeSet<Span>,
    /// Resource address -> id, for resolving references into links.
    /// Several ids for one address only in an invalid configuration (a resource declared
    /// twice, as in a directory of copied examples).
    addresses: HashMap<String, Vec<ResourceId>>,
    /// References read from link attributes, resolved once every resource is known:
    /// (from, kind, target types, attribute span, referenced address).
    pending_links: Vec<PendingLink>,
}

/// What a called module leaves to the root module to resolve: its links and its separate S3
/// encryption configurations, whose targets may be resources of a caller (`bucket =
/// var.bucket_id` given `aws_s3_bucket.logs.id`). Addresses carry every module prefix, so
/// the root, knowing every module's resources, resolves them all. Ids are the module model's.
#[derive(Default)]
pub struct Unresolved {
    buckets: HashMap<ResourceId, usize>,
    sse_configs: Vec<(ResourceId, Node, Span)>,
    pending_links: Vec<PendingLink>,
}

/// The model of a root module: every reference resolved.
pub fn run(ev: &mut Eval<'_>) -> Model {
    let mut cx = adapt(ev);
    link_s3_encryption(&mut cx);
    resolve_links(&mut cx);
    cx.model
}

/// The model of a called module, with what only the root can resolve.
pub fn run_called(ev: &mut Eval<'_>) -> (Model, Unresolved) {
    let cx = adapt(ev);
    let unresolved = Unresolved {
        buckets: cx.buckets,
        sse_configs: cx.sse_configs,
        pending_links: cx.pending_links,
    };
    (cx.model, unresolved)
}

fn adapt(ev: &mut Eval<'_>) -> Cx {
    let ix = ev.ix;
    let mut cx = Cx {
        model: Model::default(),
        buckets: HashMap::new(),
        sse_configs: Vec::new(),
        trust_docs: BTreeSet::new(),
        addresses: HashMap::new(),
        pending_links: Vec::new(),
        doc_spans: ix
            .policy_doc_order
            .iter()
            .filter_map(|n| ix.policy_docs.get(n))
            .map(|b| span(b.file, b.node))
            .collect(),
    };
    for r in &ix.resources {
        let link_only = LINK_ONLY.contains(&r.kind);
        if !link_only && !MODELLED.contains(&r.kind) {
            continue;
        }
        let link_attrs: Vec<&str> = LINKS
            .iter()
            .filter(|l| l.0 == r.kind)
            .map(|l| l.1)
            .collect();
        let header = block_header(r.file, r.node);
        // One resource per instance; none when `count = 0` or the collection is empty.
        for inst in ev.expand(r.file, r.node) {
            let node = ev.with_instance(&inst, |ev| {
                if link_only {
                    ev.attributes_node(r.file, r.node, &link_attrs)
                } else {
                    ev.resource_node(r.file, r.node, JSON_ATTRS)
                }
            });
            ev.stats.count_values(&node);
            let id = cx.model.add_resource(Resource {
                address: format!(
                    "{}{}.{}{}",
                    ev.address_prefix(),
                    r.kind,
                    r.name,
                    inst.key.suffix()
                ),
                kind: r.kind.to_string(),
                format: Format::Terraform,
                header,
                extent: span(r.file, r.node),
                trace: Vec::new(),
            });
            let address = cx.model.resource(id).address.clone();
            cx.addresses.entry(address).or_default().push(id);
            collect_links(&mut cx, id, r.kind, &node);
            log_delivery_acl(&mut cx, id, r.kind, &node);
            adapt_resource(&mut cx, id, r.kind, &node, header);
        }
    }
    // Every module call is loaded, referenced or not: its resources are deployed.
    for name in &ix.module_order {
        let at = ix
            .module_calls
            .get(name)
            .map(|b| block_header(b.file, b.node))
            .unwrap_or_default();
        ev.module_value(name, at);
    }
    // Called modules' resources join before references are resolved: an output of a module
    // can name one of its resources (`security_group_id = module.sg.id`).
    for (m, unresolved) in std::mem::take(&mut ev.module_models) {
        let offset = cx.model.resources.len();
        let encryption_offset = cx.model.encryption.len();
        let shift = |id: ResourceId| ResourceId(id.0 + offset);
        for (i, r) in m.resources.iter().enumerate() {
            cx.addresses
                .entry(r.address.clone())
                .or_default()
                .push(ResourceId(offset + i));
        }
        cx.model.extend(m);
        cx.buckets.extend(
            unresolved
                .buckets
                .into_iter()
                .map(|(id, i)| (shift(id), i + encryption_offset)),
        );
        cx.sse_configs.extend(
            unresolved
                .sse_configs
                .into_iter()
                .map(|(id, n, sp)| (shift(id), n, sp)),
        );
        cx.pending_links
            .extend(unresolved.pending_links.into_iter().map(|p| PendingLink {
                from: shift(p.from),
                ..p
            }));
    }
    for name in &ix.policy_doc_order {
        let Some(block) = ix.policy_docs.get(name) else {
            continue;
        };
        let extent = span(block.file, block.node);
        let header = block_header(block.file, block.node);
        for inst in ev.doc_instances(name) {
            let doc = ev.policy_doc(name, &inst);
            let id = cx.model.add_resource(Resource {
                address: format!(
                    "{}data.aws_iam_policy_document.{name}{}",
                    ev.address_prefix(),
                    inst.key.suffix()
                ),
                kind: "aws_iam_policy_document".into(),
                format: Format::Terraform,
                header,
                extent,
                trace: Vec::new(),
            });
            let kind = if cx.trust_docs.contains(&extent) {
                PolicyKind::Trust
            } else {
                PolicyKind::Identity
            };
            if let Some(mut document) = palisade_model::policy::policy_from_node(&doc, kind) {
                if kind == PolicyKind::Identity
                    && document
                        .statements
                        .iter()
                        .any(|s| s.principal.is_some() || s.not_principal.is_some())
                {
                    document.kind = PolicyKind::Resource;
                }
                cx.model.policies.push(AttachedPolicy {
                    owner: Some(id),
                    attribute: "statement".into(),
                    document,
                });
            }
        }
    }
    cx
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
    let granted = blocks(n, "access_control_policy")
        .into_iter()
        .flat_map(|(p, _)| blocks(p, "grant"))
        .flat_map(|(g, _)| blocks(g, "grantee"))
        .find(|(grantee, _)| {
            string(grantee, "uri")
                .and_then(|u| u.get().cloned())
                .is_some_and(|u| u.trim_end_matches('/').ends_with("/groups/s3/LogDelivery"))
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

/// Records the references held by the link attributes of a resource of type `kind`.
fn collect_links(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node) {
    for &(k, attr, link, targets) in LINKS {
        if k != kind {
            continue;
        }
        let values: Vec<(&MapKey, &Node)> = match attr.split_once('.') {
            Some((block, inner)) => blocks(n, block)
                .into_iter()
                .filter_map(|(b, _)| entry(b, inner))
                .collect(),
            None => entry(n, attr).into_iter().collect(),
        };
        for (key, v) in values {
            for target in v.references() {
                cx.pending_links.push(PendingLink {
                    from: id,
                    kind: link,
                    targets,
                    span: key.span,
                    target: target.to_string(),
                });
            }
        }
    }
}

/// The resource an address names, as referenced from `from`: the exact instance, else the
/// bare address when the reference indexes a resource that is not expanded (`x[0]` with an
/// unknown count keeps one instance under the bare address). An address declared twice
/// (which Terraform rejects) resolves to the declaration in the referencing file, so that a
/// directory of copied examples links each file's resources with each other.
fn resource_of(cx: &Cx, from: ResourceId, target: &str) -> Option<ResourceId> {
    let ids = match cx.addresses.get(target) {
        Some(ids) => ids,
        None => {
            // Only the resource's own instance key is dropped, not a module's.
            let base = target
                .strip_suffix(']')
                .and_then(|t| t.rfind('[').map(|i| &target[..i]))?;
            cx.addresses.get(base)?
        }
    };
    let file = cx.model.resource(from).header.file;
    ids.iter()
        .find(|id| cx.model.resource(**id).header.file == file)
        .or(ids.first())
        .copied()
}

fn resolve_links(cx: &mut Cx) {
    for PendingLink {
        from,
        kind,
        targets,
        span,
        target,
    } in std::mem::take(&mut cx.pending_links)
    {
        let ty = palisade_model::module_local_address(&target)
            .split('.')
            .next()
            .unwrap_or_default();
        if !targets.contains(&ty) {
            continue;
        }
        let Some(to) = resource_of(cx, from, &target) else {
            continue;
        };
        let link = Link {
            from,
            to,
            kind,
            span,
        };
        if !cx.model.links.contains(&link) {
            cx.model.links.push(link);
        }
    }
}

fn entry<'n>(n: &'n Node, name: &str) -> Option<(&'n MapKey, &'n Node)> {
    n.entries()
        .iter()
        .find(|(k, _)| k.name == name)
        .map(|(k, v)| (k, v))
}

/// Every nested block (or object item of an attribute written as a list) named `name`, with
/// the span of the rule it stands for.
fn blocks<'n>(n: &'n Node, name: &str) -> Vec<(&'n Node, Span)> {
    let mut out = Vec::new();
    for (k, v) in n.entries() {
        if k.name != name {
            continue;
        }
        match &v.kind {
            NodeKind::Map(_) => out.push((v, k.span)),
            NodeKind::List(items) => {
                for i in items {
                    if matches!(i.kind, NodeKind::Map(_)) {
                        out.push((i, i.span));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn is_null(n: &Node) -> bool {
    matches!(n.kind, NodeKind::Null)
}

/// A value whose span is the whole attribute (`storage_encrypted = false`), keeping its kind,
/// provenance and definition site.
fn at<T>(mut v: Value<T>, span: Span) -> Value<T> {
    v.span = span;
    v
}

/// A boolean attribute, or the service default at the header when absent.
fn flag(n: &Node, name: &str, default: bool, header: Span) -> (Value<bool>, Option<Span>) {
    match entry(n, name) {
        Some((k, v)) if !is_null(v) => (at(v.to_bool_value(), k.span), Some(k.span)),
        _ => (Value::omitted(default, header), None),
    }
}

/// A string attribute when written (and not null).
fn string(n: &Node, name: &str) -> Option<Value<String>> {
    match entry(n, name) {
        Some((_, v)) if !is_null(v) => Some(v.to_string_value()),
        _ => None,
    }
}

fn adapt_resource(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_security_group" | "aws_default_security_group" => {
            for (dir, name) in [
                (Direction::Ingress, "ingress"),
                (Direction::Egress, "egress"),
            ] {
                for (b, sp) in blocks(n, name) {
                    let direction = Value::literal(dir, sp);
                    sg_rule(cx, id, direction, b, sp);
                }
            }
        }
        // EC2-Classic DB security groups: an `ingress` opens the database's port (not
        // written: unknown) to `cidr` or to another group.
        "aws_db_security_group" => {
            for (b, sp) in blocks(n, "ingress") {
                let mut sources = Vec::new();
                if let Some((_, v)) = entry(b, "cidr").filter(|(_, v)| !is_null(v)) {
                    sources.push(SgSource::Cidr(v.to_string_value()));
                }
                for name in [
                    "security_group_name",
                    "security_group_id",
                    "security_group_owner_id",
                ] {
                    if let Some((k, _)) = entry(b, name).filter(|(_, v)| !is_null(v)) {
                        sources.push(SgSource::Other(k.span));
                    }
                }
                cx.model.security_group_rules.push(SecurityGroupRule {
                    owner: id,
                    direction: Value::literal(Direction::Ingress, sp),
                    protocol: Value::omitted("tcp".to_string(), sp),
                    from_port: Value::unknown(sp),
                    to_port: Value::unknown(sp),
                    sources,
                    span: sp,
                    description: string(n, "description"),
                });
            }
        }
        "aws_security_group_rule" => {
            let direction = match entry(n, "type") {
                Some((_, v)) => v.to_string_value().map(&mut |s| {
                    if s.eq_ignore_ascii_case("egress") {
                        Direction::Egress
                    } else {
                        Direction::Ingress
                    }
                }),
                None => Value::unknown(header),
            };
            sg_rule(cx, id, direction, n, n.span);
        }
        "aws_vpc_security_group_ingress_rule" => sg_rule(
            cx,
            id,
            Value::literal(Direction::Ingress, header),
            n,
            n.span,
        ),
        "aws_vpc_security_group_egress_rule" => {
            sg_rule(cx, id, Value::literal(Direction::Egress, header), n, n.span)
        }
        "aws_network_acl" | "aws_default_network_acl" => {
            for (dir, name) in [
                (Direction::Ingress, "ingress"),
                (Direction::Egress, "egress"),
            ] {
                for (b, sp) in blocks(n, name) {
                    nacl_rule(cx, id, Value::literal(dir, sp), b, sp, "rule_no", "action");
                }
            }
        }
        "aws_network_acl_rule" => {
            let direction = match entry(n, "egress") {
                Some((k, v)) if !is_null(v) => at(v.to_bool_value(), k.span).map(&mut |e| {
                    if e {
                        Direction::Egress
                    } else {
                        Direction::Ingress
                    }
                }),
                _ => Value::omitted(Direction::Ingress, header),
            };
            nacl_rule(cx, id, direction, n, n.span, "rule_number", "rule_action");
        }
        "aws_iam_policy"
        | "aws_iam_role_policy"
        | "aws_iam_user_policy"
        | "aws_iam_group_policy" => attach(cx, id, n, "policy", PolicyKind::Identity),
        "aws_iam_role" => {
            attach(cx, id, n, "assume_role_policy", PolicyKind::Trust);
            for (b, _) in blocks(n, "inline_policy") {
                attach(cx, id, b, "policy", PolicyKind::Identity);
            }
        }
        "aws_organizations_policy" => attach(cx, id, n, "content", PolicyKind::ControlPolicy),
        "aws_s3_bucket_policy"
        | "aws_sqs_queue_policy"
        | "aws_sns_topic_policy"
        | "aws_ecr_repository_policy"
        | "aws_secretsmanager_secret_policy" => attach(cx, id, n, "policy", PolicyKind::Resource),
        "aws_s3_bucket" => {
            attach(cx, id, n, "policy", PolicyKind::Resource);
            s3_bucket(cx, id, n, header);
        }
        "aws_s3_bucket_server_side_encryption_configuration" => {
            cx.sse_configs.push((id, n.clone(), header));
        }
        "aws_sqs_queue" => {
            attach(cx, id, n, "policy", PolicyKind::Resource);
            let key = string(n, "kms_master_key_id");
            let (encrypted, sp) = match (&key, entry(n, "sqs_managed_sse_enabled")) {
                (Some(_), _) => {
                    let sp = entry(n, "kms_master_key_id")
                        .map(|e| e.0.span)
                        .unwrap_or(header);
                    (Value::literal(true, sp), sp)
                }
                (None, Some((k, v))) if !is_null(v) => (at(v.to_bool_value(), k.span), k.span),
                _ => (Value::omitted(true, header), header),
            };
            store(cx, id, Service::Sqs, "queue", encrypted, key, sp);
        }
        "aws_sns_topic" => {
            attach(cx, id, n, "policy", PolicyKind::Resource);
            keyed_store(
                cx,
                id,
                n,
                Service::Sns,
                "topic",
                "kms_master_key_id",
                header,
            );
        }
        "aws_kms_key" => {
            attach(cx, id, n, "policy", PolicyKind::Resource);
            let (rotation, _) = flag(n, "enable_key_rotation", false, header);
            let key_spec = string(n, "customer_master_key_spec")
                .or_else(|| string(n, "key_spec"))
                .unwrap_or_else(|| Value::omitted("SYMMETRIC_DEFAULT".to_string(), header));
            let key_usage = string(n, "key_usage")
                .unwrap_or_else(|| Value::omitted("ENCRYPT_DECRYPT".to_string(), header));
            cx.model.kms_keys.push(KmsKey {
                owner: id,
                rotation_enabled: rotation,
                key_spec,
                key_usage,
            });
        }
        "aws_ecr_repository" => {
            let (encrypted, kms, sp) = match blocks(n, "encryption_configuration").first() {
                Some((b, sp)) => {
                    let kms_type = string(b, "encryption_type");
                    let is_kms = kms_type
                        .as_ref()
                        .and_then(|t| t.get())
                        .map(|t| t.eq_ignore_ascii_case("KMS"));
                    let kms = match is_kms {
                        Some(true) => Some(
                            string(b, "kms_key")
                                .unwrap_or_else(|| Value::omitted("alias/aws/ecr".into(), *sp)),
                        ),
                        Some(false) => None,
                        None if kms_type.is_some() => Some(Value::unknown(*sp)),
                        None => None,
                    };
                    (Value::literal(true, *sp), kms, *sp)
                }
                None => (Value::omitted(true, header), None, header),
            };
            store(cx, id, Service::Ecr, "repository", encrypted, kms, sp);
        }
        "aws_secretsmanager_secret" => {
            attach(cx, id, n, "policy", PolicyKind::Resource);
            always_encrypted(
                cx,
                id,
                n,
                Service::SecretsManager,
                "secret",
                "kms_key_id",
                header,
            );
        }
        "aws_cloudwatch_log_group" => always_encrypted(
            cx,
            id,
            n,
            Service::CloudWatchLogs,
            "log group",
            "kms_key_id",
            header,
        ),
        "aws_ebs_volume" => flagged_store(
            cx,
            id,
            n,
            Service::Ebs,
            "volume",
            "encrypted",
            "kms_key_id",
            header,
        ),
        "aws_efs_file_system" => flagged_store(
            cx,
            id,
            n,
            Service::Efs,
            "file system",
            "encrypted",
            "kms_key_id",
            header,
        ),
        "aws_redshift_cluster" => flagged_store(
            cx,
            id,
            n,
            Service::Redshift,
            "cluster",
            "encrypted",
            "kms_key_id",
            header,
        ),
        "aws_elasticache_replication_group" => flagged_store(
            cx,
            id,
            n,
            Service::ElastiCache,
            "replication group",
            "at_rest_encryption_enabled",
            "kms_key_id",
            header,
        ),
        "aws_db_instance" | "aws_rds_cluster" => {
            let store_name = if kind == "aws_db_instance" {
                "DB instance"
            } else {
                "DB cluster"
            };
            let inherits = [
                "replicate_source_db",
                "snapshot_identifier",
                "source_db_instance_identifier",
            ]
            .iter()
            .any(|a| entry(n, a).is_some_and(|(_, v)| !is_null(v)));
            // Aurora Serverless v1 is always encrypted: `storage_encrypted` defaults to true
            // for `engine_mode = "serverless"` (an unknown mode leaves the default unknown).
            let serverless_default = match string(n, "engine_mode") {
                Some(mode) if kind == "aws_rds_cluster" => match mode.get() {
                    Some(m) if m.eq_ignore_ascii_case("serverless") => {
                        Some(Value::omitted(true, header))
                    }
                    Some(_) => None,
                    None => Some(Value::unknown(mode.span)),
                },
                _ => None,
            };
            let written = entry(n, "storage_encrypted").is_some();
            if inherits && !written {
                // A replica or a restore inherits the source's encryption: not known here.
                let kms = string(n, "kms_key_id");
                store(
                    cx,
                    id,
                    Service::Rds,
                    store_name,
                    Value::unknown(header),
                    kms,
                    header,
                );
            } else if let Some(encrypted) = serverless_default.filter(|_| !written) {
                let kms = string(n, "kms_key_id");
                store(cx, id, Service::Rds, store_name, encrypted, kms, header);
            } else {
                flagged_store(
                    cx,
                    id,
                    n,
                    Service::Rds,
                    store_name,
                    "storage_encrypted",
                    "kms_key_id",
                    header,
                );
            }
        }
        "aws_dynamodb_table" => {
            let (encrypted, kms, sp) = match blocks(n, "server_side_encryption").first() {
                Some((b, sp)) => {
                    let enabled = b.get("enabled").map(|v| v.to_bool_value());
                    let kms = match enabled.as_ref().map(|e| e.get().copied()) {
                        Some(Some(true)) => {
                            Some(string(b, "kms_key_arn").unwrap_or_else(|| {
                                Value::omitted("alias/aws/dynamodb".into(), *sp)
                            }))
                        }
                        Some(Some(false)) | None => None,
                        Some(None) => Some(Value::unknown(*sp)),
                    };
                    (Value::literal(true, *sp), kms, *sp)
                }
                None => (Value::omitted(true, header), None, header),
            };
            store(cx, id, Service::DynamoDb, "table", encrypted, kms, sp);
        }
        "aws_kinesis_stream" => {
            let (encrypted, sp) = match entry(n, "encryption_type") {
                Some((k, v)) if !is_null(v) => (
                    at(v.to_string_value(), k.span).map(&mut |t| t.eq_ignore_ascii_case("KMS")),
                    k.span,
                ),
                _ => (Value::omitted(false, header), header),
            };
            let kms = string(n, "kms_key_id");
            store(cx, id, Service::Kinesis, "stream", encrypted, kms, sp);
        }
        "aws_opensearch_domain" | "aws_elasticsearch_domain" => {
            let (encrypted, kms, sp) = match blocks(n, "encrypt_at_rest").first() {
                Some((b, sp)) => {
                    let (e, _) = flag(b, "enabled", false, *sp);
                    (e, string(b, "kms_key_id"), *sp)
                }
                None => (Value::omitted(false, header), None, header),
            };
            store(cx, id, Service::OpenSearch, "domain", encrypted, kms, sp);
        }
        "aws_instance" | "aws_launch_configuration" => {
            let roots = blocks(n, "root_block_device");
            let has_dynamic = entry(n, "dynamic:root_block_device").is_some();
            let from_template = kind == "aws_instance" && entry(n, "launch_template").is_some();
            if roots.is_empty() && !has_dynamic && !from_template {
                // No root block device written: the AMI's unencrypted default applies.
                store(
                    cx,
                    id,
                    Service::Ebs,
                    "root block device",
                    Value::omitted(false, header),
                    None,
                    header,
                );
            }
            for (b, sp) in roots {
                block_device(cx, id, b, sp, "root block device");
            }
            for (b, sp) in blocks(n, "ebs_block_device") {
                block_device(cx, id, b, sp, "EBS block device");
            }
        }
        "aws_launch_template" => {
            for (m, _) in blocks(n, "block_device_mappings") {
                for (b, sp) in blocks(m, "ebs") {
                    block_device(cx, id, b, sp, "launch template block device");
                }
            }
        }
        _ => {}
    }
}

fn store(
    cx: &mut Cx,
    owner: ResourceId,
    service: Service,
    store: &str,
    encrypted: Value<bool>,
    kms_key: Option<Value<String>>,
    span: Span,
) {
    cx.model.encryption.push(EncryptionAtRest {
        owner,
        service,
        store: store.to_string(),
        encrypted,
        kms_key,
        span,
    });
}

/// Encrypted exactly when a key attribute is set (SNS).
fn keyed_store(
    cx: &mut Cx,
    id: ResourceId,
    n: &Node,
    service: Service,
    what: &str,
    key_attr: &str,
    header: Span,
) {
    match entry(n, key_attr) {
        Some((k, v)) if !is_null(v) => {
            let encrypted = Value::literal(true, k.span);
            store(
                cx,
                id,
                service,
                what,
                encrypted,
                Some(v.to_string_value()),
                k.span,
            )
        }
        _ => store(
            cx,
            id,
            service,
            what,
            Value::omitted(false, header),
            None,
            header,
        ),
    }
}

/// Always encrypted; a key attribute chooses a customer-managed key.
fn always_encrypted(
    cx: &mut Cx,
    id: ResourceId,
    n: &Node,
    service: Service,
    what: &str,
    key_attr: &str,
    header: Span,
) {
    let sp = entry(n, key_attr).map(|e| e.0.span).unwrap_or(header);
    store(
        cx,
        id,
        service,
        what,
        Value::omitted(true, header),
        string(n, key_attr),
        sp,
    )
}

/// An `encrypted`-style flag (default false) plus a key attribute.
#[allow(clippy::too_many_arguments)]
fn flagged_store(
    cx: &mut Cx,
    id: ResourceId,
    n: &Node,
    service: Service,
    what: &str,
    flag_attr: &str,
    key_attr: &str,
    header: Span,
) {
    let (encrypted, sp) = flag(n, flag_attr, false, header);
    store(
        cx,
        id,
        service,
        what,
        encrypted,
        string(n, key_attr),
        sp.unwrap_or(header),
    )
}

fn block_device(cx: &mut Cx, id: ResourceId, b: &Node, block_span: Span, what: &str) {
    let (encrypted, sp) = flag(b, "encrypted", false, block_span);
    store(
        cx,
        id,
        Service::Ebs,
        what,
        encrypted,
        string(b, "kms_key_id"),
        sp.unwrap_or(block_span),
    );
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
        Some(Some(_)) => None,
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

fn sg_rule(cx: &mut Cx, owner: ResourceId, direction: Value<Direction>, r: &Node, span: Span) {
    let protocol = match string(r, "protocol").or_else(|| string(r, "ip_protocol")) {
        Some(p) => p.map(&mut |s| s.to_ascii_lowercase()),
        None => Value::unknown(span),
    };
    let all = protocol
        .get()
        .is_some_and(|p| palisade_model::ec2::is_all_protocols(p));
    let port = |name: &str, default: i64| match entry(r, name) {
        Some((_, v)) if !is_null(v) => v.to_int_value(),
        // Ports do not apply to "all protocols"; otherwise a missing port is unknown.
        _ if all => Value::omitted(default, span),
        _ => Value::unknown(span),
    };
    let (from_port, to_port) = (port("from_port", 0), port("to_port", 65535));
    let mut sources = Vec::new();
    for name in ["cidr_blocks", "ipv6_cidr_blocks"] {
        if let Some((_, v)) = entry(r, name) {
            cidrs(v, &mut sources);
        }
    }
    for name in ["cidr_ipv4", "cidr_ipv6"] {
        if let Some((_, v)) = entry(r, name) {
            if !is_null(v) {
                sources.push(SgSource::Cidr(v.to_string_value()));
            }
        }
    }
    for name in [
        "security_groups",
        "source_security_group_id",
        "prefix_list_ids",
        "referenced_security_group_id",
        "prefix_list_id",
    ] {
        if let Some((k, v)) = entry(r, name) {
            let empty = is_null(v) || matches!(&v.kind, NodeKind::List(i) if i.is_empty());
            if !empty {
                sources.push(SgSource::Other(k.span));
            }
        }
    }
    if let Some((k, v)) = entry(r, "self") {
        if !matches!(v.kind, NodeKind::Bool(false) | NodeKind::Null) {
            sources.push(SgSource::Other(k.span));
        }
    }
    // The AWS provider rejects a CIDR with host bits set (`1.0.0.0/0`) at plan time: nothing of
    // it is deployed, so it opens nothing (CloudFormation, where the API masks it, keeps it).
    sources.retain(|s| {
        !matches!(s, SgSource::Cidr(c) if c.get().is_some_and(|c| palisade_model::ec2::has_host_bits(c)))
    });
    cx.model.security_group_rules.push(SecurityGroupRule {
        owner,
        direction,
        protocol,
        from_port,
        to_port,
        sources,
        span,
        description: string(r, "description"),
    });
}

/// CIDR list items, each with its own span; an unknown list is one unknown CIDR; the items of
/// a conditional list apply under their branch.
fn cidrs(v: &Node, out: &mut Vec<SgSource>) {
    match &v.kind {
        NodeKind::List(items) => {
            for i in items {
                if !is_null(i) {
                    out.push(SgSource::Cidr(i.to_string_value()));
                }
            }
        }
        NodeKind::Null => {}
        NodeKind::Conditional {
            condition,
            when_true,
            when_false,
        } => {
            for (branch, taken) in [(when_true, true), (when_false, false)] {
                let mut inner = Vec::new();
                cidrs(branch, &mut inner);
                for s in inner {
                    let SgSource::Cidr(c) = s else {
                        out.push(s);
                        continue;
                    };
                    let sp = c.span;
                    let other = Box::new(Value::unknown(sp));
                    let (when_true, when_false) = if taken {
                        (Box::new(c), other)
                    } else {
                        (other, Box::new(c))
                    };
                    out.push(SgSource::Cidr(Value {
                        kind: ValueKind::Conditional {
                            condition: condition.clone(),
                            when_true,
                            when_false,
                        },
                        span: sp,
                        defined_at: None,
                    }));
                }
            }
        }
        _ => out.push(SgSource::Cidr(v.to_string_value())),
    }
}

fn nacl_rule(
    cx: &mut Cx,
    owner: ResourceId,
    direction: Value<Direction>,
    r: &Node,
    span: Span,
    number_attr: &str,
    action_attr: &str,
) {
    let protocol = match string(r, "protocol") {
        Some(p) => p.map(&mut |s| s.to_ascii_lowercase()),
        None => Value::unknown(span),
    };
    let all = protocol
        .get()
        .is_some_and(|p| palisade_model::ec2::is_all_protocols(p));
    let port = |name: &str, default: i64| match entry(r, name) {
        Some((_, v)) if !is_null(v) => v.to_int_value(),
        _ if all => Value::omitted(default, span),
        _ => Value::unknown(span),
    };
    cx.model.nacl_rules.push(NaclRule {
        owner,
        direction,
        action: string(r, action_attr)
            .map(|a| a.map(&mut |s| s.to_ascii_lowercase()))
            .unwrap_or_else(|| Value::unknown(span)),
        from_port: port("from_port", 0),
        to_port: port("to_port", 65535),
        protocol,
        cidr: string(r, "cidr_block"),
        ipv6_cidr: string(r, "ipv6_cidr_block"),
        rule_number: entry(r, number_attr)
            .map(|(_, v)| v.to_int_value())
            .unwrap_or_else(|| Value::unknown(span)),
        span,
    });
}

/// Attaches the policy document held by attribute `attr`, if it is known.
fn attach(cx: &mut Cx, owner: ResourceId, n: &Node, attr: &str, kind: PolicyKind) {
    let Some(v) = n.get(attr) else {
        return;
    };
    // A reference to a policy-document data source: the data source carries the policy
    // itself (one finding, at the statement); only its use as a trust policy is recorded.
    let from_doc = [Some(v.span), v.defined_at]
        .into_iter()
        .flatten()
        .find(|s| cx.doc_spans.contains(s));
    if let Some(doc) = from_doc {
        if kind == PolicyKind::Trust {
            cx.trust_docs.insert(doc);
        }
        return;
    }
    let Some(doc) = policy_node(v) else {
        return;
    };
    if let Some(document) = palisade_model::policy::policy_from_node(&doc, kind) {
        cx.model.policies.push(AttachedPolicy {
            owner: Some(owner),
            attribute: attr.to_string(),
            document,
        });
    }
}

/// A policy value as a JSON-shaped document: a map (`jsonencode`), a JSON string, or a
/// conditional between two documents, whose statements then apply under their branch.
fn policy_node(v: &Node) -> Option<Node> {
    match &v.kind {
        NodeKind::Map(_) => Some(v.clone()),
        NodeKind::String(_) | NodeKind::Partial(_) => json_of_string(v),
        NodeKind::Conditional {
            condition,
            when_true,
            when_false,
        } => {
            let statements = |n: &Node| {
                policy_node(n)
                    .and_then(|d| d.get_ci("Statement").cloned())
                    .unwrap_or_else(|| Node::unknown(n.span))
            };
            let st = Node::new(
                NodeKind::Conditional {
                    condition: condition.clone(),
                    when_true: Box::new(statements(when_true)),
                    when_false: Box::new(statements(when_false)),
                },
                v.span,
                v.provenance,
            );
            let key = MapKey {
                name: "Statement".into(),
                span: v.span,
            };
            Some(Node::new(
                NodeKind::Map(vec![(key, st)]),
                v.span,
                v.provenance,
            ))
        }
        _ => None,
    }
}
