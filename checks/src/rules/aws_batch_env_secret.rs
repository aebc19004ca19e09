//! `aws-batch-env-secret`: batch job definition environment holds a secret.
//!
//! Metadata and examples only; the logic is shared with the other environment checks in
//! [`crate::secrets::environment_secrets`].

use crate::{secrets, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::secrets::EnvironmentService;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-batch-env-secret",
        aliases: &[],
        title: "Batch job definition environment holds a secret",
        severity: Severity::High,
        service: "batch",
        layer: Layer::Data,
        description: "Batch job definitions (`aws_batch_job_definition` `container_properties`, `AWS::Batch::JobDefinition` `ContainerProperties`) whose `environment` entries hold a secret in plain text: an AWS access key id \
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
        remediation: "**Terraform:** Move the value to Secrets Manager or SSM SecureString and reference it from `secrets` (`valueFrom` = its ARN) in `container_properties`.\n\n**CloudFormation:** Use `Secrets` with `ValueFrom` in `ContainerProperties`.",
        references: &[
            "https://docs.aws.amazon.com/batch/latest/userguide/specifying-sensitive-data.html",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(9, "\"WAREHOUSE_PASSWORD\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "WAREHOUSE_PASSWORD")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(9, "\"AWS_ACCESS_KEY_ID\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    secrets::environment_secrets(
        model,
        EnvironmentService::Batch,
        CHECK.meta.id,
        CHECK.meta.severity,
        out,
    );
}
