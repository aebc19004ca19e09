//! Web-identity (OIDC) trust statements: which statements are one, which claim keys they pin,
//! and whether a `sub` pattern scopes the trust to one owner/repository/project/namespace.

use palisade_iam::{wildcard_match, Condition, OperatorClass, Principals, Statement};
use palisade_model::{AttachedPolicy, PolicyKind, Span, StrPart, Value};

const WEB_IDENTITY_ACTION: &str = "sts:AssumeRoleWithWebIdentity";

/// A statement that lets a web identity assume the role, and the span of its action.
pub struct WebIdentityTrust<'a> {
    pub statement: &'a Statement,
    pub action_span: Span,
    /// The federated provider (e.g. `token.actions.githubusercontent.com`), when known.
    pub provider: Option<String>,
}

fn federated_providers(principals: Option<&Principals>) -> Vec<String> {
    let mut out = Vec::new();
    for entry in principals.map(|p| p.entries.as_slice()).unwrap_or(&[]) {
        if !entry.kind.eq_ignore_ascii_case("Federated") {
            continue;
        }
        for list in entry.values.candidates() {
            for item in list.value {
                if let Some(parts) = item.parts() {
                    out.push(provider_host(&text_of(&parts, "")));
                }
            }
        }
    }
    out
}

/// `arn:aws:iam::123:oidc-provider/token.actions.githubusercontent.com` -> the host part.
fn provider_host(principal: &str) -> String {
    match principal.split_once("oidc-provider/") {
        Some((_, host)) => host.to_ascii_lowercase(),
        None => principal.to_ascii_lowercase(),
    }
}

/// Joins the known parts of a string, writing `unknown` for each unknown part.
pub fn text_of(parts: &[StrPart], unknown: &str) -> String {
    parts
        .iter()
        .map(|p| match p {
            StrPart::Text(t) => t.as_str(),
            StrPart::Unknown => unknown,
        })
        .collect()
}

/// The web-identity trust statements of a policy: `Allow` statements whose actions include
/// `sts:AssumeRoleWithWebIdentity` literally, or through a wildcard (`sts:*`, `*`) when the
/// principal is a federated provider. Identity policies are not trusts.
pub fn web_identity_trusts(policy: &AttachedPolicy) -> Vec<WebIdentityTrust<'_>> {
    let mut out = Vec::new();
    if matches!(
        policy.document.kind,
        PolicyKind::Identity | PolicyKind::ControlPolicy
    ) {
        return out;
    }
    for statement in &policy.document.statements {
        if !statement.is_allow() {
            continue;
        }
        let providers = federated_providers(statement.principal.as_ref());
        let action = statement.actions().into_iter().find(|(a, _)| {
            a.eq_ignore_ascii_case(WEB_IDENTITY_ACTION)
                || (!providers.is_empty() && wildcard_match(a, WEB_IDENTITY_ACTION))
        });
        if let Some((_, action_span)) = action {
            out.push(WebIdentityTrust {
                statement,
                action_span,
                provider: providers.into_iter().next(),
            });
        }
    }
    out
}

/// True for operators that positively restrict a claim (equality or pattern match); negated
/// and other operators do not pin anything.
pub fn pins(condition: &Condition) -> bool {
    matches!(
        condition.operator_class(),
        OperatorClass::Equals | OperatorClass::Like
    )
}

/// The statement's conditions on a claim (`sub`, `aud`) of any provider: keys ending `:sub`.
/// `None` when the statement's conditions are unknown (nothing may then be concluded).
pub fn claim_conditions<'a>(statement: &'a Statement, claim: &str) -> Option<Vec<&'a Condition>> {
    let suffix = format!(":{claim}");
    let conditions = statement.condition.get()?;
    Some(
        conditions
            .iter()
            .filter(|c| c.key_lower().ends_with(&suffix) && pins(c))
            .collect(),
    )
}

