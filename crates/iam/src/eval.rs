//! Policy evaluation as AWS does it, for one `Allow` statement: what it really grants once the
//! explicit `Deny` statements of the same document and the principal's permissions boundary
//! are applied.
//!
//! An explicit `Deny` always wins over an `Allow`. A permissions boundary caps an identity
//! policy: an action the boundary does not allow is not granted, whatever the identity policy
//! says. A `Deny` (or a boundary `Allow`) with a condition only applies when its condition
//! matches, so it *limits* the grant without removing it; a check lowers its finding and names
//! the statement.

use crate::actions::{database, ActionId};
use crate::{known_strings, wildcard_match, Effect, PolicyDocument, Statement};

/// The actions an action list names, expanded through the database. `unknown` is true when
/// some item is not known (a variable, a reference), so the list may hold more.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionSet {
    pub ids: Vec<ActionId>,
    pub unknown: bool,
}

/// The actions of an `Action` (or `NotAction`) element: the union of each known item's
/// expansion, sorted.
pub fn action_set(list: Option<&crate::Strings>) -> ActionSet {
    let db = database();
    let mut set = ActionSet::default();
    let Some(list) = list else {
        return set;
    };
    let candidates = list.candidates();
    if candidates.is_empty() {
        set.unknown = true;
    }
    for items in candidates {
        for item in items.value {
            let cs = item.candidates();
            if cs.is_empty() {
                set.unknown = true;
            }
            for c in cs {
                set.ids.extend(db.expand(c.value));
            }
        }
    }
    set.ids.sort_unstable();
    set.ids.dedup();
    set
}

/// The actions a statement applies to: its `Action`, or everything but its `NotAction`.
pub fn statement_actions(statement: &Statement) -> ActionSet {
    if statement.not_action.is_some() {
        let except = action_set(statement.not_action.as_ref());
        let all = (0..database().action_count() as u32).map(ActionId);
        return ActionSet {
            ids: all
                .filter(|id| except.ids.binary_search(id).is_err())
                .collect(),
            unknown: except.unknown,
        };
    }
    action_set(statement.action.as_ref())
}

/// A statement that takes actions away from an `Allow`, or limits them.
#[derive(Clone, Debug)]
pub struct Limit<'a> {
    pub statement: &'a Statement,
    /// The statement belongs to the permissions boundary, not to the policy itself.
    pub boundary: bool,
    /// How many of the allowed actions it covers.
    pub covers: usize,
}

impl Limit<'_> {
    /// `statement "DenyIam"`, `statement 2` or `the permissions boundary`, for messages.
    pub fn describe(&self, document: &PolicyDocument) -> String {
        let name = match self.statement.sid.as_ref().and_then(|s| s.get()) {
            Some(sid) if !sid.is_empty() => format!("statement `{sid}`"),
            _ => {
                let index = document
                    .statements
                    .iter()
                    .position(|s| std::ptr::eq(s, self.statement))
                    .map(|i| format!("statement {}", i + 1));
                index.unwrap_or_else(|| "a statement".to_string())
            }
        };
        if self.boundary {
            format!("the permissions boundary's {name}")
        } else {
            format!("the `Deny` {name}")
        }
    }
}

/// What one `Allow` statement grants after evaluation.
#[derive(Clone, Debug, Default)]
pub struct Grant<'a> {
    /// The actions still granted, sorted.
    pub actions: Vec<ActionId>,
    /// Statements that removed some of the actions unconditionally.
    pub removed_by: Vec<Limit<'a>>,
    /// Conditional statements covering some of the remaining actions: they are granted only
    /// when the condition does not match.
    pub limited_by: Vec<Limit<'a>>,
}

