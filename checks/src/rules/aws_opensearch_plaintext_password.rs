//! `aws-opensearch-plaintext-password`: the OpenSearch master user password written in the configuration.
//!
//! Metadata and examples only; the logic is shared with every password check in
//! [`crate::secrets::plaintext_passwords`].

use crate::{secrets, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::secrets::PasswordService;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-opensearch-plaintext-password",
        aliases: &[],
        title: "OpenSearch master user password written in the configuration",
        severity: Severity::High,
        service: "opensearch",
        layer: Layer::Data,
        description: "The master user password of OpenSearch written into the code: `advanced_security_options.master_user_options.master_user_password` on `aws_opensearch_domain` / `aws_elasticsearch_domain`, `AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword` on `AWS::OpenSearchService::Domain` / `AWS::Elasticsearch::Domain`, as a literal, as a \
            variable or parameter default, or derived from them.\n\nA secret in the code is \
            in every clone of the repository, in its history forever, in CI logs and in the \
            Terraform state; it cannot be rotated without a commit, and everyone who can read \
            the code can use it.\n\nNot reported: a value that is not known here (a variable or \
            parameter without default, a data source such as `aws_secretsmanager_secret_version`, \
            a generated `random_password`), a CloudFormation dynamic reference \
            (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`), and a password the service \
            manages itself. The finding never repeats the secret.",
        remediation: "**Terraform:** Use an IAM master user (`master_user_arn`), or pass the password from `random_password` or Secrets Manager.\n\n**CloudFormation:** Use `MasterUserARN`, or `{{resolve:secretsmanager:...}}`.",
        references: &[
            "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(14, "master_user_password"), (28, "master_user_password")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(17, "hunter2hunter2"), (27, "!Ref")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(15, "\"hunter2hunter2\""), (29, "{ \"Ref\":")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    secrets::plaintext_passwords(
        model,
        PasswordService::OpenSearch,
        CHECK.meta.id,
        CHECK.meta.severity,
        out,
    );
}
