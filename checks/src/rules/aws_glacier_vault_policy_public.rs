//! `aws-glacier-vault-policy-public`: a Glacier vault access policy open to everyone.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-glacier-vault-policy-public",
        aliases: &[],
        title: "Glacier vault access policy allows anyone",
        severity: Severity::High,
        service: "glacier",
        layer: Layer::Identity,
        description: "An `Allow` statement in the `access_policy` of an `aws_glacier_vault` for \
            `Principal: \"*\"` with no condition that ties it to an account, organisation or \
            network. Anyone can then start retrieval jobs and download the archives, or (with \
            write actions) delete them. **Critical** for write actions, **high** for read. \
            CloudFormation has no Glacier vault resource.",
        remediation: "Name the accounts or roles that use the vault, or restrict `*` with \
            `aws:PrincipalOrgID` / `aws:PrincipalAccount`.",
        references: &["https://docs.aws.amazon.com/amazonglacier/latest/dev/vault-access-policy.html"],
        equivalents: &["checkov:CKV_AWS_167"],
        examples: &[
            Example::bad("bad.tf", &[(6, "\"*\"")]),
            Example::good("good.tf"),
        ],
    },
    run,
};

const KINDS: &[&str] = &["aws_glacier_vault"];

fn run(model: &Model, out: &mut Vec<Finding>) {
    crate::public_policy::report(model, out, CHECK.meta.id, KINDS, "vault");
}
