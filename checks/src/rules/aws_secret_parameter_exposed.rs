//! `aws-secret-parameter-exposed`: a template parameter or Terraform variable named like a
//! secret that is not masked, or that has a default.

use crate::secrets::{is_plausible_secret_value, is_secret_name};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-secret-parameter-exposed",
        aliases: &["aws-cloudformation-secret-parameter-exposed"],
        title: "Secret input not masked, or with a default",
        severity: Severity::Medium,
        service: "parameters",
        layer: Layer::Data,
        description: "CloudFormation parameters and Terraform variables whose name says they \
            hold a secret (`DBPassword`, `api_token`, `ClientSecret`; not names of where a \
            secret is kept, such as `DBPasswordSecretArn`) that either are not masked \
            (`NoEcho` missing or false; `sensitive` missing or false) or have a default.\n\n\
            An unmasked parameter's value is shown in clear by the console, `describe-stacks` \
            and stack events; an unmasked variable's value is printed in plans and outputs, \
            hence in CI logs (low: providers redact a variable passed to a sensitive argument). A \
            default writes the secret itself into the template or module, \
            where every reader of the repository has it (reported as high).\n\nParameters whose \
            type reads the value from SSM (`AWS::SSM::Parameter::Value<...>`) hold a parameter \
            name, not a secret, and are not judged. The finding never repeats the default.",
        remediation: "**CloudFormation:** `NoEcho: true` and no `Default`; better, resolve \
            the secret where it is used with `{{resolve:secretsmanager:...}}`.\n\n\
            **Terraform:** `sensitive = true` and no `default`; better, read it from Secrets \
            Manager with a data source or let the service manage it.",
        references: &[
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html",
            "https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(2, "variable \"db_password\""), (10, "default")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "DBPassword"), (9, "Default")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(5, "\"false\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for p in &model.secrets.parameters {
        if !is_secret_name(&p.name) || p.kind.as_deref().is_some_and(never_a_secret) {
            continue;
        }
        let finding = |span, severity, message: String| Finding {
            check: CHECK.meta.id,
            severity,
            message,
            span,
            resource: None,
            extent: p.extent,
            related: Vec::new(),
        };
        for c in p.masked.candidates() {
            if *c.value {
                continue;
            }
            let message = format!(
                "{} {} is named like a secret but is not masked ({}), so its value is shown in \
                 clear",
                p.what, p.name, p.mask_name
            );
            // A Terraform provider redacts a variable passed to a sensitive argument; the
            // console shows a CloudFormation parameter to everyone who can describe the stack.
            let severity = if p.what == "variable" {
                Severity::Low
            } else {
                CHECK.meta.severity
            };
            out.push(finding(c.span, severity, message));
        }
        if let Some(default) = &p.default {
            if default
                .candidates()
                .iter()
                .any(|c| is_plausible_secret_value(c.value))
            {
                let message = format!(
                    "{} {} is named like a secret and has a default: the secret is written in \
                     the code",
                    p.what, p.name
                );
                out.push(finding(default.span, Severity::High, message));
            }
        }
    }
}

/// A declared type that cannot hold a secret string: numbers and booleans, Terraform
/// collections and objects of other values (`list(object({name, valueFrom}))` of ECS secret
/// references), and CloudFormation's AWS-specific types, which hold resource ids and names
/// (`AWS::EC2::KeyPair::KeyName`, `AWS::SSM::Parameter::Value<String>`: the parameter's name).
fn never_a_secret(kind: &str) -> bool {
    let k = kind.trim();
    k.starts_with("AWS::")
        || k == "Number"
        || k == "List<Number>"
        || ["bool", "number", "list", "set", "tuple", "object"]
            .iter()
            .any(|t| k == *t || k.starts_with(&format!("{t}(")))
}

#[cfg(test)]
mod tests {
    use super::never_a_secret;

    #[test]
    fn only_string_typed_inputs_can_hold_a_secret() {
        for kind in ["bool", "number", "list(object({ name = string }))", "object({ a = string })", "Number", "AWS::EC2::KeyPair::KeyName", "AWS::SSM::Parameter::Value<String>"] {
            assert!(never_a_secret(kind), "{kind}");
        }
        for kind in ["string", "String", "any", "map(string)", "CommaDelimitedList"] {
            assert!(!never_a_secret(kind), "{kind}");
        }
    }
}
