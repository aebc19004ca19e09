//! Glue: data catalog encryption settings and security configurations.

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "AWS::Glue::DataCatalogEncryptionSettings",
        "AWS::Glue::SecurityConfiguration",
    ],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    let props = r.props;
    match kind {
        "AWS::Glue::DataCatalogEncryptionSettings" => {
            let Some(s) = present(props, "DataCatalogEncryptionSettings") else {
                return;
            };
            let fallback =
                property_span(props, "DataCatalogEncryptionSettings").unwrap_or(r.header);
            match present(s, "EncryptionAtRest") {
                Some(e) => {
                    let sp = property_span(s, "EncryptionAtRest").unwrap_or(fallback);
                    let encrypted = mode(e, "CatalogEncryptionMode", sp);
                    let span = encrypted.span;
                    let key = present(e, "SseAwsKmsKeyId").map(Node::to_string_value);
                    r.push_encryption(Service::Glue, "data catalog", encrypted, key, span);
                }
                None => r.push_encryption(
                    Service::Glue,
                    "data catalog",
                    Value::omitted(false, fallback),
                    None,
                    fallback,
                ),
            }
            if let Some(c) = present(s, "ConnectionPasswordEncryption") {
                let sp = property_span(s, "ConnectionPasswordEncryption").unwrap_or(fallback);
                let encrypted = bool_property(c, "ReturnConnectionPasswordEncrypted", false, sp);
                let span = encrypted.span;
                let key = present(c, "KmsKeyId").map(Node::to_string_value);
                r.push_encryption(Service::Glue, "connection passwords", encrypted, key, span);
            }
        }
        "AWS::Glue::SecurityConfiguration" => {
            let Some(c) = present(props, "EncryptionConfiguration") else {
                return;
            };
            let fallback = property_span(props, "EncryptionConfiguration").unwrap_or(r.header);
            for (block, key, what) in [
                (
                    "CloudWatchEncryption",
                    "CloudWatchEncryptionMode",
                    "CloudWatch logs",
                ),
                (
                    "JobBookmarksEncryption",
                    "JobBookmarksEncryptionMode",
                    "job bookmarks",
                ),
                ("S3Encryptions", "S3EncryptionMode", "S3 data"),
            ] {
                let Some(b) = present(c, block) else {
                    // Not written: that kind of data is not encrypted.
                    r.push_encryption(
                        Service::Glue,
                        what,
                        Value::omitted(false, fallback),
                        None,
                        fallback,
                    );
                    continue;
                };
                let sp = property_span(c, block).unwrap_or(fallback);
                // `S3Encryptions` is a list of settings (one in practice); the others a mapping.
                let items = if is_map(b) { vec![b] } else { flat_items(b) };
                for item in items {
                    let encrypted = mode(item, key, sp);
                    let span = encrypted.span;
                    let kms = present(item, "KmsKeyArn").map(Node::to_string_value);
                    r.push_encryption(Service::Glue, what, encrypted, kms, span);
                }
            }
        }
        _ => {}
    }
}

/// An encryption mode (`DISABLED`, `SSE-KMS`, `CSE-KMS`, `SSE-S3`): encrypted unless
/// `DISABLED`, which is also what leaving it out means.
fn mode(node: &Node, key: &str, fallback: Span) -> Value<bool> {
    if !is_map(node) {
        return Value::unknown(node.span);
    }
    match prop_string(node, key) {
        Some(v) => v.map(&mut |m| !m.trim().eq_ignore_ascii_case("DISABLED")),
        None => Value::omitted(false, fallback),
    }
}
