//! `aws-ecs-env-secret`: ecs task definition environment holds a secret.
//!
//! Metadata and examples only; the logic is shared with the other environment checks in
//! [`crate::secrets::environment_secrets`].

use crate::{secrets, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::secrets::EnvironmentService;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ecs-env-secret",
        aliases: &[],
        title: "ECS task definition environment holds a secret",
        severity: Severity::High,
        service: "ecs",
        layer: Layer::Data,
        description: "ECS task definitions (`aws_ecs_task_definition` `container_definitions`, `AWS::ECS::TaskDefinition` `ContainerDefinitions`) whose containers' `environment` entries hold a secret in plain text: an AWS access key id \
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
        remediation: "**Terraform:** Move the value to Secrets Manager or SSM SecureString and reference it from the container definition's `secrets` list (`valueFrom` = the secret's ARN); ECS injects it at start and it never appears in the task definition.\n\n**CloudFormation:** Use `Secrets` with `ValueFrom` in the container definition.",
        references: &[
            "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html",
        ],
        equivalents: &["trivy:AVD-AWS-0036"],
        examples: &[
            Example::bad("bad.tf", &[(11, "\"DATABASE_PASSWORD\""), (25, "\"AWS_ACCESS_KEY_ID\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(13, "DATABASE_PASSWORD")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(11, "\"AWS_ACCESS_KEY_ID\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    secrets::environment_secrets(
        model,
        EnvironmentService::Ecs,
        CHECK.meta.id,
        CHECK.meta.severity,
        out,
    );
}
