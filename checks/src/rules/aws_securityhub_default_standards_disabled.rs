//! `aws-securityhub-default-standards-disabled`: a hub that runs no standard.

use crate::monitoring::{attr, flag_findings};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-securityhub-default-standards-disabled",
        aliases: &[],
        title: "Security Hub enabled with its default standards disabled and none subscribed",
        severity: Severity::Medium,
        service: "securityhub",
        layer: Layer::Monitoring,
        description: "A Security Hub hub (`aws_securityhub_account`, `AWS::SecurityHub::Hub`) \
            declared with `enable_default_standards = false` / `EnableDefaultStandards: false` \
            in a module or template that subscribes to no standard \
            (`aws_securityhub_standards_subscription`, `AWS::SecurityHub::Standard`).\n\n\
            Security Hub's checks come from its standards (AWS Foundational Security Best \
            Practices, CIS). A hub without any gathers findings from other services but runs no \
            control of its own: misconfigurations are never flagged while the code shows \
            Security Hub as enabled.",
        remediation: "**Terraform:** remove `enable_default_standards = false`, or declare \
            `aws_securityhub_standards_subscription` for the standards you use.\n\n\
            **CloudFormation:** `EnableDefaultStandards: true`, or declare \
            `AWS::SecurityHub::Standard` resources.",
        references: &[
            "https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-standards-enable-disable.html",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(2, "enable_default_standards")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(6, "EnableDefaultStandards: false")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(6, "\"EnableDefaultStandards\": false")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    if !model.securityhub.standards.is_empty() {
        return;
    }
    for h in &model.securityhub.hubs {
        let name = attr(model, h.owner, "enable_default_standards", "EnableDefaultStandards");
        flag_findings(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            h.owner,
            &h.default_standards,
            false,
            &|address, _| {
                format!(
                    "Security Hub {address} disables its default standards (`{name}` is false) \
                     and no standard is subscribed with it: no Security Hub control runs"
                )
            },
            out,
        );
    }
}
