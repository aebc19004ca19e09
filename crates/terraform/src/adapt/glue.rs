//! Glue: data catalog encryption settings and security configurations.

use super::{at, blocks, entry, flag, is_null, store, string, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::{Node, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "aws_glue_data_catalog_encryption_settings",
        "aws_glue_security_configuration",
    ],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, _header: Span) {
    match kind {
        "aws_glue_data_catalog_encryption_settings" => {
            for (s, _) in blocks(n, "data_catalog_encryption_settings") {
                for (b, sp) in blocks(s, "encryption_at_rest") {
                    let encrypted = mode(b, "catalog_encryption_mode", sp);
                    let span = encrypted.span;
                    let key = string(b, "sse_aws_kms_key_id");
                    store(cx, id, Service::Glue, "data catalog", encrypted, key, span);
                }
                for (b, sp) in blocks(s, "connection_password_encryption") {
                    let (encrypted, s) = flag(b, "return_connection_password_encrypted", false, sp);
                    let key = string(b, "aws_kms_key_id");
                    store(
                        cx,
                        id,
                        Service::Glue,
                        "connection passwords",
                        encrypted,
                        key,
                        s.unwrap_or(sp),
                    );
                }
            }
        }
        "aws_glue_security_configuration" => {
            for (c, _) in blocks(n, "encryption_configuration") {
                for (block, attr, what) in [
                    (
                        "cloudwatch_encryption",
                        "cloudwatch_encryption_mode",
                        "CloudWatch logs",
                    ),
                    (
                        "job_bookmarks_encryption",
                        "job_bookmarks_encryption_mode",
                        "job bookmarks",
                    ),
                    ("s3_encryption", "s3_encryption_mode", "S3 data"),
                ] {
                    for (b, sp) in blocks(c, block) {
                        let encrypted = mode(b, attr, sp);
                        let span = encrypted.span;
                        let key = string(b, "kms_key_arn");
                        store(cx, id, Service::Glue, what, encrypted, key, span);
                    }
                }
            }
        }
        _ => {}
    }
}

/// An encryption mode (`DISABLED`, `SSE-KMS`, `CSE-KMS`, `SSE-S3`): encrypted unless
/// `DISABLED`, which is also what leaving it out means.
fn mode(b: &Node, attr: &str, block: Span) -> Value<bool> {
    match entry(b, attr) {
        Some((k, v)) if !is_null(v) => {
            at(v.to_string_value(), k.span).map(&mut |m| !m.trim().eq_ignore_ascii_case("DISABLED"))
        }
        _ => Value::omitted(false, block),
    }
}
