//! IAM policy documents as Palisade understands them, independent of the format they were
//! written in, and the semantics checks need: wildcard matching of actions, principals,
//! condition operators.

pub mod actions;
pub mod eval;

pub use actions::{database, AccessLevel, Action, ActionId, Resolution};

use palisade_source::{Span, Value};

/// A list of strings that may be written as one string or a list; each item keeps its span.
pub type Strings = Value<Vec<Value<String>>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    Allow,
    Deny,
}

/// What a policy document is used as; decides which elements are meaningful.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PolicyKind {
    /// Attached to a user, group or role (or a managed policy).
    Identity,
    /// Attached to a resource (bucket, queue, topic, key, ...): has principals.
    Resource,
    /// A role's trust (assume-role) policy.
    Trust,
    /// An AWS Organizations service control policy.
    ControlPolicy,
    /// A standalone document whose use is not known; judged by its content.
    Unspecified,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PolicyDocument {
    pub kind: PolicyKind,
    pub statements: Vec<Statement>,
    /// The whole document (or the attribute holding it).
    pub span: Span,
    /// False when some statements could not be evaluated (e.g. a `dynamic "statement"` over
    /// an unknown collection).
    pub complete: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    pub sid: Option<Value<String>>,
    pub effect: Value<Effect>,
    pub action: Option<Strings>,
    pub not_action: Option<Strings>,
    pub resource: Option<Strings>,
    pub not_resource: Option<Strings>,
    pub principal: Option<Principals>,
    pub not_principal: Option<Principals>,
    /// `Known(vec![], Omitted)` when the statement has no `Condition`.
    pub condition: Value<Vec<Condition>>,
    /// The statement object.
    pub span: Span,
    /// CloudFormation conditions (with the branch) under which this statement exists.
    pub when: Vec<(String, bool)>,
}

/// `Principal` / `NotPrincipal`. `"*"` is one entry of kind `*`.
#[derive(Clone, Debug, PartialEq)]
pub struct Principals {
    pub entries: Vec<PrincipalEntry>,
    pub span: Span,
    /// False when part of the principal map could not be evaluated.
    pub complete: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PrincipalEntry {
    /// `AWS`, `Service`, `Federated`, `CanonicalUser`, or `*`.
    pub kind: String,
    pub values: Strings,
}

/// One `operator: { key: values }` test of a statement's `Condition`.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    /// As written: `StringLike`, `ForAnyValue:StringEquals`, `StringEqualsIfExists`, ...
    pub operator: String,
    /// As written: `token.actions.githubusercontent.com:sub`.
    pub key: String,
    pub values: Strings,
    /// The `key: values` entry.
    pub span: Span,
}

/// What a condition operator does with its key, ignoring set qualifiers and `IfExists`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OperatorClass {
    /// Exact string match (`StringEquals`, `StringEqualsIgnoreCase`, `ArnEquals`).
    Equals,
    /// Match with `*` and `?` wildcards (`StringLike`, `ArnLike`).
    Like,
    /// Any negated or other operator.
    Other,
}

impl Condition {
    pub fn operator_class(&self) -> OperatorClass {
        operator_class(&self.operator)
    }

    /// The key in lower case with a leading `${...}` stripped: condition keys are
    /// case-insensitive.
    pub fn key_lower(&self) -> String {
        self.key.to_ascii_lowercase()
    }
}

pub fn operator_class(operator: &str) -> OperatorClass {
    let base = operator
        .rsplit(':')
        .next()
        .unwrap_or(operator)
        .trim_end_matches("IfExists");
    match base {
        "StringEquals" | "StringEqualsIgnoreCase" | "ArnEquals" => OperatorClass::Equals,
        "StringLike" | "ArnLike" => OperatorClass::Like,
        _ => OperatorClass::Other,
    }
}

/// IAM wildcard matching (`*` any run, `?` one character), case-insensitive as IAM
/// compares action names.
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.to_ascii_lowercase().chars().collect();
    let t: Vec<char> = text.to_ascii_lowercase().chars().collect();
    // Iterative matcher with backtracking to the last star: linear in practice, no recursion.
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// An action pattern that grants every action (`*`) or every action of one service
/// (`s3:*`, `iam:*`). Returns the service (`None` for `*`).
pub fn full_wildcard_action(action: &str) -> Option<Option<&str>> {
    let a = action.trim();
    if a == "*" {
        return Some(None);
    }
    match a.split_once(':') {
        Some((service, "*")) if !service.is_empty() && !service.contains('*') => {
            Some(Some(service))
        }
        _ => None,
    }
}

/// `arn:aws:iam::123456789012:root`, `arn:${Partition}:iam::${AccountId}:root` or a bare
/// 12-digit account id: the account itself as a principal.
pub fn is_account_root_principal(value: &str) -> bool {
    let v = value.trim();
    if v.len() == 12 && v.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    v.starts_with("arn:") && v.contains(":iam::") && v.ends_with(":root")
}

impl Statement {
    pub fn is_allow(&self) -> bool {
        self.effect
            .candidates()
            .iter()
            .any(|c| *c.value == Effect::Allow)
    }

    /// The condition tests on a key (case-insensitive), when conditions are known.
    pub fn conditions_on<'a>(&'a self, key: &str) -> Vec<&'a Condition> {
        let key = key.to_ascii_lowercase();
        self.condition
            .get()
            .map(|cs| cs.iter().filter(|c| c.key_lower() == key).collect())
            .unwrap_or_default()
    }

    /// Every known action string of `Action`, with its span.
    pub fn actions(&self) -> Vec<(&str, Span)> {
        known_strings(self.action.as_ref())
    }
}

/// The known strings of an optional string list, each with its span; unknown items are skipped.
pub fn known_strings(list: Option<&Strings>) -> Vec<(&str, Span)> {
    let mut out = Vec::new();
    if let Some(list) = list {
        for items in list.candidates() {
            for item in items.value {
                for c in item.candidates() {
                    out.push((c.value.as_str(), c.span));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_match_like_iam() {
        assert!(wildcard_match("s3:Get*", "s3:GetObject"));
        assert!(wildcard_match("S3:get*", "s3:GetObject"));
        assert!(!wildcard_match("s3:Get*", "s3:PutObject"));
        assert!(wildcard_match(
            "repo:org/*:*",
            "repo:org/app:ref:refs/heads/main"
        ));
        assert!(wildcard_match("a?c", "abc"));
        assert!(!wildcard_match("a?c", "ac"));
        assert!(wildcard_match("*", ""));
    }

    #[test]
    fn full_wildcards() {
        assert_eq!(full_wildcard_action("*"), Some(None));
        assert_eq!(full_wildcard_action("iam:*"), Some(Some("iam")));
        assert_eq!(full_wildcard_action("iam:Get*"), None);
        assert_eq!(full_wildcard_action("s3:GetObject"), None);
    }

    #[test]
    fn operator_classes() {
        assert_eq!(operator_class("StringLike"), OperatorClass::Like);
        assert_eq!(
            operator_class("ForAnyValue:StringEquals"),
            OperatorClass::Equals
        );
        assert_eq!(
            operator_class("StringEqualsIfExists"),
            OperatorClass::Equals
        );
        assert_eq!(operator_class("StringNotEquals"), OperatorClass::Other);
    }

    #[test]
    fn account_root() {
        assert!(is_account_root_principal("arn:aws:iam::123456789012:root"));
        assert!(is_account_root_principal("123456789012"));
        assert!(!is_account_root_principal(
            "arn:aws:iam::123456789012:role/x"
        ));
    }
}
