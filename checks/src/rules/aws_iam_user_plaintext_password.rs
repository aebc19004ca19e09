//! `aws-iam-user-plaintext-password`: iAM user console password written in the template.
//!
//! Metadata and examples only; the logic is shared with every password check in
//! [`crate::secrets::plaintext_passwords`].

use crate::{secrets, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::secrets::PasswordService;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-user-plaintext-password",
        aliases: &[],
        title: "IAM user console password written in the template",
        severity: Severity::High,
        service: "iam",
        layer: Layer::Data,
        description: "The console password of an IAM user written into the template: `LoginProfile.Password` on `AWS::IAM::User` (Terraform's `aws_iam_user_login_profile` generates the password and never takes one), as a literal, as a \
            variable or parameter default, or derived from them.\n\nA secret in the code is \
            in every clone of the repository, in its history forever, in CI logs and in the \
            Terraform state; it cannot be rotated without a commit, and everyone who can read \
            the code can use it.\n\nNot reported: a value that is not known here (a variable or \
            parameter without default, a data source such as `aws_secretsmanager_secret_version`, \
            a generated `random_password`), a CloudFormation dynamic reference \
            (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`), and a password the service \
            manages itself. The finding never repeats the secret.",
        remediation: "**CloudFormation:** Take the password from `{{resolve:secretsmanager:...}}` or a `NoEcho` parameter without `Default`, keep `PasswordResetRequired: true` so the user sets their own, or leave console access to IAM Identity Center.",
        references: &[
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-iam-user-loginprofile.html",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_admin-change-user.html",
        ],
        equivalents: &["kics:06adef8c-c284-4de7-aad2-af43b07a8ca1"],
        examples: &[
            Example::bad("bad.yaml", &[(11, "hunter2hunter2"), (17, "!Ref")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(9, "\"hunter2hunter2\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    secrets::plaintext_passwords(
        model,
        PasswordService::IamUser,
        CHECK.meta.id,
        CHECK.meta.severity,
        out,
    );
}
