//! Shared logic of the identity-layer checks: what a statement really grants (through the
//! action database and policy evaluation), who a principal is (everyone, an account root,
//! another account, a service), and which conditions restrict a statement to someone.

use crate::finding::Severity;
use crate::web_identity::text_of;
use palisade_iam::eval::{grant, statement_actions, Grant};
use palisade_iam::{
    database, known_strings, wildcard_match, AccessLevel, ActionId, Condition, OperatorClass,
    PolicyDocument, PrincipalEntry, Statement,
};
use palisade_model::{AttachedPolicy, LinkKind, Model, PolicyKind, Value, ValueKind};

/// The permissions boundary that caps a policy, when its document is known: the boundary of
/// the role or user the policy belongs to (its owner, or the one principal an inline or
/// attached policy is linked to).
pub fn boundary_of<'a>(model: &'a Model, policy: &AttachedPolicy) -> Option<&'a PolicyDocument> {
    let owner = policy.owner?;
    if policy.document.kind != PolicyKind::Identity {
        return None;
    }
    let principal = if model
        .link_from(owner, LinkKind::PermissionsBoundary)
        .is_some()
    {
        owner
    } else {
        let mut principals = model
            .links
            .iter()
            .filter(|l| l.from == owner && l.kind == LinkKind::Principal);
        let first = principals.next()?.to;
        if principals.next().is_some() {
            return None;
        }
        first
    };
    let boundary = model.link_from(principal, LinkKind::PermissionsBoundary)?;
    let mut docs = model
        .policies
        .iter()
        .filter(|p| p.owner == Some(boundary) && p.document.kind == PolicyKind::Identity);
    let doc = docs.next()?;
    if docs.next().is_some() {
        return None;
    }
    Some(&doc.document)
}

/// What `statement` grants of `actions` after the document's explicit denies and the boundary.
pub fn evaluate<'a>(
    model: &'a Model,
    policy: &'a AttachedPolicy,
    statement: &Statement,
    actions: Vec<ActionId>,
) -> Grant<'a> {
    grant(
        statement,
        actions,
        &policy.document,
        boundary_of(model, policy),
    )
}

/// `: the `Deny` statement `NoIam` removes 12 of them` / `; limited by ...`, for messages.
pub fn grant_note(grant: &Grant<'_>, model: &Model, policy: &AttachedPolicy) -> String {
    let boundary = boundary_of(model, policy);
    let describe = |l: &palisade_iam::eval::Limit<'_>| match (l.boundary, boundary) {
        (true, Some(b)) => l.describe(b),
        _ => l.describe(&policy.document),
    };
    let mut out = String::new();
    if !grant.removed_by.is_empty() {
        let names: Vec<String> = grant.removed_by.iter().map(describe).collect();
        out.push_str(&format!(" ({} takes away part of it)", names.join(" and ")));
    }
    if !grant.limited_by.is_empty() {
        let names: Vec<String> = grant.limited_by.iter().map(describe).collect();
        out.push_str(&format!(
            "; lowered: {} limits it under a condition",
            names.join(" and ")
        ));
    }
    out
}

/// One step lower, for a finding a conditional deny or boundary limits.
pub fn lower(severity: Severity) -> Severity {
    match severity {
        Severity::Critical => Severity::High,
        Severity::High => Severity::Medium,
        Severity::Medium | Severity::Low => Severity::Low,
    }
}

/// Lowers `severity` when the grant is limited by a conditional statement.
pub fn limited(severity: Severity, grant: &Grant<'_>) -> Severity {
    if grant.limited_by.is_empty() {
        severity
    } else {
        lower(severity)
    }
}

/// The most powerful access level among the actions.
pub fn max_level(actions: &[ActionId]) -> Option<AccessLevel> {
    let db = database();
    actions.iter().map(|&a| db.get(a).level()).max()
}

/// Actions that hand out or take over permissions: shown first when naming what a wildcard
/// includes.
const POWERFUL: &[&str] = &[
    "iam:PassRole",
    "iam:CreatePolicyVersion",
    "iam:AttachRolePolicy",
    "iam:PutRolePolicy",
    "iam:CreateAccessKey",
    "iam:UpdateAssumeRolePolicy",
    "s3:PutBucketPolicy",
    "s3:PutBucketAcl",
    "s3:PutObjectAcl",
    "s3:DeleteBucket",
    "kms:PutKeyPolicy",
    "kms:ScheduleKeyDeletion",
    "kms:Decrypt",
    "secretsmanager:GetSecretValue",
    "sts:AssumeRole",
    "lambda:UpdateFunctionCode",
    "ec2:RunInstances",
];

