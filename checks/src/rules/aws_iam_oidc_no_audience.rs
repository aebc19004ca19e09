//! `aws-iam-oidc-no-audience`: a web-identity trust that does not check the token's audience.

use crate::finding::policy_subject;
use crate::web_identity::{claim_conditions, web_identity_trusts};
use crate::{Layer, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-oidc-no-audience",
        aliases: &[],
        title: "Web-identity trust does not check the token's audience",
        severity: Severity::Medium,
        service: "iam",
        layer: Layer::Identity,
        description: "A role trust policy statement allowing `sts:AssumeRoleWithWebIdentity` \
            without a condition on the token's `aud` claim (`<provider>:aud`, for Cognito \
            identity pools `cognito-identity.amazonaws.com:aud`).\n\nThe audience says whom \
            the token was minted for. Without it, a token the provider issued for another \
            relying party (another cloud, another service) can be replayed against AWS STS. For \
            GitHub Actions, AWS and GitHub document `sts.amazonaws.com` as the audience; for \
            Cognito identity pools the audience is the identity pool id and is the only thing \
            that ties the trust to your pool. The `sub` claim matters more for the \
            CI providers (see `aws-iam-oidc-unscoped-sub`), and STS itself only accepts tokens \
            whose audience is one of the OIDC provider's registered client ids, so for them the \
            condition is defence in depth: **medium**. EKS IRSA trusts are judged like any \
            other provider: AWS's own IRSA trust template pins `<issuer>:aud` to \
            `sts.amazonaws.com`, and a cluster also issues tokens for other audiences (the \
            Kubernetes API). For Cognito identity pools (`cognito-identity.amazonaws.com`, one \
            issuer shared by every pool in every account) the audience is the only thing that \
            names your pool: **high**. Only positively restricting operators count \
            (`StringEquals`, `StringLike`, their `IfExists`/`ForAnyValue` forms). Conditions \
            that are not known are not judged.",
        remediation: "Add `StringEquals` on `<provider>:aud`: \
            `\"token.actions.githubusercontent.com:aud\": \"sts.amazonaws.com\"` for GitHub, \
            `\"<cluster-oidc-host>:aud\": \"sts.amazonaws.com\"` for EKS IRSA, the identity \
            pool id for Cognito, the audience configured in the CI system for GitLab, \
            Terraform Cloud, Bitbucket and CircleCI.",
        references: &[
            "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(5, "\"sts:AssumeRoleWithWebIdentity\"")]),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[(11, "sts:AssumeRoleWithWebIdentity"), (25, "sts:AssumeRoleWithWebIdentity")],
            ),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(12, "\"sts:AssumeRoleWithWebIdentity\"")]),
            Example::good("good.json"),
            Example::bad("bad.iam.json", &[(8, "\"sts:AssumeRoleWithWebIdentity\"")]),
            Example::good("good.iam.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for policy in &model.policies {
        for trust in web_identity_trusts(policy) {
            let Some(auds) = claim_conditions(trust.statement, "aud") else {
                continue;
            };
            if !auds.is_empty() {
                continue;
            }
            let cognito = trust
                .provider
                .as_deref()
                .is_some_and(|p| p.contains("cognito-identity.amazonaws.com"));
            let (severity, why) = if cognito {
                (
                    Severity::High,
                    ": any Cognito identity pool, in any account, can issue a token it accepts",
                )
            } else {
                (CHECK.meta.severity, "")
            };
            out.push(Finding::on_policy(
                model,
                CHECK.meta.id,
                severity,
                policy,
                trust.statement,
                trust.action_span,
                format!(
                    "{} trusts {} web identities without a condition on the token's `aud` claim{why}",
                    policy_subject(model, policy),
                    trust.provider.as_deref().unwrap_or("OIDC")
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web_identity::testing::*;
    use palisade_iam::PolicyKind;

    fn findings(model: &Model) -> Vec<Finding> {
        let mut out = Vec::new();
        run(model, &mut out);
        out
    }

    fn trust_model(statement: palisade_iam::Statement) -> Model {
        model_with(Some("aws_iam_role"), PolicyKind::Trust, vec![statement])
    }

    fn sub() -> palisade_iam::Condition {
        condition(
            "StringEquals",
            "token.actions.githubusercontent.com:sub",
            vec![lit("repo:octo-org/app:ref:refs/heads/main", 20)],
        )
    }

    #[test]
    fn missing_audience_fires_at_the_action() {
        let f = findings(&trust_model(github_trust(vec![sub()])));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(10));
        assert_eq!(f[0].severity, Severity::Medium);
        assert!(f[0].message.contains("token.actions.githubusercontent.com"));
    }

    #[test]
    fn any_pinning_audience_condition_silences_it() {
        for operator in ["StringEquals", "StringLike", "ForAnyValue:StringEquals"] {
            let aud = condition(
                operator,
                "token.actions.githubusercontent.com:AUD",
                vec![lit("sts.amazonaws.com", 21)],
            );
            assert!(findings(&trust_model(github_trust(vec![sub(), aud]))).is_empty());
        }
        // A negated operator pins nothing.
        let not = condition(
            "StringNotEquals",
            "token.actions.githubusercontent.com:aud",
            vec![lit("other", 21)],
        );
        assert_eq!(findings(&trust_model(github_trust(vec![sub(), not]))).len(), 1);
    }

    #[test]
    fn cognito_without_audience_is_high() {
        let mut s = github_trust(Vec::new());
        s.principal = Some(principal(
            "Federated",
            vec![lit("cognito-identity.amazonaws.com", 11)],
        ));
        let f = findings(&trust_model(s));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::High);
    }

    #[test]
    fn unknown_conditions_never_fire() {
        let mut s = github_trust(Vec::new());
        s.condition = palisade_model::Value::unknown(sp(30));
        assert!(findings(&trust_model(s)).is_empty());
    }
}
