//! Sharing of images and snapshots (AMI launch permissions, RDS snapshot `shared_accounts`)
//! and EBS encryption by default.

use super::{at, entry, flag, is_null, Cx, LinkRow, ServiceAdapter};
use palisade_model::sharing::{EbsEncryptionByDefault, Shared, Sharing};
use palisade_model::{Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "aws_ami_launch_permission",
        "aws_db_snapshot",
        "aws_db_cluster_snapshot",
        "aws_ebs_encryption_by_default",
    ],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_ami_launch_permission" => {
            if let Some((k, v)) = entry(n, "group").filter(|(_, v)| !is_null(v)) {
                cx.model.sharing.push(Sharing {
                    owner: id,
                    shared: Shared::Ami,
                    with: at(v.to_string_value(), k.span),
                });
            }
        }
        "aws_db_snapshot" | "aws_db_cluster_snapshot" => {
            if let Some(accounts) = n.get("shared_accounts") {
                for account in accounts.items() {
                    cx.model.sharing.push(Sharing {
                        owner: id,
                        shared: Shared::DbSnapshot,
                        with: account.to_string_value(),
                    });
                }
            }
        }
        "aws_ebs_encryption_by_default" => {
            cx.model
                .ebs_encryption_by_default
                .push(EbsEncryptionByDefault {
                    owner: id,
                    enabled: flag(n, "enabled", true, header).0,
                });
        }
        _ => {}
    }
}
