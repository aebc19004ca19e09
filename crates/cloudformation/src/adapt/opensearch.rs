//! OpenSearch Service (and Elasticsearch Service): domains (encryption at rest, the access
//! policy).

use super::*;
use palisade_model::secrets::PasswordService;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "AWS::OpenSearchService::Domain",
        "AWS::Elasticsearch::Domain",
    ],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    match kind {
        "AWS::OpenSearchService::Domain" | "AWS::Elasticsearch::Domain" => {
            r.policy_at("AccessPolicies", PolicyKind::Resource);
            let vpc_options = present(r.props, "VPCOptions")
                .map(|v| property_span(r.props, "VPCOptions").unwrap_or(v.span));
            r.model
                .search_domains
                .push(palisade_model::public_access::SearchDomain {
                    owner: r.id,
                    vpc_options,
                });
            r.opensearch();
            r.password(
                &[
                    "AdvancedSecurityOptions",
                    "MasterUserOptions",
                    "MasterUserPassword",
                ],
                PasswordService::OpenSearch,
                "master user password",
            );
        }
        _ => {}
    }
}

impl Adapter<'_> {
    fn opensearch(&mut self) {
        match present(self.props, "EncryptionAtRestOptions") {
            Some(opts) => {
                let opts = opts.clone();
                let fallback =
                    property_span(self.props, "EncryptionAtRestOptions").unwrap_or(opts.span);
                self.flag_and_key(
                    Service::OpenSearch,
                    "domain",
                    &opts,
                    "Enabled",
                    "KmsKeyId",
                    fallback,
                );
            }
            None => self.push_encryption(
                Service::OpenSearch,
                "domain",
                Value::omitted(false, self.header),
                None,
                self.header,
            ),
        }
    }
}
