//! Web-identity (OIDC) trust statements: which statements are one, which claim keys they pin,
//! and whether a `sub` pattern scopes the trust to one owner/repository/project/namespace.

use crate::Severity;
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
                    let host = provider_host(&text_of(&parts, ""));
                    // A provider named only by unknown parts is not named.
                    if !host.is_empty() {
                        out.push(host);
                    }
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

/// Why a `sub` pattern does not scope the trust, and how far it opens it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unscoped {
    pub reason: &'static str,
    /// Critical when strangers can match (any owner, any organization, any subject); high
    /// when everything of one owner can (any repository of the organization); medium for a
    /// wildcard below that (any service account of one namespace).
    pub severity: Severity,
}

const fn unscoped(reason: &'static str, severity: Severity) -> Option<Unscoped> {
    Some(Unscoped { reason, severity })
}

/// The worst a trust on this provider can be. GitHub, GitLab.com, Terraform Cloud and unknown
/// providers issue tokens to anyone, so an unpinned trust is open to the world (critical). An
/// EKS cluster's issuer only serves that cluster's service accounts, and Bitbucket and CircleCI
/// register one provider per workspace/organization (the provider URL names it), so the worst
/// case there is "anything of that tenant" (high).
pub fn provider_ceiling(provider: Option<&str>) -> Severity {
    let p = provider.unwrap_or("").to_ascii_lowercase();
    let per_tenant = (p.starts_with("oidc.eks.") && p.contains(".amazonaws.com/id/"))
        || (p.starts_with("api.bitbucket.org/2.0/workspaces/"))
        || (p.starts_with("oidc.circleci.com/org/"));
    if per_tenant {
        Severity::High
    } else {
        Severity::Critical
    }
}

/// True when a segment of a `sub` is a pattern. `\u{0}` marks an unknown part: a segment
/// holding one is not judged (invariant 3), and an empty segment is not a wildcard (under
/// `StringLike` it matches only the empty string).
fn wild(segment: &str) -> bool {
    !segment.contains('\u{0}') && (segment.contains('*') || segment.contains('?'))
}

fn has_unknown(segment: &str) -> bool {
    segment.contains('\u{0}')
}

/// Why a `sub` value does not scope the trust, if it does not. `value` uses `\u{0}` for unknown
/// parts. `like` is true under `StringLike`/`ArnLike`; under `StringEquals` a `*` is a literal
/// character that matches only itself, so nothing is a wildcard.
pub fn unscoped_reason(value: &str, like: bool) -> Option<Unscoped> {
    if !like {
        return None;
    }
    let v = value.trim();
    if !v.is_empty() && v.chars().all(|c| c == '*' || c == '?') {
        return unscoped("matches any subject", Severity::Critical);
    }
    if let Some(rest) = v.strip_prefix("repo:") {
        return github(rest);
    }
    if let Some(rest) = v.strip_prefix("project_path:") {
        return gitlab(rest);
    }
    if let Some(rest) = v.strip_prefix("organization:") {
        return terraform_cloud(rest);
    }
    if let Some(rest) = v.strip_prefix("system:serviceaccount:") {
        return eks(rest);
    }
    if let Some(rest) = v.strip_prefix("org/") {
        return circleci(rest);
    }
    if v.starts_with('{') {
        // Bitbucket: {REPOSITORY_UUID}[:{ENVIRONMENT_UUID}]:{STEP_UUID}
        let repo = v.split(':').next().unwrap_or("");
        if wild(repo) {
            return unscoped("any Bitbucket repository matches", Severity::High);
        }
        return None;
    }
    // Any other provider: a pattern that starts with a wildcard lets any subject prefix match.
    if v.starts_with('*') || v.starts_with('?') {
        return unscoped(
            "any subject matches the leading wildcard",
            Severity::Critical,
        );
    }
    None
}

