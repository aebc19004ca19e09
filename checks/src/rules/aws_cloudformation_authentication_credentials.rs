//! `aws-cloudformation-authentication-credentials`: access keys or a password in a resource's
//! `AWS::CloudFormation::Authentication` metadata.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-cloudformation-authentication-credentials",
        aliases: &[],
        title: "Credentials in CloudFormation authentication metadata",
        severity: Severity::High,
        service: "cloudformation",
        layer: Layer::Data,
        description: "A resource whose `AWS::CloudFormation::Authentication` metadata gives \
            cfn-init an access key (`accessKeyId`, `secretKey`) or a password (`password` of a \
            `basic` block) instead of a role (`roleName`).\n\nMetadata is not masked: \
            CloudFormation resolves it, `Ref`s to `NoEcho` parameters and `GetAtt` of an \
            `AWS::IAM::AccessKey`'s `SecretAccessKey` included, and returns it in plain text to \
            anyone allowed `cloudformation:DescribeStackResource` and to every process on the \
            instance that runs `cfn-get-metadata`. Access keys handed out this way are \
            long-lived and rarely rotated. The credential is exposed wherever its value comes \
            from, so the check judges the key being written, not its value.",
        remediation: "**CloudFormation:** Give the instance an instance profile and use an `S3` authentication block with `roleName` (cfn-init then uses the role's temporary credentials); for a `basic` source, have the instance read the password at boot from Secrets Manager instead of the metadata.",
        references: &[
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-authentication.html",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html#parameters-section-structure-properties",
        ],
        equivalents: &["kics:9ecb6b21-18bc-4aa7-bd07-db20f1c746db"],
        examples: &[
            Example::bad("bad.yaml", &[(25, "accessKeyId"), (26, "secretKey"), (40, "password")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(14, "\"password\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for c in &model.secrets.metadata_credentials {
        let message = format!(
            "{} of authentication block {} in the metadata of {} gives cfn-init a credential: \
             metadata is returned in plain text to anyone who can describe the stack's \
             resources; use a role (roleName) instead",
            c.key,
            c.block,
            model.resource(c.owner).address
        );
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            c.owner,
            c.span,
            message,
        ));
    }
}
