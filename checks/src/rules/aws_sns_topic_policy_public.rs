//! `aws-sns-topic-policy-public`: sns topic policy allows anyone.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-sns-topic-policy-public",
        aliases: &[],
        title: "SNS topic policy allows anyone",
        severity: Severity::High,
        service: "sns",
        layer: Layer::Identity,
        description: "An `Allow` statement in an SNS topic policy (`aws_sns_topic_policy`, the `policy` of `aws_sns_topic`, `AWS::SNS::TopicPolicy`) for `Principal: \"*\"` (or `{\"AWS\": \"*\"}`, or `NotPrincipal`) with no condition that ties it to an account, organisation, source or network (`aws:SourceArn`, `aws:SourceAccount`, `aws:SourceVpc`, `aws:SourceVpce`, `aws:SourceIp`, `aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:PrincipalArn`, `kms:CallerAccount` ...). Anyone can then publish to the topic (spam, or forged events for its subscribers) or subscribe an endpoint of their own and receive every message. **Critical** when the actions granted include write or permissions-management actions (from the IAM action database), **high** for read and list. A condition that matches everything (`*`, `0.0.0.0/0`) restricts nothing; conditions that are not known are not judged; an explicit `Deny` for everyone in the same policy is applied first.",
        remediation: "Name the principals, or pin service publishers with `aws:SourceArn` / `aws:SourceAccount` (the alarm, bucket or rule that publishes).",
        references: &[
            "https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_169",
        ],
        examples: &[
            Example::bad("bad.tf", &[(6, "\"*\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "\"*\"")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "\"*\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

const KINDS: &[&str] = &["aws_sns_topic_policy", "aws_sns_topic", "AWS::SNS::TopicPolicy"];

fn run(model: &Model, out: &mut Vec<Finding>) {
    crate::public_policy::report(model, out, CHECK.meta.id, KINDS, "topic");
}
