//! `aws-ec2-user-data-secret`: instance, launch template or launch configuration user data
//! holds a secret.
//!
//! Metadata and examples only; the logic is in [`crate::secrets::user_data_secrets`].

use crate::{secrets, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ec2-user-data-secret",
        aliases: &[],
        title: "EC2 user data holds a secret",
        severity: Severity::High,
        service: "ec2",
        layer: Layer::Data,
        description: "The user data of an instance, launch template or launch configuration \
            (`user_data`, `user_data_base64` on `aws_instance`, `aws_launch_template`, \
            `aws_launch_configuration`; `UserData` on `AWS::EC2::Instance`, \
            `AWS::EC2::LaunchTemplate`, `AWS::AutoScaling::LaunchConfiguration`) that holds a \
            secret: an AWS access key id (`AKIA...`, `ASIA...`), a PEM private key, or a \
            variable or option set to a literal under a name that says it is a secret \
            (`export DB_PASSWORD=...`, `aws_secret_access_key = ...` in a credentials file, \
            `--password=...`). Base64 user data is decoded first.\n\nUser data is not secret: \
            anyone with `ec2:DescribeInstanceAttribute` (common in read-only roles) reads it, \
            every process on the instance can fetch it from the instance metadata service, it \
            is stored in the Terraform state and in the template, and it stays in the \
            repository's history. Access keys in particular outlive the instance.\n\nNot \
            reported: values read at boot (`$(aws secretsmanager get-secret-value ...)`, \
            `$VAR`), parts of the script that are not known here (a `templatefile` or `!Sub` \
            value from a variable or parameter without default), and names that point at where \
            a secret is kept (`DB_PASSWORD_ARN`, `SECRET_NAME`). The finding names what it \
            found, never the secret.",
        remediation: "**Terraform:** Give the instance an instance profile (`iam_instance_profile`) instead of access keys, and have the script read other secrets at boot from Secrets Manager or SSM SecureString (`aws secretsmanager get-secret-value`), passing only the secret's name in the user data.\n\n**CloudFormation:** The same: `IamInstanceProfile` for AWS access, and the secret read at boot from Secrets Manager or SSM (a `{{resolve:...}}` reference inside `UserData` would put the plain value in the user data again).",
        references: &[
            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html",
            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_46",
            "trivy:AVD-AWS-0029",
            "trivy:AVD-AWS-0129",
            "kics:443488f5-c734-460b-a36d-5b3f330174dc",
            "kics:568cc372-ca64-420d-9015-ee347d00d288",
        ],
        examples: &[
            Example::bad("bad.tf", &[(5, "user_data"), (15, "user_data_base64"), (21, "user_data")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(9, "UserData"), (18, "UserData")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(9, "\"UserData\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    secrets::user_data_secrets(model, CHECK.meta.id, CHECK.meta.severity, out);
}
