//! `aws-secretsmanager-secret-policy-public`: secrets manager secret policy allows anyone.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-secretsmanager-secret-policy-public",
        aliases: &[],
        title: "Secrets Manager secret policy allows anyone",
        severity: Severity::High,
        service: "secretsmanager",
        layer: Layer::Identity,
        description: "An `Allow` statement in a Secrets Manager resource policy (`aws_secretsmanager_secret_policy`, the `policy` of `aws_secretsmanager_secret`, `AWS::SecretsManager::ResourcePolicy`) for `Principal: \"*\"` (or `{\"AWS\": \"*\"}`, or `NotPrincipal`) with no condition that ties it to an account, organisation, source or network (`aws:SourceArn`, `aws:SourceAccount`, `aws:SourceVpc`, `aws:SourceVpce`, `aws:SourceIp`, `aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:PrincipalArn`, `kms:CallerAccount` ...). Anyone can then read the secret value (for principals of other accounts the key policy must also allow decryption, which is often `*` too). Secrets Manager's `BlockPublicPolicy` rejects such policies when it is set. **Critical** when the actions granted include write or permissions-management actions (from the IAM action database), **high** for read and list. A condition that matches everything (`*`, `0.0.0.0/0`) restricts nothing; conditions that are not known are not judged; an explicit `Deny` for everyone in the same policy is applied first.",
        remediation: "Name the roles that read the secret, or restrict `*` with `aws:PrincipalOrgID` / `aws:PrincipalAccount`; set `block_public_policy = true`.",
        references: &[
            "https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(6, "\"*\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "\"*\"")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "\"*\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

const KINDS: &[&str] = &["aws_secretsmanager_secret_policy", "aws_secretsmanager_secret", "AWS::SecretsManager::ResourcePolicy"];

fn run(model: &Model, out: &mut Vec<Finding>) {
    crate::public_policy::report(model, out, CHECK.meta.id, KINDS, "secret");
}
