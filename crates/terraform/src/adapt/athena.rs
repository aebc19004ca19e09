//! Athena: workgroups and databases (the encryption of query results).

use super::{blocks, entry, store, string, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::{Node, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_athena_workgroup", "aws_athena_database"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    let (config, key_attr) = match kind {
        "aws_athena_workgroup" => (
            first(n, "configuration")
                .and_then(|(c, _)| first(c, "result_configuration"))
                .and_then(|(r, _)| first(r, "encryption_configuration")),
            "kms_key_arn",
        ),
        "aws_athena_database" => (first(n, "encryption_configuration"), "kms_key"),
        _ => return,
    };
    // Results always land in S3, which encrypts every object (SSE-S3 at least); what the
    // configuration chooses is whether a customer-managed key does it.
    let (key, span) = match config {
        None => (None, header),
        Some((e, sp)) => {
            let option_span = entry(e, "encryption_option").map_or(sp, |(k, _)| k.span);
            let option = string(e, "encryption_option");
            match option.as_ref().and_then(|o| o.get()) {
                Some(o) if o.eq_ignore_ascii_case("SSE_S3") => (None, option_span),
                // SSE_KMS / CSE_KMS with its key, or an option not known: a key may be there.
                _ => (
                    Some(string(e, key_attr).unwrap_or_else(|| Value::unknown(sp))),
                    sp,
                ),
            }
        }
    };
    store(
        cx,
        id,
        Service::Athena,
        "query results",
        Value::omitted(true, header),
        key,
        span,
    );
}

fn first<'n>(n: &'n Node, name: &str) -> Option<(&'n Node, Span)> {
    blocks(n, name).into_iter().next()
}
