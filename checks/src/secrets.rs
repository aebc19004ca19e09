//! Shared logic of the secrets-in-code checks: what a written secret looks like, and the one
//! loop over service passwords. Messages never print the secret.

use crate::finding::{when_suffix, Finding, Severity};
use palisade_model::secrets::{EnvironmentService, PasswordService};
use palisade_model::{Candidate, Model, Provenance};

/// A CloudFormation dynamic reference (`{{resolve:secretsmanager:...}}`,
/// `{{resolve:ssm-secure:...}}`, `{{resolve:ssm:...}}`): resolved at deploy time, not a secret
/// in the template.
pub fn is_dynamic_reference(value: &str) -> bool {
    value.trim_start().starts_with("{{resolve:")
}

/// An AWS access key id (`AKIA...` long-term, `ASIA...` temporary): 20 upper-case letters and
/// digits.
pub fn is_access_key_id(value: &str) -> bool {
    let v = value.trim();
    v.len() == 20
        && (v.starts_with("AKIA") || v.starts_with("ASIA"))
        && v.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// A PEM private key (`-----BEGIN RSA PRIVATE KEY-----`, `... OPENSSH PRIVATE KEY ...`).
pub fn is_private_key(value: &str) -> bool {
    value.contains("-----BEGIN") && value.contains("PRIVATE KEY-----")
}

/// Words that make a name say it holds a secret.
const SECRET_WORDS: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "secret",
    "token",
    "apikey",
    "privatekey",
    "accesskey",
    "credential",
    "passphrase",
    "authkey",
    "secretkey",
];

/// Words that make a secret-sounding name hold something else: where the secret is (`_ARN`,
/// `_NAME`, `_PATH`), how it is handled (`_LENGTH`, `_TTL`), or an identifier that is public.
const NOT_A_SECRET: &[&str] = &[
    "arn",
    "name",
    "path",
    "url",
    "uri",
    "id",
    "file",
    "param",
    "parameter",
    "ssm",
    "length",
    "ttl",
    "expiry",
    "expiration",
    "type",
    "header",
    "endpoint",
    "region",
    "version",
    "enabled",
    "enable",
    "policy",
    "rotation",
    "keyid",
    "secretsmanager",
    "location",
    "source",
    "store",
    "kms",
    "mode",
    "audience",
    "issuer",
    "duration",
    "lifetime",
    "validity",
    "timeout",
    "interval",
    "count",
    "limit",
    "size",
    "format",
    "prefix",
    "min",
    "max",
    "allow",
    "change",
    "require",
    "reuse",
    "stack",
    "reset",
];

/// The name says it holds a secret (`DB_PASSWORD`, `apiToken`, `client-secret`) and not
/// where one is kept (`DB_PASSWORD_ARN`, `SECRET_NAME`, `TOKEN_URL`).
pub fn is_secret_name(name: &str) -> bool {
    let words = name_words(name);
    // The secret word is the name's head: its last word or last two words (`DB_PASSWORD`,
    // `apiKey`, `AWS_SECRET_ACCESS_KEY`), so `PasswordReusePrevention` is not a secret.
    let n = words.len();
    let mut tail: Vec<String> = words.iter().skip(n.saturating_sub(1)).cloned().collect();
    if n >= 2 {
        tail.push(format!("{}{}", words[n - 2], words[n - 1]));
    }
    let says_secret = tail.iter().any(|w| {
        SECRET_WORDS
            .iter()
            .any(|s| w == *s || w.ends_with(s) || w.strip_suffix('s') == Some(s))
    });
    says_secret && !words.iter().any(|w| NOT_A_SECRET.contains(&w.as_str()))
}

