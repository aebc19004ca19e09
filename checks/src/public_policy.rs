//! Resource policies open to everyone: an `Allow` for `Principal: "*"` (or `{"AWS": "*"}`, or
//! `NotPrincipal`) without a condition that ties it to an account, organisation, source or
//! network. Shared by the per-service `aws-<service>-*-policy-public` checks.

use crate::finding::policy_subject;
use crate::identity::{
    evaluate, everyone_principal, grant_note, limited, max_level, most_powerful,
    restricted_by_condition,
};
use crate::{Finding, Severity};
use palisade_iam::eval::statement_actions;
use palisade_iam::AccessLevel;
use palisade_model::{LinkKind, Model, PolicyKind};

/// Reports every public statement of the resource policies held by resources of `kinds`.
/// Severity: `critical` when the public actions include write or permissions-management
/// actions, `high` for read and list only.
pub fn report(
    model: &Model,
    out: &mut Vec<Finding>,
    check: &'static str,
    kinds: &[&str],
    noun: &str,
) {
    for policy in &model.policies {
        if policy.document.kind != PolicyKind::Resource {
            continue;
        }
        let Some(owner) = policy.owner else {
            continue;
        };
        // The resource itself, or a policy-document data source one of them uses.
        let of_service =
            |id: palisade_model::ResourceId| kinds.contains(&model.resource(id).kind.as_str());
        let user = model
            .links_to(owner, LinkKind::PolicyDocument)
            .map(|l| l.from)
            .find(|&from| of_service(from));
        if !of_service(owner) && user.is_none() {
            continue;
        }
        let used_by = user
            .map(|u| format!(" (the policy of {})", model.resource(u).address))
            .unwrap_or_default();
        for statement in &policy.document.statements {
            if !statement.is_allow() {
                continue;
            }
            let span = match (everyone_principal(statement), &statement.not_principal) {
                (Some(span), _) => span,
                (None, Some(np)) if statement.principal.is_none() => np.span,
                _ => continue,
            };
            if restricted_by_condition(statement, &[]) != Some(false) {
                continue;
            }
            let set = statement_actions(statement);
            let grant = evaluate(model, policy, statement, set.ids.clone());
            if !set.ids.is_empty() && grant.actions.is_empty() {
                continue;
            }
            let severity = match max_level(&grant.actions) {
                Some(AccessLevel::Write | AccessLevel::PermissionsManagement) => Severity::Critical,
                _ => Severity::High,
            };
            let what = if grant.actions.is_empty() {
                "its actions".to_string()
            } else {
                most_powerful(&grant.actions, 3).join(", ")
            };
            out.push(Finding::on_policy(
                model,
                check,
                limited(severity, &grant),
                policy,
                statement,
                span,
                format!(
                    "{}{used_by} lets anyone, in any AWS account or none, use {what} on this {noun}: no condition restricts the principal `*` to an account, organisation, source or network{}",
                    policy_subject(model, policy),
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
    use palisade_iam::{Effect, Statement};

    fn findings(s: Statement) -> Vec<Finding> {
        let mut out = Vec::new();
        let m = model_with(Some("aws_sqs_queue_policy"), PolicyKind::Resource, vec![s]);
        report(&m, &mut out, "x", &["aws_sqs_queue_policy"], "queue");
        out
    }

    fn public(action: &str) -> Statement {
        let mut s = statement(Effect::Allow, vec![lit(action, 20)]);
        s.principal = Some(principal("AWS", vec![lit("*", 11)]));
        s
    }

    #[test]
    fn public_statements_by_what_they_grant() {
        let f = findings(public("sqs:SendMessage"));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(11));
        assert_eq!(f[0].severity, Severity::Critical);
        assert_eq!(
            findings(public("sqs:GetQueueAttributes"))[0].severity,
            Severity::High
        );
        let s = with_conditions(
            public("sqs:SendMessage"),
            vec![condition(
                "ArnEquals",
                "aws:SourceArn",
                vec![lit("arn:aws:sns:eu-west-1:1:t", 30)],
            )],
        );
        assert!(findings(s).is_empty());
        let s = with_conditions(
            public("sqs:SendMessage"),
            vec![condition(
                "Bool",
                "aws:SecureTransport",
                vec![lit("true", 30)],
            )],
        );
        assert_eq!(findings(s).len(), 1);
        let mut s = public("sqs:SendMessage");
        s.principal = Some(principal(
            "AWS",
            vec![lit("arn:aws:iam::123456789012:root", 11)],
        ));
        assert!(findings(s).is_empty());
        let mut s = public("sqs:SendMessage");
        s.effect = palisade_model::Value::literal(Effect::Deny, sp(1));
        assert!(findings(s).is_empty());
    }

    #[test]
    fn other_owners_are_not_this_checks() {
        let mut out = Vec::new();
        let m = model_with(
            Some("aws_sns_topic_policy"),
            PolicyKind::Resource,
            vec![public("sns:Publish")],
        );
        report(&m, &mut out, "x", &["aws_sqs_queue_policy"], "queue");
        assert!(out.is_empty());
    }
}
