//! `aws-elasticache-plaintext-password`: the ElastiCache auth token written in the configuration.
//!
//! Metadata and examples only; the logic is shared with every password check in
//! [`crate::secrets::plaintext_passwords`].

use crate::{secrets, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::secrets::PasswordService;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-elasticache-plaintext-password",
        aliases: &[],
        title: "ElastiCache auth token written in the configuration",
        severity: Severity::High,
        service: "elasticache",
        layer: Layer::Data,
        description: "The auth token of ElastiCache written into the code: `auth_token` on `aws_elasticache_replication_group`, `AuthToken` on `AWS::ElastiCache::ReplicationGroup` (the Redis/Valkey AUTH password), as a literal, as a \
            variable or parameter default, or derived from them.\n\nA secret in the code is \
            in every clone of the repository, in its history forever, in CI logs and in the \
            Terraform state; it cannot be rotated without a commit, and everyone who can read \
            the code can use it.\n\nNot reported: a value that is not known here (a variable or \
            parameter without default, a data source such as `aws_secretsmanager_secret_version`, \
            a generated `random_password`), a CloudFormation dynamic reference \
            (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`), and a password the service \
            manages itself. The finding never repeats the secret.",
        remediation: "**Terraform:** Pass `auth_token` from `random_password` or a Secrets Manager data source, or use RBAC users (`aws_elasticache_user` with `authentication_mode { type = \"iam\" }`).\n\n**CloudFormation:** Use `{{resolve:secretsmanager:...}}` or a `NoEcho` parameter without `Default`.",
        references: &[
            "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(10, "auth_token"), (18, "auth_token")]),
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
        PasswordService::ElastiCache,
        CHECK.meta.id,
        CHECK.meta.severity,
        out,
    );
}
