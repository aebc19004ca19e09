//! `aws-ssm-parameter-plaintext-secret`: a secret stored in a plain `String` SSM parameter.

use crate::finding::when_suffix;
use crate::secrets::{environment_secret_kind, origin};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ssm-parameter-plaintext-secret",
        aliases: &[],
        title: "Secret stored in a plain-text SSM parameter",
        severity: Severity::High,
        service: "ssm",
        layer: Layer::Data,
        description: "SSM parameters of type `String` or `StringList` (`aws_ssm_parameter`, \
            `AWS::SSM::Parameter`) whose value, written in the code, is a secret: an AWS access \
            key id, a private key, or a literal value of a parameter whose name says it is a \
            secret (`/prod/db/password`, `api-token`; for a CloudFormation parameter without \
            `Name`, its logical id).\n\nA `String` parameter is stored unencrypted and returned \
            in clear to anyone with `ssm:GetParameter*` on it, without any KMS permission, and \
            its value is also in the code and the Terraform state. `SecureString` encrypts it \
            with KMS and makes reading it a separate, auditable permission.\n\nValues not known \
            here (variables or parameters without default) are not judged; `SecureString` \
            parameters are not judged (CloudFormation cannot create them). The finding never \
            repeats the value.",
        remediation: "**Terraform:** `type = \"SecureString\"` (with `key_id` for a \
            customer-managed key), and the value from a variable without default or a \
            generated `random_password`, not a literal.\n\n**CloudFormation:** CloudFormation \
            cannot create `SecureString` parameters: create the secret in Secrets Manager \
            (`AWS::SecretsManager::Secret` with `GenerateSecretString`) instead of \
            `AWS::SSM::Parameter`.",
        references: &[
            "https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(8, "value"), (14, "insecure_value"), (20, "value")]),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[(8, "hunter2hunter2"), (13, "tok_live_4eC39HqLyjWDarjtT1zdp7dc")],
            ),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(8, "\"hunter2hunter2\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for p in &model.secrets.ssm_parameters {
        let Some(value) = &p.value else {
            continue;
        };
        for kind in p.kind.candidates() {
            let plain = kind.value.eq_ignore_ascii_case("String")
                || kind.value.eq_ignore_ascii_case("StringList");
            if !plain {
                continue;
            }
            for c in value.candidates() {
                let Some(what) = environment_secret_kind(p.name.as_deref(), c.value) else {
                    continue;
                };
                let name = p
                    .name
                    .as_deref()
                    .map(|n| format!("{n} ({})", model.resource(p.owner).address))
                    .unwrap_or_else(|| model.resource(p.owner).address.clone());
                let message = format!(
                    "SSM parameter {name} is of type {} and holds {what} {}{}: it is stored and \
                     returned unencrypted",
                    kind.value,
                    origin(&c),
                    when_suffix(&c.conditions)
                );
                out.push(
                    Finding::on_resource(
                        model,
                        CHECK.meta.id,
                        CHECK.meta.severity,
                        p.owner,
                        c.span,
                        message,
                    )
                    .defined_at(c.defined_at),
                );
            }
        }
    }
}
