//! `aws-ec2-vpc-no-flow-log`: a VPC declared without a flow log recording its traffic.

use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Format, LinkKind, Model, ResourceId};
use std::collections::BTreeSet;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ec2-vpc-no-flow-log",
        aliases: &[],
        title: "VPC has no flow log",
        severity: Severity::Medium,
        service: "ec2",
        layer: Layer::Network,
        description: "A VPC declared in the scanned configuration or template (`aws_vpc`, \
            `AWS::EC2::VPC`, or a call of the `terraform-aws-modules/vpc/aws` registry module) \
            that no flow log records: no `aws_flow_log` / `AWS::EC2::FlowLog` of the same unit \
            names it, one of its subnets or one of its network interfaces (`vpc_id`, \
            `subnet_id`, `eni_id` / `ResourceId`), and for the registry module \
            `enable_flow_log` is not `true`. Also a flow log that names no target at all: it \
            records nothing.\n\nFlow logs are the only record of which addresses talked to \
            which ports: without them an incident response cannot tell what a compromised \
            instance reached or what scanned it (CIS AWS Foundations 3.9, AWS FSBP EC2.6).\
            \n\n**Scope**: only VPCs declared in the scanned unit are judged, and only against \
            flow logs of the same unit. A flow log created in another configuration or stack \
            (a central logging account, a separate network stack) cannot be seen here, so the \
            message says so and the finding stays **medium**; suppress it with a reason when \
            the flow log lives elsewhere.",
        remediation: "Add a flow log for the VPC: `resource \"aws_flow_log\" \"main\" { vpc_id = \
            aws_vpc.main.id, traffic_type = \"ALL\", log_destination = ... }` / an \
            `AWS::EC2::FlowLog` with `ResourceId: !Ref Vpc`, `ResourceType: VPC`, or \
            `enable_flow_log = true` on the registry module. Send the logs to CloudWatch Logs \
            or S3 with a retention that suits incident response.",
        references: &[
            "CIS AWS Foundations Benchmark 3.9 (ensure VPC flow logging is enabled in all VPCs)",
            "AWS Foundational Security Best Practices EC2.6",
            "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html",
        ],
        equivalents: &[
            "checkov:CKV2_AWS_11",
            "trivy:AVD-AWS-0178",
            "tfsec:aws-ec2-require-vpc-flow-logs-for-all-vpcs",
            "kics:f83121ea-03da-434f-9277-9cd247ab3047",
            "kics:f6d299d2-21eb-41cc-b1e1-fe12d857500b",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (1, "resource \"aws_vpc\" \"unlogged\""),
                    (10, "resource \"aws_flow_log\" \"nothing\""),
                    (18, "enable_flow_log = false"),
                    (21, "module \"vpc_default\""),
                ],
            ),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "Unlogged:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"Unlogged\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    // What each flow log records, once: VPCs directly, and VPCs through their subnets and
    // network interfaces.
    let mut recorded: BTreeSet<ResourceId> = BTreeSet::new();
    for link in model.links.iter().filter(|l| l.kind == LinkKind::FlowLogOf) {
        recorded.insert(link.to);
        if let Some(vpc) = model.link_from(link.to, LinkKind::InVpc) {
            recorded.insert(vpc);
        }
    }
    // A CloudFormation flow log whose `ResourceId` is the VPC's logical id written as a
    // literal instead of a `Ref`: the author evidently means that VPC.
    let literal_targets: BTreeSet<&str> = model
        .flow_logs
        .iter()
        .filter(|f| model.resource(f.owner).format == Format::CloudFormation)
        .flat_map(|f| f.targets.iter())
        .filter_map(|t| t.get().map(String::as_str))
        .collect();
    for flow_log in &model.flow_logs {
        if flow_log.targets.is_empty() {
            let r = model.resource(flow_log.owner);
            out.push(Finding::on_resource(
                model,
                CHECK.meta.id,
                Severity::Medium,
                flow_log.owner,
                r.header,
                format!(
                    "{} names no VPC, subnet, network interface or transit gateway: it records \
                     nothing",
                    r.address
                ),
            ));
        }
    }
    for vpc in &model.vpcs {
        let r = model.resource(vpc.owner);
        if let Some(enabled) = &vpc.module_flow_log {
            for candidate in enabled.candidates() {
                if *candidate.value {
                    continue;
                }
                let how = if enabled.is_written() {
                    "enable_flow_log = false"
                } else {
                    "enable_flow_log is not set, and the module's default is false"
                };
                out.push(Finding::on_resource(
                    model,
                    CHECK.meta.id,
                    Severity::Medium,
                    vpc.owner,
                    candidate.span,
                    format!(
                        "{} creates a VPC without a flow log ({how}): its traffic is not \
                         recorded (CIS 3.9){}",
                        r.address,
                        when_suffix(&candidate.conditions)
                    ),
                ));
            }
            continue;
        }
        if recorded.contains(&vpc.owner) || literal_targets.contains(r.address.as_str()) {
            continue;
        }
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            Severity::Medium,
            vpc.owner,
            r.header,
            format!(
                "{} has no flow log in this {}: its traffic is not recorded (CIS 3.9); a flow \
                 log created elsewhere (another configuration or stack) cannot be seen here",
                r.address,
                match r.format {
                    Format::CloudFormation => "template",
                    _ => "configuration",
                }
            ),
        ));
    }
}
