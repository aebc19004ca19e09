//! `aws-secretsmanager-no-rotation`: a Secrets Manager secret without automatic rotation.

use crate::{secrets, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{LinkKind, Model};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-secretsmanager-no-rotation",
        aliases: &[],
        title: "Secrets Manager secret without automatic rotation",
        severity: Severity::Medium,
        service: "secretsmanager",
        layer: Layer::Data,
        description: "Secrets Manager secrets (`aws_secretsmanager_secret`, \
            `AWS::SecretsManager::Secret`) for which the configuration declares no rotation: \
            no `aws_secretsmanager_secret_rotation` / `AWS::SecretsManager::RotationSchedule` \
            points at the secret.\n\nA secret that never changes stays valid for as long as \
            anyone who ever read it (a departed engineer, a leaked log, a compromised laptop) \
            keeps it. Automatic rotation bounds that window and proves that the consumers can \
            cope with a change before an incident forces one.\n\nA rotation whose secret is \
            not known here (`secret_id = var.id`) may be any secret's: then no secret of the \
            configuration is reported. A secret whose `SecretString` is written as a JSON \
            object with no field named like a secret (`{\"KeyArn\": \"${Key.Arn}\"}`, \
            `{\"host\": ..., \"port\": ...}`) shares configuration, not a credential, and is \
            not reported. Secrets that cannot be rotated automatically (a \
            third-party API key) can be suppressed with a reason.",
        remediation: "**Terraform:** Add `aws_secretsmanager_secret_rotation` with \
            `secret_id = aws_secretsmanager_secret.<name>.id`, a rotation function \
            (`rotation_lambda_arn`) and `rotation_rules { automatically_after_days = 30 }`.\n\n\
            **CloudFormation:** Add `AWS::SecretsManager::RotationSchedule` with \
            `SecretId: !Ref <secret>`, `HostedRotationLambda` (or `RotationLambdaARN`) and \
            `RotationRules`.",
        references: &[
            "AWS Foundational Security Best Practices SecretsManager.1",
            "https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html",
        ],
        equivalents: &["checkov:CKV2_AWS_57"],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_secretsmanager_secret\" \"db\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "DbSecret"), (10, "ServiceAccountSecret")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(3, "\"DbSecret\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    let s = &model.secrets;
    if s.managed_secrets.is_empty() {
        return;
    }
    // A rotation whose secret is not known may rotate any of them.
    if s
        .rotations
        .iter()
        .any(|r| model.link_from(*r, LinkKind::Rotation).is_none())
    {
        return;
    }
    // Secrets written with configuration only (a key ARN, a bucket name shared across
    // accounts): nothing to rotate.
    let configuration: std::collections::HashSet<_> = s
        .secret_contents
        .iter()
        .filter(|c| {
            let texts = secrets::known_texts(&c.value);
            !texts.is_empty() && texts.iter().all(|t| secrets::holds_only_configuration(t))
        })
        .map(|c| c.owner)
        .collect();
    for &secret in &s.managed_secrets {
        if configuration.contains(&secret)
            || model.links_to(secret, LinkKind::Rotation).next().is_some()
        {
            continue;
        }
        let r = model.resource(secret);
        let message = format!(
            "secret {} has no rotation configured: it stays valid for as long as anyone who \
             has read it keeps it",
            r.address
        );
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            secret,
            r.header,
            message,
        ));
    }
}
