//! `aws-ec2-instance-public-ip`: an instance, launch template or launch configuration that
//! gives instances a public IP address.

use crate::finding::when_suffix;
use crate::network::{exposed_through, open_groups};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::instance::LaunchKind;
use palisade_model::{LinkKind, Model};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ec2-instance-public-ip",
        aliases: &[],
        title: "EC2 instance gets a public IP address",
        severity: Severity::Medium,
        service: "ec2",
        layer: Layer::Network,
        description: "An instance, launch template or launch configuration that asks for a \
            public IPv4 address: `associate_public_ip_address = true` on `aws_instance` or \
            `aws_launch_configuration`, in a `network_interfaces` block of \
            `aws_launch_template`, and `AssociatePublicIpAddress: true` on \
            `AWS::AutoScaling::LaunchConfiguration` or in `NetworkInterfaces` of \
            `AWS::EC2::Instance` / `AWS::EC2::LaunchTemplate`. Also an instance that writes \
            nothing but is launched into a subnet of the same unit with \
            `map_public_ip_on_launch = true`: it gets one from the subnet.\n\nA public address \
            makes the instance directly addressable from the internet; only its security \
            groups decide what reaches it (AWS FSBP EC2.9). Severity follows exposure: **high** \
            when one of its security groups admits traffic from the internet (the message \
            names the group and what it admits), **medium** otherwise. Launches behind a load \
            balancer or a NAT gateway need no public address.",
        remediation: "Set `associate_public_ip_address = false` (or leave it out in a private \
            subnet), put the instance in a private subnet behind a load balancer, and reach it \
            for administration through Session Manager or EC2 Instance Connect Endpoint.",
        references: &[
            "AWS Foundational Security Best Practices EC2.9 (Amazon EC2 instances should not have a public IPv4 address)",
            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_88",
            "trivy:AVD-AWS-0009",
            "tfsec:aws-autoscaling-no-public-ip",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (20, "associate_public_ip_address = true"),
                    (27, "associate_public_ip_address = true"),
                    (31, "resource \"aws_instance\" \"from_subnet\""),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[(9, "AssociatePublicIpAddress: true"), (16, "AssociatePublicIpAddress: true")],
            ),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(9, "\"AssociatePublicIpAddress\": true")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    let open = open_groups(model);
    for launch in &model.launches {
        let address = &model.resource(launch.owner).address;
        let noun = launch.kind.noun();
        let reach = match exposed_through(model, &open, launch.owner) {
            Some((group, exposure)) => (
                Severity::High,
                format!(
                    "; its security group {} admits {} from the internet",
                    model.resource(group).address,
                    exposure.what
                ),
            ),
            None => (
                Severity::Medium,
                "; only its security groups decide what reaches it".to_string(),
            ),
        };
        match &launch.public_ip {
            Some(public_ip) => {
                for candidate in public_ip.candidates() {
                    if !*candidate.value {
                        continue;
                    }
                    out.push(Finding::on_resource(
                        model,
                        CHECK.meta.id,
                        reach.0,
                        launch.owner,
                        candidate.span,
                        format!(
                            "{address}: {} a public IP address{}{}",
                            if launch.kind == LaunchKind::Instance {
                                "instance has".to_string()
                            } else {
                                format!("{noun} gives its instances")
                            },
                            reach.1,
                            when_suffix(&candidate.conditions)
                        ),
                    ));
                }
            }
            None if !launch.from_template => {
                let Some(subnet) = model.link_from(launch.owner, LinkKind::Subnet) else {
                    continue;
                };
                let Some(fact) = model.subnets.iter().find(|s| s.owner == subnet) else {
                    continue;
                };
                let maps = fact
                    .map_public_ip_on_launch
                    .get()
                    .copied()
                    .unwrap_or(false);
                if maps && fact.map_public_ip_on_launch.is_written() {
                    out.push(Finding::on_resource(
                        model,
                        CHECK.meta.id,
                        reach.0,
                        launch.owner,
                        model.resource(launch.owner).header,
                        format!(
                            "{address}: {noun} gets a public IP address from its subnet {} \
                             (map_public_ip_on_launch){}",
                            model.resource(subnet).address,
                            reach.1
                        ),
                    ));
                }
            }
            None => {}
        }
    }
}
