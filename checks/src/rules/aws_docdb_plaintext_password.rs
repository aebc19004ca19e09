//! `aws-docdb-plaintext-password`: the DocumentDB master password written in the configuration.
//!
//! Metadata and examples only; the logic is shared with every password check in
//! [`crate::secrets::plaintext_passwords`].

use crate::{secrets, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::secrets::PasswordService;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-docdb-plaintext-password",
        aliases: &[],
        title: "DocumentDB master password written in the configuration",
        severity: Severity::High,
        service: "docdb",
        layer: Layer::Data,
        description: "The master password of DocumentDB written into the code: `master_password` on `aws_docdb_cluster`, `MasterUserPassword` on `AWS::DocDB::DBCluster`, as a literal, as a \
            variable or parameter default, or derived from them.\n\nA secret in the code is \
            in every clone of the repository, in its history forever, in CI logs and in the \
            Terraform state; it cannot be rotated without a commit, and everyone who can read \
            the code can use it.\n\nNot reported: a value that is not known here (a variable or \
            parameter without default, a data source such as `aws_secretsmanager_secret_version`, \
            a generated `random_password`), a CloudFormation dynamic reference \
            (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`), and a password the service \
            manages itself. The finding never repeats the secret.",
        remediation: "**Terraform:** Set `manage_master_user_password = true`, or pass the password from `random_password` or Secrets Manager.\n\n**CloudFormation:** Set `ManageMasterUserPassword: true`, or use `{{resolve:secretsmanager:...}}`, or a `NoEcho` parameter without `Default`.",
        references: &[
            "https://docs.aws.amazon.com/documentdb/latest/developerguide/docdb-secrets-manager.html",
        ],
        equivalents: &["kics:39423ce4-9011-46cd-b6b1-009edcd9385d"],
        examples: &[
            Example::bad("bad.tf", &[(8, "master_password"), (14, "master_password")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(12, "hunter2hunter2"), (17, "!Ref")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "\"hunter2hunter2\""), (17, "{ \"Ref\":")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    secrets::plaintext_passwords(
        model,
        PasswordService::DocumentDb,
        CHECK.meta.id,
        CHECK.meta.severity,
        out,
    );
}
