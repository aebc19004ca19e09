//! Shared logic of the edge checks: which load balancer a listener belongs to, whether an
//! API is public, which resources a WAF web ACL protects, and how exposure sets severity.
//!
//! Every index is built once per check run from the model's links (never a scan of the
//! model per finding).

use crate::Severity;
use palisade_model::apigateway::Api;
use palisade_model::elb::LoadBalancer;
use palisade_model::{LinkKind, Model, ResourceId};
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

/// Load balancers by their resource.
pub fn load_balancers(model: &Model) -> HashMap<ResourceId, &LoadBalancer> {
    model
        .load_balancers
        .iter()
        .map(|lb| (lb.owner, lb))
        .collect()
}

/// APIs by their resource.
pub fn apis(model: &Model) -> HashMap<ResourceId, &Api> {
    model.apis.iter().map(|a| (a.owner, a)).collect()
}

/// The first resource `from` links to with `kind`, from an index of links built once, at the
/// first question (a model without the facts a check judges never pays for it).
pub struct LinkIndex<'m> {
    model: &'m Model,
    built: OnceCell<Built>,
}

struct Built {
    from: HashMap<(ResourceId, LinkKind), ResourceId>,
    to: HashSet<(ResourceId, LinkKind)>,
}

impl<'m> LinkIndex<'m> {
    pub fn new(model: &'m Model) -> LinkIndex<'m> {
        LinkIndex {
            model,
            built: OnceCell::new(),
        }
    }

    fn built(&self) -> &Built {
        self.built.get_or_init(|| {
            let mut from = HashMap::new();
            let mut to = HashSet::new();
            for l in &self.model.links {
                from.entry((l.from, l.kind)).or_insert(l.to);
                to.insert((l.to, l.kind));
            }
            Built { from, to }
        })
    }

    pub fn target(&self, from: ResourceId, kind: LinkKind) -> Option<ResourceId> {
        self.built().from.get(&(from, kind)).copied()
    }

    /// True when some resource links to `to` with `kind`.
    pub fn is_target(&self, to: ResourceId, kind: LinkKind) -> bool {
        self.built().to.contains(&(to, kind))
    }
}

/// What the WAF associations of a unit protect.
pub struct WafCoverage {
    /// Resources an association points at.
    pub protected: HashSet<ResourceId>,
    /// True when some association's target could not be resolved (an ARN built with
    /// `Fn::Sub`, a variable, a data source): it may protect any resource of the unit, so no
    /// resource is reported as unprotected.
    pub unresolved: bool,
}

impl WafCoverage {
    pub fn new(model: &Model) -> WafCoverage {
        let links = LinkIndex::new(model);
        let mut protected = HashSet::new();
        let mut unresolved = false;
        for a in &model.waf_associations {
            match links.target(a.owner, LinkKind::WafTarget) {
                Some(to) => {
                    protected.insert(to);
                }
                None => unresolved = true,
            }
        }
        WafCoverage {
            protected,
            unresolved,
        }
    }

    /// `true` when the resource may be protected (or we cannot tell).
    pub fn may_protect(&self, id: ResourceId) -> bool {
        self.unresolved || self.protected.contains(&id)
    }
}

/// How a load balancer's exposure reads in a message, and the severity it gives: `public`
/// for an internet-facing one, `internal` for an internal one, `unknown` when the load
/// balancer or its scheme is not known.
pub fn lb_exposure(
    lb: Option<&LoadBalancer>,
    public: Severity,
    internal: Severity,
    unknown: Severity,
) -> (Severity, &'static str) {
    match lb.and_then(LoadBalancer::internet_facing) {
        Some(true) => (
            public,
            "the load balancer is internet-facing, so anyone on the internet can connect",
        ),
        Some(false) => (
            internal,
            "the load balancer is internal, reachable only from inside the VPC",
        ),
        None => (unknown, "the load balancer's scheme is not known here"),
    }
}

/// How an API's exposure reads in a message, and the severity it gives.
pub fn api_exposure(
    api: Option<&Api>,
    public: Severity,
    private: Severity,
    unknown: Severity,
) -> (Severity, &'static str) {
    match api.and_then(Api::private) {
        Some(false) => (public, "the API has a public endpoint"),
        Some(true) => (
            private,
            "the API is private, reachable only through VPC endpoints",
        ),
        None => (unknown, "the API's endpoint type is not known here"),
    }
}

/// True when a distribution declares alternate domain names.
pub fn has_aliases(d: &palisade_model::cloudfront::Distribution) -> bool {
    d.aliases
        .as_ref()
        .is_some_and(|a| a.candidates().iter().any(|c| !c.value.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_model::waf::WafAssociation;
    use palisade_model::{Format, Link, Resource, Span, Value};
    use palisade_source::FileId;

    fn resource(model: &mut Model, address: &str) -> ResourceId {
        let at = model.resources.len() * 10;
        model.add_resource(Resource {
            address: address.into(),
            kind: "k".into(),
            format: Format::CloudFormation,
            header: Span::new(FileId(0), at, at + 1),
            extent: Span::new(FileId(0), at, at + 5),
            trace: Vec::new(),
            construct: None,
        })
    }

    #[test]
    fn an_unresolved_association_may_protect_anything() {
        let mut model = Model::default();
        let lb = resource(&mut model, "Alb");
        let other = resource(&mut model, "Other");
        let assoc = resource(&mut model, "Association");
        model.waf_associations.push(WafAssociation {
            owner: assoc,
            resource_arn: Value::unknown(Span::new(FileId(0), 21, 22)),
        });
        let waf = WafCoverage::new(&model);
        assert!(waf.unresolved && waf.may_protect(lb) && waf.may_protect(other));
        // Resolved, it protects exactly its target.
        model.links.push(Link {
            from: assoc,
            to: lb,
            kind: LinkKind::WafTarget,
            span: Span::new(FileId(0), 21, 22),
        });
        let waf = WafCoverage::new(&model);
        assert!(waf.may_protect(lb));
        assert!(!waf.may_protect(other));
    }
}
