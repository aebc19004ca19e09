//! `aws-iam-privilege-escalation`: a policy that grants a published IAM privilege-escalation
//! path.

use crate::finding::policy_subject;
use crate::identity::{evaluate, grants_to_holder, on_every_resource};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_iam::{
    database, full_wildcard_action, known_strings, wildcard_match, ActionId, Statement,
};
use palisade_model::{AttachedPolicy, Model, Span};
use std::collections::HashMap;
use std::sync::LazyLock;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-privilege-escalation",
        aliases: &[],
        title: "Policy grants a privilege-escalation path",
        severity: Severity::High,
        service: "iam",
        layer: Layer::Identity,
        description: "An identity policy whose `Allow` statements together grant one of the \
            published IAM privilege-escalation paths: actions that let the holder give itself \
            (or a principal it controls) more permissions than the policy grants. One finding \
            per path, at the first action that contributes to it, naming the path and the \
            actions that make it:\n\n\
            - rewriting a managed policy: `iam:CreatePolicyVersion`, `iam:SetDefaultPolicyVersion`;\n\
            - attaching or writing a policy: `iam:AttachUserPolicy`, `iam:AttachGroupPolicy`, \
            `iam:AttachRolePolicy`, `iam:PutUserPolicy`, `iam:PutGroupPolicy`, \
            `iam:PutRolePolicy`, `iam:AddUserToGroup`;\n\
            - credentials for other users: `iam:CreateAccessKey`, `iam:CreateLoginProfile`, \
            `iam:UpdateLoginProfile`; writing or attaching a role policy counts on every role \
            (the holder's own included) or with `sts:AssumeRole`;\n\
            - `iam:UpdateAssumeRolePolicy` with `sts:AssumeRole`;\n\
            - `iam:PassRole` with an action that starts something running as the role: Lambda \
            (`lambda:CreateFunction` with `lambda:InvokeFunction` or \
            `lambda:CreateEventSourceMapping`), EC2 (`ec2:RunInstances`), Glue \
            (`glue:CreateDevEndpoint`, `glue:CreateJob`), CloudFormation \
            (`cloudformation:CreateStack`), Data Pipeline (`datapipeline:CreatePipeline` with \
            `datapipeline:PutPipelineDefinition`), SageMaker (`sagemaker:CreateNotebookInstance`, \
            `sagemaker:CreateTrainingJob`, `sagemaker:CreateProcessingJob`), CodeBuild \
            (`codebuild:CreateProject` with `codebuild:StartBuild`), ECS \
            (`ecs:RegisterTaskDefinition` with `ecs:RunTask`, `ecs:StartTask` or \
            `ecs:CreateService`);\n\
            - changing code that runs as an existing role: `lambda:UpdateFunctionCode`, \
            `glue:UpdateDevEndpoint`.\n\n\
            Actions are matched through the IAM action database, so `iam:Attach*` or \
            `iam:*Policy*` count, and `*` or `service:*` can complete a path (`iam:PassRole` \
            with `ec2:*`); a path made only of `*`/`service:*` items is left to \
            `aws-iam-wildcard-action` and `aws-iam-full-admin`, whose messages name the most \
            powerful actions included. Explicit `Deny` statements and the permissions boundary are \
            applied first; a conditional one lowers the finding to medium. Statements scoped to \
            the caller itself (`${aws:username}` in `Resource`, the self-service credential \
            pattern) do not count. A policy with `*` on `*` is already administrator access \
            (`aws-iam-full-admin`) and is not reported again.",
        remediation: "Remove the actions of the path, or scope them to resources the principal \
            cannot use to raise its own permissions (specific policy ARNs, roles with a \
            permissions boundary, `iam:PassedToService`), and give roles that create other \
            roles a permissions boundary they must attach (`iam:PermissionsBoundary` condition).",
        references: &[
            "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html",
        ],
        equivalents: &["checkov:CKV_AWS_286"],
        examples: &[
            Example::bad("bad.tf", &[(6, "\"iam:CreatePolicyVersion\""), (16, "\"lambda:CreateFunction\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "iam:Attach*"), (10, "iam:Attach*"), (10, "iam:Attach*")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(11, "\"ec2:RunInstances\"")]),
            Example::good("good.json"),
            Example::bad("bad.iam.json", &[(6, "\"iam:UpdateAssumeRolePolicy\"")]),
            Example::good("good.iam.json"),
        ],
    },
    run,
};

