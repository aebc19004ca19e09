//! CloudFormation resources into the shared model: one [`Resource`] per entry of `Resources`,
//! plus the typed facts of the types Palisade understands.
//!
//! This module is the service-agnostic machinery: walking `Resources` (loops, SAM `Globals`,
//! conditions), collecting link references and resolving them into links, attaching policy
//! documents, recording encryption at rest, and the helpers every adapter reads properties
//! with. Each AWS service has its own module (extending [`Adapter`]) holding its resource
//! types, its link rows and its adapt function, registered once in [`SERVICES`]. A new
//! service is one module plus one line there.

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
mod parameters;
mod rds;
mod redshift;
mod route53;
mod s3;
mod sagemaker;
mod secretsmanager;
mod securityhub;
mod serverless;
mod sns;
mod sqs;
mod ssm;
mod timestream;
mod vpc;
mod waf;

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
use s3::BUCKET;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A property that references another resource: (resource type, property, link kind, the
/// resource types the reference may name). The property may be `OUTER.INNER`: a property of
/// a nested mapping.
pub(crate) type LinkRow = (
    &'static str,
    &'static str,
    LinkKind,
    &'static [&'static str],
);

/// A reference read from a link property: (link, target types, property key span,
/// referenced logical id).
type Reference<'n> = (LinkKind, &'static [&'static str], Span, &'n str);

/// What one AWS service contributes to the adapter.
pub(crate) struct ServiceAdapter {
    /// Resource types the service adapts or reads links from.
    kinds: &'static [&'static str],
    /// The service's link properties; the rows of one resource type are read in order.
    links: &'static [LinkRow],
    /// Link references no row can describe (a list of `Key`/`Value` attributes), read after
    /// the rows.
    references: Option<for<'n> fn(&str, &'n Node, &mut Vec<Reference<'n>>)>,
    /// Adapts one resource of one of the service's types into facts.
    adapt: fn(&mut Adapter<'_>, &str),
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
    &lambda::ADAPTER,
    &serverless::ADAPTER,
    &docdb::ADAPTER,
    &neptune::ADAPTER,
    &msk::ADAPTER,
    &backup::ADAPTER,
    &sagemaker::ADAPTER,
    &timestream::ADAPTER,
    &ssm::ADAPTER,
    &directoryservice::ADAPTER,
    &ecs::ADAPTER,
    &batch::ADAPTER,
    &cloudtrail::ADAPTER,
    &guardduty::ADAPTER,
    &config::ADAPTER,
    &securityhub::ADAPTER,
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

/// The service adapting a resource type; `None` for a type Palisade does not model (the
/// resource is recorded, with no facts).
fn service_of(kind: &str) -> Option<&'static ServiceAdapter> {
    static BY_KIND: OnceLock<HashMap<&'static str, &'static ServiceAdapter>> = OnceLock::new();
    BY_KIND
        .get_or_init(|| {
            let mut by_kind = HashMap::new();
            for &service in SERVICES {
                for &k in service.kinds {
                    let previous = by_kind.insert(k, service);
                    debug_assert!(previous.is_none(), "{k} registered twice");
                }
            }
            by_kind
        })
        .get(kind)
        .copied()
}