/// Applies the document's `Deny` statements and the boundary to `actions`, a subset of what
/// `allow` names (the actions a check is asking about).
pub fn grant<'a>(
    allow: &Statement,
    mut actions: Vec<ActionId>,
    document: &'a PolicyDocument,
    boundary: Option<&'a PolicyDocument>,
) -> Grant<'a> {
    actions.sort_unstable();
    actions.dedup();
    let mut out = Grant::default();
    let mut denies: Vec<(&Statement, bool)> = document
        .statements
        .iter()
        .filter(|s| is_deny(s))
        .map(|s| (s, false))
        .collect();
    if let Some(b) = boundary {
        denies.extend(
            b.statements
                .iter()
                .filter(|s| is_deny(s))
                .map(|s| (s, true)),
        );
        // The boundary's allows cap the grant: what none of them allows is not granted.
        if b.complete {
            let mut allowed: Vec<ActionId> = Vec::new();
            let mut unknown = false;
            let mut conditional: Vec<(&Statement, Vec<ActionId>)> = Vec::new();
            for s in b.statements.iter().filter(|s| is_allow_only(s)) {
                let set = statement_actions(s);
                unknown |= set.unknown;
                if !resources_cover(s, allow) && !resource_unknown(s) {
                    continue;
                }
                if conditional_statement(s) {
                    conditional.push((s, set.ids.clone()));
                }
                allowed.extend(set.ids);
            }
            if !unknown {
                allowed.sort_unstable();
                allowed.dedup();
                let before = actions.len();
                let (kept, gone): (Vec<ActionId>, Vec<ActionId>) = actions
                    .iter()
                    .partition(|id| allowed.binary_search(id).is_ok());
                if !gone.is_empty() {
                    // Attribute the removal to the boundary as a whole: its first statement.
                    if let Some(first) = b.statements.first() {
                        out.removed_by.push(Limit {
                            statement: first,
                            boundary: true,
                            covers: before - kept.len(),
                        });
                    }
                }
                actions = kept;
                for (s, ids) in conditional {
                    let covers = actions
                        .iter()
                        .filter(|id| ids.binary_search(id).is_ok())
                        .count();
                    if covers > 0 {
                        out.limited_by.push(Limit {
                            statement: s,
                            boundary: true,
                            covers,
                        });
                    }
                }
            }
        }
    }
    for (deny, in_boundary) in denies {
        if only_request_hygiene(deny) {
            continue;
        }
        if !in_boundary && !principals_cover(deny, allow) {
            continue;
        }
        if !resources_cover(deny, allow) {
            continue;
        }
        let set = statement_actions(deny);
        let covered: Vec<ActionId> = actions
            .iter()
            .copied()
            .filter(|id| set.ids.binary_search(id).is_ok())
            .collect();
        if covered.is_empty() {
            if set.unknown && !actions.is_empty() {
                // A Deny of actions not known may cover them: it limits.
                out.limited_by.push(Limit {
                    statement: deny,
                    boundary: in_boundary,
                    covers: 0,
                });
            }
            continue;
        }
        let limit = Limit {
            statement: deny,
            boundary: in_boundary,
            covers: covered.len(),
        };
        if conditional_statement(deny) {
            out.limited_by.push(limit);
        } else {
            actions.retain(|id| covered.binary_search(id).is_err());
            out.removed_by.push(limit);
        }
    }
    out.actions = actions;
    out
}

fn is_deny(s: &Statement) -> bool {
    let cs = s.effect.candidates();
    !cs.is_empty() && cs.iter().all(|c| *c.value == Effect::Deny)
}

fn is_allow_only(s: &Statement) -> bool {
    let cs = s.effect.candidates();
    !cs.is_empty() && cs.iter().all(|c| *c.value == Effect::Allow)
}

/// A statement that applies only sometimes: it has conditions (or unknown ones), or it exists
/// only under a CloudFormation condition.
fn conditional_statement(s: &Statement) -> bool {
    !s.when.is_empty() || s.condition.get().is_none_or(|c| !c.is_empty())
}

/// Condition keys any caller holding the permission can satisfy at will: TLS, signature
/// version, encryption headers, tags on the request. A `Deny` conditioned only on them
/// enforces how requests are made, not who may make them, so it neither removes nor limits.
const REQUEST_HYGIENE: &[&str] = &[
    "aws:securetransport",
    "s3:tlsversion",
    "s3:signatureversion",
    "s3:signatureage",
    "s3:x-amz-server-side-encryption",
    "s3:x-amz-server-side-encryption-aws-kms-key-id",
    "s3:x-amz-acl",
    "s3:x-amz-content-sha256",
    "aws:requesttag",
    "aws:tagkeys",
];

fn only_request_hygiene(s: &Statement) -> bool {
    let Some(conditions) = s.condition.get() else {
        return false;
    };
    !conditions.is_empty()
        && conditions.iter().all(|c| {
            let key = c.key_lower();
            let base = key.split('/').next().unwrap_or(&key);
            REQUEST_HYGIENE.contains(&base)
        })
}

fn resource_unknown(s: &Statement) -> bool {
    s.resource
        .as_ref()
        .is_some_and(|r| r.candidates().is_empty())
}

