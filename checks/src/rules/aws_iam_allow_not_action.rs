//! `aws-iam-allow-not-action`: an `Allow` statement with `NotAction`.

use crate::finding::policy_subject;
use crate::identity::{
    evaluate, grant_note, level_counts, limited, max_level, most_powerful, on_every_resource,
};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_iam::eval::statement_actions;
use palisade_iam::{known_strings, AccessLevel};
use palisade_model::{Model, PolicyKind};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-allow-not-action",
        aliases: &[],
        title: "Policy allows every action except a list (`Allow` with `NotAction`)",
        severity: Severity::Medium,
        service: "iam",
        layer: Layer::Identity,
        description: "An `Allow` statement with `NotAction` grants every action of every \
            service except the listed ones, including actions AWS adds tomorrow. It is almost \
            always meant as a `Deny` with `NotAction` (\"deny everything outside this list\") \
            or written to save listing actions. Reported in every policy kind except service \
            control policies, at `NotAction`. **High** on `Resource: \"*\"` when what remains \
            includes permissions-management actions (`NotAction: iam:*` still allows \
            `organizations:*`, `sts:*` and `kms:PutKeyPolicy`); **medium** otherwise. An \
            explicit `Deny` in the same document is applied first (see \
            `aws-iam-wildcard-action`).",
        remediation: "List the actions the principal needs with `Action`. To fence a principal \
            to a set of services, use `Effect: Deny` with `NotAction` (a deny of everything \
            else), or a permissions boundary.",
        references: &[
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html",
            "AWS Foundational Security Best Practices IAM.1",
        ],
        equivalents: &[
            "kics:818f38ed-8446-4132-9c03-474d49e10195",
            "kics:5ea624e4-c8b1-4bb3-87a4-4235a776adcc",
        ],
        examples: &[
            Example::bad("bad.tf", &[(6, "[\"iam:*\"]")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(13, "sns:DeleteTopic")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(12, "[\"iam:*\"")]),
            Example::good("good.json"),
            Example::bad("bad.iam.json", &[(6, "\"iam:*\"")]),
            Example::good("good.iam.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for policy in &model.policies {
        if policy.document.kind == PolicyKind::ControlPolicy {
            continue;
        }
        for statement in &policy.document.statements {
            let Some(not_action) = &statement.not_action else {
                continue;
            };
            if !statement.is_allow() || not_action.candidates().is_empty() {
                continue;
            }
            let set = statement_actions(statement);
            if set.unknown {
                // An unknown exception may be anything.
                continue;
            }
            let grant = evaluate(model, policy, statement, set.ids);
            if grant.actions.is_empty() {
                continue;
            }
            let severity = if on_every_resource(statement)
                && max_level(&grant.actions) == Some(AccessLevel::PermissionsManagement)
            {
                Severity::High
            } else {
                CHECK.meta.severity
            };
            let listed: Vec<&str> = known_strings(Some(not_action))
                .iter()
                .map(|(a, _)| a.trim())
                .collect();
            out.push(Finding::on_policy(
                model,
                CHECK.meta.id,
                limited(severity, &grant),
                policy,
                statement,
                not_action.span,
                format!(
                    "{} allows every action except {}: {} actions today ({}), including {}, and every action added later{}",
                    policy_subject(model, policy),
                    if listed.is_empty() { "none".to_string() } else { listed.join(", ") },
                    grant.actions.len(),
                    level_counts(&grant.actions),
                    most_powerful(&grant.actions, 3).join(", "),
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
    use palisade_iam::Effect;

    fn findings(model: &Model) -> Vec<Finding> {
        let mut out = Vec::new();
        run(model, &mut out);
        out
    }

    fn not_action(effect: Effect, except: &str, resource: &str) -> palisade_iam::Statement {
        let mut s = statement(effect, Vec::new());
        s.action = None;
        s.not_action = Some(list(vec![lit(except, 31)], 30));
        s.resource = Some(list(vec![lit(resource, 40)], 40));
        s
    }

    #[test]
    fn allow_with_not_action_fires_at_not_action() {
        let m = model_with(Some("aws_iam_policy"), PolicyKind::Identity, vec![not_action(Effect::Allow, "iam:*", "*")]);
        let f = findings(&m);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(30));
        assert_eq!(f[0].severity, Severity::High);
        assert!(f[0].message.contains("except iam:*"), "{}", f[0].message);
        assert!(!f[0].message.contains("iam:PassRole"), "{}", f[0].message);
        let m = model_with(Some("aws_iam_policy"), PolicyKind::Identity, vec![not_action(Effect::Allow, "iam:*", "arn:aws:s3:::b/*")]);
        assert_eq!(findings(&m)[0].severity, Severity::Medium);
    }

    #[test]
    fn deny_with_not_action_and_scps_are_fine() {
        let m = model_with(Some("aws_iam_policy"), PolicyKind::Identity, vec![not_action(Effect::Deny, "s3:*", "*")]);
        assert!(findings(&m).is_empty());
        let m = model_with(Some("aws_organizations_policy"), PolicyKind::ControlPolicy, vec![not_action(Effect::Allow, "s3:*", "*")]);
        assert!(findings(&m).is_empty());
        let mut s = not_action(Effect::Allow, "s3:*", "*");
        s.not_action = Some(list(vec![palisade_model::Value::unknown(sp(31))], 30));
        assert!(findings(&model_with(Some("aws_iam_policy"), PolicyKind::Identity, vec![s])).is_empty());
    }
}
