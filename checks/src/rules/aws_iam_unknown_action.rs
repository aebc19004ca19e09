//! `aws-iam-unknown-action`: an action (or action pattern) that names no IAM action.

use crate::finding::policy_subject;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_iam::{database, Resolution, Statement};
use palisade_model::{Model, Span};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-unknown-action",
        aliases: &[],
        title: "Policy names an action that does not exist",
        severity: Severity::Low,
        service: "iam",
        layer: Layer::Identity,
        description: "An `Action` or `NotAction` item that is not an action of any AWS \
            service according to the IAM action database compiled into Palisade (the AWS \
            Service Authorization Reference): a misspelt action (`s3:GetObjcet`, \
            `ec2:DescribeInstance`), an unknown service prefix (`s4:GetObject`), a pattern that \
            matches nothing (`s3:Frobnicate*`), or an item without a service prefix. IAM \
            accepts most of these silently and they match nothing, so the policy does not do \
            what it says. The message suggests the nearest real action.\n\nWhere that hides a \
            restriction it is **medium**: in a `Deny` statement the misspelt action is not \
            denied, and in `Allow` with `NotAction` it is not excepted, so it is granted. \
            Elsewhere (an `Allow` that grants less than intended) it is **low**. The database \
            is a snapshot: an action AWS released after it was generated is reported too \
            (regenerate it with `crates/iam/data/generate.py`).",
        remediation: "Correct the action name (the message names the nearest one), or remove \
            the item. The AWS Service Authorization Reference lists every service's actions.",
        references: &[
            "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(6, "\"s3:GetObjcet\""), (14, "\"ec2:DescribeInstance\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "sqs:SendMesage")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "\"s4:GetObject\"")]),
            Example::good("good.json"),
            Example::bad("bad.iam.json", &[(6, "\"iam:CreateUsr\""), (11, "\"s3:Frobnicate*\"")]),
            Example::good("good.iam.json"),
        ],
    },
    run,
};

fn problem(action: &str) -> Option<String> {
    let a = action.trim();
    match database().unknown(a)? {
        Resolution::Actions(_) => None,
        Resolution::UnknownService { suggestion } => {
            let service = a.split(':').next().unwrap_or(a);
            Some(match suggestion {
                Some(s) => format!("`{service}` is not an AWS service prefix; did you mean `{s}`?"),
                None => format!("`{service}` is not an AWS service prefix"),
            })
        }
        Resolution::UnknownAction { suggestion } => Some(match suggestion {
            Some(s) => format!("`{a}` is not an IAM action; did you mean `{s}`?"),
            None => format!("`{a}` is not an IAM action"),
        }),
        Resolution::NoMatch => Some(format!("`{a}` matches no IAM action")),
        Resolution::Malformed => Some(format!(
            "`{a}` is not `service:action`: IAM matches it against nothing"
        )),
    }
}

fn is_deny(statement: &Statement) -> bool {
    !statement.is_allow() && !statement.effect.candidates().is_empty()
}

fn run(model: &Model, out: &mut Vec<Finding>) {
    for policy in &model.policies {
        for statement in &policy.document.statements {
            let mut items: Vec<(&str, Span, bool)> = statement
                .actions()
                .into_iter()
                .map(|(a, s)| (a, s, is_deny(statement)))
                .collect();
            items.extend(
                palisade_iam::known_strings(statement.not_action.as_ref())
                    .into_iter()
                    .map(|(a, s)| (a, s, statement.is_allow())),
            );
            for (action, span, widens) in items {
                let Some(why) = problem(action) else {
                    continue;
                };
                let (severity, effect) = if widens {
                    (
                        Severity::Medium,
                        if is_deny(statement) {
                            ": the Deny does not deny it"
                        } else {
                            ": `NotAction` does not except it, so it stays allowed"
                        },
                    )
                } else {
                    (CHECK.meta.severity, "")
                };
                out.push(Finding::on_policy(
                    model,
                    CHECK.meta.id,
                    severity,
                    policy,
                    statement,
                    span,
                    format!("{}: {why}{effect}", policy_subject(model, policy)),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web_identity::testing::*;
    use palisade_iam::{Effect, PolicyKind};

    fn findings(model: &Model) -> Vec<Finding> {
        let mut out = Vec::new();
        run(model, &mut out);
        out
    }

    fn policy(s: Statement) -> Model {
        model_with(Some("aws_iam_policy"), PolicyKind::Identity, vec![s])
    }

    #[test]
    fn misspelt_actions_get_a_suggestion() {
        let f = findings(&policy(statement(
            Effect::Allow,
            vec![lit("s3:GetObjcet", 20), lit("s3:GetObject", 21), lit("ec2:DescribeInstance", 22), lit("S3:get*", 23)],
        )));
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].span, sp(20));
        assert!(f[0].message.contains("did you mean `s3:GetObject`"), "{}", f[0].message);
        assert!(f[1].message.contains("`ec2:DescribeInstances`"), "{}", f[1].message);
        assert!(f.iter().all(|f| f.severity == Severity::Low));
    }

    #[test]
    fn where_a_typo_widens_access_it_is_medium() {
        let f = findings(&policy(statement(Effect::Deny, vec![lit("iam:DeleteRol", 20)])));
        assert_eq!(f[0].severity, Severity::Medium);
        assert!(f[0].message.contains("iam:DeleteRole"), "{}", f[0].message);
        let mut s = statement(Effect::Allow, Vec::new());
        s.action = None;
        s.not_action = Some(list(vec![lit("iam:*Usr*", 31)], 30));
        let f = findings(&policy(s));
        assert_eq!(f[0].severity, Severity::Medium);
        assert_eq!(f[0].span, sp(31));
    }

    #[test]
    fn services_patterns_and_unknowns() {
        let f = findings(&policy(statement(
            Effect::Allow,
            vec![lit("s4:GetObject", 20), lit("s3:Frobnicate*", 21), lit("GetObject", 22), lit("*", 23), lit("*:*", 24)],
        )));
        assert_eq!(f.len(), 3);
        assert!(f[0].message.contains("`s3:GetObject`"), "{}", f[0].message);
        assert!(f[1].message.contains("matches no IAM action"));
        let f = findings(&policy(statement(Effect::Allow, vec![palisade_model::Value::unknown(sp(20)), partial("s3:\u{0}", 21)])));
        assert!(f.is_empty());
    }
}