/// GitHub: `repo:OWNER/REPO:<context>`; the immutable form names `OWNER@ID/REPO@ID`, which is
/// as scoped as the names. A wildcard after the repository (`repo:org/app:*`, any branch or
/// environment) stays inside the repository.
fn github(rest: &str) -> Option<Unscoped> {
    let name = rest.split(':').next().unwrap_or("");
    let Some((owner, repo)) = name.split_once('/') else {
        // `repo:*` or `repo:octo*`: the owner itself is a pattern. Without a `/` an unknown
        // part may hold the whole `owner/repo` (`repo:${Repository}:*`): not judged.
        if wild(name) {
            return unscoped("any GitHub owner's repositories match", Severity::Critical);
        }
        return None;
    };
    if wild(owner) {
        return unscoped("any GitHub owner's repositories match", Severity::Critical);
    }
    // `repo:${Org}/*` is judged: whatever the owner, every one of its repositories matches.
    if wild(repo) {
        return unscoped("any repository of the owner matches", Severity::High);
    }
    None
}

/// GitLab: `project_path:GROUP[/SUBGROUP...]/PROJECT:ref_type:...:ref:...`.
fn gitlab(rest: &str) -> Option<Unscoped> {
    let path = rest.split(':').next().unwrap_or("");
    let mut segments = path.split('/');
    if segments.next().is_some_and(wild) {
        return unscoped("any GitLab group or project matches", Severity::Critical);
    }
    if segments.any(wild) {
        return unscoped("any project of the GitLab group matches", Severity::High);
    }
    None
}

/// Terraform Cloud / HCP Terraform:
/// `organization:ORG:project:PROJECT:workspace:WORKSPACE:run_phase:PHASE`. Workspace names are
/// unique within an organization, so a pinned workspace scopes the trust even when the project
/// is a pattern; a pattern (or nothing) where the workspace should be opens every workspace.
fn terraform_cloud(rest: &str) -> Option<Unscoped> {
    let fields: Vec<&str> = rest.split(':').collect();
    let org = fields.first().copied().unwrap_or("");
    if wild(org) {
        return unscoped(
            "any Terraform Cloud organization matches",
            Severity::Critical,
        );
    }
    if let Some(i) = fields.iter().position(|f| *f == "workspace") {
        if wild(fields.get(i + 1).copied().unwrap_or("")) {
            return unscoped(
                "any Terraform Cloud workspace of the organization matches",
                Severity::High,
            );
        }
        return None;
    }
    // No workspace field: an unknown part may hold it; otherwise a pattern stands for it.
    if fields.iter().any(|f| has_unknown(f)) {
        return None;
    }
    if fields[1..].iter().any(|f| wild(f)) {
        return unscoped(
            "any Terraform Cloud workspace of the organization matches",
            Severity::High,
        );
    }
    None
}

/// EKS IRSA: `system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT`. The provider is the cluster's
/// own issuer, so even "any namespace" stays inside one cluster.
fn eks(rest: &str) -> Option<Unscoped> {
    let (namespace, account) = rest.split_once(':').unwrap_or((rest, ""));
    if wild(namespace) {
        return unscoped(
            "any Kubernetes namespace of the cluster matches",
            Severity::High,
        );
    }
    if wild(account) {
        return unscoped(
            "any service account of the namespace matches",
            Severity::Medium,
        );
    }
    None
}

