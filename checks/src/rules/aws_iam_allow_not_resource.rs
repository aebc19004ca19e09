//! `aws-iam-allow-not-resource`: an `Allow` statement with `NotResource`.

use crate::finding::policy_subject;
use crate::identity::{evaluate, grant_note, limited, max_level, most_powerful};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_iam::eval::statement_actions;
use palisade_iam::{known_strings, AccessLevel};
use palisade_model::{Model, PolicyKind};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-allow-not-resource",
        aliases: &[],
        title: "Policy allows actions on every resource except a list (`Allow` with `NotResource`)",
        severity: Severity::Medium,
        service: "iam",
        layer: Layer::Identity,
        description: "An `Allow` statement with `NotResource` grants its actions on every \
            resource of every account and region except the listed ones, including resources \
            created later. It is usually meant the other way round (`Deny` with \
            `NotResource`). Reported at `NotResource`, in every policy kind except service \
            control policies; **high** when the actions include write or \
            permissions-management actions, **medium** for read and list only. Explicit `Deny` \
            statements of the same document are applied first.",
        remediation: "Name the resources the actions apply to with `Resource`. To keep a \
            principal away from some resources, add a `Deny` statement for them.",
        references: &[
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(5, "[\"arn:aws:s3:::audit-logs/*\"]")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "arn:aws:s3:::audit-logs")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "\"arn:aws:secretsmanager")]),
            Example::good("good.json"),
            Example::bad("bad.iam.json", &[(7, "\"arn:aws:iam::*:role/admin\"")]),
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
            let Some(not_resource) = &statement.not_resource else {
                continue;
            };
            if !statement.is_allow() || not_resource.candidates().is_empty() {
                continue;
            }
            let set = statement_actions(statement);
            if set.ids.is_empty() {
                continue;
            }
            let grant = evaluate(model, policy, statement, set.ids);
            if grant.actions.is_empty() {
                continue;
            }
            let severity = match max_level(&grant.actions) {
                Some(AccessLevel::Write | AccessLevel::PermissionsManagement) => Severity::High,
                _ => CHECK.meta.severity,
            };
            let listed: Vec<&str> = known_strings(Some(not_resource))
                .iter()
                .map(|(a, _)| a.trim())
                .collect();
            out.push(Finding::on_policy(
                model,
                CHECK.meta.id,
                limited(severity, &grant),
                policy,
                statement,
                not_resource.span,
                format!(
                    "{} allows {} on every resource except {}{}",
                    policy_subject(model, policy),
                    most_powerful(&grant.actions, 3).join(", "),
                    if listed.is_empty() { "none".to_string() } else { listed.join(", ") },
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

    fn not_resource(effect: Effect, action: &str) -> palisade_iam::Statement {
        let mut s = statement(effect, vec![lit(action, 20)]);
        s.not_resource = Some(list(vec![lit("arn:aws:s3:::logs/*", 31)], 30));
        s
    }

    #[test]
    fn allow_with_not_resource_fires_by_what_it_grants() {
        let m = model_with(Some("aws_iam_policy"), PolicyKind::Identity, vec![not_resource(Effect::Allow, "s3:*")]);
        let f = findings(&m);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(30));
        assert_eq!(f[0].severity, Severity::High);
        let m = model_with(Some("aws_iam_policy"), PolicyKind::Identity, vec![not_resource(Effect::Allow, "s3:GetObject")]);
        assert_eq!(findings(&m)[0].severity, Severity::Medium);
        let m = model_with(Some("aws_iam_policy"), PolicyKind::Identity, vec![not_resource(Effect::Deny, "s3:*")]);
        assert!(findings(&m).is_empty());
    }
}
