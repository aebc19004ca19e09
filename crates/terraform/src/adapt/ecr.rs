//! ECR: repositories (their encryption) and repository policies.

use super::{attach, blocks, store, string, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::{LinkKind, Node, PolicyKind, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_ecr_repository_policy", "aws_ecr_repository"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[(
    "aws_ecr_repository_policy",
    "repository",
    LinkKind::Governed,
    &["aws_ecr_repository"],
)];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_ecr_repository_policy" => attach(cx, id, n, "policy", PolicyKind::Resource),
        "aws_ecr_repository" => {
            let (encrypted, kms, sp) = match blocks(n, "encryption_configuration").first() {
                Some((b, sp)) => {
                    let kms_type = string(b, "encryption_type");
                    let is_kms = kms_type
                        .as_ref()
                        .and_then(|t| t.get())
                        .map(|t| t.eq_ignore_ascii_case("KMS"));
                    let kms = match is_kms {
                        Some(true) => Some(
                            string(b, "kms_key")
                                .unwrap_or_else(|| Value::omitted("alias/aws/ecr".into(), *sp)),
                        ),
                        Some(false) => None,
                        None if kms_type.is_some() => Some(Value::unknown(*sp)),
                        None => None,
                    };
                    (Value::literal(true, *sp), kms, *sp)
                }
                None => (Value::omitted(true, header), None, header),
            };
            store(cx, id, Service::Ecr, "repository", encrypted, kms, sp);
        }
        _ => {}
    }
}
