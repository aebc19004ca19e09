//! `aws-iam-wildcard-action`: an Allow statement granting every action, or every action of a
//! service.

use crate::finding::policy_subject;
use crate::identity::{
    entry_values, evaluate, grant_note, grants_to_holder, is_account_root, level_counts, limited,
    max_level, most_powerful, on_every_resource, principal_text,
};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_iam::{database, full_wildcard_action, AccessLevel, ActionId, Statement};
use palisade_model::{Model, PolicyKind};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-wildcard-action",
        aliases: &[],
        title: "Policy allows every action (`*`) or every action of a service (`service:*`)",
        severity: Severity::High,
        service: "iam",
        layer: Layer::Identity,
        description: "An `Allow` statement whose `Action` includes `*` or `<service>:*`, in any \
            policy wherever it is written: identity policies (`aws_iam_policy`, role, user and \
            group policies, `AWS::IAM::Policy`/`ManagedPolicy`, inline `Policies`), trust \
            policies, resource policies (S3 buckets, SQS queues, SNS topics, KMS keys, ECR \
            repositories, Secrets Manager secrets), `aws_iam_policy_document` data sources and \
            standalone policy JSON.\n\nThe severity follows what the wildcard really grants, \
            from the IAM action database (the AWS Service Authorization Reference): a \
            `service:*` that reaches permissions-management or write actions (`iam:*`, `s3:*`, \
            `kms:*`) is **high**; one that reaches only read actions is **medium**; one that \
            reaches only list, tagging or agent-channel messaging actions (`ssmmessages:*`, \
            `ec2messages:*`, which the SSM agent needs) is **low**. `*` is high. The message \
            names the most powerful actions included. Policies are evaluated as AWS does: an \
            explicit `Deny` in the same document takes away what it covers (a wildcard it \
            removes entirely is not reported, one it limits under a condition is reported one \
            level lower and the message names the statement), and so does the role's \
            permissions boundary when its document is known. `*` on `Resource: \"*\"` in an \
            identity policy is administrator access, reported by `aws-iam-full-admin`.\n\nNot \
            findings: `Deny` statements (a wildcard there restricts), service control policies \
            (an SCP `Allow` grants nothing; the default `FullAWSAccess` SCP is `Allow *`), and \
            the standard KMS key policy statement that delegates the key to the account's IAM \
            (`kms:*` for `arn:aws:iam::<account>:root`, `!Ref AWS::AccountId`, or the \
            `Fn::Sub`/`Fn::Join` forms of it), which AWS creates by default. `Allow` with \
            `NotAction` is `aws-iam-allow-not-action`.",
        remediation: "List the specific actions the principal needs (`s3:GetObject`, \
            `s3:PutObject`, ...), scoped to specific resources. IAM Access Analyzer can \
            generate a policy from CloudTrail activity.",
        references: &[
            "CIS AWS Foundations Benchmark 1.16 (no policies with full \"*:*\" administrative privileges)",
            "AWS Foundational Security Best Practices IAM.1, IAM.21",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
            "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_63",
            "trivy:AVD-AWS-0057",
            "trivy:AVD-AWS-0097",
            "trivy:AVD-AWS-0114",
            "trivy:AVD-AWS-0120",
            "trivy:AVD-AWS-0345",
            "cfn_nag:F2",
            "cfn_nag:F3",
            "cfn_nag:F4",
            "cfn_nag:F5",
            "kics:a0ae0a4e-712b-4115-8112-51b9eeed9d69",
            // KICS "IAM Role With Full Privileges" (Terraform): `Action: *` in a role's
            // `assume_role_policy`, which grants every STS action on the role, not admin.
            "kics:b1ffa705-19a3-4b73-b9d0-0c97d0663842",
            "kics:4ae8af91-5108-42cb-9471-3bdbe596eac9",
            "kics:a4966c4f-9141-48b8-a564-ffe9959945bc",
            "kics:816ea8cf-d589-442d-a917-2dd0ce0e45e3",
        ],
        examples: &[
            Example::bad("bad.tf", &[(5, "\"iam:*\""), (20, "\"s3:*\""), (32, "\"ssmmessages:*\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(14, "iam:*"), (27, "\"kms:*\"")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(14, "\"sqs:*\"")]),
            Example::good("good.json"),
            Example::bad("bad.iam.json", &[(6, "\"*\""), (12, "\"ec2:*\"")]),
            Example::good("good.iam.json"),
        ],
    },
    run,
};

