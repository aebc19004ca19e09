//! `aws-sqs-queue-policy-public`: sqs queue policy allows anyone.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-sqs-queue-policy-public",
        aliases: &[],
        title: "SQS queue policy allows anyone",
        severity: Severity::High,
        service: "sqs",
        layer: Layer::Identity,
        description: "An `Allow` statement in an SQS queue policy (`aws_sqs_queue_policy`, the `policy` of `aws_sqs_queue`, `AWS::SQS::QueuePolicy`) for `Principal: \"*\"` (or `{\"AWS\": \"*\"}`, or `NotPrincipal`) with no condition that ties it to an account, organisation, source or network (`aws:SourceArn`, `aws:SourceAccount`, `aws:SourceVpc`, `aws:SourceVpce`, `aws:SourceIp`, `aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:PrincipalArn`, `kms:CallerAccount` ...). Anyone can then send messages into the queue (feeding whatever consumes it) or read and delete its messages. A queue that receives from SNS, S3 or EventBridge should pin the sender with `aws:SourceArn`. **Critical** when the actions granted include write or permissions-management actions (from the IAM action database), **high** for read and list. A condition that matches everything (`*`, `0.0.0.0/0`) restricts nothing; conditions that are not known are not judged; an explicit `Deny` for everyone in the same policy is applied first.",
        remediation: "Name the principals, or keep the service principal with `aws:SourceArn` / `aws:SourceAccount` naming the topic, bucket or rule that sends.",
        references: &[
            "AWS Foundational Security Best Practices SQS.3",
            "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_168",
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

const KINDS: &[&str] = &["aws_sqs_queue_policy", "aws_sqs_queue", "AWS::SQS::QueuePolicy"];

fn run(model: &Model, out: &mut Vec<Finding>) {
    crate::public_policy::report(model, out, CHECK.meta.id, KINDS, "queue");
}