/// Up to `n` of the most powerful actions: the highest access level first, well-known
/// sensitive actions before the others, then in database order (service, then name).
pub fn most_powerful(actions: &[ActionId], n: usize) -> Vec<String> {
    static KNOWN: std::sync::OnceLock<Vec<Option<ActionId>>> = std::sync::OnceLock::new();
    let db = database();
    let known = KNOWN.get_or_init(|| {
        POWERFUL
            .iter()
            .map(|p| db.action(p).map(|a| a.id))
            .collect()
    });
    let mut ranked: Vec<(std::cmp::Reverse<AccessLevel>, usize, ActionId)> = actions
        .iter()
        .map(|&a| {
            let rank = known
                .iter()
                .position(|k| *k == Some(a))
                .unwrap_or(POWERFUL.len());
            (std::cmp::Reverse(db.get(a).level()), rank, a)
        })
        .collect();
    let n = n.min(ranked.len());
    if n == 0 {
        return Vec::new();
    }
    ranked.select_nth_unstable(n - 1);
    ranked.truncate(n);
    ranked.sort_unstable();
    ranked
        .into_iter()
        .map(|(_, _, a)| db.get(a).full_name())
        .collect()
}

/// How many of the actions are at each level, most powerful first: `12 permissions
/// management, 40 write, 30 read`.
pub fn level_counts(actions: &[ActionId]) -> String {
    let db = database();
    let mut counts = [0usize; 5];
    for &a in actions {
        counts[db.get(a).level() as usize] += 1;
    }
    let names = ["list", "read", "tagging", "write", "permissions management"];
    let mut parts = Vec::new();
    for i in (0..5).rev() {
        if counts[i] > 0 {
            parts.push(format!("{} {}", counts[i], names[i]));
        }
    }
    parts.join(", ")
}

/// True when the statement's known resources include `*`.
pub fn on_every_resource(statement: &Statement) -> bool {
    known_strings(statement.resource.as_ref())
        .iter()
        .any(|(r, _)| r.trim() == "*")
}

/// The actions an `Allow` statement grants (before evaluation).
pub fn allowed_actions(statement: &Statement) -> Vec<ActionId> {
    statement_actions(statement).ids
}

/// True for policies that grant to the principal they are attached to (identity policies and
/// standalone documents of unknown use).
pub fn grants_to_holder(kind: PolicyKind) -> bool {
    matches!(kind, PolicyKind::Identity | PolicyKind::Unspecified)
}

// -- principals --------------------------------------------------------------------------

/// A principal value as text, with `000000000000` for unknown parts; `None` when nothing of it
/// is known. A `Ref` to `AWS::AccountId` (or Terraform's caller identity account id) is the
/// account itself.
pub fn principal_text(value: &Value<String>) -> Option<String> {
    if let ValueKind::Reference(r) = &value.kind {
        let account = r.target == "AWS::AccountId"
            || (r.target.ends_with("aws_caller_identity.current")
                && r.attribute.as_deref() == Some("account_id"))
            || (r.target.contains("aws_caller_identity")
                && r.attribute.as_deref() == Some("account_id"));
        return account.then(|| "000000000000".to_string());
    }
    let parts = value.parts()?;
    Some(text_of(&parts, "000000000000"))
}

/// True when a principal value is the account itself: `arn:aws:iam::123456789012:root`, a bare
/// account id, `!Ref AWS::AccountId`, `!Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:root`.
pub fn is_account_root(value: &Value<String>) -> bool {
    principal_text(value).is_some_and(|t| palisade_iam::is_account_root_principal(&t))
}

/// The known values of a principal entry.
pub fn entry_values(entry: &PrincipalEntry) -> Vec<&Value<String>> {
    let mut out = Vec::new();
    for list in entry.values.candidates() {
        out.extend(list.value.iter());
    }
    out
}

/// The span of the principal that makes the statement public: `Principal: "*"` or an `AWS`
/// entry holding `*`. `None` when the statement names only specific principals.
pub fn everyone_principal(statement: &Statement) -> Option<palisade_model::Span> {
    let principal = statement.principal.as_ref()?;
    for entry in &principal.entries {
        if entry.kind != "*" && !entry.kind.eq_ignore_ascii_case("AWS") {
            continue;
        }
        for (v, span) in known_strings(Some(&entry.values)) {
            if v.trim() == "*" {
                return Some(span);
            }
        }
    }
    None
}

/// The 12-digit account a principal ARN or id names, when literal.
pub fn account_of(text: &str) -> Option<&str> {
    let t = text.trim();
    if t.len() == 12 && t.bytes().all(|b| b.is_ascii_digit()) {
        return Some(t);
    }
    let rest = t.strip_prefix("arn:")?;
    let mut fields = rest.splitn(5, ':');
    let _partition = fields.next()?;
    let service = fields.next()?;
    let _region = fields.next()?;
    let account = fields.next()?;
    (service == "iam" || service == "sts")
        .then_some(account)
        .filter(|a| a.len() == 12 && a.bytes().all(|b| b.is_ascii_digit()))
}

// -- conditions --------------------------------------------------------------------------

/// Condition keys that tie a statement to a caller, an account, an organisation or a network:
/// a statement for everyone with one of them is not public.
pub const RESTRICTING_KEYS: &[&str] = &[
    "aws:sourcearn",
    "aws:sourceaccount",
    "aws:sourceowner",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:sourceip",
    "aws:sourceorgid",
    "aws:sourceorgpaths",
    "aws:principalorgid",
    "aws:principalorgpaths",
    "aws:principalaccount",
    "aws:principalarn",
    "aws:principalservicename",
    "aws:userid",
    "aws:username",
    "aws:calledvia",
    "kms:calleraccount",
    "s3:dataaccesspointaccount",
    "cognito-identity.amazonaws.com:aud",
];

