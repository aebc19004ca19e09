//! OpenSearch Service (and Elasticsearch Service): domains (their encryption at rest, their
//! access policy) and domain policies.

use super::{attach, blocks, flag, password, store, string, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::public_access::SearchDomain;
use palisade_model::secrets::PasswordService;
use palisade_model::{Node, PolicyKind, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "aws_opensearch_domain",
        "aws_elasticsearch_domain",
        "aws_opensearch_domain_policy",
        "aws_elasticsearch_domain_policy",
    ],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_opensearch_domain_policy" | "aws_elasticsearch_domain_policy" => {
            attach(cx, id, n, "access_policies", PolicyKind::Resource)
        }
        "aws_opensearch_domain" | "aws_elasticsearch_domain" => {
            attach(cx, id, n, "access_policies", PolicyKind::Resource);
            let (encrypted, kms, sp) = match blocks(n, "encrypt_at_rest").first() {
                Some((b, sp)) => {
                    let (e, _) = flag(b, "enabled", false, *sp);
                    (e, string(b, "kms_key_id"), *sp)
                }
                None => (Value::omitted(false, header), None, header),
            };
            store(cx, id, Service::OpenSearch, "domain", encrypted, kms, sp);
            for (security, _) in blocks(n, "advanced_security_options") {
                for (master, _) in blocks(security, "master_user_options") {
                    password(
                        cx,
                        id,
                        master,
                        "master_user_password",
                        PasswordService::OpenSearch,
                        "master user password",
                    );
                }
            }
            cx.model.search_domains.push(SearchDomain {
                owner: id,
                vpc_options: blocks(n, "vpc_options").first().map(|(_, sp)| *sp),
            });
        }
        _ => {}
    }
}
