//! Athena: workgroups (the encryption of query results).

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::Athena::WorkGroup"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    if kind != "AWS::Athena::WorkGroup" {
        return;
    }
    let config = present(r.props, "WorkGroupConfiguration")
        .and_then(|c| present(c, "ResultConfiguration"))
        .and_then(|c| {
            present(c, "EncryptionConfiguration")
                .map(|e| (e, property_span(c, "EncryptionConfiguration")))
        });
    // Results always land in S3, which encrypts every object (SSE-S3 at least); what the
    // configuration chooses is whether a customer-managed key does it.
    let (key, span) = match config {
        None => (None, r.header),
        Some((e, sp)) => {
            let sp = sp.unwrap_or(r.header);
            let option = prop_string(e, "EncryptionOption");
            match option.as_ref().and_then(|o| o.get()) {
                Some(o) if o.eq_ignore_ascii_case("SSE_S3") => {
                    (None, option.as_ref().map_or(sp, |o| o.span))
                }
                // SSE_KMS / CSE_KMS with its key, or an option not known.
                _ => (
                    Some(
                        present(e, "KmsKey")
                            .map_or_else(|| Value::unknown(sp), Node::to_string_value),
                    ),
                    sp,
                ),
            }
        }
    };
    let header = r.header;
    r.push_encryption(
        Service::Athena,
        "query results",
        Value::omitted(true, header),
        key,
        span,
    );
}
