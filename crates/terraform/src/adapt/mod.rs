//! Adapters: evaluated resource blocks into the typed model.
//!
//! Every resource block of a type Palisade models is evaluated once into a map node (see
//! [`Eval::block_node`]); the adapters read that map. Unknown resource types are never
//! evaluated.
//!
//! This module is the service-agnostic machinery: iterating resources and their instances,
//! collecting link references and resolving them into links, the policy documents, and the
//! helpers every adapter reads attributes with. Each AWS service has its own module holding
//! its resource types, its link rows and its adapt function, registered once in
//! [`SERVICES`]. A new service is one module plus one line there.

mod apigateway;
mod appsync;
mod athena;
mod backup;
mod batch;
mod cloudfront;
mod cloudtrail;
mod cloudwatch;
mod codebuild;
mod config;
mod directoryservice;
mod dms;
mod docdb;
mod dynamodb;
mod ec2;
mod ecr;
mod ecs;
mod efs;
mod eks;
mod elasticache;
mod elb;
mod emr;
mod glacier;
mod glue;
mod guardduty;
mod iam;
mod kinesis;
mod kms;
mod lambda;
mod msk;
mod neptune;
mod opensearch;
mod organizations;
mod rds;
mod redshift;
mod registry;
mod route53;
mod s3;
mod sagemaker;
mod secretsmanager;
mod securityhub;
mod sharing;
mod sns;
mod sqs;
mod ssm;
mod timestream;
mod vpc;
mod waf;

use crate::eval::Eval;
use crate::policy_doc::json_of_string;
use crate::syntax::{block_header, span};
use palisade_model::encryption::{EncryptionAtRest, Service};
use palisade_model::node::MapKey;
use palisade_model::{
    AttachedPolicy, Format, Link, LinkKind, Model, Node, NodeKind, PendingLink, PolicyKind,
    Resource, ResourceId, Span, Value,
};
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

/// Attributes that hold a JSON policy document: a heredoc or string written in place is parsed
/// with exact spans.
const JSON_ATTRS: &[&str] = &[
    "policy",
    "assume_role_policy",
    "content",
    "container_definitions",
    "container_properties",
    "access_policies",
    "access_policy",
    // EMR security configurations.
    "configuration",
];

/// An attribute that references another resource: (resource type, attribute, link kind, the
/// resource types the reference may name). Which attribute of the target is read (`.id`,
/// `.name`, `.arn`, `.bucket`) does not matter: each identifies the one resource. The
/// attribute may be `BLOCK.ATTRIBUTE`: an attribute of a nested block.
pub(crate) type LinkRow = (
    &'static str,
    &'static str,
    LinkKind,
    &'static [&'static str],
);

/// What one AWS service contributes to the adapter.
pub(crate) struct ServiceAdapter {
    /// Resource types evaluated whole and passed to `adapt`.
    kinds: &'static [&'static str],
    /// Resource types read only for their links or as link targets: only their link
    /// attributes are evaluated (they are passed to `adapt` too, which ignores them).
    link_only: &'static [&'static str],
    /// The service's link attributes; the rows of one resource type are read in order.
    links: &'static [LinkRow],
    /// Adapts one evaluated resource instance of one of the service's types into facts.
    adapt: fn(&mut Cx, ResourceId, &str, &Node, Span),
    /// Runs once every resource of the root module is known, before links are resolved.
    finish: Option<fn(&mut Cx)>,
}

/// Every service with an adapter, one line each. A resource type belongs to one service.
const SERVICES: &[&ServiceAdapter] = &[
    &ec2::ADAPTER,
    &s3::ADAPTER,
    &elb::ADAPTER,
    &iam::ADAPTER,
    &organizations::ADAPTER,
    &sqs::ADAPTER,
    &sns::ADAPTER,
    &kms::ADAPTER,
    &ecr::ADAPTER,
    &secretsmanager::ADAPTER,
    &rds::ADAPTER,
    &dynamodb::ADAPTER,
    &cloudwatch::ADAPTER,
    &efs::ADAPTER,
    &kinesis::ADAPTER,
    &elasticache::ADAPTER,
    &redshift::ADAPTER,
    &opensearch::ADAPTER,
    &docdb::ADAPTER,
    &neptune::ADAPTER,
    &msk::ADAPTER,
    &backup::ADAPTER,
    &sagemaker::ADAPTER,
    &timestream::ADAPTER,
    &ssm::ADAPTER,
    &directoryservice::ADAPTER,
    &lambda::ADAPTER,
    &ecs::ADAPTER,
    &batch::ADAPTER,
    &sharing::ADAPTER,
    &cloudtrail::ADAPTER,
    &guardduty::ADAPTER,
    &config::ADAPTER,
    &securityhub::ADAPTER,
    &glacier::ADAPTER,
    &vpc::ADAPTER,
    &dms::ADAPTER,
    &eks::ADAPTER,
    &cloudfront::ADAPTER,
    &waf::ADAPTER,
    &apigateway::ADAPTER,
    &appsync::ADAPTER,
    &route53::ADAPTER,
    &athena::ADAPTER,
    &codebuild::ADAPTER,
    &emr::ADAPTER,
    &glue::ADAPTER,
];