/// The references held by the link properties of a resource of type `kind`.
fn link_references<'n>(
    service: &ServiceAdapter,
    kind: &str,
    props: &'n Node,
) -> Vec<Reference<'n>> {
    let mut out = Vec::new();
    for &(k, property, link, targets) in service.links {
        if k != kind {
            continue;
        }
        // `A.B.C`: keys of nested mappings; a list on the way is walked item by item
        // (`DistributionConfig.Origins.DomainName`).
        let mut level: Vec<(&MapKey, &Node)> = Vec::new();
        for (i, part) in property.split('.').enumerate() {
            let holders: Vec<&Node> = if i == 0 {
                vec![props]
            } else {
                level.iter().flat_map(|(_, v)| flat_items(v)).collect()
            };
            level = holders.into_iter().filter_map(|h| entry(h, part)).collect();
        }
        for (key, value) in level {
            for target in value.references() {
                out.push((link, targets, key.span, target));
            }
        }
    }
    if let Some(references) = service.references {
        references(kind, props, &mut out);
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

/// The construct path the AWS CDK records in a synthesised resource's
/// `Metadata: {aws:cdk:path: Stack/Construct/Resource}`, with its span.
fn cdk_path(resource: &Syn) -> Option<(String, Span)> {
    let path = resource.get("Metadata")?.get("aws:cdk:path")?;
    Some((path.as_str()?.to_string(), path.span))
}

/// Adapts every resource of a parsed template.
pub(crate) fn adapt_template(
    root: &Syn,
    file: &palisade_source::SourceFile,
    diagnostics: &mut Vec<Diagnostic>,
) -> Model {
    let mut model = Model::default();
    parameters::parameters(root, &mut model);
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
    let mut ctx = Ctx::for_template(root);
    ctx.file = Some(file);
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
            construct: cdk_path(value),
        });
        // A resource whose condition is known false is not created with the defaults.
        if let Some(cond) = value.get("Condition").and_then(Syn::as_str) {
            if ctx.condition(cond) == Some(false) {
                continue;
            }
        }
        // Credentials for cfn-init in the resource's metadata, whatever its type.
        if let Some(auth) = value
            .get("Metadata")
            .and_then(|m| m.get("AWS::CloudFormation::Authentication"))
            .and_then(|a| ctx.eval(a))
        {
            metadata_credentials(&mut model, id, &auth);
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
        let Some(service) = service_of(&kind) else {
            continue;
        };
        for (link, targets, span, target) in link_references(service, &kind, &props) {
            pending_links.push(PendingLink {
                from: id,
                kind: link,
                targets,
                span,
                target: target.to_string(),
            });
        }
        let mut r = Adapter {
            model: &mut model,
            id,
            header,
            extent: header.to(value.span),
            props: &props,
            notes: &mut *diagnostics,
        };
        (service.adapt)(&mut r, &kind);
    }
    resolve_links(&mut model, pending_links);
    diagnostics.append(&mut expander.diagnostics);
    diagnostics.extend(ctx.depth_note());
    diagnostics.extend(ctx.fuel_note());
    model
}

/// The access keys and passwords of `AWS::CloudFormation::Authentication` blocks (`roleName`
/// blocks hold none).
fn metadata_credentials(model: &mut Model, id: ResourceId, auth: &Node) {
    for (block, b) in auth.entries() {
        for (key, v) in b.entries() {
            if ["accesskeyid", "secretkey", "password"]
                .contains(&key.name.to_ascii_lowercase().as_str())
                && !matches!(v.kind, NodeKind::Null)
            {
                model.secrets.metadata_credentials.push(
                    palisade_model::secrets::MetadataCredential {
                        owner: id,
                        block: block.name.clone(),
                        key: key.name.clone(),
                        span: key.span,
                    },
                );
            }
        }
    }
}

struct Adapter<'a> {
    model: &'a mut Model,
    id: ResourceId,
    header: Span,
    extent: Span,
    props: &'a Node,
    /// Problems found while adapting (a policy string that is not JSON: a warning).
    notes: &'a mut Vec<Diagnostic>,
}

/// A property that is written: a `null` (also what `AWS::NoValue` leaves in a conditional
/// branch) counts as absent.
fn present<'n>(node: &'n Node, key: &str) -> Option<&'n Node> {
    node.get(key).filter(|n| !matches!(n.kind, NodeKind::Null))
}

/// A property's value with the span of `Key: value`.
fn prop_string(node: &Node, key: &str) -> Option<Value<String>> {
    let (k, v) = node
        .entries()
        .iter()
        .find(|(k, v)| k.name == key && !matches!(v.kind, NodeKind::Null))?;
    let mut value = v.to_string_value();
    value.span = k.span.to(v.span);
    Some(value)
}

