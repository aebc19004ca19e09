//! `aws-iam-user-login-profile`: a console password for an IAM user declared in code.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::iam_facts::IamFactKind;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-user-login-profile",
        aliases: &[],
        title: "IAM user has a console password declared in code",
        severity: Severity::Low,
        service: "iam",
        layer: Layer::Identity,
        description: "An `aws_iam_user_login_profile` resource or the `LoginProfile` of an \
            `AWS::IAM::User`: a console password for an IAM user. Long-lived user passwords \
            are phished and reused; in CloudFormation the password is written into the template \
            (and its history), in Terraform the generated password lands in the state. People \
            should sign in through IAM Identity Center or another identity provider and assume \
            roles. **Low**: break-glass users are a legitimate exception (then enforce MFA).",
        remediation: "Remove the login profile and give people access through IAM Identity \
            Center (or SAML/OIDC federation) and roles. For a break-glass user, keep the \
            password out of code and require MFA.",
        references: &[
            "CIS AWS Foundations Benchmark 1.10 (MFA for every user with a console password)",
            "AWS Foundational Security Best Practices IAM.5",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(5, "resource \"aws_iam_user_login_profile\" \"jim\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(6, "LoginProfile")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(6, "\"LoginProfile\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for fact in &model.iam {
        if fact.kind != IamFactKind::LoginProfile {
            continue;
        }
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            fact.owner,
            fact.span,
            format!(
                "{} gives an IAM user a console password: use federation and roles for people",
                model.resource(fact.owner).address
            ),
        ));
    }
}