/// `DB_PASSWORD` / `dbPassword` / `db-password` as lower-case words.
fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for ch in name.chars() {
        if !ch.is_ascii_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            prev_lower = false;
            continue;
        }
        if ch.is_ascii_uppercase() && prev_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        prev_lower = ch.is_ascii_lowercase() || ch.is_ascii_digit();
        current.push(ch.to_ascii_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// A written value that could be a real secret: not empty, not a dynamic reference, not an
/// ARN or an SSM path pointing at where the secret is, not a placeholder for templating.
pub fn is_plausible_secret_value(value: &str) -> bool {
    let v = value.trim();
    !v.is_empty()
        && !is_dynamic_reference(v)
        && !v.starts_with("arn:")
        && !v.starts_with("${")
        && !v.starts_with("{{")
        && !v.starts_with("/aws/reference/")
        && !v.eq_ignore_ascii_case("true")
        && !v.eq_ignore_ascii_case("false")
}

/// How the value came to be in the code, for messages.
pub fn origin(c: &Candidate<'_, String>) -> &'static str {
    match c.provenance {
        Provenance::Default => "as a variable or parameter default",
        Provenance::Derived => "as a derived value",
        _ => "as a literal",
    }
}

/// Reports every password of `service` written into the configuration: a literal, a variable
/// or parameter default, or a value derived from them. Unknown values (variables without
/// default, data sources, generated passwords, `manage_master_user_password`) never fire; nor
/// do dynamic references to Secrets Manager or SSM.
pub fn plaintext_passwords(
    model: &Model,
    service: PasswordService,
    check: &'static str,
    severity: Severity,
    out: &mut Vec<Finding>,
) {
    for p in model
        .secrets
        .passwords
        .iter()
        .filter(|p| p.service == service)
    {
        for c in p.value.candidates() {
            if !is_plausible_secret_value(c.value) {
                continue;
            }
            let message = format!(
                "the {} of {} is written in the configuration {}{}: anyone who can read the code \
                 or the state has it",
                p.what,
                model.resource(p.owner).address,
                origin(&c),
                when_suffix(&c.conditions)
            );
            out.push(
                Finding::on_resource(model, check, severity, p.owner, c.span, message)
                    .defined_at(c.defined_at),
            );
        }
    }
}

/// Why an environment value is a secret, if it is one: its content (an access key id, a
/// private key) or its name with a literal value.
pub fn environment_secret_kind(name: Option<&str>, value: &str) -> Option<&'static str> {
    let aws_credential = name.is_some_and(|n| {
        [
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
        ]
        .iter()
        .any(|c| n.eq_ignore_ascii_case(c))
    });
    if is_access_key_id(value) {
        Some("an AWS access key id")
    } else if aws_credential && is_plausible_secret_value(value) {
        Some("AWS credentials under the name the AWS SDKs read them from")
    } else if is_private_key(value) {
        Some("a private key")
    } else if name.is_some_and(is_secret_name) && is_plausible_secret_value(value) {
        Some("a literal value under a name that says it is a secret")
    } else {
        None
    }
}

/// Reports every plain-text environment variable of `service` that holds a secret.
pub fn environment_secrets(
    model: &Model,
    service: EnvironmentService,
    check: &'static str,
    severity: Severity,
    out: &mut Vec<Finding>,
) {
    for v in model
        .secrets
        .environment
        .iter()
        .filter(|v| v.service == service)
    {
        for c in v.value.candidates() {
            let Some(kind) = environment_secret_kind(v.name.as_deref(), c.value) else {
                continue;
            };
            let variable = v.name.as_deref().unwrap_or("an environment variable");
            let container = match &v.container {
                Some(name) => format!(" (container {name})"),
                None => String::new(),
            };
            let message = format!(
                "environment variable {variable} of {}{container} holds {kind} {}{}: it is \
                 readable by anyone who can describe the resource",
                model.resource(v.owner).address,
                origin(&c),
                when_suffix(&c.conditions)
            );
            out.push(
                Finding::on_resource(model, check, severity, v.owner, v.span, message)
                    .defined_at(c.defined_at),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names() {
        for name in [
            "DB_PASSWORD",
            "dbPassword",
            "client-secret",
            "API_TOKEN",
            "apiKey",
            "AWS_SECRET_ACCESS_KEY",
            "PRIVATE_KEY",
            "MasterUserPassword",
            "github_token",
            "SECRET_KEY",
        ] {
            assert!(is_secret_name(name), "{name}");
        }
        for name in [
            "DB_PASSWORD_ARN",
            "SECRET_NAME",
            "TOKEN_URL",
            "secretArn",
            "DB_HOST",
            "LOG_LEVEL",
            "PASSWORD_LENGTH",
            "SECRETS_MANAGER_SECRET_ID",
            "TOKEN_ISSUER",
            "TokenLifetime",
            "PasswordReusePrevention",
            "AllowUsersToChangePassword",
            "ParentSecretStack",
            "KEY_ID",
            "tokenizer_model",
        ] {
            assert!(!is_secret_name(name), "{name}");
        }
    }

    #[test]
    fn aws_credential_names_hold_credentials_whatever_the_value_looks_like() {
        let kind = |n: &str, v: &str| environment_secret_kind(Some(n), v);
        assert!(kind("AWS_ACCESS_KEY_ID", "AIPA8YOHGIS58IBFDU3E").is_some());
        assert!(kind(
            "aws_secret_access_key",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
        )
        .is_some());
        assert!(kind("AWS_ACCESS_KEY_ID", "").is_none());
        assert!(kind("AWS_REGION", "eu-west-1").is_none());
    }

    #[test]
    fn secret_values() {
        assert!(is_access_key_id("AKIAIOSFODNN7EXAMPLE"));
        assert!(!is_access_key_id("AKIAIOSFODNN7EXAMPL"));
        assert!(!is_access_key_id("akiaiosfodnn7example"));
        assert!(is_private_key(
            "-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----"
        ));
        assert!(!is_private_key("-----BEGIN PUBLIC KEY-----"));
        assert!(is_plausible_secret_value("hunter2"));
        for v in [
            "",
            "  ",
            "{{resolve:secretsmanager:prod/db:SecretString:password}}",
            "{{resolve:ssm-secure:/prod/db/password}}",
            "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db",
            "/aws/reference/secretsmanager/db",
            "true",
        ] {
            assert!(!is_plausible_secret_value(v), "{v:?}");
        }
    }
}