/// A boolean property with the span of `Key: value`, or `default` at `fallback`.
fn prop_bool(node: &Node, key: &str, default: bool, fallback: Span) -> Value<bool> {
    match node
        .entries()
        .iter()
        .find(|(k, v)| k.name == key && !matches!(v.kind, NodeKind::Null))
    {
        Some((k, v)) => {
            let mut value = v.to_bool_value();
            value.span = k.span.to(v.span);
            value
        }
        None => Value::omitted(default, fallback),
    }
}

/// The span of a property's key, when written.
fn key_span(node: &Node, key: &str) -> Option<Span> {
    node.entries()
        .iter()
        .find(|(k, v)| k.name == key && !matches!(v.kind, NodeKind::Null))
        .map(|(k, _)| k.span)
}

/// The property's key and value, for spans that should cover `Key: value`.
fn property_span(node: &Node, key: &str) -> Option<Span> {
    node.entries()
        .iter()
        .find(|(k, _)| k.name == key)
        .map(|(k, v)| k.span.to(v.span))
}

/// A boolean property with the span of the whole `Key: value` (keeping its provenance and
/// definition site), or `default` as the service default at `fallback` when not written.
fn bool_property(node: &Node, key: &str, default: bool, fallback: Span) -> Value<bool> {
    match present(node, key) {
        Some(v) => {
            let mut flag = v.to_bool_value();
            flag.span = property_span(node, key).unwrap_or(v.span);
            flag
        }
        None => Value::omitted(default, fallback),
    }
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

/// `presence` made `false` where the value is a known empty string, branch by branch.
fn not_empty(present: Value<bool>, node: &Node) -> Value<bool> {
    match (&node.kind, present.kind) {
        (NodeKind::String(s), ValueKind::Known(_, p)) if s.trim().is_empty() => Value {
            kind: ValueKind::Known(false, p),
            span: present.span,
            defined_at: present.defined_at,
        },
        (
            NodeKind::Conditional {
                when_true: nt,
                when_false: nf,
                ..
            },
            ValueKind::Conditional {
                condition,
                when_true,
                when_false,
            },
        ) => Value {
            kind: ValueKind::Conditional {
                condition,
                when_true: Box::new(not_empty(*when_true, nt)),
                when_false: Box::new(not_empty(*when_false, nf)),
            },
            span: present.span,
            defined_at: present.defined_at,
        },
        (_, kind) => Value {
            kind,
            span: present.span,
            defined_at: present.defined_at,
        },
    }
}

/// A value spanning its whole property (`Key: value`) when `span` is known.
fn at<T>(mut v: Value<T>, span: Option<Span>) -> Value<T> {
    if let Some(span) = span {
        v.span = span;
    }
    v
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
    // -- network --------------------------------------------------------------------------

    /// A boolean property when written, spanning `Key: value`.
    fn flag_at(&self, node: &Node, key: &str) -> Option<Value<bool>> {
        present(node, key).map(|v| at(v.to_bool_value(), property_span(node, key)))
    }

    /// A boolean property, or `Omitted(default)` at the header.
    fn flag_or(&self, node: &Node, key: &str, default: bool) -> Value<bool> {
        self.flag_at(node, key)
            .unwrap_or_else(|| Value::omitted(default, self.header))
    }

    /// A `PubliclyAccessible` switch.
    fn public_access(&mut self, endpoint: palisade_model::public_access::Endpoint, default: bool) {
        let publicly_accessible = self.flag_or(self.props, "PubliclyAccessible", default);
        self.model
            .public_access
            .push(palisade_model::public_access::PublicAccess {
                owner: self.id,
                endpoint,
                publicly_accessible,
            });
    }

    // -- policies -------------------------------------------------------------------------

    fn policy_at(&mut self, key: &str, kind: PolicyKind) {
        if let Some(doc) = present(self.props, key) {
            let doc = doc.clone();
            self.attach_policy(&doc, kind, key.to_string());
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
        policy_documents(doc, &mut when.to_vec(), &mut docs, self.notes);
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

    /// SNS: encrypted exactly when a key is given.
    fn key_means_encrypted(&mut self, service: Service, store: &str, key: &str) {
        match self.props.get(key) {
            Some(k) => {
                let span = property_span(self.props, key).unwrap_or(k.span);
                let mut encrypted = presence(k);
                if service == Service::Sns {
                    // `KmsMasterKeyId: ""` turns SNS encryption off.
                    encrypted = not_empty(encrypted, k);
                }
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
}

/// The documents a policy property may hold: a mapping, a JSON string, or either under
/// `Fn::If` (each branch with its condition).
fn policy_documents(
    node: &Node,
    when: &mut Vec<(String, bool)>,
    out: &mut Vec<(Node, Vec<(String, bool)>)>,
    notes: &mut Vec<Diagnostic>,
) {
    match &node.kind {
        NodeKind::Map(_) => out.push((node.clone(), when.clone())),
        NodeKind::String(text) => match parse_embedded_json(text, node.span, notes) {
            Some(syn) => {
                if let Some(mut doc) = Ctx::plain().eval(&syn) {
                    doc.provenance = node.provenance;
                    out.push((doc, when.clone()));
                }
            }
            None => {
                let d = Diagnostic::warning(
                    node.span,
                    "this policy document is a string that is not valid JSON (AWS rejects it \
                     when it is deployed); the policy was not analysed",
                );
                if !notes.contains(&d) {
                    notes.push(d);
                }
            }
        },
        NodeKind::Conditional {
            condition,
            when_true,
            when_false,
        } => {
            when.push((condition.clone(), true));
            policy_documents(when_true, when, out, notes);
            when.pop();
            when.push((condition.clone(), false));
            policy_documents(when_false, when, out, notes);
            when.pop();
        }
        _ => {}
    }
}

impl Adapter<'_> {
    /// A password or token property (a path of nested keys), when written.
    fn password(
        &mut self,
        path: &[&str],
        service: palisade_model::secrets::PasswordService,
        what: &'static str,
    ) {
        let mut node = self.props;
        for key in path {
            match present(node, key) {
                Some(n) => node = n,
                None => return,
            }
        }
        self.model
            .secrets
            .passwords
            .push(palisade_model::secrets::ServicePassword {
                owner: self.id,
                service,
                what,
                value: node.to_string_value(),
            });
    }

    /// The `Environment` list (`[{Name, Value}]`) of an ECS container definition or Batch
    /// container properties; `Secrets` (`ValueFrom`) are not environment variables.
    fn container_environment(
        &mut self,
        service: palisade_model::secrets::EnvironmentService,
        container: &Node,
        container_name: Option<&str>,
    ) {
        let Some(environment) = present(container, "Environment") else {
            return;
        };
        for item in flat_items(environment) {
            let (Some(name), Some(value)) = (present(item, "Name"), present(item, "Value")) else {
                continue;
            };
            self.model
                .secrets
                .environment
                .push(palisade_model::secrets::EnvironmentVariable {
                    owner: self.id,
                    service,
                    name: name.as_str().map(str::to_string),
                    value: value.to_string_value(),
                    container: container_name.map(str::to_string),
                    span: name.span,
                });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_resource_type_belongs_to_one_service() {
        let mut seen = std::collections::BTreeSet::new();
        for service in SERVICES {
            for kind in service.kinds {
                assert!(seen.insert(*kind), "{kind} is registered twice");
                let found = service_of(kind).expect("registered");
                assert_eq!(found.kinds, service.kinds);
            }
        }
        assert!(service_of("AWS::S3::Bucket").is_some());
        assert!(service_of("AWS::Not::Modelled").is_none());
    }

    #[test]
    fn link_rows_are_of_their_services_types() {
        for service in SERVICES {
            for (kind, property, _, _) in service.links {
                assert!(
                    service.kinds.contains(kind),
                    "link row {kind}.{property} is in the wrong service"
                );
            }
        }
    }
}
