//! `aws-lambda-url-no-auth`: a Lambda function URL that anyone on the internet can invoke.

use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-lambda-url-no-auth",
        aliases: &[],
        title: "Lambda function URL requires no authentication",
        severity: Severity::Medium,
        service: "lambda",
        layer: Layer::Network,
        description: "A Lambda function URL with `authorization_type = \"NONE\"` \
            (`aws_lambda_function_url`) or `AuthType: NONE` (`AWS::Lambda::Url`).\n\nA function \
            URL is a public HTTPS endpoint; with no authorization, anyone who learns the URL \
            can invoke the function with any payload, as often as they like (AWS FSBP \
            Lambda.1 covers the resource policy such a URL requires). **Medium**: webhooks and \
            public APIs sometimes need exactly that, but then the function itself must \
            authenticate and rate-limit each request, and a reviewer should see the decision. \
            An unknown value never fires.",
        remediation: "Use `authorization_type = \"AWS_IAM\"` / `AuthType: AWS_IAM` and sign \
            requests with SigV4, or put the function behind API Gateway or CloudFront with an \
            authorizer and a WAF. If the endpoint must be public, verify a signature or token \
            in the function and suppress with a reason.",
        references: &[
            "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
            "AWS Foundational Security Best Practices Lambda.1",
        ],
        equivalents: &["checkov:CKV_AWS_258"],
        examples: &[
            Example::bad("bad.tf", &[(3, "authorization_type = \"NONE\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(7, "AuthType: NONE")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(8, "\"AuthType\": \"NONE\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for url in &model.function_urls {
        for candidate in url.auth_type.candidates() {
            if !candidate.value.trim().eq_ignore_ascii_case("NONE") {
                continue;
            }
            out.push(Finding::on_resource(
                model,
                CHECK.meta.id,
                Severity::Medium,
                url.owner,
                candidate.span,
                format!(
                    "{} has no authorization: anyone on the internet who learns the URL can \
                     invoke the function{}",
                    model.resource(url.owner).address,
                    when_suffix(&candidate.conditions)
                ),
            ));
        }
    }
}
