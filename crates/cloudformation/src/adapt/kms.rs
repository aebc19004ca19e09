//! KMS: keys (key policy, rotation, spec and usage).

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::KMS::Key"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, _kind: &str) {
    r.policy_at("KeyPolicy", PolicyKind::Resource);
    r.kms_key();
}

impl Adapter<'_> {
    fn kms_key(&mut self) {
        let rotation_enabled = present(self.props, "EnableKeyRotation")
            .map(Node::to_bool_value)
            .unwrap_or_else(|| Value::omitted(false, self.header));
        let key_spec = present(self.props, "KeySpec")
            .map(Node::to_string_value)
            .unwrap_or_else(|| Value::omitted("SYMMETRIC_DEFAULT".to_string(), self.header));
        let key_usage = present(self.props, "KeyUsage")
            .map(Node::to_string_value)
            .unwrap_or_else(|| Value::omitted("ENCRYPT_DECRYPT".to_string(), self.header));
        self.model.kms_keys.push(KmsKey {
            owner: self.id,
            rotation_enabled,
            key_spec,
            key_usage,
        });
    }
}
