//! `aws-rds-plaintext-password`: the RDS master password written in the configuration.
//!
//! Metadata and examples only; the logic is shared with every password check in
//! [`crate::secrets::plaintext_passwords`].

use crate::{secrets, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::secrets::PasswordService;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-rds-plaintext-password",
        aliases: &[],
        title: "RDS master password written in the configuration",
        severity: Severity::High,
        service: "rds",
        layer: Layer::Data,
        description: "The master password of RDS written into the code: `password` on `aws_db_instance`, `master_password` on `aws_rds_cluster`, `MasterUserPassword` on `AWS::RDS::DBInstance` and `AWS::RDS::DBCluster`, as a literal, as a \
            variable or parameter default, or derived from them.\n\nA secret in the code is \
            in every clone of the repository, in its history forever, in CI logs and in the \
            Terraform state; it cannot be rotated without a commit, and everyone who can read \
            the code can use it.\n\nNot reported: a value that is not known here (a variable or \
            parameter without default, a data source such as `aws_secretsmanager_secret_version`, \
            a generated `random_password`), a CloudFormation dynamic reference \
            (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`), and a password the service \
            manages itself. The finding never repeats the secret.",
        remediation: "**Terraform:** Set `manage_master_user_password = true` (RDS generates the password and keeps it in Secrets Manager), or pass it from `random_password` or a Secrets Manager data source, never as a literal or a variable default.\n\n**CloudFormation:** Set `ManageMasterUserPassword: true`, or use a dynamic reference `{{resolve:secretsmanager:...}}`, or a `NoEcho` parameter without `Default`.",
        references: &[
            "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(11, "password"), (18, "master_password")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(15, "hunter2hunter2"), (21, "!Ref")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(13, "\"hunter2hunter2\""), (21, "{ \"Ref\":")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    secrets::plaintext_passwords(
        model,
        PasswordService::Rds,
        CHECK.meta.id,
        CHECK.meta.severity,
        out,
    );
}
