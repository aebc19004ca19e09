//! `aws-ecr-repository-policy-public`: ecr repository policy allows anyone.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ecr-repository-policy-public",
        aliases: &[],
        title: "ECR repository policy allows anyone",
        severity: Severity::High,
        service: "ecr",
        layer: Layer::Identity,
        description: "An `Allow` statement in an ECR repository policy (`aws_ecr_repository_policy`, `RepositoryPolicyText` of `AWS::ECR::Repository`) for `Principal: \"*\"` (or `{\"AWS\": \"*\"}`, or `NotPrincipal`) with no condition that ties it to an account, organisation, source or network (`aws:SourceArn`, `aws:SourceAccount`, `aws:SourceVpc`, `aws:SourceVpce`, `aws:SourceIp`, `aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:PrincipalArn`, `kms:CallerAccount` ...). Anyone can then pull the images (and the secrets baked into them) or, with push actions, replace them with their own. **Critical** when the actions granted include write or permissions-management actions (from the IAM action database), **high** for read and list. A condition that matches everything (`*`, `0.0.0.0/0`) restricts nothing; conditions that are not known are not judged; an explicit `Deny` for everyone in the same policy is applied first.",
        remediation: "Name the accounts that pull, or restrict `*` with `aws:PrincipalOrgID`. Use ECR Public for images meant for everyone.",
        references: &[
            "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_32",
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

const KINDS: &[&str] = &["aws_ecr_repository_policy", "AWS::ECR::Repository"];

fn run(model: &Model, out: &mut Vec<Finding>) {
    crate::public_policy::report(model, out, CHECK.meta.id, KINDS, "repository");
}
