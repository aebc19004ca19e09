//! Kinesis Data Streams: streams (encryption).

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::Kinesis::Stream"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, _kind: &str) {
    r.kinesis();
}

impl Adapter<'_> {
    fn kinesis(&mut self) {
        let Some(enc) = present(self.props, "StreamEncryption") else {
            self.push_encryption(
                Service::Kinesis,
                "stream",
                Value::omitted(false, self.header),
                None,
                self.header,
            );
            return;
        };
        let span = property_span(self.props, "StreamEncryption").unwrap_or(enc.span);
        let encrypted = match present(enc, "EncryptionType") {
            Some(t) => t
                .to_string_value()
                .map(&mut |t| t.eq_ignore_ascii_case("KMS")),
            None => Value::unknown(enc.span),
        };
        let kms_key = present(enc, "KeyId").map(Node::to_string_value);
        self.push_encryption(Service::Kinesis, "stream", encrypted, kms_key, span);
    }
}