/// Why a `sub` value does not scope the trust, if it does not. `value` uses `\u{0}` for unknown
/// parts; a segment containing one is unknown and never judged.
pub fn unscoped_reason(value: &str, like: bool) -> Option<&'static str> {
    // Under StringEquals a `*` is a literal character: it matches only itself.
    if !like {
        return None;
    }
    let wild =
        |s: &str| !s.contains('\u{0}') && (s.is_empty() || s.contains('*') || s.contains('?'));
    let v = value.trim();
    if v.chars().all(|c| c == '*' || c == '?') {
        return Some("matches any subject");
    }
    if let Some(rest) = v.strip_prefix("repo:") {
        // GitHub: repo:OWNER/REPO:<context>; the immutable form names OWNER@ID/REPO@ID.
        let name = rest.split(':').next().unwrap_or("");
        let (owner, repo) = name.split_once('/').unwrap_or((name, ""));
        if wild(owner) {
            return Some("any GitHub owner's repositories match");
        }
        if wild(repo) {
            return Some("any repository of the owner matches");
        }
        return None;
    }
    if let Some(rest) = v.strip_prefix("project_path:") {
        // GitLab: project_path:GROUP[/SUBGROUP]/PROJECT:ref_type:...:ref:...
        let path = rest.split(':').next().unwrap_or("");
        if path.split('/').any(wild) {
            return Some("any GitLab group or project matches");
        }
        return None;
    }
    if let Some(rest) = v.strip_prefix("organization:") {
        // Terraform Cloud / HCP: organization:ORG:project:PROJECT:workspace:WS:run_phase:PHASE
        let fields: Vec<&str> = rest.split(':').collect();
        let org = fields.first().copied().unwrap_or("");
        if wild(org) {
            return Some("any Terraform Cloud organization matches");
        }
        for (label, reason) in [
            (
                "project",
                "any Terraform Cloud project of the organization matches",
            ),
            ("workspace", "any Terraform Cloud workspace matches"),
        ] {
            match fields.iter().position(|f| *f == label) {
                Some(i) if wild(fields.get(i + 1).copied().unwrap_or("")) => return Some(reason),
                None if fields.len() < 3 && org.ends_with('*') => return Some(reason),
                _ => {}
            }
        }
        return None;
    }
    if let Some(rest) = v.strip_prefix("system:serviceaccount:") {
        // EKS IRSA: system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT
        let (namespace, account) = rest.split_once(':').unwrap_or((rest, ""));
        if wild(namespace) {
            return Some("any Kubernetes namespace matches");
        }
        if wild(account) {
            return Some("any service account of the namespace matches");
        }
        return None;
    }
    if let Some(rest) = v.strip_prefix("org/") {
        // CircleCI: org/ORG_ID/project/PROJECT_ID/user/USER_ID
        let fields: Vec<&str> = rest.split('/').collect();
        if wild(fields.first().copied().unwrap_or("")) {
            return Some("any CircleCI organization matches");
        }
        if fields.get(1) == Some(&"project") && wild(fields.get(2).copied().unwrap_or("")) {
            return Some("any CircleCI project of the organization matches");
        }
        return None;
    }
    if v.starts_with('{') {
        // Bitbucket: {REPOSITORY_UUID}[:{ENVIRONMENT_UUID}]:{STEP_UUID}
        let repo = v.split(':').next().unwrap_or("");
        if wild(repo) {
            return Some("any Bitbucket repository matches");
        }
        return None;
    }
    // Any other provider: a pattern that starts with a wildcard lets any subject prefix match.
    if v.starts_with('*') || v.starts_with('?') {
        return Some("any subject matches the leading wildcard");
    }
    None
}

/// The value of each item of a condition's values, as text with `\u{0}` for unknown parts,
/// with its span. Unknown items are left out.
pub fn condition_values(condition: &Condition) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    for list in condition.values.candidates() {
        for item in list.value {
            if let Some(parts) = Value::parts(item) {
                out.push((text_of(&parts, "\u{0}"), item.span));
            }
            for c in item.candidates() {
                // Conditional items: each branch on its own.
                if !matches!(item.kind, palisade_model::ValueKind::Known(..)) {
                    out.push((c.value.clone(), c.span));
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
    fn github_subjects() {
        assert!(unscoped_reason("repo:*", true).is_some());
        assert!(unscoped_reason("repo:octo-org/*", true).is_some());
        assert!(unscoped_reason("repo:octo*/app:*", true).is_some());
        assert!(unscoped_reason("repo:octo-org/app:*", true).is_none());
        assert!(unscoped_reason("repo:octo-org/app:ref:refs/heads/main", true).is_none());
        assert!(unscoped_reason("repo:octo-org@123/app@456:*", true).is_none());
        // StringEquals: `*` is literal.
        assert!(unscoped_reason("repo:*", false).is_none());
        // Unknown owner: not judged.
        assert!(
            unscoped_reason("repo:\u{0}/*", true).is_some(),
            "repo part is a wildcard"
        );
        assert!(unscoped_reason("repo:\u{0}/app:*", true).is_none());
    }

    #[test]
    fn other_providers() {
        assert!(unscoped_reason("project_path:*:ref_type:branch:ref:main", true).is_some());
        assert!(unscoped_reason("project_path:grp/app:ref_type:branch:ref:main", true).is_none());
        assert!(
            unscoped_reason("organization:*:project:x:workspace:y:run_phase:*", true).is_some()
        );
        assert!(
            unscoped_reason("organization:acme:project:*:workspace:*:run_phase:*", true).is_some()
        );
        assert!(unscoped_reason(
            "organization:acme:project:web:workspace:prod:run_phase:*",
            true
        )
        .is_none());
        assert!(unscoped_reason("system:serviceaccount:*:app", true).is_some());
        assert!(unscoped_reason("system:serviceaccount:payments:app", true).is_none());
        assert!(unscoped_reason("org/*/project/p/user/u", true).is_some());
        assert!(unscoped_reason("org/o1/project/p1/user/*", true).is_none());
        assert!(unscoped_reason("{*}:{step}", true).is_some());
        assert!(unscoped_reason("*", true).is_some());
        assert!(unscoped_reason("*-deployer", true).is_some());
    }
}
