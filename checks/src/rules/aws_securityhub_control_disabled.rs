//! `aws-securityhub-control-disabled`: a control of a Security Hub standard declared disabled.

use crate::monitoring::flag_findings;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-securityhub-control-disabled",
        aliases: &[],
        title: "Security Hub control is declared disabled",
        severity: Severity::Low,
        service: "securityhub",
        layer: Layer::Monitoring,
        description: "A control of a Security Hub standard declared disabled: \
            `aws_securityhub_standards_control` with `control_status = \"DISABLED\"`, \
            `aws_securityhub_standards_control_association` with \
            `association_status = \"DISABLED\"`, or an item of `DisabledStandardsControls` on \
            `AWS::SecurityHub::Standard`.\n\nA disabled control stops evaluating every \
            resource it covers, in this account and region, including resources created later. \
            Disabling one is sometimes right (a control that does not apply, a global control \
            evaluated in one region only), so the severity is low: the finding asks for the \
            decision to be reviewed and its reason recorded (a suppression comment with the \
            reason does that).",
        remediation: "**Terraform:** `control_status = \"ENABLED\"` (or remove the resource), \
            and give `disabled_reason` where it must stay off.\n\n**CloudFormation:** remove \
            the item from `DisabledStandardsControls`, or keep its `Reason`.",
        references: &[
            "https://docs.aws.amazon.com/securityhub/latest/userguide/disable-controls-overview.html",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(3, "control_status"), (10, "association_status")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(7, "StandardsControlArn:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(8, "{")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for c in &model.securityhub.disabled_controls {
        let control = c.control.get().cloned().unwrap_or_else(|| "a control".to_string());
        flag_findings(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            c.owner,
            &c.disabled,
            true,
            &|address, _| {
                format!(
                    "{address} disables Security Hub control {control}: it no longer evaluates \
                     any resource of the account and region"
                )
            },
            out,
        );
    }
}
