//! `aws-iam-user-access-key`: a long-lived access key declared for an IAM user.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::iam_facts::IamFactKind;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-user-access-key",
        aliases: &[],
        title: "IAM user access key declared in code",
        severity: Severity::Low,
        service: "iam",
        layer: Layer::Identity,
        description: "An `aws_iam_access_key` or `AWS::IAM::AccessKey` resource: a long-lived \
            access key for an IAM user. Long-lived keys leak (in CI logs, laptops, container \
            images, the Terraform state, which holds the secret in plain text unless a PGP key \
            is given) and do not expire; roles assumed through federation, IAM Identity Center, \
            instance profiles or OIDC give short-lived credentials instead. Reported at the \
            resource header; a key declared `Inactive` is not reported. **Low**: some integrations still need a key; then rotate it and \
            keep it out of state (`pgp_key`).",
        remediation: "Use a role instead: an instance profile or task role for workloads on AWS, \
            OIDC federation for CI (GitHub Actions, GitLab), IAM Identity Center for people. \
            If a key is unavoidable, create it outside Terraform or with `pgp_key`, and rotate it \
            regularly.",
        references: &[
            "CIS AWS Foundations Benchmark 1.14 (access keys rotated every 90 days)",
            "AWS Foundational Security Best Practices IAM.3",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(5, "resource \"aws_iam_access_key\" \"ci\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(6, "CiKey")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"CiKey\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for fact in &model.iam {
        let IamFactKind::AccessKey { active } = &fact.kind else {
            continue;
        };
        // An inactive key is not a credential; an unknown status is not judged.
        if !active.candidates().iter().any(|c| *c.value) {
            continue;
        }
        let resource = model.resource(fact.owner);
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            fact.owner,
            fact.span,
            format!(
                "{} is a long-lived access key: use a role with short-lived credentials instead",
                resource.address
            ),
        ));
    }
}
