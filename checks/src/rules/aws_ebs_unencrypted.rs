//! `aws-ebs-unencrypted`: EBS volume or block device not encrypted at rest.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::unencrypted`].

use crate::{Layer, encryption, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ebs-unencrypted",
        aliases: &[],
        title: "EBS volume or block device not encrypted at rest",
        severity: Severity::High,
        service: "ec2",
        layer: Layer::Data,
        description: "EBS volumes, the root and EBS block devices of EC2 instances, and the \
            block devices of launch templates and launch configurations whose data is not \
            encrypted at rest.\n\nAn unencrypted volume leaves its data, and every snapshot \
            taken from it, readable by anyone who can attach or share the snapshot; encrypted \
            volumes also encrypt data in transit between the instance and the volume. Encryption \
            costs nothing measurable in performance.\n\n**Default behaviour.** EBS does not \
            encrypt a volume unless asked: `encrypted` defaults to `false`, and an instance \
            without a `root_block_device` gets whatever its AMI's snapshot says (an account may \
            turn on EBS encryption by default, which a template cannot see).",
        remediation: "**Terraform:** Set `encrypted = true` on `aws_ebs_volume`, and inside \
            `root_block_device`, `ebs_block_device` (instances, launch configurations) and \
            `block_device_mappings { ebs { ... } }` (launch templates). Add `kms_key_id` to \
            choose a customer-managed key.\n\n**CloudFormation:** Set `Encrypted: true` on \
            `AWS::EC2::Volume` and in each `BlockDeviceMappings[].Ebs` of `AWS::EC2::Instance`, \
            `AWS::EC2::LaunchTemplate` and `AWS::AutoScaling::LaunchConfiguration`; `KmsKeyId` \
            chooses the key.",
        references: &[
            "AWS Foundational Security Best Practices EC2.3",
            "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_3",
            "checkov:CKV_AWS_8",
            "trivy:AVD-AWS-0026",
            "trivy:AVD-AWS-0131",
            "trivy:AVD-AWS-0008",
            "cfn_nag:F1",
            "kics:80b7ac3f-d2b7-4577-9b10-df7913497162",
            "kics:cc997676-481b-4e93-aa81-d19f8c5e9b12",
            "kics:4de9de27-254e-424f-bd70-4c1e95790838",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (9, "encrypted"),
                    (13, "resource \"aws_instance\""),
                    (25, "encrypted"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad(
                "bad.yaml",
                &[
                    (13, "false"),
                    (19, "!Ref"),
                    (20, "WebServer:"),
                ],
            ),
            Example::good("good.yaml"),
            Example::bad(
                "bad.json",
                &[
                    (12, "false"),
                    (20, "{ \"Ref\":"),
                    (29, "{ \"DeviceName\":"),
                ],
            ),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::unencrypted(model, Service::Ebs, CHECK.meta.id, CHECK.meta.severity, out);
}
