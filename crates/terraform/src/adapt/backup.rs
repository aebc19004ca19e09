//! AWS Backup: vaults (their key).

use super::{always_encrypted, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::{Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_backup_vault"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    if kind == "aws_backup_vault" {
        always_encrypted(cx, id, n, Service::Backup, "vault", "kms_key_arn", header);
    }
}
