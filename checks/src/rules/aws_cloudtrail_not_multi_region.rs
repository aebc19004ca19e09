//! `aws-cloudtrail-not-multi-region`: a trail that records one region only.

use crate::monitoring::{attr, flag_findings};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-cloudtrail-not-multi-region",
        aliases: &[],
        title: "CloudTrail trail does not record every region",
        severity: Severity::Medium,
        service: "cloudtrail",
        layer: Layer::Monitoring,
        description: "A CloudTrail trail (`aws_cloudtrail`, `AWS::CloudTrail::Trail`) that is \
            not a multi-region trail: `is_multi_region_trail` / `IsMultiRegionTrail` is false \
            or not written (both default to a single-region trail).\n\nA single-region trail \
            records API activity in the region where it was created only. An attacker with \
            credentials can work in any other region (launch instances for mining, create \
            resources, exfiltrate through a region nobody watches) without a record in this \
            trail. A multi-region trail also picks up regions AWS opens later.",
        remediation: "**Terraform:** `is_multi_region_trail = true` on `aws_cloudtrail`.\n\n\
            **CloudFormation:** `IsMultiRegionTrail: true` on `AWS::CloudTrail::Trail`.",
        references: &[
            "CIS AWS Foundations Benchmark 3.1 (ensure CloudTrail is enabled in all regions)",
            "AWS Foundational Security Best Practices CloudTrail.1",
            "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_67",
            "trivy:AVD-AWS-0014",
            "tfsec:aws-cloudtrail-enable-all-regions",
            "kics:8173d5eb-96b5-4aa6-a71b-ecfa153c123d",
            "kics:058ac855-989f-4378-ba4d-52d004020da7",
        ],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_cloudtrail\" \"default\""), (8, "is_multi_region_trail")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(8, "Regional:"), (18, "IsMultiRegionTrail: !Ref MultiRegion")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"Regional\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for t in &model.cloudtrail.trails {
        let name = attr(model, t.owner, "is_multi_region_trail", "IsMultiRegionTrail");
        flag_findings(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            t.owner,
            &t.multi_region,
            false,
            &|address, omitted| {
                let how = if omitted {
                    format!("`{name}` is not set and a trail records one region by default")
                } else {
                    format!("`{name}` is false")
                };
                format!(
                    "CloudTrail trail {address} records only the region it is created in \
                     ({how}): activity in every other region goes unrecorded"
                )
            },
            out,
        );
    }
}
