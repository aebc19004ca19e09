//! `aws-iam-passrole-unrestricted`: `iam:PassRole` on every role.

use crate::finding::policy_subject;
use crate::identity::{evaluate, grant_note, grants_to_holder, limited};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_iam::{database, full_wildcard_action, known_strings, wildcard_match, Statement};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-passrole-unrestricted",
        aliases: &[],
        title: "Policy allows `iam:PassRole` on every role",
        severity: Severity::High,
        service: "iam",
        layer: Layer::Identity,
        description: "An identity policy `Allow` granting `iam:PassRole` (by name or through a \
            pattern such as `iam:Pass*`) on `Resource: \"*\"` or on every role \
            (`arn:aws:iam::*:role/*`). Passing a role hands its permissions to a service the \
            caller controls: with `ec2:RunInstances`, `lambda:CreateFunction` or \
            `cloudformation:CreateStack` the caller runs code as the most privileged role in \
            the account. **High**; **medium** when an `iam:PassedToService` condition limits \
            the services the role may be passed to. `iam:*` and `*` are reported by \
            `aws-iam-wildcard-action` and `aws-iam-full-admin`. Explicit `Deny` statements are \
            applied first.",
        remediation: "List the ARNs of the roles the principal must pass in `Resource`, and \
            add `iam:PassedToService` naming the service they are for.",
        references: &[
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html",
        ],
        equivalents: &["kics:e39bee8c-fe54-4a3f-824d-e5e2d1cca40a"],
        examples: &[
            Example::bad("bad.tf", &[(6, "\"iam:PassRole\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(9, "iam:PassRole")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "\"iam:Pass*\"")]),
            Example::good("good.json"),
            Example::bad("bad.iam.json", &[(6, "\"iam:PassRole\"")]),
            Example::good("good.iam.json"),
        ],
    },
    run,
};

/// `*`, `arn:aws:iam::*:role/*`, `arn:aws:iam::123456789012:role/*`: every role (of an account).
fn every_role(statement: &Statement) -> bool {
    known_strings(statement.resource.as_ref()).iter().any(|(r, _)| {
        let r = r.trim();
        r == "*" || (r.contains(":iam::") && r.ends_with(":role/*")) || r.ends_with(":*")
    })
}

fn run(model: &Model, out: &mut Vec<Finding>) {
    let db = database();
    let Some(pass_role) = db.action("iam:PassRole").map(|a| a.id) else {
        return;
    };
    for policy in &model.policies {
        if !grants_to_holder(policy.document.kind) {
            continue;
        }
        for statement in &policy.document.statements {
            if !statement.is_allow() || !every_role(statement) {
                continue;
            }
            let Some((action, span)) = statement.actions().into_iter().find(|(a, _)| {
                full_wildcard_action(a).is_none()
                    && a.trim() != "*:*"
                    && wildcard_match(a.trim(), "iam:PassRole")
            }) else {
                continue;
            };
            let grant = evaluate(model, policy, statement, vec![pass_role]);
            if grant.actions.is_empty() {
                continue;
            }
            let to_service = !statement.conditions_on("iam:PassedToService").is_empty();
            let severity = if to_service {
                Severity::Medium
            } else {
                CHECK.meta.severity
            };
            out.push(Finding::on_policy(
                model,
                CHECK.meta.id,
                limited(severity, &grant),
                policy,
                statement,
                span,
                format!(
                    "{} allows `{}` on every role{}{}",
                    policy_subject(model, policy),
                    action.trim(),
                    if to_service {
                        " (only to the services `iam:PassedToService` names)"
                    } else {
                        ": the caller can hand any role's permissions to a service it controls"
                    },
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

    fn findings(action: &str, resource: &str, conditions: Vec<palisade_iam::Condition>) -> Vec<Finding> {
        let mut s = statement(Effect::Allow, vec![lit(action, 20)]);
        s.resource = Some(list(vec![lit(resource, 30)], 30));
        let s = if conditions.is_empty() { s } else { with_conditions(s, conditions) };
        let mut out = Vec::new();
        run(&model_with(Some("aws_iam_policy"), PolicyKind::Identity, vec![s]), &mut out);
        out
    }

    #[test]
    fn pass_role_on_every_role() {
        let f = findings("iam:PassRole", "*", vec![]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::High);
        assert_eq!(f[0].span, sp(20));
        assert_eq!(findings("IAM:pass*", "arn:aws:iam::*:role/*", vec![]).len(), 1);
        let f = findings("iam:PassRole", "*", vec![condition("StringEquals", "iam:PassedToService", vec![lit("ec2.amazonaws.com", 40)])]);
        assert_eq!(f[0].severity, Severity::Medium);
        assert!(findings("iam:PassRole", "arn:aws:iam::123456789012:role/app", vec![]).is_empty());
        assert!(findings("iam:*", "*", vec![]).is_empty());
        assert!(findings("iam:GetRole", "*", vec![]).is_empty());
    }
}
