//! `aws-guardduty-no-s3-protection`: GuardDuty S3 Protection is declared disabled.

use crate::monitoring::flag_findings;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::guardduty::ProtectionPlan;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-guardduty-no-s3-protection",
        aliases: &[],
        title: "GuardDuty S3 Protection is declared disabled",
        severity: Severity::Medium,
        service: "guardduty",
        layer: Layer::Monitoring,
        description: "A GuardDuty detector with S3 Protection (S3 data events: `datasources.s3_logs`, `DataSources.S3Logs`, feature `S3_DATA_EVENTS`) declared disabled, in the detector's \
            legacy data source block, its `Features` list or a separate feature resource.\n\n\
            Without it GuardDuty does not analyse S3 data events, so it reports no suspicious object access: data read from an unusual location, discovery or exfiltration through `GetObject` and `ListObjects`, access by a known malicious address, disabled logging before a theft.\n\nA plan that is not written keeps the \
            service's default and is not reported.",
        remediation: "**Terraform:** `datasources { s3_logs { enable = true } }` on `aws_guardduty_detector`, or `aws_guardduty_detector_feature` with `name = \"S3_DATA_EVENTS\"` and `status = \"ENABLED\"`.\n\n**CloudFormation:** `DataSources: { S3Logs: { Enable: true } }`, or a `Features` item `{ Name: S3_DATA_EVENTS, Status: ENABLED }` on \
            `AWS::GuardDuty::Detector`.",
        references: &[
            "AWS Foundational Security Best Practices GuardDuty.10 (GuardDuty S3 Protection should be enabled)",
            "https://docs.aws.amazon.com/guardduty/latest/ug/s3-protection.html",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(6, "enable"), (18, "status")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(9, "Enable: false"), (16, "Status: DISABLED")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(8, "\"Status\": \"DISABLED\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for p in model
        .guardduty.protections
        .iter()
        .filter(|p| p.plan == ProtectionPlan::S3)
    {
        flag_findings(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            p.owner,
            &p.enabled,
            false,
            &|address, _| {
                format!("GuardDuty {address} declares S3 Protection disabled: S3 data events are not analysed for suspicious access")
            },
            out,
        );
    }
}