/// CircleCI: `org/ORG_ID/project/PROJECT_ID/user/USER_ID`. The provider URL already names
/// the organization, so the worst case is every project of it.
fn circleci(rest: &str) -> Option<Unscoped> {
    let fields: Vec<&str> = rest.split('/').collect();
    if wild(fields.first().copied().unwrap_or("")) {
        return unscoped("any CircleCI organization matches", Severity::High);
    }
    if fields.get(1) == Some(&"project") && wild(fields.get(2).copied().unwrap_or("")) {
        return unscoped(
            "any CircleCI project of the organization matches",
            Severity::High,
        );
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

    fn sev(value: &str) -> Option<Severity> {
        unscoped_reason(value, true).map(|u| u.severity)
    }

    #[test]
    fn github_subjects() {
        assert_eq!(sev("repo:*"), Some(Severity::Critical));
        assert_eq!(sev("repo:*/*"), Some(Severity::Critical));
        assert_eq!(sev("repo:octo-org*"), Some(Severity::Critical));
        assert_eq!(sev("repo:octo*/app:*"), Some(Severity::Critical));
        // Org-wide: every repository of one owner, including ones created tomorrow.
        assert_eq!(sev("repo:octo-org/*"), Some(Severity::High));
        assert_eq!(
            sev("repo:octo-org/app-*:ref:refs/heads/main"),
            Some(Severity::High)
        );
        assert_eq!(sev("repo:octo-org/app:*"), None);
        assert_eq!(sev("repo:octo-org/app:ref:refs/heads/main"), None);
        assert_eq!(sev("repo:octo-org/app:environment:prod"), None);
        // The immutable-id form is scoped.
        assert_eq!(sev("repo:octo-org@1234/app@5678:*"), None);
        // StringEquals: `*` is a literal character.
        assert!(unscoped_reason("repo:*", false).is_none());
        assert!(unscoped_reason("repo:octo-org/*", false).is_none());
        // A literal without a repository is not a wildcard (it matches nothing useful).
        assert_eq!(sev("repo:octo-org"), None);
    }

    #[test]
    fn unknown_parts_are_not_judged() {
        // `repo:${Org}/*`: whatever the owner, all its repositories match.
        assert_eq!(sev("repo:\u{0}/*"), Some(Severity::High));
        assert_eq!(sev("repo:\u{0}/app:*"), None);
        // `repo:${Repository}:*` with Repository = "org/app": nothing known is a wildcard.
        assert_eq!(sev("repo:\u{0}:*"), None);
        assert_eq!(sev("repo:\u{0}"), None);
        assert_eq!(sev("system:serviceaccount:\u{0}"), None);
        assert_eq!(sev("organization:acme:\u{0}"), None);
        assert_eq!(sev("project_path:\u{0}/app:ref_type:branch:ref:main"), None);
    }

    #[test]
    fn other_providers() {
        assert_eq!(
            sev("project_path:*:ref_type:branch:ref:main"),
            Some(Severity::Critical)
        );
        assert_eq!(
            sev("project_path:grp/*:ref_type:branch:ref:main"),
            Some(Severity::High)
        );
        assert_eq!(sev("project_path:grp/app:ref_type:branch:ref:*"), None);
        assert_eq!(
            sev("organization:*:project:x:workspace:y:run_phase:*"),
            Some(Severity::Critical)
        );
        assert_eq!(
            sev("organization:acme:project:*:workspace:*:run_phase:*"),
            Some(Severity::High)
        );
        assert_eq!(sev("organization:acme:*"), Some(Severity::High));
        // Workspace names are unique per organization: a pinned workspace scopes the trust.
        assert_eq!(
            sev("organization:acme:project:*:workspace:prod:run_phase:*"),
            None
        );
        assert_eq!(
            sev("organization:acme:project:web:workspace:prod:run_phase:*"),
            None
        );
        assert_eq!(sev("system:serviceaccount:*:app"), Some(Severity::High));
        assert_eq!(sev("system:serviceaccount:*:*"), Some(Severity::High));
        assert_eq!(sev("system:serviceaccount:ci:*"), Some(Severity::Medium));
        assert_eq!(sev("system:serviceaccount:payments:app"), None);
        assert_eq!(sev("org/*/project/p/user/u"), Some(Severity::High));
        assert_eq!(sev("org/o1/project/*/user/u"), Some(Severity::High));
        assert_eq!(sev("org/o1/project/p1/user/*"), None);
        assert_eq!(sev("{*}:{step}"), Some(Severity::High));
        assert_eq!(sev("{repo-uuid}:{env-uuid}:*"), None);
        assert_eq!(sev("*"), Some(Severity::Critical));
        assert_eq!(sev("*-deployer"), Some(Severity::Critical));
        assert_eq!(sev("deployer-*"), None);
        assert_eq!(sev(""), None);
    }

    #[test]
    fn provider_ceilings() {
        assert_eq!(
            provider_ceiling(Some("token.actions.githubusercontent.com")),
            Severity::Critical
        );
        assert_eq!(provider_ceiling(Some("gitlab.com")), Severity::Critical);
        assert_eq!(provider_ceiling(None), Severity::Critical);
        assert_eq!(
            provider_ceiling(Some("oidc.eks.eu-west-1.amazonaws.com/id/ABC123")),
            Severity::High
        );
        assert_eq!(
            provider_ceiling(Some(
                "api.bitbucket.org/2.0/workspaces/acme/pipelines-config/identity/oidc"
            )),
            Severity::High
        );
        assert_eq!(
            provider_ceiling(Some("oidc.circleci.com/org/1234")),
            Severity::High
        );
    }

    #[test]
    fn provider_host_strips_the_arn() {
        assert_eq!(
            provider_host(
                "arn:aws:iam::123456789012:oidc-provider/Token.Actions.GitHubUserContent.com"
            ),
            "token.actions.githubusercontent.com"
        );
        assert_eq!(
            provider_host("cognito-identity.amazonaws.com"),
            "cognito-identity.amazonaws.com"
        );
    }
}

/// Hand-built models for the IAM checks' unit tests: they must not depend on a frontend.
#[cfg(test)]
pub(crate) mod testing {
    use palisade_iam::{
        Condition, Effect, PolicyDocument, PolicyKind, PrincipalEntry, Principals, Statement,
        Strings,
    };
    use palisade_model::{
        AttachedPolicy, Format, Model, Resource, Span, StrPart, Value, ValueKind,
    };
    use palisade_source::FileId;

    /// A span whose start is `at`: tests identify values by it.
    pub fn sp(at: usize) -> Span {
        Span::new(FileId(0), at, at + 1)
    }

    /// A literal string at `at`.
    pub fn lit(text: &str, at: usize) -> Value<String> {
        Value::literal(text.to_string(), sp(at))
    }

    /// `text` with `\u{0}` marking unknown parts (`repo:\u{0}/*` is `!Sub repo:${Org}/*`).
    pub fn partial(text: &str, at: usize) -> Value<String> {
        let mut parts = Vec::new();
        for (i, piece) in text.split('\u{0}').enumerate() {
            if i > 0 {
                parts.push(StrPart::Unknown);
            }
            if !piece.is_empty() {
                parts.push(StrPart::Text(piece.to_string()));
            }
        }
        Value {
            kind: ValueKind::Partial(parts),
            span: sp(at),
            defined_at: None,
        }
    }

    pub fn list(items: Vec<Value<String>>, at: usize) -> Strings {
        Value::literal(items, sp(at))
    }

    pub fn principal(kind: &str, values: Vec<Value<String>>) -> Principals {
        Principals {
            entries: vec![PrincipalEntry {
                kind: kind.into(),
                values: list(values, 900),
            }],
            span: sp(900),
            complete: true,
        }
    }

    pub fn condition(operator: &str, key: &str, values: Vec<Value<String>>) -> Condition {
        Condition {
            operator: operator.into(),
            key: key.into(),
            values: list(values, 800),
            span: sp(800),
        }
    }

    /// An `Allow` (or `Deny`) statement with these actions; no condition.
    pub fn statement(effect: Effect, actions: Vec<Value<String>>) -> Statement {
        Statement {
            sid: None,
            effect: Value::literal(effect, sp(700)),
            action: Some(list(actions, 701)),
            not_action: None,
            resource: None,
            not_resource: None,
            principal: None,
            not_principal: None,
            condition: Value::omitted(Vec::new(), sp(702)),
            span: sp(703),
            when: Vec::new(),
        }
    }

    pub fn with_conditions(mut s: Statement, conditions: Vec<Condition>) -> Statement {
        s.condition = Value::literal(conditions, sp(704));
        s
    }

    /// A GitHub Actions web-identity trust statement with the action at 10.
    pub fn github_trust(conditions: Vec<Condition>) -> Statement {
        let mut s = statement(
            Effect::Allow,
            vec![lit("sts:AssumeRoleWithWebIdentity", 10)],
        );
        s.principal = Some(principal(
            "Federated",
            vec![lit(
                "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
                11,
            )],
        ));
        with_conditions(s, conditions)
    }

    /// A model with one policy, owned by a resource of `kind` (or standalone when `None`).
    pub fn model_with(
        kind: Option<&str>,
        policy_kind: PolicyKind,
        statements: Vec<Statement>,
    ) -> Model {
        let mut model = Model::default();
        let owner = kind.map(|kind| {
            model.add_resource(Resource {
                address: "owner".into(),
                kind: kind.into(),
                format: Format::Terraform,
                header: sp(1),
                extent: Span::new(FileId(0), 0, 10_000),
                trace: Vec::new(),
                construct: None,
            })
        });
        model.policies.push(AttachedPolicy {
            owner,
            attribute: "policy".into(),
            document: PolicyDocument {
                kind: policy_kind,
                statements,
                span: sp(2),
                complete: true,
            },
        });
        model
    }
}
