//! `aws-s3-tls-not-enforced`: a bucket policy without a `Deny` for requests over plain HTTP.

use crate::s3::bucket_subject;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::iam::{Effect, Statement};
use palisade_model::Model;
use std::collections::HashSet;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-s3-tls-not-enforced",
        aliases: &[],
        title: "S3 bucket policy does not deny plain HTTP requests",
        severity: Severity::Medium,
        service: "s3",
        layer: Layer::Data,
        description: "Bucket policies (`aws_s3_bucket_policy`, a bucket's own `policy`, \
            `AWS::S3::BucketPolicy`) with no statement that denies requests made without TLS: \
            `Effect: Deny` with the condition `Bool` (or `BoolIfExists`) \
            `aws:SecureTransport: false`.\n\nS3 accepts HTTP as well as HTTPS. Without the \
            deny, a misconfigured client, an old SDK or an endpoint override sends objects and \
            credentials-signed requests in clear text, where anyone on the path can read the \
            data. The deny is the only way to make a bucket refuse them.\n\nOnly declared \
            policies are judged (a bucket with no policy at all is not reported), and a policy \
            whose statements are not all known here is not judged. A `Deny` on \
            `aws:SecureTransport: true` denies HTTPS, not HTTP, and does not count.",
        remediation: "Add a statement to the bucket policy: `Effect: Deny`, `Principal: \"*\"`, \
            `Action: \"s3:*\"`, `Resource` the bucket ARN and `<bucket ARN>/*`, `Condition: { \
            Bool: { \"aws:SecureTransport\": \"false\" } }`.",
        references: &[
            "AWS Foundational Security Best Practices S3.5",
            "CIS AWS Foundations Benchmark 2.1.1",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html",
        ],
        equivalents: &["kics:4bc4dd4c-7d8d-405e-a0fb-57fa4c31b4d9"],
        examples: &[
            Example::bad("bad.tf", &[(7, "{"), (22, "{")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "Version")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(8, "{")]),
            Example::good("good.json"),
        ],
    },
    run,
};

/// The statement may deny requests without TLS: a `Deny` (or an unknown effect) whose
/// conditions are unknown or test `aws:SecureTransport` for `false` (or an unknown value) with
/// a `Bool` operator.
fn may_deny_http(st: &Statement) -> bool {
    let effects = st.effect.candidates();
    if !effects.is_empty() && !effects.iter().any(|c| *c.value == Effect::Deny) {
        return false;
    }
    let Some(conditions) = st.condition.get() else {
        return true;
    };
    conditions.iter().any(|c| {
        let operator = c.operator.to_ascii_lowercase();
        if c.key_lower() != "aws:securetransport" || !operator.starts_with("bool") {
            return false;
        }
        let values = c.values.candidates();
        if values.is_empty() {
            return true;
        }
        values.iter().any(|list| {
            list.value.iter().any(|v| {
                let known = v.candidates();
                known.is_empty() || known.iter().any(|s| s.value.eq_ignore_ascii_case("false"))
            })
        })
    })
}

fn run(model: &Model, out: &mut Vec<Finding>) {
    if model.s3.policy_holders.is_empty() {
        return;
    }
    let holders: HashSet<_> = model.s3.policy_holders.iter().copied().collect();
    for p in &model.policies {
        let Some(owner) = p.owner.filter(|o| holders.contains(o)) else {
            continue;
        };
        let doc = &p.document;
        if !doc.complete || doc.statements.iter().any(may_deny_http) {
            continue;
        }
        let message = format!(
            "the policy of {} has no Deny statement for requests with aws:SecureTransport = \
             false, so the bucket accepts plain HTTP requests",
            bucket_subject(model, owner)
        );
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            owner,
            doc.span,
            message,
        ));
    }
}