/// The service adapting a resource type, and whether the type is read for its links only;
/// `None` for a type Palisade does not model (skipped without evaluation).
fn service_of(kind: &str) -> Option<(&'static ServiceAdapter, bool)> {
    static BY_KIND: OnceLock<HashMap<&'static str, (&'static ServiceAdapter, bool)>> =
        OnceLock::new();
    BY_KIND
        .get_or_init(|| {
            let mut by_kind = HashMap::new();
            for &service in SERVICES {
                for (kinds, link_only) in [(service.kinds, false), (service.link_only, true)] {
                    for &k in kinds {
                        let previous = by_kind.insert(k, (service, link_only));
                        debug_assert!(previous.is_none(), "{k} registered twice");
                    }
                }
            }
            by_kind
        })
        .get(kind)
        .copied()
}

struct Cx {
    model: Model,
    /// Bucket address -> index of its store in `model.encryption`.
    buckets: HashMap<ResourceId, usize>,
    /// Separate S3 encryption resources, linked after every bucket is known.
    sse_configs: Vec<(ResourceId, Node, Span)>,
    /// Policy-document data sources used as a trust policy.
    trust_docs: BTreeSet<Span>,
    /// Resources whose policy attribute is a policy-document data source: (resource, the
    /// data source's extent, the attribute's span); linked once the data sources exist.
    doc_uses: Vec<(ResourceId, Span, Span)>,
    /// Extent of each policy-document data source (how its evaluated node is recognised).
    doc_spans: BTreeSet<Span>,
    /// Resource address -> id, for resolving references into links.
    /// Several ids for one address only in an invalid configuration (a resource declared
    /// twice, as in a directory of copied examples).
    addresses: HashMap<String, Vec<ResourceId>>,
    /// References read from link attributes, resolved once every resource is known:
    /// (from, kind, target types, attribute span, referenced address).
    pending_links: Vec<PendingLink>,
    /// Problems found while adapting (a policy string that is not JSON, a key given twice in
    /// one), passed on to the evaluator's diagnostics, each once.
    notes: Vec<palisade_source::Diagnostic>,
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
    for finish in SERVICES.iter().filter_map(|s| s.finish) {
        finish(&mut cx);
    }
    resolve_links(&mut cx);
    pass_notes(&mut cx, ev);
    cx.model
}

/// Moves the adapter's diagnostics to the evaluator's, leaving out those it has already (a
/// string written in place is reported by the evaluator with the same words and span).
fn pass_notes(cx: &mut Cx, ev: &mut Eval<'_>) {
    for d in std::mem::take(&mut cx.notes) {
        if !ev.notes.contains(&d) {
            ev.notes.push(d);
        }
    }
}

