//! `aws-redshift-plaintext-password`: the Redshift master password written in the configuration.
//!
//! Metadata and examples only; the logic is shared with every password check in
//! [`crate::secrets::plaintext_passwords`].

use crate::{secrets, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::secrets::PasswordService;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-redshift-plaintext-password",
        aliases: &[],
        title: "Redshift master password written in the configuration",
        severity: Severity::High,
        service: "redshift",
        layer: Layer::Data,
        description: "The master password of Redshift written into the code: `master_password` on `aws_redshift_cluster`, `MasterUserPassword` on `AWS::Redshift::Cluster`, as a literal, as a \
            variable or parameter default, or derived from them.\n\nA secret in the code is \
            in every clone of the repository, in its history forever, in CI logs and in the \
            Terraform state; it cannot be rotated without a commit, and everyone who can read \
            the code can use it.\n\nNot reported: a value that is not known here (a variable or \
            parameter without default, a data source such as `aws_secretsmanager_secret_version`, \
            a generated `random_password`), a CloudFormation dynamic reference \
            (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`), and a password the service \
            manages itself. The finding never repeats the secret.",
        remediation: "**Terraform:** Set `manage_master_password = true`, or pass the password from `random_password` or Secrets Manager.\n\n**CloudFormation:** Set `ManageMasterPassword: true`, or use `{{resolve:secretsmanager:...}}`, or a `NoEcho` parameter without `Default`.",
        references: &[
            "https://docs.aws.amazon.com/redshift/latest/mgmt/redshift-secrets-manager-integration.html",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(9, "master_password"), (16, "master_password")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(15, "hunter2hunter2"), (23, "!Ref")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(13, "\"hunter2hunter2\""), (23, "{ \"Ref\":")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    secrets::plaintext_passwords(
        model,
        PasswordService::Redshift,
        CHECK.meta.id,
        CHECK.meta.severity,
        out,
    );
}
