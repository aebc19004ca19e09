//! `aws-guardduty-detector-disabled`: a GuardDuty detector declared suspended.

use crate::monitoring::{attr, flag_findings};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-guardduty-detector-disabled",
        aliases: &[],
        title: "GuardDuty detector is declared disabled",
        severity: Severity::High,
        service: "guardduty",
        layer: Layer::Monitoring,
        description: "A GuardDuty detector (`aws_guardduty_detector`, \
            `AWS::GuardDuty::Detector`) declared with `enable = false` / `Enable: false`.\n\n\
            A suspended detector analyses nothing: no finding for credential exfiltration, \
            crypto-mining, reconnaissance, access from Tor or known malicious addresses, or \
            unusual API activity, while the code looks as if threat detection were on. Only \
            what is declared is judged: a repository that declares no detector is not \
            reported, as another repository or the organization may manage it.",
        remediation: "**Terraform:** `enable = true` on `aws_guardduty_detector` (the \
            default).\n\n**CloudFormation:** `Enable: true` on `AWS::GuardDuty::Detector`.",
        references: &[
            "AWS Foundational Security Best Practices GuardDuty.1",
            "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_suspend-disable.html",
        ],
        equivalents: &[
            "kics:704dadd3-54fc-48ac-b6a0-02f170011473",
            "kics:a25cd877-375c-4121-a640-730929936fac",
        ],
        examples: &[
            Example::bad("bad.tf", &[(2, "enable")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "Enable: !Ref Enabled")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(6, "\"Enable\": false")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for d in &model.guardduty.detectors {
        let name = attr(model, d.owner, "enable", "Enable");
        flag_findings(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            d.owner,
            &d.enabled,
            false,
            &|address, _| {
                format!(
                    "GuardDuty detector {address} is declared disabled (`{name}` is false): \
                     threat detection is suspended in its account and region"
                )
            },
            out,
        );
    }
}
