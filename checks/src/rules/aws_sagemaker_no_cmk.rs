//! `aws-sagemaker-no-cmk`: sageMaker storage not encrypted with a customer-managed KMS key.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::no_cmk`].

use crate::{encryption, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-sagemaker-no-cmk",
        aliases: &[],
        title: "SageMaker storage not encrypted with a customer-managed KMS key",
        severity: Severity::Low,
        service: "sagemaker",
        layer: Layer::Data,
        description: "SageMaker notebook instances (`aws_sagemaker_notebook_instance`, `AWS::SageMaker::NotebookInstance`) and endpoint configurations (`aws_sagemaker_endpoint_configuration`, `AWS::SageMaker::EndpointConfig`) whose ML storage volumes are encrypted with a key AWS manages: no `kms_key_id` / `kms_key_arn` / `KmsKeyId`, or the AWS managed key named. Notebooks hold data scientists' copies of production data; endpoint volumes hold models and request data.\n\nThe service always encrypts this data at rest. A customer-managed key adds control: its key policy decides who may decrypt, it can be disabled in an incident, every use is audited, and encrypted copies can be shared across accounts deliberately. Low severity: the data is encrypted either way.",
        remediation: "**Terraform:** `kms_key_id = aws_kms_key.<name>.arn` on notebook instances, `kms_key_arn` on endpoint configurations.\n\n**CloudFormation:** `KmsKeyId` on `AWS::SageMaker::NotebookInstance` and `AWS::SageMaker::EndpointConfig`.",
        references: &[
            "https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html",
        ],
        equivalents: &["checkov:CKV_AWS_22", "checkov:CKV_AWS_98"],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_sagemaker_notebook_instance\""), (7, "resource \"aws_sagemaker_endpoint_configuration\""), (22, "\"arn:aws:kms:eu-west-1:111122223333:alias/aws/sagemaker\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "ResearchNotebook"), (8, "ModelEndpointConfig"), (21, "arn:aws:kms:eu-west-1:111122223333:alias/aws/sagemaker")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(3, "\"ResearchNotebook\""), (10, "\"ModelEndpointConfig\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::no_cmk(model, Service::SageMaker, CHECK.meta.id, CHECK.meta.severity, out);
}
