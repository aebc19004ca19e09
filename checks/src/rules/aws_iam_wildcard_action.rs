//! `aws-iam-wildcard-action`: an Allow statement granting every action, or every action of a
//! service.

use crate::finding::policy_subject;
use crate::{Check, CheckMeta, Example, Finding, Severity};
use palisade_iam::{full_wildcard_action, is_account_root_principal, known_strings, Statement};
use palisade_model::{Model, PolicyKind};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-wildcard-action",
        aliases: &[],
        title: "Policy allows every action (`*`) or every action of a service (`service:*`)",
        severity: Severity::High,
        service: "iam",
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
