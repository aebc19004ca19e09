//! `aws-lambda-permission-public`: a Lambda permission that lets anyone invoke the function.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-lambda-permission-public",
        aliases: &[],
        title: "Lambda permission lets anyone invoke the function",
        severity: Severity::High,
        service: "lambda",
        layer: Layer::Identity,
        description: "An `aws_lambda_permission` or `AWS::Lambda::Permission` with \
            `principal = \"*\"` (or `{\"AWS\": \"*\"}`) and neither `source_arn` / `SourceArn`, \
            `source_account` / `SourceAccount` nor `principal_org_id` / `PrincipalOrgID`. The \
            permission is a statement of the function's resource policy: anyone, in any \
            account, can then invoke the function (and run up its bill, or reach what its role \
            can). A permission for a service principal (`s3.amazonaws.com`, \
            `sns.amazonaws.com`) without a source is the confused-deputy variant and is not \
            this check's. **Critical** for invoke actions (write), as AWS FSBP Lambda.1 rates it.",
        remediation: "Name the principal that invokes the function (a service with `source_arn` \
            and `source_account`, an account id), or restrict `*` with `principal_org_id`. For a \
            public HTTPS endpoint use a function URL with `AWS_IAM` auth or API Gateway.",
        references: &[
            "AWS Foundational Security Best Practices Lambda.1",
            "https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_301",
            "kics:e08ed7eb-f3ef-494d-9d22-2e3db756a347",
        ],
        examples: &[
            Example::bad("bad.tf", &[(4, "\"*\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(8, "\"*\"")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(8, "\"*\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

const KINDS: &[&str] = &["aws_lambda_permission", "AWS::Lambda::Permission"];

fn run(model: &Model, out: &mut Vec<Finding>) {
    crate::public_policy::report(model, out, CHECK.meta.id, KINDS, "function");
}