/// A path: a name and the groups of actions it needs (one action of each group).
struct Path {
    name: &'static str,
    groups: &'static [&'static [&'static str]],
    /// The first action alone is the path when it is granted on every resource (it then
    /// reaches the holder's own role); otherwise the other groups are needed too.
    alone_everywhere: bool,
}

const PASS: &[&str] = &["iam:PassRole"];

const PATHS: &[Path] = &[
    Path { name: "create a new version of a managed policy", groups: &[&["iam:CreatePolicyVersion"]], alone_everywhere: false },
    Path { name: "switch a managed policy to another version", groups: &[&["iam:SetDefaultPolicyVersion"]], alone_everywhere: false },
    Path { name: "attach a managed policy to a user", groups: &[&["iam:AttachUserPolicy"]], alone_everywhere: false },
    Path { name: "attach a managed policy to a group", groups: &[&["iam:AttachGroupPolicy"]], alone_everywhere: false },
    Path { name: "attach a managed policy to a role", groups: &[&["iam:AttachRolePolicy"], &["sts:AssumeRole"]], alone_everywhere: true },
    Path { name: "write an inline policy of a user", groups: &[&["iam:PutUserPolicy"]], alone_everywhere: false },
    Path { name: "write an inline policy of a group", groups: &[&["iam:PutGroupPolicy"]], alone_everywhere: false },
    Path { name: "write an inline policy of a role", groups: &[&["iam:PutRolePolicy"], &["sts:AssumeRole"]], alone_everywhere: true },
    Path { name: "add a user to a more privileged group", groups: &[&["iam:AddUserToGroup"]], alone_everywhere: false },
    Path { name: "create access keys for another user", groups: &[&["iam:CreateAccessKey"]], alone_everywhere: false },
    Path { name: "create a console password for another user", groups: &[&["iam:CreateLoginProfile"]], alone_everywhere: false },
    Path { name: "change another user's console password", groups: &[&["iam:UpdateLoginProfile"]], alone_everywhere: false },
    Path {
        name: "rewrite a role's trust policy and assume it",
        groups: &[&["iam:UpdateAssumeRolePolicy"], &["sts:AssumeRole"]],
        alone_everywhere: false,
    },
    Path {
        name: "pass a role to a new Lambda function and run it",
        groups: &[&["lambda:CreateFunction"], PASS, &["lambda:InvokeFunction", "lambda:CreateEventSourceMapping"]],
        alone_everywhere: false,
    },
    Path { name: "pass a role to a new EC2 instance", groups: &[&["ec2:RunInstances"], PASS], alone_everywhere: false },
    Path {
        name: "pass a role to a new Glue development endpoint or job",
        groups: &[&["glue:CreateDevEndpoint", "glue:CreateJob"], PASS],
        alone_everywhere: false,
    },
    Path { name: "pass a role to a new CloudFormation stack", groups: &[&["cloudformation:CreateStack"], PASS], alone_everywhere: false },
    Path {
        name: "pass a role to a new Data Pipeline",
        groups: &[&["datapipeline:CreatePipeline"], &["datapipeline:PutPipelineDefinition"], PASS],
        alone_everywhere: false,
    },
    Path {
        name: "pass a role to a new SageMaker notebook or job",
        groups: &[
            &["sagemaker:CreateNotebookInstance", "sagemaker:CreateTrainingJob", "sagemaker:CreateProcessingJob"],
            PASS,
        ],
        alone_everywhere: false,
    },
    Path {
        name: "pass a role to a new CodeBuild project and start it",
        groups: &[&["codebuild:CreateProject"], PASS, &["codebuild:StartBuild", "codebuild:StartBuildBatch"]],
        alone_everywhere: false,
    },
    Path {
        name: "pass a role to a new ECS task definition and run it",
        groups: &[&["ecs:RegisterTaskDefinition"], PASS, &["ecs:RunTask", "ecs:StartTask", "ecs:CreateService"]],
        alone_everywhere: false,
    },
    Path { name: "replace the code of a Lambda function that runs as its role", groups: &[&["lambda:UpdateFunctionCode"]], alone_everywhere: false },
    Path { name: "add an SSH key to a Glue development endpoint that runs as its role", groups: &[&["glue:UpdateDevEndpoint"]], alone_everywhere: false },
];

/// A statement scoped to the caller itself: `arn:aws:iam::*:user/${aws:username}`.
fn self_scoped(statement: &Statement) -> bool {
    let resources = known_strings(statement.resource.as_ref());
    !resources.is_empty()
        && resources
            .iter()
            .all(|(r, _)| r.to_ascii_lowercase().contains("${aws:username}"))
}

/// False when the statement's resources are all known and none can be an IAM resource the
/// action acts on: `iam:PutGroupPolicy` on `arn:aws:iam::1:role/x` writes no group's policy,
/// and `iam:PassRole` on a string that is no ARN passes no role.
fn may_target(statement: &Statement, id: ActionId) -> bool {
    let action = database().get(id);
    if !matches!(action.service(), "iam" | "sts") {
        return true;
    }
    let types: Vec<&str> = action.resource_types().collect();
    if types.is_empty() {
        return true;
    }
    let Some(list) = statement.resource.as_ref().and_then(|v| v.get()) else {
        return true;
    };
    let mut resources = Vec::new();
    for item in list {
        match item.get() {
            Some(r) => resources.push(r.trim()),
            None => return true,
        }
    }
    // IAM refuses to change the policies of a service-linked role (`role/aws-service-role/`).
    let changes_role_policy = matches!(
        action.name(),
        "PutRolePolicy" | "AttachRolePolicy" | "UpdateAssumeRolePolicy"
    );
    resources.iter().any(|r| {
        !(changes_role_policy && service_linked(r)) && types.iter().any(|t| could_be_iam(r, t))
    })
}

/// A role ARN (or pattern) under the service-linked path, fixed before any wildcard.
fn service_linked(pattern: &str) -> bool {
    let literal = match pattern.find(['*', '?']) {
        Some(i) => &pattern[..i],
        None => pattern,
    };
    literal
        .splitn(6, ':')
        .nth(5)
        .is_some_and(|rest| rest.starts_with("role/aws-service-role/"))
}

/// Whether an IAM resource pattern can match an ARN `arn:<partition>:iam::<account>:<kind>/...`
/// (judged on the pattern's text before its first wildcard).
fn could_be_iam(pattern: &str, kind: &str) -> bool {
    let literal = match pattern.find(['*', '?']) {
        Some(i) => &pattern[..i],
        None => pattern,
    };
    let wildcard = literal.len() < pattern.len();
    let parts: Vec<&str> = literal.splitn(6, ':').collect();
    if parts.len() < 6 {
        // A wildcard before the resource part matches any kind; a complete string that is no
        // ARN matches nothing.
        return wildcard && {
            let whole: Vec<&str> = pattern.splitn(6, ':').collect();
            whole.first().is_none_or(|p| p.is_empty() || wildcard_match(p, "arn"))
        };
    }
    if !parts[0].eq_ignore_ascii_case("arn") || !parts[2].eq_ignore_ascii_case("iam") {
        return false;
    }
    let rest = parts[5];
    let prefix = format!("{kind}/");
    if wildcard {
        prefix.starts_with(rest) || rest.starts_with(&prefix)
    } else {
        rest.starts_with(&prefix)
    }
}

fn is_admin(statement: &Statement) -> bool {
    statement.is_allow()
        && on_every_resource(statement)
        && statement
            .actions()
            .iter()
            .any(|(a, _)| a.trim() == "*" || a.trim() == "*:*")
}

/// What the document grants: each action with the first item granting it and whether a
/// conditional statement limits it.
struct Granted {
    actions: Vec<Grant1>,
}

/// One granted action: the item granting it, whether a condition limits it, whether it was
/// named (or matched by a partial pattern) rather than reached through `*` or `service:*`,
/// and whether it is granted on every resource.
#[derive(Clone, Copy)]
struct Grant1 {
    id: ActionId,
    span: Span,
    conditional: bool,
    named: bool,
    everywhere: bool,
}

/// The action of each name the paths use, looked up once.
static PATH_ACTIONS: LazyLock<HashMap<&'static str, ActionId>> = LazyLock::new(|| {
    let db = database();
    PATHS
        .iter()
        .flat_map(|p| p.groups.iter().flat_map(|g| g.iter()))
        .filter_map(|&name| db.action(name).map(|a| (name, a.id)))
        .collect()
});