/// The model of a called module, with what only the root can resolve.
pub fn run_called(ev: &mut Eval<'_>) -> (Model, Unresolved) {
    let mut cx = adapt(ev);
    pass_notes(&mut cx, ev);
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
        doc_uses: Vec::new(),
        addresses: HashMap::new(),
        pending_links: Vec::new(),
        notes: Vec::new(),
        doc_spans: ix
            .policy_doc_order
            .iter()
            .filter_map(|n| ix.policy_docs.get(n))
            .map(|b| span(b.file, b.node))
            .collect(),
    };
    for r in &ix.resources {
        let Some((service, link_only)) = service_of(r.kind) else {
            continue;
        };
        let link_attrs: Vec<&str> = service
            .links
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
                construct: None,
            });
            let address = cx.model.resource(id).address.clone();
            cx.addresses.entry(address).or_default().push(id);
            collect_links(&mut cx, id, r.kind, service.links, &node);
            (service.adapt)(&mut cx, id, r.kind, &node, header);
        }
    }
    variables(ev, &mut cx);
    // Every module call is loaded, referenced or not: its resources are deployed.
    for name in &ix.module_order {
        let at = ix
            .module_calls
            .get(name)
            .map(|b| block_header(b.file, b.node))
            .unwrap_or_default();
        ev.module_value(name, at);
    }
    for call in ev.ix.module_blocks.clone() {
        registry_module(&mut cx, ev, call);
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
    // Every document is evaluated first: which ones only feed another document is known
    // once all have been read.
    let mut docs = Vec::new();
    for name in &ix.policy_doc_order {
        let Some(block) = ix.policy_docs.get(name).copied() else {
            continue;
        };
        for inst in ev.doc_instances(name) {
            let doc = ev.policy_doc(name, &inst);
            docs.push((block, inst, doc));
        }
    }
    for &block in &ix.policy_doc_repeats {
        for inst in ev.expand(block.file, block.node) {
            let doc = ev.policy_doc_of_block(block, &inst);
            docs.push((block, inst, doc));
        }
    }
    for (block, inst, doc) in docs {
        let name = block.name;
        let extent = span(block.file, block.node);
        let header = block_header(block.file, block.node);
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
            construct: None,
        });
        let mut used = false;
        for &(user, _, at) in cx.doc_uses.iter().filter(|u| u.1 == extent) {
            used = true;
            cx.model.links.push(Link {
                from: user,
                to: id,
                kind: LinkKind::PolicyDocument,
                span: at,
            });
        }
        // A document that only feeds others (`source_policy_documents`, ...) is judged
        // merged, in the documents it feeds: its statements are theirs.
        if !used && ev.fed_docs.contains(&extent) {
            continue;
        }
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
    cx
}

/// A call of a registry module whose resources Palisade knows (never fetched: the facts come
/// from the call's arguments and the module's documented defaults): one resource per
/// instance standing for the call (`module.vpc`, kind `module:<source>`), with its facts.
fn registry_module<'t>(cx: &mut Cx, ev: &mut Eval<'t>, call: crate::eval::BlockRef<'t>) {
    let name = call.name;
    let header = block_header(call.file, call.node);
    for inst in ev.expand(call.file, call.node) {
        let node = ev.with_instance(&inst, |ev| {
            ev.attributes_node(call.file, call.node, registry::ATTRS)
        });
        let Some(module) = registry::known(&node) else {
            return;
        };
        let id = cx.model.add_resource(Resource {
            address: format!("{}module.{name}{}", ev.address_prefix(), inst.key.suffix()),
            kind: format!("module:{}", module.source()),
            format: Format::Terraform,
            header,
            extent: span(call.file, call.node),
            trace: Vec::new(),
            construct: None,
        });
        registry::adapt(cx, module, id, &node, header);
    }
}

