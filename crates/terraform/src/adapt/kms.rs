//! KMS: customer-managed keys (their key policy, rotation, spec and usage).

use super::{attach, flag, string, Cx, LinkRow, ServiceAdapter};
use palisade_model::kms::KmsKey;
use palisade_model::{Node, PolicyKind, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_kms_key"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, _kind: &str, n: &Node, header: Span) {
    attach(cx, id, n, "policy", PolicyKind::Resource);
    let (rotation, _) = flag(n, "enable_key_rotation", false, header);
    let key_spec = string(n, "customer_master_key_spec")
        .or_else(|| string(n, "key_spec"))
        .unwrap_or_else(|| Value::omitted("SYMMETRIC_DEFAULT".to_string(), header));
    let key_usage = string(n, "key_usage")
        .unwrap_or_else(|| Value::omitted("ENCRYPT_DECRYPT".to_string(), header));
    cx.model.kms_keys.push(KmsKey {
        owner: id,
        rotation_enabled: rotation,
        key_spec,
        key_usage,
    });
}
