//! Calls of well-known registry modules, read for what they create. Registry modules are never
//! fetched; for the few that most configurations use to build a network, the facts follow
//! from the call's arguments and the module's documented defaults (the call stands for the
//! resources, `module.NAME` of kind `module:<source>`):
//!
//! | module | creates | arguments read (default) |
//! |---|---|---|
//! | `terraform-aws-modules/vpc/aws` | a VPC | `create_vpc` (true), `enable_flow_log` (false) |
//! | `terraform-aws-modules/rds/aws` | a DB instance | `create_db_instance` (true), `publicly_accessible` (false), `storage_encrypted` (only when written: its default changed between versions) |
//! | `terraform-aws-modules/s3-bucket/aws` | a bucket, its ACL and public access block | `create_bucket` (true), `acl` (none), `attach_public_policy` (true: the block exists), the four block flags (`false` before v4.0.0, `true` since; a call without `version` gets the latest) |

use super::{attr_string, entry, flag, is_null, Cx};
use palisade_model::encryption::Service;
use palisade_model::public_access::{Endpoint, PublicAccess};
use palisade_model::s3::{Acl, PublicAccessBlock};
use palisade_model::vpc::Vpc;
use palisade_model::{Node, NodeKind, ResourceId, Span, ValueKind};

/// The modules Palisade knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Known {
    Vpc,
    Rds,
    S3Bucket,
}

impl Known {
    pub(super) fn source(self) -> &'static str {
        match self {
            Known::Vpc => "terraform-aws-modules/vpc/aws",
            Known::Rds => "terraform-aws-modules/rds/aws",
            Known::S3Bucket => "terraform-aws-modules/s3-bucket/aws",
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
    "storage_encrypted",
    "version",
    "create_bucket",
    "acl",
    "attach_public_policy",
    "block_public_acls",
    "block_public_policy",
    "ignore_public_acls",
    "restrict_public_buckets",
];

/// The known module a call's `source` names (`terraform-aws-modules/vpc/aws`, with or without
/// the `registry.terraform.io/` host; a `//` subdirectory is another module).
pub(super) fn known(n: &Node) -> Option<Known> {
    let ValueKind::Known(source, _) = entry(n, "source")?.1.to_string_value().kind else {
        return None;
    };
    let s = source.trim();
    let s = s.strip_prefix("registry.terraform.io/").unwrap_or(s);
    [Known::Vpc, Known::Rds, Known::S3Bucket]
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
            // Judged only when written: the module's default went from false to true.
            if let Some((k, v)) = entry(n, "storage_encrypted").filter(|(_, v)| !is_null(v)) {
                super::store(
                    cx,
                    id,
                    Service::Rds,
                    "DB instance",
                    super::at(v.to_bool_value(), k.span),
                    None,
                    k.span,
                );
            }
        }
        Known::S3Bucket if creates(n, "create_bucket") => {
            if let Some(acl) = attr_string(n, "acl") {
                cx.model.s3.acls.push(Acl {
                    owner: id,
                    canned: Some(acl),
                    grants: Vec::new(),
                });
            }
            if creates(n, "attach_public_policy") {
                let on = blocks_by_default(n);
                let f = |name| flag(n, name, on, header).0;
                cx.model.s3.public_access_blocks.push(PublicAccessBlock {
                    owner: id,
                    account: false,
                    block_public_acls: f("block_public_acls"),
                    block_public_policy: f("block_public_policy"),
                    ignore_public_acls: f("ignore_public_acls"),
                    restrict_public_buckets: f("restrict_public_buckets"),
                    span: header,
                });
            }
        }
        _ => {}
    }
}

/// Whether the s3-bucket module turns the four block flags on by default: since v4.0.0 it
/// does; before, they default to false. A call without a version, or with a constraint
/// without an upper bound (`>= 3.0`), gets the latest release.
fn blocks_by_default(n: &Node) -> bool {
    let Some((_, v)) = entry(n, "version") else {
        return true;
    };
    let Some(text) = v.as_str() else {
        return true;
    };
    major_of_constraint(text).is_none_or(|m| m >= 4)
}

/// The major version a constraint pins (`3.7.0`, `= 3.7.0`, `~> 3.0`, `~> 3.7, < 4`); `None`
/// when it leaves the major open (`>= 3.0`, `> 2`).
fn major_of_constraint(text: &str) -> Option<u64> {
    let mut pinned = None;
    for part in text.split(',') {
        let part = part.trim();
        let (op, rest) = match part.find(|c: char| c.is_ascii_digit()) {
            Some(i) => (part[..i].trim(), &part[i..]),
            None => continue,
        };
        let nums: Vec<Option<u64>> = rest.split('.').map(|x| x.trim().parse().ok()).collect();
        let major = nums.first().copied().flatten()?;
        let has_minor = nums.get(1).copied().flatten().is_some();
        let below_major = nums[1..].iter().all(|n| *n == Some(0));
        match op {
            "" | "=" => pinned = Some(major),
            // `~> 3.7` allows 3.x; `~> 3` allows any later major.
            "~>" if has_minor => pinned = Some(major),
            // `< 4.0` stops before 4; `< 4.2` allows 4.0 and 4.1.
            "<" if below_major => pinned = pinned.or(Some(major.saturating_sub(1))),
            "<" => pinned = pinned.or(Some(major)),
            "<=" => pinned = pinned.or(Some(major)),
            _ => {}
        }
    }
    pinned
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
    fn module_versions() {
        assert_eq!(major_of_constraint("3.7.0"), Some(3));
        assert_eq!(major_of_constraint("~> 3.0"), Some(3));
        assert_eq!(major_of_constraint("= 4.1.2"), Some(4));
        assert_eq!(major_of_constraint(">= 3.0, < 4.0"), Some(3));
        assert_eq!(major_of_constraint(">= 3.0"), None);
        assert_eq!(major_of_constraint("~> 3"), None);
        assert_eq!(major_of_constraint(">= 3.0, < 4.2"), Some(4));
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
