//! `aws-directoryservice-plaintext-password`: the Directory Service admin password written in the configuration.
//!
//! Metadata and examples only; the logic is shared with every password check in
//! [`crate::secrets::plaintext_passwords`].

use crate::{secrets, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::secrets::PasswordService;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-directoryservice-plaintext-password",
        aliases: &[],
        title: "Directory Service admin password written in the configuration",
        severity: Severity::High,
        service: "directoryservice",
        layer: Layer::Data,
        description: "The admin password of Directory Service written into the code: `password` on `aws_directory_service_directory`, `Password` on `AWS::DirectoryService::SimpleAD` and `AWS::DirectoryService::MicrosoftAD` (the directory administrator's password), as a literal, as a \
            variable or parameter default, or derived from them.\n\nA secret in the code is \
            in every clone of the repository, in its history forever, in CI logs and in the \
            Terraform state; it cannot be rotated without a commit, and everyone who can read \
            the code can use it.\n\nNot reported: a value that is not known here (a variable or \
            parameter without default, a data source such as `aws_secretsmanager_secret_version`, \
            a generated `random_password`), a CloudFormation dynamic reference \
            (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`), and a password the service \
            manages itself. The finding never repeats the secret.",
        remediation: "**Terraform:** Pass `password` from `random_password` or a Secrets Manager data source.\n\n**CloudFormation:** Use `{{resolve:secretsmanager:...}}` or a `NoEcho` parameter without `Default`.",
        references: &[
            "https://docs.aws.amazon.com/directoryservice/latest/admin-guide/simple_ad_getting_started.html",
        ],
        equivalents: &["kics:6685d912-d81f-4cfa-95ad-e316ea31c989"],
        examples: &[
            Example::bad("bad.tf", &[(8, "password"), (14, "password")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(13, "hunter2hunter2"), (19, "!Ref")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(11, "\"hunter2hunter2\""), (19, "{ \"Ref\":")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    secrets::plaintext_passwords(
        model,
        PasswordService::DirectoryService,
        CHECK.meta.id,
        CHECK.meta.severity,
        out,
    );
}
