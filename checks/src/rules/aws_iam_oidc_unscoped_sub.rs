//! `aws-iam-oidc-unscoped-sub`: a web-identity trust any repository/project/namespace can use.

use crate::finding::policy_subject;
use crate::web_identity::{
    claim_conditions, condition_values, provider_ceiling, unscoped_reason, web_identity_trusts,
};
use crate::{Layer, Check, CheckMeta, Example, Finding, Severity};
use palisade_iam::OperatorClass;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-oidc-unscoped-sub",
        aliases: &[],
        title: "Web-identity trust does not pin the token's subject",
        severity: Severity::Critical,
        service: "iam",
        layer: Layer::Identity,
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
            at the value. An organization-wide pattern (`repo:my-org/*`) is a finding too: every \
            repository of the organization, including any created later and any a member can \
            push a workflow to, can assume the role. The immutable-id form \
            `repo:owner@<id>/repo@<id>:...` is scoped. A wildcard after the repository \
            (`repo:org/app:*`, any branch) is scoped to that repository. Terraform Cloud \
            workspace names are unique within an organization, so a pinned workspace scopes the \
            trust even when the project is a pattern. Under `StringEquals` a `*` is a literal \
            character and is not a wildcard. Only operators that positively restrict \
            (`StringEquals`, `StringLike` and their `IfExists`/`ForAnyValue` forms) pin the \
            claim: a `StringNotEquals` alone does not. Conditions that are not known, and parts \
            of a value that come from unknown variables or parameters, are not judged \
            (`repo:${Repository}:*` is silent; `repo:${Org}/*` is still organization-wide). \
            Several `sub` conditions are ANDed: one that scopes the trust is enough. Cognito \
            identity pools are scoped by `aud` instead (see `aws-iam-oidc-no-audience`).\
            \n\nSeverity follows who can match: **critical** when strangers can (no `sub` on \
            a provider that issues tokens to anyone, such as GitHub, GitLab.com or Terraform \
            Cloud; a wildcard owner or organization); **high** when everything of one owner \
            can (any repository of an organization, any workspace, any namespace of an EKS \
            cluster; no `sub` on a per-cluster, per-workspace or per-organization provider: \
            EKS, Bitbucket, CircleCI); **medium** for any service account of one namespace.",
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
            let provider = trust.provider.as_deref();
            // Cognito identity pools pin the pool through `aud`, not `sub`.
            if provider.is_some_and(|p| p.contains("cognito-identity.amazonaws.com")) {
                continue;
            }
            let Some(subs) = claim_conditions(trust.statement, "sub") else {
                continue;
            };
            let ceiling = provider_ceiling(provider);
            let subject = policy_subject(model, policy);
            if subs.is_empty() {
                out.push(Finding::on_policy(
                    model,
                    CHECK.meta.id,
                    ceiling,
                    policy,
                    trust.statement,
                    trust.action_span,
                    format!(
                        "{subject} trusts {} web identities without a condition on the token's `sub` claim: any {} can assume it",
                        provider.unwrap_or("OIDC"),
                        who(provider)
                    ),
                ));
                continue;
            }
            // One scoping condition is enough (conditions are ANDed); otherwise report each
            // wildcard value (values of one condition are ORed: one loose value opens it).
            let mut wildcard_values = Vec::new();
            let mut scoped = false;
            for condition in &subs {
                let like = condition.operator_class() == OperatorClass::Like;
                let bad: Vec<_> = condition_values(condition)
                    .into_iter()
                    .filter_map(|(v, span)| unscoped_reason(&v, like).map(|u| (v, span, u)))
                    .collect();
                if bad.is_empty() {
                    scoped = true;
                }
                wildcard_values.extend(bad);
            }
            if scoped {
                continue;
            }
            for (value, span, unscoped) in wildcard_values {
                out.push(Finding::on_policy(
                    model,
                    CHECK.meta.id,
                    unscoped.severity.min(ceiling),
                    policy,
                    trust.statement,
                    span,
                    format!(
                        "{subject} trusts web identities whose `sub` matches `{}`: {}",
                        value.replace('\u{0}', "${…}"),
                        unscoped.reason
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web_identity::testing::*;
    use palisade_iam::{Effect, PolicyKind};

    const GH_SUB: &str = "token.actions.githubusercontent.com:sub";

    fn findings(model: &Model) -> Vec<Finding> {
        let mut out = Vec::new();
        run(model, &mut out);
        out
    }

    fn trust_model(statement: palisade_iam::Statement) -> Model {
        model_with(Some("aws_iam_role"), PolicyKind::Trust, vec![statement])
    }

    #[test]
    fn missing_sub_fires_at_the_action_critical_for_github() {
        let aud = condition(
            "StringEquals",
            "token.actions.githubusercontent.com:aud",
            vec![lit("sts.amazonaws.com", 20)],
        );
        let f = findings(&trust_model(github_trust(vec![aud])));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(10));
        assert_eq!(f[0].severity, Severity::Critical);
        assert!(f[0].message.contains("any GitHub repository"), "{}", f[0].message);
    }

    #[test]
    fn a_negated_operator_does_not_pin_the_subject() {
        let not = condition("StringNotEquals", GH_SUB, vec![lit("repo:evil/x:*", 20)]);
        let f = findings(&trust_model(github_trust(vec![not])));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(10));
    }

    #[test]
    fn wildcards_fire_at_the_value_with_their_severity() {
        let like = condition(
            "StringLike",
            GH_SUB,
            vec![lit("repo:octo-org/app:*", 20), lit("repo:octo-org/*", 21)],
        );
        let f = findings(&trust_model(github_trust(vec![like])));
        assert_eq!(f.len(), 1, "only the loose value: {f:?}");
        assert_eq!(f[0].span, sp(21));
        assert_eq!(f[0].severity, Severity::High);

        let any = condition("StringLike", GH_SUB, vec![lit("repo:*", 22)]);
        let f = findings(&trust_model(github_trust(vec![any])));
        assert_eq!(f[0].severity, Severity::Critical);
        assert_eq!(f[0].span, sp(22));
    }

    #[test]
    fn scoped_subjects_stay_silent() {
        for (operator, value) in [
            ("StringEquals", "repo:octo-org/app:ref:refs/heads/main"),
            ("StringLike", "repo:octo-org/app:*"),
            ("StringLike", "repo:octo-org@1234/app@5678:environment:prod"),
            // Under StringEquals `*` is literal: it pins (to nothing usable), no wildcard.
            ("StringEquals", "repo:octo-org/*"),
            ("ForAnyValue:StringLike", "repo:octo-org/app:*"),
            ("StringEqualsIfExists", "repo:octo-org/app:ref:refs/heads/main"),
        ] {
            let c = condition(operator, GH_SUB, vec![lit(value, 20)]);
            assert!(findings(&trust_model(github_trust(vec![c]))).is_empty(), "{operator} {value}");
        }
    }

    #[test]
    fn condition_keys_are_case_insensitive_and_one_scoping_condition_is_enough() {
        let loose = condition("StringLike", GH_SUB, vec![lit("repo:octo-org/*", 20)]);
        let tight = condition(
            "StringEquals",
            "Token.Actions.GitHubUserContent.com:SUB",
            vec![lit("repo:octo-org/app:ref:refs/heads/main", 21)],
        );
        assert!(findings(&trust_model(github_trust(vec![loose, tight]))).is_empty());
    }

    #[test]
    fn unknown_conditions_and_unknown_parts_never_fire() {
        let mut s = github_trust(Vec::new());
        s.condition = palisade_model::Value::unknown(sp(30));
        assert!(findings(&trust_model(s)).is_empty());

        let whole_repo_unknown = condition("StringLike", GH_SUB, vec![partial("repo:\u{0}:*", 20)]);
        assert!(findings(&trust_model(github_trust(vec![whole_repo_unknown]))).is_empty());

        let values_unknown = condition(
            "StringLike",
            GH_SUB,
            vec![palisade_model::Value::unknown(sp(20))],
        );
        assert!(findings(&trust_model(github_trust(vec![values_unknown]))).is_empty());

        // Whatever the organization, `/*` opens all its repositories.
        let org_unknown = condition("StringLike", GH_SUB, vec![partial("repo:\u{0}/*", 20)]);
        let f = findings(&trust_model(github_trust(vec![org_unknown])));
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("repo:${…}/*"), "{}", f[0].message);
    }

    #[test]
    fn per_tenant_providers_cap_at_high() {
        let mut s = github_trust(Vec::new());
        s.principal = Some(principal(
            "Federated",
            vec![lit(
                "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC",
                11,
            )],
        ));
        let f = findings(&trust_model(s.clone()));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::High);
        assert!(f[0].message.contains("service account of the cluster"));

        let any = condition(
            "StringLike",
            "oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub",
            vec![lit("*", 20)],
        );
        let f = findings(&trust_model(with_conditions(s, vec![any])));
        assert_eq!(f[0].severity, Severity::High);
    }

    #[test]
    fn wildcard_actions_count_for_a_federated_principal_only() {
        let mut s = github_trust(Vec::new());
        s.action = Some(list(vec![lit("sts:*", 12)], 12));
        let f = findings(&trust_model(s.clone()));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(12));
        // `sts:*` for an AWS principal is no web-identity trust.
        s.principal = Some(principal("AWS", vec![lit("arn:aws:iam::123456789012:root", 11)]));
        assert!(findings(&trust_model(s)).is_empty());
    }

    #[test]
    fn deny_identity_policies_and_cognito_are_not_judged() {
        let mut deny = github_trust(Vec::new());
        deny.effect = palisade_model::Value::literal(Effect::Deny, sp(700));
        assert!(findings(&trust_model(deny)).is_empty());

        let identity = model_with(
            Some("aws_iam_policy"),
            PolicyKind::Identity,
            vec![github_trust(Vec::new())],
        );
        assert!(findings(&identity).is_empty());

        let mut cognito = github_trust(Vec::new());
        cognito.principal = Some(principal(
            "Federated",
            vec![lit("cognito-identity.amazonaws.com", 11)],
        ));
        assert!(findings(&trust_model(cognito)).is_empty());
    }

    #[test]
    fn standalone_policy_has_no_resource_and_is_bounded_by_the_statement() {
        let model = model_with(None, PolicyKind::Unspecified, vec![github_trust(Vec::new())]);
        let f = findings(&model);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].resource, None);
        assert_eq!(f[0].extent, sp(703));
        assert!(f[0].message.starts_with("this policy"));
    }
}
