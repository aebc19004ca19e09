//! `aws-iam-saml-no-audience`: a SAML federation trust that does not check `SAML:aud`.

use crate::finding::policy_subject;
use crate::identity::{entry_values, principal_text, restricts};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_iam::wildcard_match;
use palisade_model::{Model, PolicyKind};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-saml-no-audience",
        aliases: &[],
        title: "SAML federation trust does not check the assertion's audience (`SAML:aud`)",
        severity: Severity::Medium,
        service: "iam",
        layer: Layer::Identity,
        description: "A role trust policy `Allow` for `sts:AssumeRoleWithSAML` (or a wildcard \
            that includes it, for a `saml-provider` principal) without a condition on \
            `SAML:aud`. The audience is the endpoint the identity provider addressed the \
            assertion to; AWS documents `SAML:aud` = `https://signin.aws.amazon.com/saml` for \
            console sign-in and recommends the condition in every SAML trust. Without it an \
            assertion the same identity provider issued for another service provider (another \
            application behind the same IdP) can be exchanged for AWS credentials. Conditions \
            that are not known are not judged.",
        remediation: "Add `\"Condition\": {\"StringEquals\": {\"SAML:aud\": \
            \"https://signin.aws.amazon.com/saml\"}}` (or the regional sign-in endpoint your \
            identity provider uses).",
        references: &[
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_saml.html",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-saml",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(9, "\"sts:AssumeRoleWithSAML\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(11, "sts:AssumeRoleWithSAML")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(11, "\"sts:AssumeRoleWithSAML\"")]),
            Example::good("good.json"),
            Example::bad("bad.iam.json", &[(7, "\"sts:AssumeRoleWithSAML\"")]),
            Example::good("good.iam.json"),
        ],
    },
    run,
};

const SAML_ACTION: &str = "sts:AssumeRoleWithSAML";

fn run(model: &Model, out: &mut Vec<Finding>) {
    for policy in &model.policies {
        if matches!(policy.document.kind, PolicyKind::Identity | PolicyKind::ControlPolicy) {
            continue;
        }
        for statement in &policy.document.statements {
            if !statement.is_allow() {
                continue;
            }
            let saml_principal = statement.principal.as_ref().is_some_and(|p| {
                p.entries.iter().any(|e| {
                    e.kind.eq_ignore_ascii_case("Federated")
                        && entry_values(e).iter().any(|v| {
                            principal_text(v).is_some_and(|t| t.contains(":saml-provider/"))
                        })
                })
            });
            let Some((_, span)) = statement.actions().into_iter().find(|(a, _)| {
                a.trim().eq_ignore_ascii_case(SAML_ACTION)
                    || (saml_principal && wildcard_match(a.trim(), SAML_ACTION))
            }) else {
                continue;
            };
            let Some(conditions) = statement.condition.get() else {
                continue;
            };
            if conditions
                .iter()
                .any(|c| c.key_lower() == "saml:aud" && restricts(c))
            {
                continue;
            }
            out.push(Finding::on_policy(
                model,
                CHECK.meta.id,
                CHECK.meta.severity,
                policy,
                statement,
                span,
                format!(
                    "{} accepts SAML assertions for any audience: add a condition on `SAML:aud`",
                    policy_subject(model, policy)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web_identity::testing::*;
    use palisade_iam::Effect;

    fn findings(action: &str, conditions: Vec<palisade_iam::Condition>) -> Vec<Finding> {
        let mut s = statement(Effect::Allow, vec![lit(action, 10)]);
        s.principal = Some(principal("Federated", vec![lit("arn:aws:iam::123456789012:saml-provider/okta", 11)]));
        let s = if conditions.is_empty() { s } else { with_conditions(s, conditions) };
        let mut out = Vec::new();
        run(&model_with(Some("aws_iam_role"), PolicyKind::Trust, vec![s]), &mut out);
        out
    }

    #[test]
    fn saml_trust_without_audience_fires_at_the_action() {
        let f = findings("sts:AssumeRoleWithSAML", vec![]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(10));
        assert_eq!(findings("sts:*", vec![]).len(), 1);
        assert!(findings("sts:AssumeRoleWithSAML", vec![condition("StringEquals", "SAML:aud", vec![lit("https://signin.aws.amazon.com/saml", 12)])]).is_empty());
        assert_eq!(findings("sts:AssumeRoleWithSAML", vec![condition("StringLike", "SAML:aud", vec![lit("*", 12)])]).len(), 1);
        assert_eq!(findings("sts:AssumeRoleWithSAML", vec![condition("StringEquals", "SAML:sub", vec![lit("x", 12)])]).len(), 1);
    }
}
