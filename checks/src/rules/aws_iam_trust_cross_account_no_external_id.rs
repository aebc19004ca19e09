//! `aws-iam-trust-cross-account-no-external-id`: a role another account can assume without an
//! external id, MFA or organisation condition.

use crate::finding::policy_subject;
use crate::identity::{account_of, entry_values, principal_text, restricts};
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_iam::{known_strings, wildcard_match, Statement};
use palisade_model::{Model, PolicyKind};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-iam-trust-cross-account-no-external-id",
        aliases: &[],
        title: "Role trusts another account without `sts:ExternalId`, MFA or an organisation condition",
        severity: Severity::Medium,
        service: "iam",
        layer: Layer::Identity,
        description: "A role trust policy `Allow` for `sts:AssumeRole` whose `AWS` principal names \
            an account by its literal id (`arn:aws:iam::987654321098:root`, a role or user of \
            that account, or the bare id), with no condition on `sts:ExternalId` (with a \
            non-empty value), `aws:MultiFactorAuthPresent`/`aws:MultiFactorAuthAge`, \
            `aws:PrincipalOrgID` or `aws:PrincipalOrgPaths`.\n\nA role shared with a third party \
            (a SaaS vendor, a monitoring or CI provider) without an external id is open to the \
            confused-deputy problem: any other customer of that vendor can ask the vendor to \
            assume your role by giving it your role's ARN. For people, MFA is the equivalent \
            safeguard. A principal whose account is not known (`${AWS::AccountId}`, \
            `data.aws_caller_identity.current.account_id`, a variable without default) is \
            taken to be the account itself and not judged; Palisade cannot tell a literal id of \
            the account the template deploys to from another account, so such a trust is \
            reported too.",
        remediation: "Add `\"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"<id the \
            third party gave you>\"}}` for a third party, `aws:MultiFactorAuthPresent` = `true` \
            for people, or `aws:PrincipalOrgID` for accounts of your organisation.",
        references: &[
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html",
        ],
        equivalents: &[
            "kics:85138beb-ce7c-4ca3-a09f-e8fbcc57ddd7",
            "kics:09c35abf-5852-4622-ac7a-b987b331232e",
        ],
        examples: &[
            Example::bad("bad.tf", &[(7, "\"arn:aws:iam::987654321098:root\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "arn:aws:iam::987654321098:role/vendor")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "\"987654321098\"")]),
            Example::good("good.json"),
            Example::bad("bad.iam.json", &[(6, "\"arn:aws:iam::987654321098:root\"")]),
            Example::good("good.iam.json"),
        ],
    },
    run,
};

/// The condition keys that make a cross-account trust safe enough.
const SAFEGUARDS: &[&str] = &[
    "sts:externalid",
    "aws:multifactorauthpresent",
    "aws:multifactorauthage",
    "aws:principalorgid",
    "aws:principalorgpaths",
];

/// `Some(true)` when a safeguard condition is present, `None` when conditions are unknown.
fn safeguarded(statement: &Statement) -> Option<bool> {
    let conditions = statement.condition.get()?;
    Some(conditions.iter().any(|c| {
        let key = c.key_lower();
        if !SAFEGUARDS.contains(&key.as_str()) {
            return false;
        }
        let values = known_strings(Some(&c.values));
        match key.as_str() {
            "aws:multifactorauthpresent" => {
                c.operator.to_ascii_lowercase().starts_with("bool")
                    && values.iter().all(|(v, _)| v.trim().eq_ignore_ascii_case("true"))
            }
            "aws:multifactorauthage" => c.operator.to_ascii_lowercase().starts_with("numeric"),
            // An empty external id is no secret at all.
            "sts:externalid" => restricts(c) && !values.iter().any(|(v, _)| v.trim().is_empty()),
            _ => restricts(c),
        }
    }))
}

fn assumes_role(statement: &Statement) -> bool {
    statement
        .actions()
        .iter()
        .any(|(a, _)| wildcard_match(a.trim(), "sts:AssumeRole"))
}

fn run(model: &Model, out: &mut Vec<Finding>) {
    for policy in &model.policies {
        if policy.document.kind != PolicyKind::Trust {
            continue;
        }
        for statement in &policy.document.statements {
            if !statement.is_allow() || !assumes_role(statement) {
                continue;
            }
            let Some(principal) = &statement.principal else {
                continue;
            };
            if safeguarded(statement) != Some(false) {
                continue;
            }
            for entry in &principal.entries {
                if !entry.kind.eq_ignore_ascii_case("AWS") {
                    continue;
                }
                for value in entry_values(entry) {
                    let Some(text) = principal_text(value) else {
                        continue;
                    };
                    let Some(account) = account_of(&text) else {
                        continue;
                    };
                    if account == "000000000000" {
                        // An unknown account id: the account itself, most likely.
                        continue;
                    }
                    out.push(
                        Finding::on_policy(
                            model,
                            CHECK.meta.id,
                            CHECK.meta.severity,
                            policy,
                            statement,
                            value.span,
                            format!(
                                "{} lets account {account} assume the role without `sts:ExternalId`, MFA or an organisation condition",
                                policy_subject(model, policy)
                            ),
                        )
                        .defined_at(value.defined_at),
                    );
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

    fn findings(model: &Model) -> Vec<Finding> {
        let mut out = Vec::new();
        run(model, &mut out);
        out
    }

    fn trust(who: palisade_model::Value<String>, conditions: Vec<palisade_iam::Condition>) -> Model {
        let mut s = statement(Effect::Allow, vec![lit("sts:AssumeRole", 10)]);
        s.principal = Some(principal("AWS", vec![who]));
        let s = if conditions.is_empty() { s } else { with_conditions(s, conditions) };
        model_with(Some("aws_iam_role"), PolicyKind::Trust, vec![s])
    }

    #[test]
    fn another_account_without_safeguard_fires_at_the_principal() {
        let f = findings(&trust(lit("arn:aws:iam::987654321098:root", 11), vec![]));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(11));
        assert!(f[0].message.contains("987654321098"));
        assert_eq!(findings(&trust(lit("987654321098", 11), vec![])).len(), 1);
    }

    #[test]
    fn safeguards_and_unknown_accounts() {
        let ok = [
            condition("StringEquals", "sts:ExternalId", vec![lit("x1", 12)]),
            condition("Bool", "aws:MultiFactorAuthPresent", vec![lit("true", 12)]),
            condition("StringEquals", "aws:PrincipalOrgID", vec![lit("o-1", 12)]),
        ];
        for c in ok {
            assert!(findings(&trust(lit("arn:aws:iam::987654321098:root", 11), vec![c])).is_empty());
        }
        let weak = [
            condition("StringEquals", "sts:ExternalId", vec![lit("", 12)]),
            condition("Bool", "aws:MultiFactorAuthPresent", vec![lit("false", 12)]),
        ];
        for c in weak {
            assert_eq!(findings(&trust(lit("arn:aws:iam::987654321098:root", 11), vec![c])).len(), 1);
        }
        assert!(findings(&trust(partial("arn:aws:iam::\u{0}:root", 11), vec![])).is_empty());
        assert!(findings(&trust(palisade_model::Value::unknown(sp(11)), vec![])).is_empty());
        assert!(findings(&trust(lit("*", 11), vec![])).is_empty());
    }
}