/// True when `limit`'s resources include every resource of `allow`.
fn resources_cover(limit: &Statement, allow: &Statement) -> bool {
    let allowed = known_strings(allow.resource.as_ref());
    let allow_unknown = allow.resource.as_ref().is_some_and(|r| {
        r.candidates().is_empty()
            || r.candidates()
                .iter()
                .any(|l| l.value.iter().any(|i| i.candidates().is_empty()))
    });
    if let Some(not) = &limit.not_resource {
        // Everything except these: covers when no allowed resource is among them.
        let except = known_strings(Some(not));
        if allow_unknown || allowed.is_empty() || not.candidates().is_empty() {
            return false;
        }
        return allowed.iter().all(|(a, _)| {
            !except
                .iter()
                .any(|(e, _)| wildcard_match(e, a) || wildcard_match(a, e))
        });
    }
    let Some(res) = &limit.resource else {
        // No resource element (a resource policy's statement applies to its resource).
        return true;
    };
    let patterns = known_strings(Some(res));
    if patterns.iter().any(|(p, _)| p.trim() == "*") {
        return true;
    }
    if allow_unknown || allowed.is_empty() {
        return false;
    }
    allowed
        .iter()
        .all(|(a, _)| patterns.iter().any(|(p, _)| wildcard_match(p, a)))
}