/// Services whose every action is the SSM agent's channel to AWS: they carry commands and
/// session data for the instance the role belongs to, not control over resources.
const MESSAGING: &[&str] = &["ssmmessages", "ec2messages"];

/// How severe a wildcard is, from what it grants.
fn severity_of(service: Option<&str>, granted: &[ActionId]) -> Severity {
    let Some(service) = service else {
        return Severity::High;
    };
    match max_level(granted) {
        Some(AccessLevel::PermissionsManagement) => Severity::High,
        Some(AccessLevel::Write) if MESSAGING.contains(&service.to_ascii_lowercase().as_str()) => {
            Severity::Low
        }
        Some(AccessLevel::Write) => Severity::High,
        Some(AccessLevel::Read) => Severity::Medium,
        Some(AccessLevel::List | AccessLevel::Tagging) => Severity::Low,
        // A service the database does not know (`aws-iam-unknown-action` reports it).
        None => Severity::High,
    }
}

fn run(model: &Model, out: &mut Vec<Finding>) {
    let db = database();
    for policy in &model.policies {
        if policy.document.kind == PolicyKind::ControlPolicy {
            continue;
        }
        for statement in &policy.document.statements {
            if !statement.is_allow() {
                continue;
            }
            let admin = grants_to_holder(policy.document.kind) && on_every_resource(statement);
            for (action, span) in statement.actions() {
                let Some(service) = full_wildcard_action(action) else {
                    continue;
                };
                if service.is_none() && admin {
                    // Administrator access: `aws-iam-full-admin`.
                    continue;
                }
                if service == Some("kms") && delegates_to_account(statement) {
                    continue;
                }
                let mut expanded = db.expand(action);
                if policy.document.kind == PolicyKind::Trust && service.is_none() {
                    // A role's trust policy is only consulted for STS: `*` there lets the
                    // principal assume the role in every way, nothing else.
                    expanded.retain(|&a| db.get(a).full_name().starts_with("sts:"));
                }
                let known_service = !expanded.is_empty();
                let grant = evaluate(model, policy, statement, expanded);
                if known_service && grant.actions.is_empty() {
                    // An explicit Deny (or the boundary) takes all of it away.
                    continue;
                }
                let severity = limited(severity_of(service, &grant.actions), &grant);
                let what = if known_service {
                    format!(
                        "{} actions ({}), including {}",
                        grant.actions.len(),
                        level_counts(&grant.actions),
                        most_powerful(&grant.actions, 3).join(", ")
                    )
                } else {
                    "every action of a service the IAM action database does not know".to_string()
                };
                out.push(Finding::on_policy(
                    model,
                    CHECK.meta.id,
                    severity,
                    policy,
                    statement,
                    span,
                    format!(
                        "{} allows `{}`: {what}{}",
                        policy_subject(model, policy),
                        action.trim(),
                        grant_note(&grant, model, policy)
                    ),
                ));
            }
        }
    }
}

