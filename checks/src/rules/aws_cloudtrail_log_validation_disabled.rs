//! `aws-cloudtrail-log-validation-disabled`: a trail without log file integrity validation.

use crate::monitoring::{attr, flag_findings};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-cloudtrail-log-validation-disabled",
        aliases: &[],
        title: "CloudTrail log file validation is not enabled",
        severity: Severity::Medium,
        service: "cloudtrail",
        layer: Layer::Monitoring,
        description: "A CloudTrail trail without log file integrity validation: \
            `enable_log_file_validation` / `EnableLogFileValidation` is false or not written \
            (the default is off).\n\nWith validation on, CloudTrail delivers a signed digest \
            file every hour, chaining the hashes of every log file it delivered. Without it, \
            someone who can write to the trail's bucket can change or delete log files after \
            the fact, and nothing shows that the record was altered: the log cannot be trusted \
            in an investigation.",
        remediation: "**Terraform:** `enable_log_file_validation = true` on `aws_cloudtrail`.\n\n\
            **CloudFormation:** `EnableLogFileValidation: true` on `AWS::CloudTrail::Trail`.",
        references: &[
            "CIS AWS Foundations Benchmark 3.2 (ensure CloudTrail log file validation is enabled)",
            "AWS Foundational Security Best Practices CloudTrail.4",
            "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_36",
            "trivy:AVD-AWS-0016",
            "tfsec:aws-cloudtrail-enable-log-validation",
            "kics:52ffcfa6-6c70-4ea6-8376-d828d3961669",
            "kics:2a3560fe-52ca-4443-b34f-bf0ed5eb74c8",
        ],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_cloudtrail\" \"default\""), (8, "enable_log_file_validation")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "Unvalidated:"), (12, "EnableLogFileValidation: false")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(9, "\"EnableLogFileValidation\": false")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for t in &model.cloudtrail.trails {
        let name = attr(model, t.owner, "enable_log_file_validation", "EnableLogFileValidation");
        flag_findings(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            t.owner,
            &t.log_file_validation,
            false,
            &|address, omitted| {
                let how = if omitted {
                    format!("`{name}` is not set and validation is off by default")
                } else {
                    format!("`{name}` is false")
                };
                format!(
                    "CloudTrail trail {address} does not validate its log files ({how}): \
                     altered or deleted log files would go unnoticed"
                )
            },
            out,
        );
    }
}
