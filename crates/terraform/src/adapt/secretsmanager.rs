//! Secrets Manager: secrets (their key and inline policy) and secret policies.

use super::{always_encrypted, attach, entry, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::{LinkKind, Node, PolicyKind, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "aws_secretsmanager_secret_policy",
        "aws_secretsmanager_secret",
    ],
    link_only: &["aws_secretsmanager_secret_rotation"],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[
    (
        "aws_secretsmanager_secret_policy",
        "secret_arn",
        LinkKind::Governed,
        &["aws_secretsmanager_secret"],
    ),
    (
        "aws_secretsmanager_secret_rotation",
        "secret_id",
        LinkKind::Rotation,
        &["aws_secretsmanager_secret"],
    ),
];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_secretsmanager_secret_policy" => attach(cx, id, n, "policy", PolicyKind::Resource),
        "aws_secretsmanager_secret_rotation" => cx.model.secrets.rotations.push(id),
        "aws_secretsmanager_secret" => {
            attach(cx, id, n, "policy", PolicyKind::Resource);
            // Provider v4 and earlier configured rotation on the secret itself.
            if entry(n, "rotation_lambda_arn").is_none() {
                cx.model.secrets.managed_secrets.push(id);
            }
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