/// The actions the paths use, sorted.
static WANTED: LazyLock<Vec<ActionId>> = LazyLock::new(|| {
    let mut wanted: Vec<ActionId> = PATH_ACTIONS.values().copied().collect();
    wanted.sort_unstable();
    wanted.dedup();
    wanted
});

impl Granted {
    fn find(&self, name: &str) -> Option<&Grant1> {
        let id = *PATH_ACTIONS.get(name)?;
        // A named grant first: it is the one to point at.
        self.actions
            .iter()
            .filter(|g| g.id == id)
            .max_by_key(|g| (g.named, g.everywhere))
    }
}

fn granted(model: &Model, policy: &AttachedPolicy, wanted: &[ActionId]) -> Granted {
    let db = database();
    let mut out: Vec<Grant1> = Vec::new();
    for statement in &policy.document.statements {
        if !statement.is_allow() || self_scoped(statement) {
            continue;
        }
        let everywhere = on_every_resource(statement);
        let conditional_statement = statement.condition.get().is_none_or(|c| !c.is_empty());
        for (item, span) in statement.actions() {
            let a = item.trim();
            let named = a != "*" && a != "*:*" && full_wildcard_action(a).is_none();
            let relevant: Vec<ActionId> = db
                .expand_among(a, wanted)
                .into_iter()
                .filter(|id| may_target(statement, *id))
                .collect();
            if relevant.is_empty() {
                continue;
            }
            let grant = evaluate(model, policy, statement, relevant);
            let conditional = conditional_statement || !grant.limited_by.is_empty();
            for id in grant.actions {
                out.push(Grant1 {
                    id,
                    span,
                    conditional,
                    named,
                    everywhere,
                });
            }
        }
    }
    Granted { actions: out }
}

