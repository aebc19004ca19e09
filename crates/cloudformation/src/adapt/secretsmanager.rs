//! Secrets Manager: secrets (their key) and resource policies.

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "AWS::SecretsManager::ResourcePolicy",
        "AWS::SecretsManager::Secret",
        "AWS::SecretsManager::RotationSchedule",
    ],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[
    (
        "AWS::SecretsManager::ResourcePolicy",
        "SecretId",
        LinkKind::Governed,
        &["AWS::SecretsManager::Secret"],
    ),
    (
        "AWS::SecretsManager::RotationSchedule",
        "SecretId",
        LinkKind::Rotation,
        &["AWS::SecretsManager::Secret"],
    ),
];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    match kind {
        "AWS::SecretsManager::ResourcePolicy" => {
            r.policy_at("ResourcePolicy", PolicyKind::Resource)
        }
        "AWS::SecretsManager::Secret" => {
            r.model.secrets.managed_secrets.push(r.id);
            if let Some(v) = present(r.props, "SecretString") {
                r.model
                    .secrets
                    .secret_contents
                    .push(palisade_model::secrets::SecretContent {
                        owner: r.id,
                        value: v.to_string_value(),
                    });
            }
            r.always_encrypted(Service::SecretsManager, "secret", "KmsKeyId")
        }
        "AWS::SecretsManager::RotationSchedule" => r.model.secrets.rotations.push(r.id),
        _ => {}
    }
}
