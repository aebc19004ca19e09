//! `aws-ec2-subnet-public-ip`: a subnet that gives every instance a public address.

use crate::finding::when_suffix;
use crate::network::public_subnets;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ec2-subnet-public-ip",
        aliases: &[],
        title: "Subnet assigns public IP addresses on launch",
        severity: Severity::Medium,
        service: "ec2",
        layer: Layer::Network,
        description: "A subnet with `map_public_ip_on_launch = true` / `MapPublicIpOnLaunch: \
            true` (`aws_subnet`, `AWS::EC2::Subnet`): every instance and network interface \
            launched into it gets a public IPv4 address unless it opts out, so exposure to the \
            internet becomes the default rather than a decision (AWS FSBP EC2.15).\n\nSeverity \
            follows exposure: **medium** when a route table associated with the subnet in the \
            same unit sends `0.0.0.0/0` to an internet gateway (the address is reachable), \
            **low** when no such route is declared here (the route table may live elsewhere, or \
            the subnet may have no internet path, in which case the address is useless). Not \
            written is `false` and never fires; an unknown value never fires.",
        remediation: "Set `map_public_ip_on_launch = false` and give a public address only to \
            what must have one (`associate_public_ip_address = true` on that instance, an \
            Elastic IP on a NAT gateway). Put load balancers in public subnets and instances \
            in private ones.",
        references: &[
            "AWS Foundational Security Best Practices EC2.15 (Amazon EC2 subnets should not automatically assign public IP addresses)",
            "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_130",
            "trivy:AVD-AWS-0164",
            "tfsec:aws-ec2-no-public-ip-subnet",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (12, "map_public_ip_on_launch = true"),
                    (18, "map_public_ip_on_launch = true"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "MapPublicIpOnLaunch: true")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(9, "\"MapPublicIpOnLaunch\": true")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    let public = public_subnets(model);
    for subnet in &model.subnets {
        for candidate in subnet.map_public_ip_on_launch.candidates() {
            if !*candidate.value {
                continue;
            }
            let address = &model.resource(subnet.owner).address;
            let (severity, why) = match public.get(&subnet.owner) {
                Some(route) => (
                    Severity::Medium,
                    format!(
                        "and {} routes it to an internet gateway, so those addresses are \
                         reachable from the internet",
                        model.resource(*route).address
                    ),
                ),
                None => (
                    Severity::Low,
                    "(no route to an internet gateway is declared for it here)".to_string(),
                ),
            };
            out.push(Finding::on_resource(
                model,
                CHECK.meta.id,
                severity,
                subnet.owner,
                candidate.span,
                format!(
                    "{address} gives every instance launched into it a public IP address {why}{}",
                    when_suffix(&candidate.conditions)
                ),
            ));
        }
    }
}
