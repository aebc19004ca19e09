//! `aws-iam-oidc-no-audience`: a web-identity trust that does not check the token's audience.

use crate::finding::policy_subject;
use crate::web_identity::{claim_conditions, web_identity_trusts};
use crate::{Check, CheckMeta, Example, Finding, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-oidc-no-audience",
        aliases: &[],
        title: "Web-identity trust does not check the token's audience",
        severity: Severity::Medium,
        service: "iam",
        description: "A role trust policy statement allowing `sts:AssumeRoleWithWebIdentity` \
            without a condition on the token's `aud` claim (`<provider>:aud`, for Cognito \
            identity pools `cognito-identity.amazonaws.com:aud`).\n\nThe audience says whom \
            the token was minted for. Without it, a token the provider issued for another \
            relying party (another cloud, another service) can be replayed against AWS STS. For \
            GitHub Actions, AWS and GitHub document `sts.amazonaws.com` as the audience; for \
            Cognito identity pools the audience is the identity pool id and is the only thing \
            that ties the trust to your pool. The `sub` claim matters more (see \
            `aws-iam-oidc-unscoped-sub`), hence the lower severity. Conditions that are not \
            known are not judged.",
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
            Example::bad("bad.yaml", &[(11, "sts:AssumeRoleWithWebIdentity")]),
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
            out.push(Finding::on_policy(
                model,
                CHECK.meta.id,
                CHECK.meta.severity,
                policy,
                trust.statement,
                trust.action_span,
                format!(
                    "{} trusts {} web identities without a condition on the token's `aud` claim",
                    policy_subject(model, policy),
                    trust.provider.as_deref().unwrap_or("OIDC")
                ),
            ));
        }
    }
}
