//! `aws-iam-wildcard-action`: an Allow statement granting every action, or every action of a
//! service.

use crate::finding::policy_subject;
use crate::{Layer, Check, CheckMeta, Example, Finding, Severity};
use palisade_iam::{full_wildcard_action, is_account_root_principal, known_strings, Statement};
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
            standalone policy JSON. An `Allow` with `NotAction` grants everything except the \
            listed actions and is reported too.\n\n`iam:*` is privilege escalation in one line; \
            `s3:*` includes `s3:DeleteBucket` and `s3:PutBucketPolicy`; `*` is administrator \
            access. Least privilege means naming the actions a principal needs. `*` on \
            `Resource: \"*\"` is **critical**.\n\nNot findings: `Deny` statements (a wildcard \
            there restricts), service control policies (an SCP `Allow` grants nothing; the \
            default `FullAWSAccess` SCP is `Allow *`), and the standard KMS key policy statement \
            that delegates the key to the account's IAM (`kms:*` for \
            `arn:aws:iam::<account>:root`), which AWS creates by default.",
        remediation: "List the specific actions the principal needs (`s3:GetObject`, \
            `s3:PutObject`, ...), scoped to specific resources. IAM Access Analyzer can \
            generate a policy from CloudTrail activity. Replace `NotAction` allows with explicit \
            action lists.",
        references: &[
            "CIS AWS Foundations Benchmark 1.16 (no policies with full \"*:*\" administrative privileges)",
            "AWS Foundational Security Best Practices IAM.1, IAM.21",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
        ],
        equivalents: &[
            "checkov:CKV_AWS_1",
            "checkov:CKV_AWS_62",
            "checkov:CKV_AWS_63",
            "trivy:AVD-AWS-0057",
            "trivy:AVD-AWS-0097",
            "trivy:AVD-AWS-0114",
            "trivy:AVD-AWS-0345",
            "cfn_nag:F2",
            "cfn_nag:F3",
            "cfn_nag:F4",
            "cfn_nag:F5",
            "kics:953b3cdb-ce13-428a-aa12-318726506661",
            "kics:a0ae0a4e-712b-4115-8112-51b9eeed9d69",
            "kics:4ae8af91-5108-42cb-9471-3bdbe596eac9",
            "kics:818f38ed-8446-4132-9c03-474d49e10195",
            "kics:2f37c4a3-58b9-4afe-8a87-d7f1d2286f84",
            "kics:b1ffa705-19a3-4b73-b9d0-0c97d0663842",
            "kics:a4966c4f-9141-48b8-a564-ffe9959945bc",
            "kics:5ea624e4-c8b1-4bb3-87a4-4235a776adcc",
            "kics:816ea8cf-d589-442d-a917-2dd0ce0e45e3",
        ],
        examples: &[
            Example::bad("bad.tf", &[(5, "\"*\""), (20, "\"s3:*\""), (34, "[\"iam:*\"]")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(14, "iam:*"), (27, "\"*\"")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(14, "\"sqs:*\"")]),
            Example::good("good.json"),
            Example::bad("bad.iam.json", &[(6, "\"*\""), (12, "\"ec2:*\"")]),
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
            if !statement.is_allow() {
                continue;
            }
            let all_resources = known_strings(statement.resource.as_ref())
                .iter()
                .any(|(r, _)| r.trim() == "*");
            for (action, span) in statement.actions() {
                let Some(service) = full_wildcard_action(action) else {
                    continue;
                };
                if service == Some("kms") && delegates_to_account(statement) {
                    continue;
                }
                let (what, severity) = match service {
                    None if all_resources => ("every action on every resource", Severity::Critical),
                    None => ("every action", Severity::High),
                    Some(_) => ("every action of the service", Severity::High),
                };
                out.push(Finding::on_policy(
                    model,
                    CHECK.meta.id,
                    severity,
                    policy,
                    statement,
                    span,
                    format!(
                        "{} allows `{}`: {what}",
                        policy_subject(model, policy),
                        action.trim()
                    ),
                ));
            }
            if let Some(not_action) = &statement.not_action {
                let listed: Vec<&str> = known_strings(Some(not_action)).iter().map(|(a, _)| *a).collect();
                if not_action.candidates().is_empty() {
                    continue;
                }
                out.push(Finding::on_policy(
                    model,
                    CHECK.meta.id,
                    CHECK.meta.severity,
                    policy,
                    statement,
                    not_action.span,
                    format!(
                        "{} allows every action except {}: `Allow` with `NotAction` grants all other actions, including future ones",
                        policy_subject(model, policy),
                        if listed.is_empty() { "none".to_string() } else { listed.join(", ") }
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
        for list in entry.values.candidates() {
            for item in list.value {
                let Some(parts) = item.parts() else {
                    continue;
                };
                let text = crate::web_identity::text_of(&parts, "000000000000");
                if !is_account_root_principal(&text) {
                    return false;
                }
                any = true;
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
    fn star_on_every_resource_is_critical() {
        let f = findings(&identity(vec![on_everything(statement(
            Effect::Allow,
            vec![lit("*", 20)],
        ))]));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Critical);
        // `iam:*` on `*` is high: one service, not administrator access.
        let f = findings(&identity(vec![on_everything(statement(
            Effect::Allow,
            vec![lit("iam:*", 20)],
        ))]));
        assert_eq!(f[0].severity, Severity::High);
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

    #[test]
    fn allow_with_not_action_fires_at_not_action() {
        let mut s = statement(Effect::Allow, Vec::new());
        s.action = None;
        s.not_action = Some(list(vec![lit("iam:*", 31)], 30));
        let f = findings(&identity(vec![s.clone()]));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(30));
        assert!(f[0].message.contains("except iam:*"), "{}", f[0].message);
        s.effect = palisade_model::Value::literal(Effect::Deny, sp(700));
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
