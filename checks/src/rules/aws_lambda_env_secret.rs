//! `aws-lambda-env-secret`: lambda function environment holds a secret.
//!
//! Metadata and examples only; the logic is shared with the other environment checks in
//! [`crate::secrets::environment_secrets`].

use crate::{secrets, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::secrets::EnvironmentService;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-lambda-env-secret",
        aliases: &[],
        title: "Lambda function environment holds a secret",
        severity: Severity::High,
        service: "lambda",
        layer: Layer::Data,
        description: "Lambda functions (`aws_lambda_function`, `AWS::Lambda::Function`, `AWS::Serverless::Function`) whose `environment` variables hold a secret in plain text: an AWS access key id \
            (`AKIA...`, `ASIA...`), a PEM private key, or a literal value under a name that \
            says it is a secret (`DB_PASSWORD`, `API_TOKEN`, `client_secret`; names that point \
            at where a secret is kept, such as `DB_PASSWORD_ARN` or `SECRET_NAME`, are \
            not).\n\nEnvironment variables are shown in plain text to everyone who can read \
            the configuration in the console or the API (`Get*`/`Describe*` permissions are \
            common in read-only roles), are stored in the Terraform state, and end up in crash \
            dumps and debug logs. Access keys in particular outlive the code that holds them.\n\n\
            Values not known here (variables or parameters without default, references to \
            other resources) are not judged. The finding names the variable, never its \
            value.",
        remediation: "**Terraform:** Keep the secret in Secrets Manager or SSM SecureString and read it at run time (the AWS Parameters and Secrets Lambda Extension caches it), passing only its ARN or name in the environment; use the function's execution role instead of access keys.\n\n**CloudFormation:** The same; a dynamic reference `{{resolve:secretsmanager:...}}` still puts the plain value in the function's configuration, so prefer reading it at run time.",
        references: &[
            "https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html",
        ],
        equivalents: &["checkov:CKV_AWS_45", "kics:2564172f-c92b-4261-9acd-464aed511696", "kics:1402afd8-a95c-4e84-8b0b-6fb43758e6ce"],
        examples: &[
            Example::bad("bad.tf", &[(15, "AWS_ACCESS_KEY_ID"), (16, "DB_PASSWORD"), (17, "API_TOKEN")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(18, "AWS_ACCESS_KEY_ID"), (19, "DB_PASSWORD"), (20, "API_TOKEN")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(13, "\"SIGNING_KEY\""), (14, "\"ClientSecret\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    secrets::environment_secrets(
        model,
        EnvironmentService::Lambda,
        CHECK.meta.id,
        CHECK.meta.severity,
        out,
    );
}
