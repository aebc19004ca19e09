//! Secrets Manager: secrets (their key) and resource policies.

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "AWS::SecretsManager::ResourcePolicy",
        "AWS::SecretsManager::Secret",
    ],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[(
    "AWS::SecretsManager::ResourcePolicy",
    "SecretId",
    LinkKind::Governed,
    &["AWS::SecretsManager::Secret"],
)];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    match kind {
        "AWS::SecretsManager::ResourcePolicy" => {
            r.policy_at("ResourcePolicy", PolicyKind::Resource)
        }
        "AWS::SecretsManager::Secret" => {
            r.always_encrypted(Service::SecretsManager, "secret", "KmsKeyId")
        }
        _ => {}
    }
}
