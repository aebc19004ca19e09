//! `aws-iam-full-admin`: an identity policy allowing every action on every resource.

use crate::finding::policy_subject;
use crate::identity::{evaluate, grant_note, grants_to_holder, on_every_resource};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_iam::{database, ActionId};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-full-admin",
        aliases: &[],
        title: "Policy grants full administrator access (`*` on `*`)",
        severity: Severity::Critical,
        service: "iam",
        layer: Layer::Identity,
        description: "An `Allow` statement with `Action: \"*\"` (or `*:*`) on `Resource: \"*\"` in \
            an identity policy (managed, inline, role, user or group policy, \
            `aws_iam_policy_document`, `AWS::IAM::Policy`/`ManagedPolicy`, inline `Policies`, \
            IAM Identity Center permission set inline policies, standalone policy JSON): whoever holds it is an administrator of the account, able \
            to create users and keys, change every policy, read every secret and delete every \
            resource. CIS AWS Foundations asks that no such policy is attached.\n\nEvaluated as \
            AWS does: a `Deny` in the same document (or the role's permissions boundary, when \
            its document is known) that takes actions away makes it no longer full access \
            (reported **high**, naming the statement), one that removes everything makes it \
            nothing, and a conditional `Deny` lowers it. Resource policies and trust policies \
            are not identity grants (`aws-iam-wildcard-action` judges them); service control \
            policies grant nothing.",
        remediation: "Grant the actions the principal needs on the resources it needs. For \
            break-glass administrators use the AWS managed `AdministratorAccess` policy on a \
            role that requires MFA to assume, rather than a custom `*`/`*` policy.",
        references: &[
            "CIS AWS Foundations Benchmark 1.16 (ensure IAM policies that allow full \"*:*\" administrative privileges are not attached)",
            "AWS Foundational Security Best Practices IAM.1",
        ],
        equivalents: &[
            "checkov:CKV_AWS_1",
            "checkov:CKV_AWS_62",
            "checkov:CKV_AWS_63",
            "trivy:AVD-AWS-0057",
            "cfn_nag:F5",
            "kics:f62aa827-4ade-4dc4-89e4-1433d384a368",
            "kics:575a2155-6af1-4026-b1af-d5bc8fe2a904",
            "kics:953b3cdb-ce13-428a-aa12-318726506661",
            "kics:2f37c4a3-58b9-4afe-8a87-d7f1d2286f84",
            "kics:132a8c31-9837-4203-9fd1-15ca210c7b73",
        ],
        examples: &[
            Example::bad("bad.tf", &[(5, "\"*\""), (17, "\"*\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(9, "\"*\"")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(9, "\"*\"")]),
            Example::good("good.json"),
            Example::bad("bad.iam.json", &[(6, "\"*:*\"")]),
            Example::good("good.iam.json"),
        ],
    },
    run,
};

/// `*` or `*:*`: every action.
fn is_every_action(action: &str) -> bool {
    let a = action.trim();
    a == "*" || a == "*:*"
}

fn run(model: &Model, out: &mut Vec<Finding>) {
    let all: Vec<ActionId> = (0..database().action_count() as u32).map(ActionId).collect();
    for policy in &model.policies {
        if !grants_to_holder(policy.document.kind) {
            continue;
        }
        for statement in &policy.document.statements {
            if !statement.is_allow() || !on_every_resource(statement) {
                continue;
            }
            let Some((action, span)) = statement
                .actions()
                .into_iter()
                .find(|(a, _)| is_every_action(a))
            else {
                continue;
            };
            let grant = evaluate(model, policy, statement, all.clone());
            if grant.actions.is_empty() {
                continue;
            }
            let (severity, what) = if grant.removed_by.is_empty() && grant.limited_by.is_empty() {
                (CHECK.meta.severity, "full administrator access".to_string())
            } else {
                (
                    Severity::High,
                    format!(
                        "{} of the {} actions there are",
                        grant.actions.len(),
                        all.len()
                    ),
                )
            };
            out.push(Finding::on_policy(
                model,
                CHECK.meta.id,
                severity,
                policy,
                statement,
                span,
                format!(
                    "{} allows `{}` on `*`: {what}{}",
                    policy_subject(model, policy),
                    action.trim(),
                    grant_note(&grant, model, policy)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web_identity::testing::*;
    use palisade_iam::{Effect, PolicyKind};

    fn findings(model: &Model) -> Vec<Finding> {
        let mut out = Vec::new();
        run(model, &mut out);
        out
    }

    fn admin(action: &str) -> palisade_iam::Statement {
        let mut s = statement(Effect::Allow, vec![lit(action, 20)]);
        s.resource = Some(list(vec![lit("*", 30)], 30));
        s
    }

    #[test]
    fn star_on_star_is_critical_at_the_action() {
        for action in ["*", "*:*"] {
            let m = model_with(Some("aws_iam_policy"), PolicyKind::Identity, vec![admin(action)]);
            let f = findings(&m);
            assert_eq!(f.len(), 1, "{action}");
            assert_eq!(f[0].severity, Severity::Critical);
            assert_eq!(f[0].span, sp(20));
        }
    }

    #[test]
    fn other_resources_and_other_policy_kinds_are_not_admin() {
        let mut s = admin("*");
        s.resource = Some(list(vec![lit("arn:aws:s3:::b/*", 30)], 30));
        assert!(findings(&model_with(Some("aws_iam_policy"), PolicyKind::Identity, vec![s])).is_empty());
        for kind in [PolicyKind::Resource, PolicyKind::Trust, PolicyKind::ControlPolicy] {
            assert!(findings(&model_with(Some("x"), kind, vec![admin("*")])).is_empty());
        }
        assert!(findings(&model_with(Some("aws_iam_policy"), PolicyKind::Identity, vec![admin("s3:*")])).is_empty());
    }

    #[test]
    fn a_deny_lowers_or_removes_it() {
        let mut deny = admin("iam:*");
        deny.effect = palisade_model::Value::literal(Effect::Deny, sp(40));
        let f = findings(&model_with(Some("aws_iam_policy"), PolicyKind::Identity, vec![admin("*"), deny]));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::High);
        assert!(f[0].message.contains("statement 2"), "{}", f[0].message);
        let mut deny = admin("*");
        deny.effect = palisade_model::Value::literal(Effect::Deny, sp(40));
        let f = findings(&model_with(Some("aws_iam_policy"), PolicyKind::Identity, vec![admin("*"), deny]));
        assert!(f.is_empty());
    }
}
