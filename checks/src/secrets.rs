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
    "create",
    "manage",
    "generate",
    "rotate",
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

/// The text of a base64 value (`user_data_base64`, a CloudFormation `UserData` written
/// without `Fn::Base64`), when the whole value is base64 of UTF-8 text.
pub fn decode_base64(value: &str) -> Option<String> {
    let clean: Vec<u8> = value.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if clean.len() < 8 || !clean.len().is_multiple_of(4) {
        return None;
    }
    let body = clean
        .strip_suffix(b"==")
        .or_else(|| clean.strip_suffix(b"="));
    let body = body.unwrap_or(&clean);
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    for &b in body {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        bits = (bits << 6) | u32::from(v);
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
        }
    }
    String::from_utf8(out).ok()
}

/// An AWS access key id anywhere in a text, as a word of its own.
fn contains_access_key_id(text: &str) -> bool {
    let b = text.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric();
    (0..b.len().saturating_sub(19)).any(|i| {
        (i == 0 || !word(b[i - 1]))
            && (i + 20 == b.len() || !word(b[i + 20]))
            && text.is_char_boundary(i)
            && text.is_char_boundary(i + 20)
            && is_access_key_id(&text[i..i + 20])
    })
}

/// What a user data script gives away, if anything: an AWS access key id, a private key, and
/// the names of the variables or options it sets to a literal secret (`export
/// DB_PASSWORD=...`, `aws_secret_access_key = ...`, `--password=...`). `\0` marks where the
/// text is not known: a value that runs into it is not judged. Values taken at run time
/// (`$(aws secretsmanager ...)`, `$VAR`, `` `...` ``) are not secrets in the code.
pub fn script_secrets(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    if contains_access_key_id(text) {
        found.push("an AWS access key id".to_string());
    }
    if text
        .lines()
        .any(|l| l.contains("-----BEGIN") && l.contains("PRIVATE KEY"))
    {
        found.push("a private key".to_string());
    }
    let b = text.as_bytes();
    let name_char = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.');
    for (i, &c) in b.iter().enumerate() {
        if c != b'='
            || b.get(i + 1) == Some(&b'=')
            || (i > 0 && matches!(b[i - 1], b'=' | b'!' | b'<' | b'>'))
        {
            continue;
        }
        // The name: the word before `=`, spaces allowed between (`key = value`).
        let mut end = i;
        while end > 0 && b[end - 1] == b' ' {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && name_char(b[start - 1]) {
            start -= 1;
        }
        if start == end
            || (start > 0 && !matches!(b[start - 1], b' ' | b'\t' | b'\n' | b';' | b'"' | b'\''))
        {
            continue;
        }
        let name = text[start..end].trim_start_matches('-');
        // The value: up to a space, a quote or the end of the command.
        let mut v = i + 1;
        while v < b.len() && b[v] == b' ' {
            v += 1;
        }
        if v < b.len() && matches!(b[v], b'"' | b'\'') {
            v += 1;
        }
        let mut v_end = v;
        while v_end < b.len()
            && !matches!(
                b[v_end],
                b' ' | b'\t' | b'\n' | b'\r' | b'"' | b'\'' | b';' | b'\0'
            )
        {
            v_end += 1;
        }
        if b.get(v_end) == Some(&b'\0') {
            continue;
        }
        let value = &text[v..v_end];
        if value.starts_with('$') || value.starts_with('`') || value.starts_with('<') {
            continue;
        }
        if environment_secret_kind(Some(name), value).is_some() && !found.iter().any(|f| f == name)
        {
            found.push(name.to_string());
        }
    }
    found
}

/// The written text of a string value, `\0` where a part is not known; `None` when nothing
/// of it is known. Conditional values give each branch.
pub fn known_texts(v: &palisade_model::Value<String>) -> Vec<String> {
    match &v.kind {
        palisade_model::ValueKind::Partial(parts) => vec![parts
            .iter()
            .map(|p| match p {
                palisade_model::StrPart::Text(t) => t.as_str(),
                palisade_model::StrPart::Unknown => "\0",
            })
            .collect()],
        palisade_model::ValueKind::Conditional {
            when_true,
            when_false,
            ..
        } => {
            let mut out = known_texts(when_true);
            out.extend(known_texts(when_false));
            out
        }
        palisade_model::ValueKind::Known(s, _) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// A secret value written as a JSON object whose field names are all known and none says it
/// is a secret (`{"OrganizationCloudTrailKeyArn": "${Key.Arn}"}`, `{"host": ..., "port":
/// ...}`): the secret shares configuration, not a credential. `{"username": ..., "password":
/// ...}`, a plain string or an unknown value may be a credential.
pub fn holds_only_configuration(text: &str) -> bool {
    let t = text.trim();
    if !t.starts_with('{') {
        return false;
    }
    let b = t.as_bytes();
    let mut keys = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'"' {
            i += 1;
            continue;
        }
        let Some(len) = t[i + 1..].find('"') else {
            return false;
        };
        let string = &t[i + 1..i + 1 + len];
        let after = t[i + 2 + len..].trim_start();
        if after.starts_with(':') {
            if string.contains('\0') || is_secret_name(string) {
                return false;
            }
            keys += 1;
        }
        i += len + 2;
    }
    // An unknown part could hide a field of its own.
    keys > 0
        && !t
            .split('"')
            .step_by(2)
            .any(|outside| outside.contains('\0'))
}

/// Reports the user data of instances, launch templates and launch configurations that holds
/// a secret: written plain or base64, fully or partly known.
pub fn user_data_secrets(
    model: &Model,
    check: &'static str,
    severity: Severity,
    out: &mut Vec<Finding>,
) {
    for u in &model.secrets.user_data {
        let mut texts: Vec<(
            String,
            palisade_model::Span,
            Option<palisade_model::Span>,
            String,
        )> = Vec::new();
        if let palisade_model::ValueKind::Partial(parts) = &u.value.kind {
            let text = parts
                .iter()
                .map(|p| match p {
                    palisade_model::StrPart::Text(t) => t.as_str(),
                    palisade_model::StrPart::Unknown => "\0",
                })
                .collect();
            texts.push((text, u.value.span, u.value.defined_at, String::new()));
        } else {
            for c in u.value.candidates() {
                let text = decode_base64(c.value).unwrap_or_else(|| c.value.clone());
                texts.push((text, c.span, c.defined_at, when_suffix(&c.conditions)));
            }
        }
        for (text, span, defined_at, when) in texts {
            let found = script_secrets(&text);
            if found.is_empty() {
                continue;
            }
            let (things, names): (Vec<&String>, Vec<&String>) = found
                .iter()
                .partition(|f| f.starts_with("a ") || f.starts_with("an "));
            let mut what: Vec<String> = things.iter().map(|t| t.to_string()).collect();
            if !names.is_empty() {
                let list: Vec<&str> = names.iter().map(|n| n.as_str()).collect();
                what.push(format!("a literal value for {}", list.join(", ")));
            }
            let message = format!(
                "the user data of {} {} holds {}{when}: user data is readable by anyone who can \
                 describe the instance attribute and by every process on the instance through \
                 the metadata service",
                u.kind.noun(),
                model.resource(u.owner).address,
                what.join(" and "),
            );
            out.push(
                Finding::on_resource(model, check, severity, u.owner, span, message)
                    .defined_at(defined_at),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configuration_secrets_are_json_of_fields_that_are_not_secret() {
        assert!(holds_only_configuration(
            "{\"OrganizationCloudTrailKeyArn\":\"\0\"}"
        ));
        assert!(holds_only_configuration(
            "{ \"host\": \"db\", \"port\": \"5432\" }"
        ));
        for credential in [
            "{\"username\":\"\0\",\"password\":\"\0\"}",
            "{ \"user\" : \"admin\", \"api_key\" : \"x\" }",
            "hunter2",
            "{\"host\": \"db\", \0}",
            "{\"\0\": \"x\"}",
            "{}",
        ] {
            assert!(!holds_only_configuration(credential), "{credential:?}");
        }
    }

    #[test]
    fn base64_of_text_decodes_and_other_text_does_not() {
        assert_eq!(
            decode_base64("LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpzb21lS2V5").as_deref(),
            Some("-----BEGIN RSA PRIVATE KEY-----\nsomeKey")
        );
        assert_eq!(decode_base64("dGVzdA==").as_deref(), Some("test"));
        assert_eq!(decode_base64("some-gibberish"), None);
        assert_eq!(decode_base64("export A=b"), None);
    }

    #[test]
    fn scripts_give_away_keys_and_literal_secrets_only() {
        let s = |t: &str| script_secrets(t);
        assert_eq!(
            s("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nexport AWS_SECRET_ACCESS_KEY=wJalr/K7MDENG"),
            ["an AWS access key id", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]
        );
        assert_eq!(
            s("[default]\naws_secret_access_key = somesecret\n"),
            ["aws_secret_access_key"]
        );
        assert_eq!(
            s("export DATABASE_PASSWORD=password1234"),
            ["DATABASE_PASSWORD"]
        );
        assert_eq!(s("mysql --password=hunter2 -e 'select 1'"), ["password"]);
        assert_eq!(
            s("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl"),
            ["a private key"]
        );
        for clean in [
            "export SSM_PATH=/database/creds",
            "export GREETING=hello",
            "TOKEN=$(curl -X PUT http://169.254.169.254/latest/api/token)",
            "DB_PASSWORD=`aws ssm get-parameter --name db --with-decryption`",
            "export DB_PASSWORD=\"$1\"",
            "if [ \"$PASSWORD\" == \"\" ]; then exit 1; fi",
            "DB_PASSWORD_ARN=arn:aws:secretsmanager:eu-west-1:111122223333:secret:db",
            "export DB_PASSWORD=\0",
            "export DB_PASSWORD=\"\0\"",
            "ssh-keygen -t rsa -f /root/.ssh/id_rsa -N ''",
        ] {
            assert!(s(clean).is_empty(), "{clean:?}: {:?}", s(clean));
        }
    }

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
            "create_access_key",
            "manage_master_user_password",
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
