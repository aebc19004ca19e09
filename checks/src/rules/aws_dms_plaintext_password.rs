//! `aws-dms-plaintext-password`: dMS endpoint password written in the configuration.
//!
//! Metadata and examples only; the logic is shared with every password check in
//! [`crate::secrets::plaintext_passwords`].

use crate::{secrets, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::secrets::PasswordService;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-dms-plaintext-password",
        aliases: &[],
        title: "DMS endpoint password written in the configuration",
        severity: Severity::High,
        service: "dms",
        layer: Layer::Data,
        description: "The database password of a Database Migration Service endpoint written into the code: `password` (and `redis_settings.auth_password`) on `aws_dms_endpoint`, `Password` (and `MongoDbSettings.Password`, `RedisSettings.AuthPassword`) on `AWS::DMS::Endpoint` (the credentials DMS uses to read the source or write the target database), as a literal, as a \
            variable or parameter default, or derived from them.\n\nA secret in the code is \
            in every clone of the repository, in its history forever, in CI logs and in the \
            Terraform state; it cannot be rotated without a commit, and everyone who can read \
            the code can use it.\n\nNot reported: a value that is not known here (a variable or \
            parameter without default, a data source such as `aws_secretsmanager_secret_version`, \
            a generated `random_password`), a CloudFormation dynamic reference \
            (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`), and a password the service \
            manages itself. The finding never repeats the secret.",
        remediation: "**Terraform:** Keep the credentials in Secrets Manager and give the endpoint `secrets_manager_arn` and `secrets_manager_access_role_arn` instead of `password`, or pass `password` from a variable without default marked `sensitive`.\n\n**CloudFormation:** Use the engine settings' `SecretsManagerSecretId` and `SecretsManagerAccessRoleArn`, or `{{resolve:secretsmanager:...}}`, or a `NoEcho` parameter without `Default`.",
        references: &[
            "https://docs.aws.amazon.com/dms/latest/userguide/security_iam_secretsmanager.html",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-dms-endpoint.html",
        ],
        equivalents: &["kics:5f700072-b7ce-4e84-b3f3-497bf1c24a4d"],
        examples: &[
            Example::bad("bad.tf", &[(11, "password"), (21, "auth_password")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(16, "!Ref"), (25, "hunter2hunter2")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(12, "\"hunter2hunter2\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    secrets::plaintext_passwords(
        model,
        PasswordService::Dms,
        CHECK.meta.id,
        CHECK.meta.severity,
        out,
    );
}
