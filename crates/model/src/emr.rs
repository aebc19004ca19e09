//! EMR security configurations: what their JSON says about encryption at rest. Both
//! frontends evaluate the configuration (a JSON string, `jsonencode`, or a CloudFormation
//! mapping) into a [`Node`] and read it here, so the two agree on its meaning.

use crate::Node;
use palisade_source::Value;

/// The stores a security configuration's JSON leaves unencrypted or encrypts: nothing when
/// it declares no `EncryptionConfiguration` (a configuration for Kerberos or Lake Formation
/// only); the cluster data when `EnableAtRestEncryption` is false or missing; the local disks
/// when at-rest encryption is on but configures only S3.
pub fn at_rest(doc: &Node) -> Vec<(&'static str, Value<bool>)> {
    let mut out = Vec::new();
    let Some((enc_key, enc)) = doc
        .entries()
        .iter()
        .find(|(k, _)| k.name == "EncryptionConfiguration")
    else {
        return out;
    };
    let enabled = match enc
        .entries()
        .iter()
        .find(|(k, _)| k.name == "EnableAtRestEncryption")
    {
        Some((k, v)) => {
            // The key's span: a heredoc's values may span the whole string.
            let mut b = v.to_bool_value();
            b.span = if v.span.start < k.span.start {
                k.span
            } else {
                k.span.to(v.span)
            };
            b
        }
        None => Value::omitted(false, enc_key.span),
    };
    let on = enabled.get() == Some(&true);
    out.push(("data at rest", enabled));
    if on {
        let config = enc.get("AtRestEncryptionConfiguration");
        let local = config.and_then(|c| c.get("LocalDiskEncryptionConfiguration"));
        if local.is_none() && config.is_none_or(|c| !c.is_unknown()) {
            let span = enc
                .entries()
                .iter()
                .find(|(k, _)| k.name == "AtRestEncryptionConfiguration")
                .map_or(enc_key.span, |(k, _)| k.span);
            out.push(("local disks", Value::omitted(false, span)));
        }
    }
    out
}