/// Why a condition restricts nothing even though its key is one of the above.
fn opens_everything(condition: &Condition) -> bool {
    let values: Vec<String> = known_strings(Some(&condition.values))
        .iter()
        .map(|(v, _)| v.trim().to_string())
        .collect();
    if values.is_empty() {
        return false;
    }
    values
        .iter()
        .all(|v| v == "*" || v == "0.0.0.0/0" || v == "::/0")
}

/// True when `condition` positively restricts its key (an equality, a pattern, an address
/// range), not with a wildcard that matches everything.
pub fn restricts(condition: &Condition) -> bool {
    let op = condition.operator.to_ascii_lowercase();
    let positive = match condition.operator_class() {
        OperatorClass::Equals | OperatorClass::Like => true,
        OperatorClass::Other => {
            let base = op.rsplit(':').next().unwrap_or(&op);
            base.starts_with("ipaddress")
                || base.starts_with("arnequals")
                || base.starts_with("arnlike")
        }
    };
    if !positive {
        return false;
    }
    // `StringLike` with `*` matches anything; `StringEquals` with `*` matches only `*`,
    // which no caller has, but the intent is the same: not a restriction.
    !opens_everything(condition)
}

/// `Some(true)` when the statement has a condition that restricts who can use it, `Some(false)`
/// when it has none, `None` when its conditions are not known (nothing may be concluded).
pub fn restricted_by_condition(statement: &Statement, extra: &[&str]) -> Option<bool> {
    let conditions = statement.condition.get()?;
    Some(conditions.iter().any(|c| {
        let key = c.key_lower();
        (RESTRICTING_KEYS.contains(&key.as_str()) || extra.iter().any(|e| key == *e))
            && restricts(c)
    }))
}

/// True when `pattern` (an action item) can grant `action`.
pub fn grants_action(pattern: &str, action: &str) -> bool {
    wildcard_match(pattern.trim(), action)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web_identity::testing::*;

    #[test]
    fn account_roots_in_every_form() {
        assert!(is_account_root(&lit("arn:aws:iam::123456789012:root", 1)));
        assert!(is_account_root(&lit("123456789012", 1)));
        assert!(is_account_root(&partial("arn:\u{0}:iam::\u{0}:root", 1)));
        let account_id = Value::reference(
            palisade_model::Reference {
                target: "AWS::AccountId".into(),
                attribute: None,
            },
            sp(1),
        );
        assert!(is_account_root(&account_id));
        let caller = Value::reference(
            palisade_model::Reference {
                target: "data.aws_caller_identity.current".into(),
                attribute: Some("account_id".into()),
            },
            sp(1),
        );
        assert!(is_account_root(&caller));
        assert!(!is_account_root(&lit(
            "arn:aws:iam::123456789012:role/x",
            1
        )));
        assert!(!is_account_root(&Value::unknown(sp(1))));
    }

    #[test]
    fn accounts_of_principals() {
        assert_eq!(
            account_of("arn:aws:iam::123456789012:root"),
            Some("123456789012")
        );
        assert_eq!(
            account_of("arn:aws:iam::123456789012:role/a"),
            Some("123456789012")
        );
        assert_eq!(account_of("123456789012"), Some("123456789012"));
        assert_eq!(
            account_of("arn:aws:iam::000000000000:root"),
            Some("000000000000")
        );
        assert_eq!(account_of("ec2.amazonaws.com"), None);
    }

    #[test]
    fn restricting_conditions() {
        let c = condition("StringEquals", "aws:PrincipalOrgID", vec![lit("o-abc", 1)]);
        assert!(restricts(&c));
        let c = condition("StringLike", "aws:PrincipalOrgID", vec![lit("*", 1)]);
        assert!(!restricts(&c));
        let c = condition("IpAddress", "aws:SourceIp", vec![lit("10.0.0.0/8", 1)]);
        assert!(restricts(&c));
        let c = condition("IpAddress", "aws:SourceIp", vec![lit("0.0.0.0/0", 1)]);
        assert!(!restricts(&c));
        let c = condition("StringNotEquals", "aws:SourceAccount", vec![lit("1", 1)]);
        assert!(!restricts(&c));
        let c = condition("ArnLike", "aws:SourceArn", vec![lit("arn:aws:s3:::b", 1)]);
        assert!(restricts(&c));
        // An unknown value may restrict: not judged as open.
        let c = condition(
            "StringEquals",
            "aws:SourceAccount",
            vec![Value::unknown(sp(1))],
        );
        assert!(restricts(&c));
    }

    #[test]
    fn the_most_powerful_actions_come_first() {
        let ids = database().expand("iam:*");
        let top = most_powerful(&ids, 3);
        assert_eq!(top[0], "iam:PassRole");
        assert!(level_counts(&ids).starts_with(|c: char| c.is_ascii_digit()));
        assert!(level_counts(&ids).contains("permissions management"));
    }
}
