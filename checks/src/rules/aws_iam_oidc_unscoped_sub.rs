//! `aws-iam-oidc-unscoped-sub`: a web-identity trust any repository/project/namespace can use.

use crate::web_identity::{claim_conditions, condition_values, unscoped_reason, web_identity_trusts};
use crate::finding::policy_subject;
use crate::{Check, CheckMeta, Example, Finding, Severity};
use palisade_iam::OperatorClass;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-oidc-unscoped-sub",
        aliases: &[],
        title: "Web-identity trust does not pin the token's subject",
        severity: Severity::Critical,
        service: "iam",
        description: "A role trust policy statement allowing `sts:AssumeRoleWithWebIdentity` \
            (GitHub Actions, GitLab, Terraform Cloud/HCP, EKS IRSA, Bitbucket, CircleCI or any \
            other OIDC provider) without a condition that pins the token's `sub` claim, or \
            whose `sub` pattern leaves the owner, repository, project or namespace part to a \
            wildcard.\n\nThe identity provider is shared by everyone who uses it: every GitHub \
            repository in the world can mint a token from \
            `token.actions.githubusercontent.com`. A trust without `sub` (or with \
            `repo:*`, `repo:my-org/*`, `project_path:*`, `system:serviceaccount:*:*`) lets \
            any of them assume the role — one of the most common ways CI roles are taken over.\
            \n\nJudged: a missing `sub` condition is always a finding, reported at the action. \
            Under `StringLike`/`ArnLike` a `*` or `?` in the owner/organization/group, \
            repository/project/workspace or namespace/service-account part is a finding, reported \
            at the value; the immutable-id form `repo:owner@<id>/repo@<id>:...` is scoped. Under \
            `StringEquals` a `*` is a literal character and scopes nothing away. A wildcard \
            after the repository (`repo:org/app:*`, any branch) is scoped to that repository. \
            Conditions that are not known, and parts of a value that come from unknown \
            variables or parameters, are not judged. Several `sub` conditions are ANDed: one \
            that scopes the trust is enough.",
        remediation: "Add a `StringEquals` (or `StringLike` with the wildcard only after the \
            repository) condition on `<provider>:sub`, e.g. \
            `\"token.actions.githubusercontent.com:sub\": \"repo:my-org/my-repo:ref:refs/heads/main\"` \
            or `repo:my-org/my-repo:environment:production`; for EKS \
            `system:serviceaccount:<namespace>:<service-account>`; for GitLab \
            `project_path:<group>/<project>:ref_type:branch:ref:main`; for Terraform Cloud \
            `organization:<org>:project:<project>:workspace:<workspace>:run_phase:*`.",
        references: &[
            "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html",
            "https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html",
        ],
        equivalents: &["checkov:CKV_AWS_358"],
        examples: &[
            Example::bad("bad.tf", &[(5, "\"sts:AssumeRoleWithWebIdentity\""), (32, "\"repo:my-org/*\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(14, "sts:AssumeRoleWithWebIdentity"), (31, "system:serviceaccount:*:*")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(17, "\"project_path:*:ref_type:branch:ref:main\"")]),
            Example::good("good.json"),
            Example::bad("bad.iam.json", &[(10, "\"sts:AssumeRoleWithWebIdentity\""), (28, "\"repo:*\"")]),
            Example::good("good.iam.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for policy in &model.policies {
        for trust in web_identity_trusts(policy) {
            // Cognito identity pools pin the pool through `aud`, not `sub`.
            if trust
                .provider
                .as_deref()
                .is_some_and(|p| p.contains("cognito-identity.amazonaws.com"))
            {
                continue;
            }
            let Some(subs) = claim_conditions(trust.statement, "sub") else {
                continue;
            };
            let subject = policy_subject(model, policy);
            if subs.is_empty() {
                out.push(Finding::on_policy(
                    model,
                    CHECK.meta.id,
                    CHECK.meta.severity,
                    policy,
                    trust.statement,
                    trust.action_span,
                    format!(
                        "{subject} trusts {} web identities without a condition on the token's `sub` claim: any {} can assume it",
                        trust.provider.as_deref().unwrap_or("OIDC"),
                        who(trust.provider.as_deref())
                    ),
                ));
                continue;
            }
            // One scoping condition is enough (conditions are ANDed); otherwise report each
            // wildcard value.
            let mut wildcard_values = Vec::new();
            let mut scoped = false;
            for condition in &subs {
                let like = condition.operator_class() == OperatorClass::Like;
                let values = condition_values(condition);
                let bad: Vec<_> = values
                    .iter()
                    .filter_map(|(v, span)| unscoped_reason(v, like).map(|r| (v.clone(), *span, r)))
                    .collect();
                if bad.is_empty() {
                    scoped = true;
                }
                wildcard_values.extend(bad);
            }
            if scoped {
                continue;
            }
            for (value, span, reason) in wildcard_values {
                out.push(Finding::on_policy(
                    model,
                    CHECK.meta.id,
                    CHECK.meta.severity,
                    policy,
                    trust.statement,
                    span,
                    format!(
                        "{subject} trusts web identities whose `sub` matches `{}`: {reason}",
                        value.replace('\u{0}', "${…}")
                    ),
                ));
            }
        }
    }
}

fn who(provider: Option<&str>) -> &'static str {
    match provider.unwrap_or("") {
        p if p.contains("githubusercontent") => "GitHub repository",
        p if p.contains("gitlab") => "GitLab project",
        p if p.contains("terraform.io") => "Terraform Cloud workspace",
        p if p.contains("oidc.eks.") => "Kubernetes service account of the cluster",
        p if p.contains("bitbucket") => "Bitbucket repository of the workspace",
        p if p.contains("circleci") => "CircleCI project",
        _ => "holder of a token from the provider",
    }
}

