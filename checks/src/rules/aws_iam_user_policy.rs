//! `aws-iam-user-policy`: a policy attached directly to an IAM user.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::iam_facts::IamFactKind;
use palisade_model::{Model, PolicyKind};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-user-policy",
        aliases: &[],
        title: "IAM user has policies of its own (inline or directly attached)",
        severity: Severity::Low,
        service: "iam",
        layer: Layer::Identity,
        description: "A policy that applies to an IAM user directly: an inline user policy \
            (`aws_iam_user_policy`, `AWS::IAM::UserPolicy`, `Policies` of `AWS::IAM::User`, an \
            `AWS::IAM::Policy` with `Users`) or a managed policy attached to users \
            (`aws_iam_user_policy_attachment`, `users` of `aws_iam_policy_attachment`, \
            `ManagedPolicyArns` of `AWS::IAM::User`, `Users` of `AWS::IAM::ManagedPolicy`). \
            CIS asks that users receive permissions only through groups (or, better, that \
            people use roles through federation): per-user grants drift, are forgotten when \
            people change teams and are hard to review. Reported at the attachment, or at the \
            header of an inline user policy resource.",
        remediation: "Attach the policy to a group and add the user to it, or replace the user \
            with a role assumed through IAM Identity Center or another identity provider.",
        references: &[
            "CIS AWS Foundations Benchmark 1.15 (IAM users receive permissions only through groups)",
            "AWS Foundational Security Best Practices IAM.2",
        ],
        equivalents: &[
            "checkov:CKV_AWS_40",
            "trivy:AVD-AWS-0143",
            "kics:0e5872b4-19a0-4165-8b2f-56d9e14b909f",
            "kics:edc95c10-7366-4f30-9b4b-f995c84eceb5",
            "kics:e4239438-e639-44aa-adb8-866e400e3ade",
            "kics:b4378389-a9aa-44ee-91e7-ef183f11079e",
        ],
        examples: &[
            Example::bad("bad.tf", &[(5, "resource \"aws_iam_user_policy\" \"jim\""), (15, "users")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(6, "ManagedPolicyArns"), (10, "Statement")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(12, "\"Users\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

const INLINE: &[&str] = &["aws_iam_user_policy", "AWS::IAM::UserPolicy"];

fn run(model: &Model, out: &mut Vec<Finding>) {
    for policy in &model.policies {
        let Some(owner) = policy.owner else {
            continue;
        };
        if policy.document.kind != PolicyKind::Identity {
            continue;
        }
        let resource = model.resource(owner);
        let span = if INLINE.contains(&resource.kind.as_str()) {
            resource.header
        } else if resource.kind == "AWS::IAM::User" {
            policy.document.span
        } else {
            continue;
        };
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            owner,
            span,
            format!(
                "{} is an inline policy of a user: grant permissions through a group or a role",
                match resource.kind.as_str() {
                    "AWS::IAM::User" => format!("{} ({})", resource.address, policy.attribute),
                    _ => resource.address.clone(),
                }
            ),
        ));
    }
    for fact in &model.iam {
        if fact.kind != IamFactKind::UserAttachment {
            continue;
        }
        let resource = model.resource(fact.owner);
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            fact.owner,
            fact.span,
            format!(
                "{} attaches managed policies directly to users: grant permissions through a group or a role",
                resource.address
            ),
        ));
    }
}