/// The key policy statement that delegates a KMS key to the account's IAM: its known principals
/// are all the account itself (`arn:aws:iam::<account>:root`, possibly with an unknown account
/// id or partition, or a bare account id). Only a key policy grants `kms:*` to a principal, so
/// the owner need not be known (a policy-document data source can feed an `aws_kms_key`).
/// Principals whose value is unknown are not judged.
fn delegates_to_account(statement: &Statement) -> bool {
    let Some(principal) = &statement.principal else {
        return false;
    };
    let mut any = false;
    for entry in &principal.entries {
        if !entry.kind.eq_ignore_ascii_case("AWS") {
            return false;
        }
        for value in entry_values(entry) {
            if is_account_root(value) {
                any = true;
            } else if principal_text(value).is_some() {
                return false;
            }
        }
    }
    any
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

    fn identity(statements: Vec<Statement>) -> Model {
        model_with(Some("aws_iam_policy"), PolicyKind::Identity, statements)
    }

    fn on_everything(mut s: Statement) -> Statement {
        s.resource = Some(list(vec![lit("*", 50)], 50));
        s
    }

    #[test]
    fn star_and_service_star_fire_at_the_action() {
        let s = statement(
            Effect::Allow,
            vec![lit("s3:GetObject", 20), lit("s3:*", 21), lit("*", 22), lit("s3:Get*", 23)],
        );
        let f = findings(&identity(vec![s]));
        let spans: Vec<_> = f.iter().map(|f| f.span).collect();
        assert_eq!(spans, vec![sp(21), sp(22)]);
        assert!(f.iter().all(|f| f.severity == Severity::High));
        assert!(f[0].message.contains("`s3:*`"));
    }

    #[test]
    fn star_on_every_resource_is_left_to_full_admin() {
        let f = findings(&identity(vec![on_everything(statement(
            Effect::Allow,
            vec![lit("*", 20)],
        ))]));
        assert!(f.is_empty());
        // `iam:*` on `*` is high: one service, not administrator access.
        let f = findings(&identity(vec![on_everything(statement(
            Effect::Allow,
            vec![lit("iam:*", 20)],
        ))]));
        assert_eq!(f[0].severity, Severity::High);
        assert!(f[0].message.contains("iam:PassRole"), "{}", f[0].message);
        // In a resource policy `*` on `*` is every action on that resource: high.
        let model = model_with(
            Some("aws_s3_bucket_policy"),
            PolicyKind::Resource,
            vec![on_everything(statement(Effect::Allow, vec![lit("*", 20)]))],
        );
        assert_eq!(findings(&model)[0].severity, Severity::High);
    }

    #[test]
    fn star_in_a_trust_policy_is_every_sts_action() {
        let model = model_with(
            Some("aws_iam_role"),
            PolicyKind::Trust,
            vec![on_everything(statement(Effect::Allow, vec![lit("*", 20)]))],
        );
        let f = findings(&model);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("sts:AssumeRole"), "{}", f[0].message);
        assert!(!f[0].message.contains("iam:"), "{}", f[0].message);
    }

    #[test]
    fn severity_follows_what_the_wildcard_grants() {
        let sev = |action: &str| {
            findings(&identity(vec![statement(Effect::Allow, vec![lit(action, 20)])]))
                .first()
                .map(|f| f.severity)
        };
        assert_eq!(sev("s3:*"), Some(Severity::High));
        assert_eq!(sev("kms:*"), Some(Severity::High));
        assert_eq!(sev("ssmmessages:*"), Some(Severity::Low));
        assert_eq!(sev("ec2messages:*"), Some(Severity::Low));
        assert_eq!(sev("pricing:*"), Some(Severity::Medium));
        // Not a whole-service wildcard: not this check's.
        assert_eq!(sev("cloudwatch:Describe*"), None);
    }

    #[test]
    fn an_explicit_deny_removes_or_lowers() {
        let allow = statement(Effect::Allow, vec![lit("s3:*", 20)]);
        let mut deny = on_everything(statement(Effect::Deny, vec![lit("s3:*", 30)]));
        let f = findings(&identity(vec![allow.clone(), deny.clone()]));
        assert!(f.is_empty(), "{f:?}");
        deny.condition = palisade_model::Value::literal(
            vec![condition("Bool", "aws:MultiFactorAuthPresent", vec![lit("false", 31)])],
            sp(32),
        );
        let f = findings(&identity(vec![allow.clone(), deny]));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Medium);
        assert!(f[0].message.contains("statement 2"), "{}", f[0].message);
        // A deny of part of it: still reported, on what remains.
        let deny = on_everything(statement(Effect::Deny, vec![lit("s3:Put*", 30)]));
        let f = findings(&identity(vec![allow, deny]));
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("takes away"), "{}", f[0].message);
    }

    #[test]
    fn deny_and_control_policies_never_fire() {
        assert!(findings(&identity(vec![statement(Effect::Deny, vec![lit("*", 20)])])).is_empty());
        let scp = model_with(
            Some("aws_organizations_policy"),
            PolicyKind::ControlPolicy,
            vec![statement(Effect::Allow, vec![lit("*", 20)])],
        );
        assert!(findings(&scp).is_empty());
    }

    #[test]
    fn unknown_actions_never_fire() {
        let s = statement(Effect::Allow, vec![palisade_model::Value::unknown(sp(20))]);
        assert!(findings(&identity(vec![s])).is_empty());
        let mut s = statement(Effect::Allow, Vec::new());
        s.action = Some(palisade_model::Value::unknown(sp(20)));
        assert!(findings(&identity(vec![s])).is_empty());
    }

    fn key_statement(principals: Vec<palisade_model::Value<String>>) -> Statement {
        let mut s = on_everything(statement(Effect::Allow, vec![lit("kms:*", 20)]));
        s.principal = Some(principal("AWS", principals));
        s
    }

    #[test]
    fn kms_root_delegation_is_exempt() {
        for root in [
            lit("arn:aws:iam::123456789012:root", 40),
            lit("123456789012", 40),
            // `arn:${AWS::Partition}:iam::${AWS::AccountId}:root`
            partial("arn:\u{0}:iam::\u{0}:root", 40),
        ] {
            let model = model_with(Some("aws_kms_key"), PolicyKind::Resource, vec![key_statement(vec![root])]);
            assert!(findings(&model).is_empty());
        }
        // An unknown extra principal is not judged; the known one is the root.
        let model = model_with(
            None,
            PolicyKind::Unspecified,
            vec![key_statement(vec![
                lit("arn:aws:iam::123456789012:root", 40),
                palisade_model::Value::unknown(sp(41)),
            ])],
        );
        assert!(findings(&model).is_empty());
    }

    #[test]
    fn kms_star_for_anyone_else_fires() {
        let role = key_statement(vec![
            lit("arn:aws:iam::123456789012:root", 40),
            lit("arn:aws:iam::123456789012:role/admin", 41),
        ]);
        let model = model_with(Some("aws_kms_key"), PolicyKind::Resource, vec![role]);
        assert_eq!(findings(&model).len(), 1);

        let mut everyone = key_statement(Vec::new());
        everyone.principal = Some(principal("*", vec![lit("*", 40)]));
        let model = model_with(Some("aws_kms_key"), PolicyKind::Resource, vec![everyone]);
        assert_eq!(findings(&model).len(), 1);

        // The exemption is for `kms:*` only.
        let mut s = key_statement(vec![lit("arn:aws:iam::123456789012:root", 40)]);
        s.action = Some(list(vec![lit("s3:*", 20)], 20));
        let model = model_with(Some("aws_s3_bucket_policy"), PolicyKind::Resource, vec![s]);
        assert_eq!(findings(&model).len(), 1);
    }

    #[test]
    fn standalone_policy_findings_have_no_resource() {
        let model = model_with(
            None,
            PolicyKind::Unspecified,
            vec![statement(Effect::Allow, vec![lit("ec2:*", 20)])],
        );
        let f = findings(&model);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].resource, None);
        assert_eq!(f[0].extent, sp(703));
    }
}
