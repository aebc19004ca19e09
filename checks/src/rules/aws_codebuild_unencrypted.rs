//! `aws-codebuild-unencrypted`: CodeBuild artifacts or S3 build logs with encryption disabled.
//!
//! Metadata and examples only; the logic is shared with every encryption check in
//! [`crate::encryption::unencrypted`].

use crate::{encryption, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Model, Service};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-codebuild-unencrypted",
        aliases: &[],
        title: "CodeBuild artifacts or S3 build logs with encryption disabled",
        severity: Severity::Medium,
        service: "codebuild",
        layer: Layer::Data,
        description: "CodeBuild projects (`aws_codebuild_project`, `AWS::CodeBuild::Project`) that turn off the encryption of their build output: `encryption_disabled = true` / `EncryptionDisabled: true` on the artifacts, a secondary artifact, or the S3 build logs (when S3 logs are enabled).\n\nArtifacts are what a pipeline deploys (packages, images' inputs, compiled code) and build logs routinely echo environment values and tokens. CodeBuild encrypts both with the project's KMS key (`encryption_key`, by default the `aws/s3` managed key) unless told not to; with encryption disabled they are written without it, under whatever the bucket's default encryption happens to be, and nothing in the project controls or audits their decryption. Only S3 artifacts are judged, as the flag applies to them alone: `CODEPIPELINE` artifacts go to the pipeline's artifact store, which CodePipeline encrypts with its own key, and `NO_ARTIFACTS` writes nothing; disabled S3 logs are not judged either.\n\n**Default behaviour.** `encryption_disabled` / `EncryptionDisabled` defaults to `false`: only a project that asks for it is reported.",
        remediation: "**Terraform:** remove `encryption_disabled = true` (or set it to `false`) in `artifacts`, `secondary_artifacts` and `logs_config.s3_logs` of `aws_codebuild_project`; set `encryption_key` to a customer-managed KMS key.\n\n**CloudFormation:** remove `EncryptionDisabled: true` from `Artifacts`, `SecondaryArtifacts` and `LogsConfig.S3Logs` of `AWS::CodeBuild::Project`; set `EncryptionKey`.",
        references: &[
            "AWS Foundational Security Best Practices CodeBuild.3",
            "https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html",
        ],
        equivalents: &["checkov:CKV_AWS_78", "trivy:AVD-AWS-0018", "tfsec:aws-codebuild-enable-encryption"],
        examples: &[
            Example::bad("bad.tf", &[(8, "encryption_disabled"), (15, "encryption_disabled"), (28, "encryption_disabled")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(11, "EncryptionDisabled"), (16, "EncryptionDisabled"), (25, "EncryptionDisabled")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(11, "\"EncryptionDisabled\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    encryption::unencrypted(model, Service::CodeBuild, CHECK.meta.id, CHECK.meta.severity, out);
}
