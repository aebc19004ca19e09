//! ECR: repositories (repository policy and encryption).

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::ECR::Repository"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, _kind: &str) {
    r.policy_at("RepositoryPolicyText", PolicyKind::Resource);
    r.ecr();
}

impl Adapter<'_> {
    fn ecr(&mut self) {
        let Some(enc) = present(self.props, "EncryptionConfiguration") else {
            self.push_encryption(
                Service::Ecr,
                "repository",
                Value::omitted(true, self.header),
                None,
                self.header,
            );
            return;
        };
        let span = property_span(self.props, "EncryptionConfiguration").unwrap_or(enc.span);
        if !is_map(enc) {
            let unknown = Some(Value::unknown(enc.span));
            return self.push_encryption(
                Service::Ecr,
                "repository",
                Value::omitted(true, span),
                unknown,
                span,
            );
        }
        let ty = present(enc, "EncryptionType");
        let kms_key = match present(enc, "KmsKey") {
            Some(k) => Some(k.to_string_value()),
            None => ty.and_then(|t| match t.as_str() {
                Some(s) if s.to_ascii_uppercase().starts_with("KMS") => {
                    Some(Value::omitted("alias/aws/ecr".to_string(), t.span))
                }
                _ => None,
            }),
        };
        self.push_encryption(
            Service::Ecr,
            "repository",
            Value::known(true, Provenance::Literal, span),
            kms_key,
            span,
        );
    }
}
