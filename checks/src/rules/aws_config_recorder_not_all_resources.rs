//! `aws-config-recorder-not-all-resources`: an AWS Config recorder that records a selection
//! of resource types.

use crate::monitoring::flag_findings;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-config-recorder-not-all-resources",
        aliases: &[],
        title: "AWS Config recorder does not record all resource types",
        severity: Severity::Medium,
        service: "config",
        layer: Layer::Monitoring,
        description: "An AWS Config configuration recorder (`aws_config_configuration_recorder`, \
            `AWS::Config::ConfigurationRecorder`) whose recording group does not record every \
            supported resource type: `all_supported = false` / `AllSupported: false`, a \
            recording strategy other than `ALL_SUPPORTED_RESOURCE_TYPES`, or a CloudFormation \
            recording group that lists `ResourceTypes` without `AllSupported`.\n\nConfig keeps \
            the configuration history every investigation and every Config rule works from. \
            Resource types left out (often the ones created after the list was written) change \
            without a record and are never evaluated: a security group opened, a bucket made \
            public, a role's trust widened leave no trace. A recorder without a recording group \
            records everything and is not reported.",
        remediation: "**Terraform:** `recording_group { all_supported = true }` on \
            `aws_config_configuration_recorder` (and \
            `include_global_resource_types = true` in one region).\n\n**CloudFormation:** \
            `RecordingGroup: { AllSupported: true }` on `AWS::Config::ConfigurationRecorder`.",
        references: &[
            "CIS AWS Foundations Benchmark 3.3 (ensure AWS Config is enabled in all regions, recording all resources)",
            "AWS Foundational Security Best Practices Config.1",
            "https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html",
        ],
        equivalents: &["checkov:CKV2_AWS_48"],
        examples: &[
            Example::bad("bad.tf", &[(5, "all_supported")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(6, "RecordingGroup:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(8, "\"AllSupported\": false")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for r in &model.config.recorders {
        flag_findings(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            r.owner,
            &r.all_supported,
            false,
            &|address, _| {
                format!(
                    "AWS Config recorder {address} records only selected resource types: \
                     changes to every other type leave no configuration history"
                )
            },
            out,
        );
    }
}
