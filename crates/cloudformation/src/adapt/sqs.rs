//! SQS: queues (encryption) and queue policies.

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::SQS::QueuePolicy", "AWS::SQS::Queue"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[(
    "AWS::SQS::QueuePolicy",
    "Queues",
    LinkKind::Governed,
    &["AWS::SQS::Queue"],
)];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    match kind {
        "AWS::SQS::QueuePolicy" => r.policy_at("PolicyDocument", PolicyKind::Resource),
        "AWS::SQS::Queue" => r.sqs(),
        _ => {}
    }
}

impl Adapter<'_> {
    fn sqs(&mut self) {
        if present(self.props, "KmsMasterKeyId").is_some() {
            return self.key_means_encrypted(Service::Sqs, "queue", "KmsMasterKeyId");
        }
        let (encrypted, span) = match present(self.props, "SqsManagedSseEnabled") {
            Some(flag) => (
                flag.to_bool_value(),
                property_span(self.props, "SqsManagedSseEnabled").unwrap_or(flag.span),
            ),
            None => (Value::omitted(true, self.header), self.header),
        };
        self.push_encryption(Service::Sqs, "queue", encrypted, None, span);
    }
}
