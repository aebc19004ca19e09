//! `aws-iam-write-on-all-resources`: write or permissions-management actions on
//! `Resource: "*"` although they can be scoped to resources.

use crate::finding::policy_subject;
use crate::identity::{
    evaluate, grant_note, grants_to_holder, limited, most_powerful, on_every_resource,
};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_iam::{database, full_wildcard_action, AccessLevel, ActionId};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-write-on-all-resources",
        aliases: &[],
        title: "Write or permissions-management actions on `Resource: \"*\"` where they can be scoped",
        severity: Severity::Medium,
        service: "iam",
        layer: Layer::Identity,
        description: "An identity policy `Allow` on `Resource: \"*\"` of write or \
            permissions-management actions that support resource-level permissions, according \
            to the IAM action database (the AWS Service Authorization Reference lists a \
            resource type for them). `s3:PutObject` on `*` may write into every bucket of the \
            account, `kms:Decrypt`... is read; `ec2:DescribeInstances` on `*` is fine (it takes \
            no resource), and so is a write action that only accepts `*` \
            (`ec2:CreateKeyPair`-style actions without a resource type, \
            `logs:PutResourcePolicy`...).\n\nOne finding per action item, at the item, naming the \
            scoped-able actions it grants: **high** when they include permissions-management \
            actions (`iam:PutRolePolicy`, `s3:PutBucketPolicy`, `kms:CreateGrant`), **medium** \
            for write. `*` and `service:*` items are reported by `aws-iam-wildcard-action` and \
            `aws-iam-full-admin`, `iam:PassRole` by `aws-iam-passrole-unrestricted`. Explicit \
            `Deny` statements and the permissions boundary are applied first; a conditional \
            one lowers the finding.",
        remediation: "Name the resources in `Resource` (bucket and object ARNs, table ARNs, \
            `arn:aws:logs:<region>:<account>:log-group:<name>:*`), or add conditions such as \
            `aws:ResourceTag/...` that limit which resources the actions reach.",
        references: &[
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
            "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_290",
            "checkov:CKV_AWS_289",
            "checkov:CKV_AWS_355",
            // KICS "IAM Policy Grants 'AssumeRole' Permission Across All Services"
            // (CloudFormation): `sts:AssumeRole` on `Resource: *` in an identity policy.
            "kics:e835bd0d-65da-49f7-b6d1-b646da8727e6",
        ],
        examples: &[
            Example::bad("bad.tf", &[(6, "\"s3:PutObject\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "dynamodb:PutItem")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "\"sqs:SendMessage\"")]),
            Example::good("good.json"),
            Example::bad("bad.iam.json", &[(7, "\"kms:CreateGrant\"")]),
            Example::good("good.iam.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    let db = database();
    for policy in &model.policies {
        if !grants_to_holder(policy.document.kind) {
            continue;
        }
        for statement in &policy.document.statements {
            if !statement.is_allow() || !on_every_resource(statement) {
                continue;
            }
            // Conditions on the resource (tags, names) scope it in another way.
            let scoped = statement.condition.get().is_none_or(|cs| {
                cs.iter().any(|c| {
                    let k = c.key_lower();
                    k.starts_with("aws:resourcetag/")
                        || k.starts_with("aws:resourceaccount")
                        || k.contains(":resourcetag/")
                })
            });
            if scoped {
                continue;
            }
            // One finding per statement, at its first such item, naming what it grants.
            let mut first: Option<palisade_model::Span> = None;
            let mut scoped_writes: Vec<ActionId> = Vec::new();
            for (action, span) in statement.actions() {
                let a = action.trim();
                if a == "*" || a == "*:*" || full_wildcard_action(a).is_some() {
                    continue;
                }
                let before = scoped_writes.len();
                scoped_writes.extend(db.expand(a).into_iter().filter(|&id| {
                    let x = db.get(id);
                    matches!(x.level(), AccessLevel::Write | AccessLevel::PermissionsManagement)
                        && x.supports_resource_level_permissions()
                        && !x.full_name().eq_ignore_ascii_case("iam:PassRole")
                }));
                if scoped_writes.len() > before && first.is_none() {
                    first = Some(span);
                }
            }
            let Some(span) = first else {
                continue;
            };
            scoped_writes.sort_unstable();
            scoped_writes.dedup();
            let grant = evaluate(model, policy, statement, scoped_writes);
            if grant.actions.is_empty() {
                continue;
            }
            let management = grant
                .actions
                .iter()
                .any(|&id| db.get(id).level() == AccessLevel::PermissionsManagement);
            let severity = if management {
                Severity::High
            } else {
                CHECK.meta.severity
            };
            let mut names = most_powerful(&grant.actions, 3);
            let more = grant.actions.len().saturating_sub(names.len());
            if more > 0 {
                names.push(format!("{more} more"));
            }
            out.push(Finding::on_policy(
                model,
                CHECK.meta.id,
                limited(severity, &grant),
                policy,
                statement,
                span,
                format!(
                    "{} allows {} on `*`: {} can be limited to specific resources{}",
                    policy_subject(model, policy),
                    names.join(", "),
                    if grant.actions.len() == 1 { "it" } else { "they" },
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

    fn findings(actions: &[&str]) -> Vec<Finding> {
        let mut s = statement(
            Effect::Allow,
            actions.iter().enumerate().map(|(i, a)| lit(a, 20 + i)).collect(),
        );
        s.resource = Some(list(vec![lit("*", 30)], 30));
        let mut out = Vec::new();
        run(&model_with(Some("aws_iam_policy"), PolicyKind::Identity, vec![s]), &mut out);
        out
    }

    #[test]
    fn scoped_able_writes_on_star_fire_reads_and_unscopable_do_not() {
        let f = findings(&["ec2:DescribeInstances", "s3:PutObject", "s3:GetObject", "s3:*", "iam:PassRole"]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].span, sp(21));
        assert_eq!(f[0].severity, Severity::Medium);
        let f = findings(&["ec2:DescribeInstances", "s3:PutObject", "iam:PutRolePolicy"]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].span, sp(21));
        assert_eq!(f[0].severity, Severity::High);
        assert!(f[0].message.starts_with("owner (policy) allows iam:PutRolePolicy, s3:PutObject"), "{}", f[0].message);
        assert!(findings(&["ec2:DescribeInstances", "s3:GetObject", "iam:PassRole"]).is_empty());
        // Patterns expand: `s3:Put*` reaches s3:PutBucketPolicy.
        let f = findings(&["s3:Put*"]);
        assert_eq!(f[0].severity, Severity::High);
        assert!(f[0].message.contains("more"), "{}", f[0].message);
    }
}