/// Records the references held by the link attributes of a resource of type `kind`.
fn collect_links(cx: &mut Cx, id: ResourceId, kind: &str, links: &[LinkRow], n: &Node) {
    for &(k, attr, link, targets) in links {
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

/// A string attribute when written (and not null), with the span of the whole attribute.
fn attr_string(n: &Node, name: &str) -> Option<Value<String>> {
    entry(n, name)
        .filter(|(_, v)| !is_null(v))
        .map(|(k, v)| at(v.to_string_value(), k.span))
}

/// The span of a `dynamic "NAME"` block whose collection is unknown: something may be
/// there, so nothing is judged missing.
fn dynamic(n: &Node, name: &str) -> Option<Span> {
    let key = format!("dynamic:{name}");
    entry(n, &key).map(|(k, _)| k.span)
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
            // An empty key (`kms_master_key_id = ""`) turns encryption off.
            let encrypted = match v.as_str() {
                Some(s) if s.trim().is_empty() => {
                    at(v.to_string_value(), k.span).map(&mut |_| false)
                }
                _ => Value::literal(true, k.span),
            };
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
        cx.doc_uses.push((owner, doc, v.span));
        return;
    }
    let Some(doc) = policy_node(v, attr, &mut cx.notes) else {
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
fn policy_node(v: &Node, attr: &str, notes: &mut Vec<palisade_source::Diagnostic>) -> Option<Node> {
    match &v.kind {
        NodeKind::Map(_) => Some(v.clone()),
        NodeKind::String(_) | NodeKind::Partial(_) => {
            json_of_string(v, &format!("`{attr}`"), notes)
        }
        NodeKind::Conditional {
            condition,
            when_true,
            when_false,
        } => {
            let mut statements = |n: &Node| {
                policy_node(n, attr, notes)
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

/// A password or token attribute, when written: recorded whatever its value (a check
/// decides; unknown values never fire).
fn password(
    cx: &mut Cx,
    owner: ResourceId,
    n: &Node,
    attr: &str,
    service: palisade_model::secrets::PasswordService,
    what: &'static str,
) {
    if let Some((k, v)) = entry(n, attr).filter(|(_, v)| !is_null(v)) {
        cx.model
            .secrets
            .passwords
            .push(palisade_model::secrets::ServicePassword {
                owner,
                service,
                what,
                value: at(v.to_string_value(), k.span),
            });
    }
}

/// A JSON-shaped attribute (`jsonencode(...)`, a heredoc or string of JSON) as a node.
fn json_value(cx: &mut Cx, v: &Node, attr: &str) -> Option<Node> {
    match &v.kind {
        NodeKind::Map(_) | NodeKind::List(_) => Some(v.clone()),
        NodeKind::String(_) | NodeKind::Partial(_) => {
            json_of_string(v, &format!("`{attr}`"), &mut cx.notes)
        }
        _ => None,
    }
}

/// The `environment` list (`[{name, value}]`) of an ECS container definition or Batch
/// container properties; `secrets` (`valueFrom`) are not environment variables.
fn container_environment(
    cx: &mut Cx,
    owner: ResourceId,
    service: palisade_model::secrets::EnvironmentService,
    container: &Node,
    container_name: Option<&str>,
) {
    let Some(environment) = container.get_ci("environment") else {
        return;
    };
    for item in environment.items() {
        let Some(name) = item.get_ci("name") else {
            continue;
        };
        let Some(value) = item.get_ci("value") else {
            continue;
        };
        cx.model
            .secrets
            .environment
            .push(palisade_model::secrets::EnvironmentVariable {
                owner,
                service,
                name: name.as_str().map(str::to_string),
                value: value.to_string_value(),
                container: container_name.map(str::to_string),
                span: name.span,
            });
    }
}

/// The root module's variables, for the checks on secret inputs (a called module's are the
/// same declarations, judged where the module directory is scanned as a root).
fn variables(ev: &mut Eval<'_>, cx: &mut Cx) {
    if !ev.address_prefix().is_empty() {
        return;
    }
    let ix = ev.ix;
    let mut names: Vec<&str> = ix.variables.keys().copied().collect();
    names.sort_unstable();
    for name in names {
        let (file, node) = ix.variables[name];
        let n = ev.attributes_node(file, node, &["sensitive", "default"]);
        let header = block_header(file, node);
        // The declared type, as written (`string`, `bool`, `list(object({...}))`).
        let kind = crate::syntax::block_items(node)
            .into_iter()
            .filter(|item| crate::syntax::kind_of(*item) == "attribute")
            .filter_map(crate::syntax::attribute_parts)
            .find(|(name, _)| crate::syntax::text(file, *name) == "type")
            .map(|(_, value)| crate::syntax::text(file, value).trim().to_string());
        let default = entry(&n, "default")
            .filter(|(_, v)| !is_null(v))
            .map(|(k, v)| at(v.to_string_value(), k.span));
        cx.model
            .secrets
            .parameters
            .push(palisade_model::secrets::TemplateParameter {
                what: "variable",
                name: name.to_string(),
                span: header,
                extent: span(file, node),
                masked: flag(&n, "sensitive", false, header).0,
                mask_name: "sensitive = true",
                default,
                kind,
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_resource_type_belongs_to_one_service() {
        let mut seen = BTreeSet::new();
        for service in SERVICES {
            for kind in service.kinds.iter().chain(service.link_only) {
                assert!(seen.insert(*kind), "{kind} is registered twice");
                let (found, link_only) = service_of(kind).expect("registered");
                assert_eq!(found.kinds, service.kinds);
                assert_eq!(link_only, service.link_only.contains(kind));
            }
        }
        assert!(service_of("aws_instance").is_some());
        assert!(service_of("aws_not_modelled").is_none());
    }

    #[test]
    fn link_rows_are_of_their_services_types() {
        for service in SERVICES {
            for (kind, attr, _, _) in service.links {
                assert!(
                    service.kinds.contains(kind) || service.link_only.contains(kind),
                    "link row {kind}.{attr} is in the wrong service"
                );
            }
        }
    }
}
