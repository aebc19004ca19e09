//! DynamoDB: tables (server-side encryption); also read for SAM simple tables.

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::DynamoDB::Table"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, _kind: &str) {
    r.dynamodb();
}

impl Adapter<'_> {
    pub(super) fn dynamodb(&mut self) {
        let Some(sse) = present(self.props, "SSESpecification") else {
            self.push_encryption(
                Service::DynamoDb,
                "table",
                Value::omitted(true, self.header),
                None,
                self.header,
            );
            return;
        };
        let span = property_span(self.props, "SSESpecification").unwrap_or(sse.span);
        if !is_map(sse) {
            let unknown = Some(Value::unknown(sse.span));
            return self.push_encryption(
                Service::DynamoDb,
                "table",
                Value::omitted(true, span),
                unknown,
                span,
            );
        }
        // `SSEEnabled: false` still encrypts, with an AWS owned key; `true` selects KMS.
        let kms_key = match present(sse, "SSEEnabled").map(|e| e.to_bool_value()) {
            Some(v) if v.get() == Some(&true) => Some(
                present(sse, "KMSMasterKeyId")
                    .map(Node::to_string_value)
                    .unwrap_or_else(|| Value::omitted("alias/aws/dynamodb".to_string(), span)),
            ),
            Some(v) if v.get() == Some(&false) => None,
            Some(_) => present(sse, "KMSMasterKeyId").map(Node::to_string_value),
            None => None,
        };
        self.push_encryption(
            Service::DynamoDb,
            "table",
            Value::known(true, Provenance::Literal, span),
            kms_key,
            span,
        );
    }
}
