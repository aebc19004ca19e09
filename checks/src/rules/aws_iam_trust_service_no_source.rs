//! `aws-iam-trust-service-no-source`: a service role trust without `aws:SourceArn` or
//! `aws:SourceAccount` where the service sets them (confused deputy).

use crate::finding::policy_subject;
use crate::identity::{entry_values, principal_text, restricted_by_condition};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Model, PolicyKind};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-trust-service-no-source",
        aliases: &[],
        title: "Service role trust does not check `aws:SourceArn` or `aws:SourceAccount` (confused deputy)",
        severity: Severity::Low,
        service: "iam",
        layer: Layer::Identity,
        description: "A role trust policy `Allow` for a service principal of a service that \
            passes `aws:SourceArn` and `aws:SourceAccount` when it assumes the role, without a \
            condition on either (or on `aws:SourceOrgID`). A service acts for every customer: \
            without the condition, a resource in another account can make the service assume \
            your role (the cross-service confused deputy problem). Services judged: AWS Step \
            Functions (`states`), EventBridge Scheduler (`scheduler`), EventBridge Pipes \
            (`pipes`), Amazon ECS tasks (`ecs-tasks`), SageMaker (`sagemaker`), AWS Backup \
            (`backup`), DataSync (`datasync`), Transfer Family (`transfer`), Amazon Bedrock \
            (`bedrock`), CloudWatch Logs (`logs`), AWS Config (`config`) and Amazon SNS \
            (`sns`), whose documentation asks for these conditions in role trust policies. \
            Services that do not set them (EC2, Lambda, ...) are not judged. **Low**: the \
            attacker must know the role's ARN and use the same service.",
        remediation: "Add `\"Condition\": {\"StringEquals\": {\"aws:SourceAccount\": \
            \"<your account id>\"}}` (or `ArnLike` on `aws:SourceArn` with the resources that \
            use the role).",
        references: &[
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html#cross-service-confused-deputy-prevention",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(7, "\"states.amazonaws.com\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "scheduler.amazonaws.com")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "\"ecs-tasks.amazonaws.com\"")]),
            Example::good("good.json"),
            Example::bad("bad.iam.json", &[(6, "\"sagemaker.amazonaws.com\"")]),
            Example::good("good.iam.json"),
        ],
    },
    run,
};

const SERVICES: &[&str] = &[
    "states",
    "scheduler",
    "pipes",
    "ecs-tasks",
    "sagemaker",
    "backup",
    "datasync",
    "transfer",
    "bedrock",
    "logs",
    "config",
    "sns",
];

/// `states.amazonaws.com`, `states.eu-west-1.amazonaws.com`, `logs.amazonaws.com.cn` -> `states`.
fn service_of(principal: &str) -> Option<&str> {
    let p = principal.trim();
    let host = p
        .strip_suffix(".amazonaws.com")
        .or_else(|| p.strip_suffix(".amazonaws.com.cn"))?;
    host.split('.').next()
}

fn run(model: &Model, out: &mut Vec<Finding>) {
    for policy in &model.policies {
        if policy.document.kind != PolicyKind::Trust {
            continue;
        }
        for statement in &policy.document.statements {
            if !statement.is_allow() {
                continue;
            }
            let Some(principal) = &statement.principal else {
                continue;
            };
            if restricted_by_condition(statement, &[]) != Some(false) {
                continue;
            }
            for entry in &principal.entries {
                if !entry.kind.eq_ignore_ascii_case("Service") {
                    continue;
                }
                for value in entry_values(entry) {
                    let Some(text) = principal_text(value) else {
                        continue;
                    };
                    let Some(service) = service_of(&text).filter(|s| SERVICES.contains(s)) else {
                        continue;
                    };
                    out.push(Finding::on_policy(
                        model,
                        CHECK.meta.id,
                        CHECK.meta.severity,
                        policy,
                        statement,
                        value.span,
                        format!(
                            "{} lets `{}` assume the role for any account's resources: add `aws:SourceAccount` or `aws:SourceArn` ({service} sets them)",
                            policy_subject(model, policy),
                            text.trim()
                        ),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web_identity::testing::*;
    use palisade_iam::Effect;

    fn findings(who: &str, conditions: Vec<palisade_iam::Condition>) -> Vec<Finding> {
        let mut s = statement(Effect::Allow, vec![lit("sts:AssumeRole", 10)]);
        s.principal = Some(principal("Service", vec![lit(who, 11)]));
        let s = if conditions.is_empty() { s } else { with_conditions(s, conditions) };
        let mut out = Vec::new();
        run(&model_with(Some("aws_iam_role"), PolicyKind::Trust, vec![s]), &mut out);
        out
    }

    #[test]
    fn services_that_set_the_source_are_judged() {
        let f = findings("states.amazonaws.com", vec![]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(11));
        assert_eq!(findings("logs.eu-west-1.amazonaws.com", vec![]).len(), 1);
        assert!(findings("ec2.amazonaws.com", vec![]).is_empty());
        assert!(findings("lambda.amazonaws.com", vec![]).is_empty());
        assert!(findings(
            "states.amazonaws.com",
            vec![condition("StringEquals", "aws:SourceAccount", vec![lit("123456789012", 12)])]
        )
        .is_empty());
        assert!(findings(
            "states.amazonaws.com",
            vec![condition("ArnLike", "aws:SourceArn", vec![lit("arn:aws:states:*:123456789012:stateMachine:*", 12)])]
        )
        .is_empty());
    }
}