fn run(model: &Model, out: &mut Vec<Finding>) {
    let db = database();
    let wanted: &[ActionId] = &WANTED;
    for policy in &model.policies {
        if !grants_to_holder(policy.document.kind) {
            continue;
        }
        if policy.document.statements.iter().any(is_admin) {
            continue;
        }
        let granted = granted(model, policy, wanted);
        if granted.actions.is_empty() {
            continue;
        }
        for path in PATHS {
            let mut used: Vec<Grant1> = Vec::new();
            for (i, group) in path.groups.iter().enumerate() {
                match group.iter().find_map(|a| granted.find(a)) {
                    Some(g) => used.push(*g),
                    None => break,
                }
                // Writing a policy into every role includes the holder's own role: no need
                // to assume another one.
                if i == 0 && path.alone_everywhere && used[0].everywhere {
                    break;
                }
            }
            let complete = used.len() == path.groups.len()
                || (path.alone_everywhere && used.len() == 1 && used[0].everywhere);
            // At least one action named: a `*` or `service:*` alone is the wildcard checks'.
            if !complete || !used.iter().any(|u| u.named) {
                continue;
            }
            let Some(span) = used.iter().find(|u| u.named).map(|u| u.span) else {
                continue;
            };
            let statement = policy
                .document
                .statements
                .iter()
                .find(|s| s.span.start <= span.start && span.end <= s.span.end)
                .or(policy.document.statements.first());
            let Some(statement) = statement else {
                continue;
            };
            let conditional = used.iter().any(|u| u.conditional);
            let severity = if conditional {
                Severity::Medium
            } else {
                CHECK.meta.severity
            };
            let names: Vec<String> = used.iter().map(|u| db.get(u.id).full_name()).collect();
            out.push(Finding::on_policy(
                model,
                CHECK.meta.id,
                severity,
                policy,
                statement,
                span,
                format!(
                    "{} can escalate its privileges: {} ({}){}",
                    policy_subject(model, policy),
                    path.name,
                    names.join(" + "),
                    if conditional { "; lowered: a condition limits it" } else { "" }
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

    fn findings(statements: Vec<Statement>) -> Vec<Finding> {
        let mut out = Vec::new();
        run(&model_with(Some("aws_iam_policy"), PolicyKind::Identity, statements), &mut out);
        out
    }

    fn allow(actions: &[&str], at: usize) -> Statement {
        let mut s = statement(
            Effect::Allow,
            actions.iter().enumerate().map(|(i, a)| lit(a, at + i)).collect(),
        );
        s.resource = Some(list(vec![lit("*", 90)], 90));
        s.span = palisade_model::Span::new(palisade_source::FileId(0), at, at + 10);
        s
    }

    #[test]
    fn single_action_paths_and_combinations() {
        let f = findings(vec![allow(&["iam:CreatePolicyVersion"], 20)]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(20));
        assert!(f[0].message.contains("create a new version"), "{}", f[0].message);
        // PassRole alone is no path; with RunInstances (in another statement) it is.
        assert!(findings(vec![allow(&["iam:PassRole"], 20)]).is_empty());
        let f = findings(vec![allow(&["iam:PassRole"], 20), allow(&["ec2:RunInstances"], 40)]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(40));
        assert!(f[0].message.contains("ec2:RunInstances + iam:PassRole"), "{}", f[0].message);
        // Patterns count.
        let f = findings(vec![allow(&["iam:Attach*"], 20)]);
        assert_eq!(f.len(), 3);
    }

    #[test]
    fn wildcards_complete_a_named_path_and_role_policies_need_a_way_in() {
        let f = findings(vec![allow(&["iam:PassRole"], 20), allow(&["ec2:*"], 40)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].span, sp(20));
        // On specific roles, writing their policy escalates only with a way to use them.
        let mut put = allow(&["iam:PutRolePolicy"], 20);
        put.resource = Some(list(vec![lit("arn:aws:iam::123456789012:role/app", 90)], 90));
        assert!(findings(vec![put.clone()]).is_empty());
        assert_eq!(findings(vec![put, allow(&["sts:AssumeRole"], 40)]).len(), 1);
    }

    #[test]
    fn resources_of_another_kind_grant_nothing() {
        for (resource, fires) in [
            ("arn:aws:iam::123456789012:role/app-*", false),
            ("arn:aws:iam::123456789012:group/admins", true),
            ("arn:aws:iam::123456789012:gr*", true),
            ("arn:aws:iam::*", true),
            ("arn:aws:s3:::bucket/*", false),
            ("not-an-arn", false),
            ("*", true),
        ] {
            let mut s = allow(&["iam:PutGroupPolicy"], 20);
            s.resource = Some(list(vec![lit(resource, 30)], 30));
            assert_eq!(!findings(vec![s]).is_empty(), fires, "{resource}");
        }
        assert!(could_be_iam("arn:aws:iam::1:role/x", "role"));
        // A service-linked role's policies cannot be changed.
        for (role, fires) in [
            ("arn:aws:iam::1:role/aws-service-role/macie.amazonaws.com/R", false),
            ("arn:aws:iam::1:role/app", true),
        ] {
            let mut s = allow(&["iam:PutRolePolicy"], 20);
            s.resource = Some(list(vec![lit(role, 30)], 30));
            let assume = allow(&["sts:AssumeRole"], 40);
            assert_eq!(!findings(vec![s, assume]).is_empty(), fires, "{role}");
        }
        assert!(!could_be_iam("arn:aws:iam::1:rolex", "role"));
    }

    #[test]
    fn denies_self_scoping_and_admin() {
        let mut deny = allow(&["iam:CreatePolicyVersion"], 40);
        deny.effect = palisade_model::Value::literal(Effect::Deny, sp(41));
        assert!(findings(vec![allow(&["iam:CreatePolicyVersion"], 20), deny]).is_empty());
        let mut own = allow(&["iam:CreateAccessKey"], 20);
        own.resource = Some(list(vec![lit("arn:aws:iam::*:user/${aws:username}", 90)], 90));
        assert!(findings(vec![own]).is_empty());
        assert!(findings(vec![allow(&["*"], 20)]).is_empty());
        assert!(findings(vec![allow(&["iam:*"], 20)]).is_empty());
        let mut star = allow(&["*"], 20);
        star.resource = Some(list(vec![lit("arn:aws:s3:::b/*", 90)], 90));
        assert!(findings(vec![star]).is_empty());
        let c = with_conditions(
            allow(&["iam:PutRolePolicy"], 20),
            vec![condition("StringEquals", "iam:PermissionsBoundary", vec![lit("arn:aws:iam::1:policy/b", 30)])],
        );
        assert_eq!(findings(vec![c])[0].severity, Severity::Medium);
    }
}
