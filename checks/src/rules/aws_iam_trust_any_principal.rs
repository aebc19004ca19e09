//! `aws-iam-trust-any-principal`: a role trust policy that lets anyone assume the role.

use crate::finding::policy_subject;
use crate::identity::{everyone_principal, restricted_by_condition};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Model, PolicyKind};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-trust-any-principal",
        aliases: &[],
        title: "Role trust policy lets any AWS principal assume the role",
        severity: Severity::Critical,
        service: "iam",
        layer: Layer::Identity,
        description: "A role's trust (assume-role) policy with an `Allow` statement for \
            `Principal: \"*\"` or `Principal: {\"AWS\": \"*\"}` and no condition that ties it \
            to an account, organisation, principal ARN or network (`aws:PrincipalOrgID`, \
            `aws:PrincipalAccount`, `aws:PrincipalArn`, `aws:SourceAccount`, `aws:SourceArn`, \
            `aws:SourceVpc(e)`, `aws:SourceIp`, `sts:ExternalId` ...). Every principal of every \
            AWS account can then call `sts:AssumeRole` and act with the role's permissions. \
            Reported at the principal; conditions that are not known are not judged; a \
            condition that matches everything (`StringLike` with `*`, `0.0.0.0/0`) restricts \
            nothing.",
        remediation: "Name the accounts or roles allowed to assume the role in `Principal` \
            (`arn:aws:iam::123456789012:root`, a role ARN), or keep `*` only together with a \
            condition such as `aws:PrincipalOrgID` equal to your organisation id.",
        references: &[
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous",
            "AWS Foundational Security Best Practices IAM.1",
        ],
        equivalents: &[
            "kics:f80e3aa7-7b34-4185-954e-440a6894dde6",
            "kics:12b7e704-37f0-4d1e-911a-44bf60c48c21",
            "kics:bcdcbdc6-a350-4855-ae7c-d1e6436f7c97",
            "checkov:CKV_AWS_60",
        ],
        examples: &[
            Example::bad("bad.tf", &[(7, "\"*\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(9, "\"*\"")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(11, "\"*\"")]),
            Example::good("good.json"),
            Example::bad("bad.iam.json", &[(6, "\"*\"")]),
            Example::good("good.iam.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for policy in &model.policies {
        if policy.document.kind != PolicyKind::Trust {
            continue;
        }
        for statement in &policy.document.statements {
            if !statement.is_allow() {
                continue;
            }
            let Some(span) = everyone_principal(statement) else {
                continue;
            };
            if restricted_by_condition(statement, &["sts:externalid"]) != Some(false) {
                continue;
            }
            out.push(Finding::on_policy(
                model,
                CHECK.meta.id,
                CHECK.meta.severity,
                policy,
                statement,
                span,
                format!(
                    "{} lets any AWS principal of any account assume the role: no condition restricts `Principal: *`",
                    policy_subject(model, policy)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web_identity::testing::*;
    use palisade_iam::Effect;

    fn findings(model: &Model) -> Vec<Finding> {
        let mut out = Vec::new();
        run(model, &mut out);
        out
    }

    fn trust(kind: &str, who: &str) -> palisade_iam::Statement {
        let mut s = statement(Effect::Allow, vec![lit("sts:AssumeRole", 10)]);
        s.principal = Some(principal(kind, vec![lit(who, 11)]));
        s
    }

    #[test]
    fn everyone_fires_at_the_principal() {
        for (kind, who) in [("*", "*"), ("AWS", "*")] {
            let f = findings(&model_with(Some("aws_iam_role"), PolicyKind::Trust, vec![trust(kind, who)]));
            assert_eq!(f.len(), 1);
            assert_eq!(f[0].span, sp(11));
            assert_eq!(f[0].severity, Severity::Critical);
        }
        let f = findings(&model_with(Some("aws_iam_role"), PolicyKind::Trust, vec![trust("AWS", "arn:aws:iam::123456789012:root")]));
        assert!(f.is_empty());
        let f = findings(&model_with(Some("aws_iam_role"), PolicyKind::Trust, vec![trust("Service", "*")]));
        assert!(f.is_empty());
    }

    #[test]
    fn a_restricting_condition_or_an_unknown_one_is_not_judged_open() {
        let s = with_conditions(trust("AWS", "*"), vec![condition("StringEquals", "aws:PrincipalOrgID", vec![lit("o-123", 12)])]);
        assert!(findings(&model_with(Some("aws_iam_role"), PolicyKind::Trust, vec![s])).is_empty());
        let s = with_conditions(trust("AWS", "*"), vec![condition("StringLike", "aws:PrincipalOrgID", vec![lit("*", 12)])]);
        assert_eq!(findings(&model_with(Some("aws_iam_role"), PolicyKind::Trust, vec![s])).len(), 1);
        let mut s = trust("AWS", "*");
        s.condition = palisade_model::Value::unknown(sp(12));
        assert!(findings(&model_with(Some("aws_iam_role"), PolicyKind::Trust, vec![s])).is_empty());
        let mut s = trust("AWS", "*");
        s.effect = palisade_model::Value::literal(Effect::Deny, sp(1));
        assert!(findings(&model_with(Some("aws_iam_role"), PolicyKind::Trust, vec![s])).is_empty());
    }
}