/// In a resource policy a `Deny` removes an `Allow` only for the principals it names: it
/// covers when it names everyone, or the same principals.
fn principals_cover(deny: &Statement, allow: &Statement) -> bool {
    let Some(dp) = &deny.principal else {
        return deny.not_principal.is_none();
    };
    let texts = |p: &crate::Principals| {
        let mut v: Vec<String> = Vec::new();
        for e in &p.entries {
            for (s, _) in known_strings(Some(&e.values)) {
                v.push(format!("{}={}", e.kind.to_ascii_lowercase(), s.trim()));
            }
        }
        v.sort();
        v
    };
    let d = texts(dp);
    if d.iter().any(|t| t == "*=*" || t == "aws=*") {
        return true;
    }
    match &allow.principal {
        Some(ap) => {
            let a = texts(ap);
            !a.is_empty() && a.iter().all(|t| d.contains(t))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{PolicyKind, PrincipalEntry, Principals};
    use palisade_source::{FileId, Span, Value};

    fn sp(a: usize) -> Span {
        Span::new(FileId(0), a, a + 1)
    }
    fn strings(items: &[&str]) -> crate::Strings {
        Value::literal(
            items
                .iter()
                .map(|s| Value::literal(s.to_string(), sp(1)))
                .collect(),
            sp(1),
        )
    }
    fn st(effect: Effect, actions: &[&str], resources: &[&str]) -> Statement {
        Statement {
            sid: None,
            effect: Value::literal(effect, sp(0)),
            action: Some(strings(actions)),
            not_action: None,
            resource: Some(strings(resources)),
            not_resource: None,
            principal: None,
            not_principal: None,
            condition: Value::omitted(Vec::new(), sp(0)),
            span: sp(0),
            when: Vec::new(),
        }
    }
    fn doc(statements: Vec<Statement>) -> PolicyDocument {
        PolicyDocument {
            kind: PolicyKind::Identity,
            statements,
            span: sp(0),
            complete: true,
        }
    }
    fn names(ids: &[ActionId]) -> Vec<String> {
        ids.iter().map(|&i| database().get(i).full_name()).collect()
    }

    #[test]
    fn an_explicit_deny_removes_what_it_covers() {
        let d = doc(vec![
            st(Effect::Allow, &["s3:*"], &["*"]),
            st(Effect::Deny, &["s3:Delete*", "s3:Put*"], &["*"]),
        ]);
        let allow = &d.statements[0];
        let g = grant(allow, statement_actions(allow).ids, &d, None);
        let n = names(&g.actions);
        assert!(n.contains(&"s3:GetObject".to_string()));
        assert!(!n
            .iter()
            .any(|a| a.starts_with("s3:Put") || a.starts_with("s3:Delete")));
        assert_eq!(g.removed_by.len(), 1);
        assert_eq!(g.removed_by[0].describe(&d), "the `Deny` statement 2");
        // A deny of everything leaves nothing.
        let d = doc(vec![
            st(Effect::Allow, &["iam:*"], &["*"]),
            st(Effect::Deny, &["*"], &["*"]),
        ]);
        let g = grant(
            &d.statements[0],
            statement_actions(&d.statements[0]).ids,
            &d,
            None,
        );
        assert!(g.actions.is_empty());
    }

    #[test]
    fn a_deny_on_other_resources_or_with_a_condition_does_not_remove() {
        let d = doc(vec![
            st(Effect::Allow, &["s3:GetObject"], &["arn:aws:s3:::a/*"]),
            st(Effect::Deny, &["s3:GetObject"], &["arn:aws:s3:::b/*"]),
        ]);
        let g = grant(
            &d.statements[0],
            statement_actions(&d.statements[0]).ids,
            &d,
            None,
        );
        assert_eq!(names(&g.actions), vec!["s3:GetObject"]);
        assert!(g.removed_by.is_empty());

        let mut deny = st(Effect::Deny, &["s3:*"], &["*"]);
        deny.condition = Value::literal(
            vec![crate::Condition {
                operator: "Bool".into(),
                key: "aws:MultiFactorAuthPresent".into(),
                values: strings(&["false"]),
                span: sp(3),
            }],
            sp(3),
        );
        let d = doc(vec![st(Effect::Allow, &["s3:GetObject"], &["*"]), deny]);
        let g = grant(
            &d.statements[0],
            statement_actions(&d.statements[0]).ids,
            &d,
            None,
        );
        assert_eq!(names(&g.actions), vec!["s3:GetObject"]);
        assert_eq!(g.limited_by.len(), 1);
    }

    #[test]
    fn a_deny_of_insecure_transport_does_not_limit_who_may_act() {
        let mut deny = st(Effect::Deny, &["*"], &["*"]);
        deny.condition = Value::literal(
            vec![crate::Condition {
                operator: "Bool".into(),
                key: "aws:SecureTransport".into(),
                values: strings(&["false"]),
                span: sp(3),
            }],
            sp(3),
        );
        let d = doc(vec![st(Effect::Allow, &["s3:*"], &["*"]), deny]);
        let g = grant(
            &d.statements[0],
            statement_actions(&d.statements[0]).ids,
            &d,
            None,
        );
        assert!(g.limited_by.is_empty() && g.removed_by.is_empty());
        assert!(!g.actions.is_empty());
    }

    #[test]
    fn a_permissions_boundary_caps_the_grant() {
        let d = doc(vec![st(Effect::Allow, &["*"], &["*"])]);
        let boundary = doc(vec![st(Effect::Allow, &["s3:Get*", "s3:List*"], &["*"])]);
        let g = grant(
            &d.statements[0],
            statement_actions(&d.statements[0]).ids,
            &d,
            Some(&boundary),
        );
        assert!(!g.actions.is_empty());
        assert!(names(&g.actions)
            .iter()
            .all(|a| a.starts_with("s3:Get") || a.starts_with("s3:List")));
        assert_eq!(g.removed_by.len(), 1);
        assert!(g.removed_by[0].boundary);
        assert!(g.removed_by[0]
            .describe(&boundary)
            .contains("permissions boundary"));
    }

    #[test]
    fn not_action_is_the_complement() {
        let mut s = st(Effect::Allow, &[], &["*"]);
        s.action = None;
        s.not_action = Some(strings(&["iam:*"]));
        let set = statement_actions(&s);
        let n = names(&set.ids);
        assert!(n.contains(&"s3:GetObject".to_string()));
        assert!(!n.iter().any(|a| a.starts_with("iam:")));
    }

    #[test]
    fn resource_policy_denies_cover_only_their_principals() {
        let principal = |v: &str| Principals {
            entries: vec![PrincipalEntry {
                kind: "AWS".into(),
                values: strings(&[v]),
            }],
            span: sp(0),
            complete: true,
        };
        let mut allow = st(Effect::Allow, &["sqs:SendMessage"], &["*"]);
        allow.principal = Some(principal("arn:aws:iam::111111111111:root"));
        let mut deny = st(Effect::Deny, &["sqs:*"], &["*"]);
        deny.principal = Some(principal("arn:aws:iam::222222222222:root"));
        let d = doc(vec![allow.clone(), deny]);
        let g = grant(&d.statements[0], statement_actions(&allow).ids, &d, None);
        assert_eq!(g.actions.len(), 1);
        let mut deny = st(Effect::Deny, &["sqs:*"], &["*"]);
        deny.principal = Some(principal("*"));
        let d = doc(vec![allow.clone(), deny]);
        let g = grant(&d.statements[0], statement_actions(&allow).ids, &d, None);
        assert!(g.actions.is_empty());
    }
}
