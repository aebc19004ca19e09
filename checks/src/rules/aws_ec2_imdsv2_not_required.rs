//! `aws-ec2-imdsv2-not-required`: the instance metadata service answers IMDSv1 requests.

use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ec2-imdsv2-not-required",
        aliases: &[],
        title: "Instance metadata service does not require IMDSv2",
        severity: Severity::Medium,
        service: "ec2",
        layer: Layer::Network,
        description: "An instance, launch template or launch configuration whose instance \
            metadata service accepts IMDSv1: `metadata_options { http_tokens = \"optional\" }` \
            or no `http_tokens` (`aws_instance`, `aws_launch_template`, \
            `aws_launch_configuration`), `MetadataOptions.HttpTokens: optional` or not written \
            (`AWS::EC2::Instance` through its launch template only, \
            `AWS::EC2::LaunchTemplate` `LaunchTemplateData`, \
            `AWS::AutoScaling::LaunchConfiguration`), while the endpoint is not disabled.\n\n\
            IMDSv1 answers a plain GET from anything that can make the instance send one: a \
            server-side request forgery in a web application hands the instance role's \
            credentials to the attacker (the 2019 Capital One breach). IMDSv2 requires a \
            session token obtained with a PUT, which SSRF and most open proxies cannot send \
            (AWS FSBP EC2.8). **High** when the launch also gets a public IP address written \
            in the same resource, **medium** otherwise. Not written is judged: EC2 defaults to \
            `optional` unless the AMI is registered with `imds_support = v2.0` (Amazon Linux \
            2023 is), which code cannot see; the message says so. An instance started from a \
            launch template that writes no metadata options inherits the template's and is \
            judged there. An unknown value never fires.",
        remediation: "Add `metadata_options { http_tokens = \"required\" }` (Terraform) or \
            `MetadataOptions: { HttpTokens: required }` (CloudFormation), after checking that \
            the software on the instance uses an IMDSv2-capable SDK (every AWS SDK released \
            since 2019 is). Set `http_endpoint = \"disabled\"` where nothing needs the \
            metadata service.",
        references: &[
            "AWS Foundational Security Best Practices EC2.8 (EC2 instances should use IMDSv2)",
            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html",
            "https://aws.amazon.com/blogs/security/defense-in-depth-open-firewalls-reverse-proxies-ssrf-vulnerabilities-ec2-instance-metadata-service/",
        ],
        equivalents: &[
            "checkov:CKV_AWS_79",
            "trivy:AVD-AWS-0028",
            "trivy:AVD-AWS-0130",
            "tfsec:aws-ec2-enforce-http-token-imds",
            "tfsec:aws-autoscaling-enforce-http-token-imds",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (1, "resource \"aws_instance\" \"default\""),
                    (9, "http_tokens = \"optional\""),
                    (13, "resource \"aws_launch_configuration\" \"workers\""),
                ],
            ),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "Template:"), (14, "HttpTokens: optional")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"Workers\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for launch in &model.launches {
        let metadata = &launch.metadata;
        // An instance from a launch template without its own options inherits the template's.
        if launch.from_template && !metadata.http_tokens.is_written() {
            continue;
        }
        let disabled = metadata
            .http_endpoint
            .candidates()
            .iter()
            .all(|c| c.value.trim().eq_ignore_ascii_case("disabled"));
        if disabled {
            continue;
        }
        let public = launch
            .public_ip
            .as_ref()
            .and_then(|v| v.get().copied())
            .unwrap_or(false);
        let severity = if public { Severity::High } else { Severity::Medium };
        let address = &model.resource(launch.owner).address;
        let noun = launch.kind.noun();
        for candidate in metadata.http_tokens.candidates() {
            if candidate.value.trim().eq_ignore_ascii_case("required") {
                continue;
            }
            let cfn = model.resource(launch.owner).kind.starts_with("AWS::");
            let name = if cfn { "HttpTokens" } else { "http_tokens" };
            let how = if metadata.http_tokens.is_written() {
                format!("{name} = \"{}\"", candidate.value.trim())
            } else {
                format!(
                    "{name} is not set, and EC2 defaults to optional unless the AMI requires \
                     IMDSv2"
                )
            };
            let exposed = if public {
                "; it also has a public IP address"
            } else {
                ""
            };
            out.push(Finding::on_resource(
                model,
                CHECK.meta.id,
                severity,
                launch.owner,
                candidate.span,
                format!(
                    "{address}: {noun} accepts IMDSv1 ({how}): a server-side request forgery \
                     can read the instance role's credentials{exposed}{}",
                    when_suffix(&candidate.conditions)
                ),
            ));
        }
    }
}
