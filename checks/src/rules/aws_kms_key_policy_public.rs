//! `aws-kms-key-policy-public`: kms key policy allows anyone.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-kms-key-policy-public",
        aliases: &[],
        title: "KMS key policy allows anyone",
        severity: Severity::High,
        service: "kms",
        layer: Layer::Identity,
        description: "An `Allow` statement in a KMS key policy (`policy` of `aws_kms_key`, `KeyPolicy` of `AWS::KMS::Key`) for `Principal: \"*\"` (or `{\"AWS\": \"*\"}`, or `NotPrincipal`) with no condition that ties it to an account, organisation, source or network (`aws:SourceArn`, `aws:SourceAccount`, `aws:SourceVpc`, `aws:SourceVpce`, `aws:SourceIp`, `aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:PrincipalArn`, `kms:CallerAccount` ...). Anyone can then use the key (decrypt what it protects, encrypt with it) and, with `kms:*`, change its policy or schedule its deletion. `kms:CallerAccount` (with `kms:ViaService`) is the usual way to share a key with the services of one account. **Critical** when the actions granted include write or permissions-management actions (from the IAM action database), **high** for read and list. A condition that matches everything (`*`, `0.0.0.0/0`) restricts nothing; conditions that are not known are not judged; an explicit `Deny` for everyone in the same policy is applied first.",
        remediation: "Grant the key to `arn:aws:iam::<account>:root` (IAM then decides) or to named roles, or restrict `*` with `kms:CallerAccount` / `aws:PrincipalOrgID`.",
        references: &[
            "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_33",
            "kics:da905474-7454-43c0-b8d2-5756ab951aba",
            "kics:7ebc9038-0bde-479a-acc4-6ed7b6758899",
        ],
        examples: &[
            Example::bad("bad.tf", &[(6, "\"*\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(9, "\"*\"")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "\"*\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

const KINDS: &[&str] = &["aws_kms_key", "AWS::KMS::Key"];

fn run(model: &Model, out: &mut Vec<Finding>) {
    crate::public_policy::report(model, out, CHECK.meta.id, KINDS, "key");
}
