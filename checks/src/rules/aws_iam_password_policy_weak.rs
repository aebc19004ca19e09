//! `aws-iam-password-policy-weak`: an account password policy weaker than CIS asks.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::iam_facts::IamFactKind;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-password-policy-weak",
        aliases: &[],
        title: "Account password policy allows short or reused passwords",
        severity: Severity::Medium,
        service: "iam",
        layer: Layer::Identity,
        description: "An `aws_iam_account_password_policy` whose `minimum_password_length` is \
            below 14 (omitted means AWS's minimum of 6) or whose `password_reuse_prevention` is \
            not set (AWS then lets users reuse old passwords) or is below 24. CIS AWS \
            Foundations asks for at least 14 characters and for the password policy to prevent \
            reuse; AWS Foundational Security Best Practices IAM.7 asks for the same. An account \
            whose password policy is declared elsewhere is not judged (nothing here declares \
            it). CloudFormation has no resource for the account password policy.",
        remediation: "Set `minimum_password_length = 14` (or more) and \
            `password_reuse_prevention = 24`.",
        references: &[
            "CIS AWS Foundations Benchmark 1.8 (minimum length 14), 1.9 (prevent password reuse)",
            "AWS Foundational Security Best Practices IAM.7",
        ],
        equivalents: &[
            "checkov:CKV_AWS_10",
            "checkov:CKV_AWS_13",
            "trivy:AVD-AWS-0063",
            "trivy:AVD-AWS-0056",
        ],
        examples: &[
            Example::bad("bad.tf", &[(2, "minimum_password_length"), (1, "resource \"aws_iam_account_password_policy\"")]),
            Example::good("good.tf"),
        ],
    },
    run,
};

const MINIMUM_LENGTH: i64 = 14;
const REUSE: i64 = 24;

fn run(model: &Model, out: &mut Vec<Finding>) {
    for fact in &model.iam {
        let IamFactKind::PasswordPolicy {
            minimum_length,
            reuse_prevention,
        } = &fact.kind
        else {
            continue;
        };
        for c in minimum_length.candidates() {
            if *c.value < MINIMUM_LENGTH {
                out.push(
                    Finding::on_resource(
                        model,
                        CHECK.meta.id,
                        CHECK.meta.severity,
                        fact.owner,
                        c.span,
                        format!(
                            "the password policy allows passwords of {} characters: CIS asks for at least {MINIMUM_LENGTH}",
                            c.value
                        ),
                    )
                    .defined_at(minimum_length.defined_at),
                );
            }
        }
        for c in reuse_prevention.candidates() {
            if *c.value < REUSE {
                let what = if *c.value == 0 {
                    "does not prevent password reuse".to_string()
                } else {
                    format!("remembers only {} previous passwords", c.value)
                };
                out.push(
                    Finding::on_resource(
                        model,
                        CHECK.meta.id,
                        CHECK.meta.severity,
                        fact.owner,
                        c.span,
                        format!("the password policy {what}: CIS asks that the last {REUSE} are not reused"),
                    )
                    .defined_at(reuse_prevention.defined_at),
                );
            }
        }
    }
}
