//! Secrets Manager: secrets (their key and inline policy) and secret policies.

use super::{always_encrypted, attach, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::{LinkKind, Node, PolicyKind, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "aws_secretsmanager_secret_policy",
        "aws_secretsmanager_secret",
    ],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[(
    "aws_secretsmanager_secret_policy",
    "secret_arn",
    LinkKind::Governed,
    &["aws_secretsmanager_secret"],
)];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_secretsmanager_secret_policy" => attach(cx, id, n, "policy", PolicyKind::Resource),
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
        _ => {}
    }
}
