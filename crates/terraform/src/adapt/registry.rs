//! Calls of well-known registry modules, read for what they create. Registry modules are never
//! fetched; for the few that most configurations use to build a network, the facts follow
//! from the call's arguments and the module's documented defaults (the call stands for the
//! resources, `module.NAME` of kind `module:<source>`):
//!
//! | module | creates | arguments read (default) |
//! |---|---|---|
//! | `terraform-aws-modules/vpc/aws` | a VPC | `create_vpc` (true), `enable_flow_log` (false) |
//! | `terraform-aws-modules/rds/aws` | a DB instance | `create_db_instance` (true), `publicly_accessible` (false) |

use super::{entry, flag, Cx};
use palisade_model::public_access::{Endpoint, PublicAccess};
use palisade_model::vpc::Vpc;
use palisade_model::{Node, NodeKind, ResourceId, Span, ValueKind};

/// The modules Palisade knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Known {
    Vpc,
    Rds,
}

impl Known {
    pub(super) fn source(self) -> &'static str {
        match self {
            Known::Vpc => "terraform-aws-modules/vpc/aws",
            Known::Rds => "terraform-aws-modules/rds/aws",
        }
    }
}

/// The attributes of a module call that are evaluated.
pub(super) const ATTRS: &[&str] = &[
    "source",
    "create_vpc",
    "enable_flow_log",
    "create_db_instance",
    "publicly_accessible",
];

/// The known module a call's `source` names (`terraform-aws-modules/vpc/aws`, with or without
/// the `registry.terraform.io/` host; a `//` subdirectory is another module).
pub(super) fn known(n: &Node) -> Option<Known> {
    let ValueKind::Known(source, _) = entry(n, "source")?.1.to_string_value().kind else {
        return None;
    };
    let s = source.trim();
    let s = s.strip_prefix("registry.terraform.io/").unwrap_or(s);
    [Known::Vpc, Known::Rds]
        .into_iter()
        .find(|k| s.eq_ignore_ascii_case(k.source()))
}

/// False when the module's `create` switch is written `false`.
fn creates(n: &Node, switch: &str) -> bool {
    !matches!(
        entry(n, switch).map(|(_, v)| &v.kind),
        Some(NodeKind::Bool(false))
    )
}

/// The facts of one call; `id` is the resource standing for it.
pub(super) fn adapt(cx: &mut Cx, module: Known, id: ResourceId, n: &Node, header: Span) {
    match module {
        Known::Vpc if creates(n, "create_vpc") => {
            let (enabled, _) = flag(n, "enable_flow_log", false, header);
            cx.model.vpcs.push(Vpc {
                owner: id,
                module_flow_log: Some(enabled),
            });
        }
        Known::Rds if creates(n, "create_db_instance") => {
            let (publicly_accessible, _) = flag(n, "publicly_accessible", false, header);
            cx.model.public_access.push(PublicAccess {
                owner: id,
                endpoint: Endpoint::RdsInstance,
                publicly_accessible,
            });
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_model::node::MapKey;
    use palisade_source::{FileId, Provenance};

    fn call(source: &str) -> Node {
        let sp = Span::new(FileId(0), 0, 1);
        let key = MapKey {
            name: "source".into(),
            span: sp,
        };
        let value = Node::new(NodeKind::String(source.into()), sp, Provenance::Literal);
        Node::new(NodeKind::Map(vec![(key, value)]), sp, Provenance::Literal)
    }

    #[test]
    fn known_sources() {
        assert_eq!(
            known(&call("terraform-aws-modules/vpc/aws")),
            Some(Known::Vpc)
        );
        assert_eq!(
            known(&call("registry.terraform.io/terraform-aws-modules/rds/aws")),
            Some(Known::Rds)
        );
        assert_eq!(
            known(&call(
                "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
            )),
            None
        );
        assert_eq!(known(&call("./vpc")), None);
    }
}
