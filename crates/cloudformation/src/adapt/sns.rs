//! SNS: topics (encrypted exactly when a key is given) and topic policies.

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::SNS::TopicPolicy", "AWS::SNS::Topic"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[(
    "AWS::SNS::TopicPolicy",
    "Topics",
    LinkKind::Governed,
    &["AWS::SNS::Topic"],
)];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    match kind {
        "AWS::SNS::TopicPolicy" => r.policy_at("PolicyDocument", PolicyKind::Resource),
        "AWS::SNS::Topic" => r.key_means_encrypted(Service::Sns, "topic", "KmsMasterKeyId"),
        _ => {}
    }
}
