//! IAM: roles (trust policy and inline policies), users, groups, managed and inline policies,
//! and the links from policies to the principals they apply to; access keys, login profiles
//! and managed policies attached directly to users; the inline policies of IAM Identity
//! Center permission sets.

use super::*;
use palisade_model::iam_facts::{IamFact, IamFactKind};

const ROLE: &[&str] = &["AWS::IAM::Role"];
const USER: &[&str] = &["AWS::IAM::User"];
const GROUP: &[&str] = &["AWS::IAM::Group"];
const MANAGED_POLICY: &[&str] = &["AWS::IAM::ManagedPolicy"];

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "AWS::IAM::Role",
        "AWS::IAM::User",
        "AWS::IAM::Group",
        "AWS::IAM::Policy",
        "AWS::IAM::ManagedPolicy",
        "AWS::IAM::RolePolicy",
        "AWS::IAM::UserPolicy",
        "AWS::IAM::GroupPolicy",
        "AWS::IAM::AccessKey",
        "AWS::SSO::PermissionSet",
    ],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[
    (
        "AWS::IAM::Role",
        "PermissionsBoundary",
        LinkKind::PermissionsBoundary,
        MANAGED_POLICY,
    ),
    (
        "AWS::IAM::User",
        "PermissionsBoundary",
        LinkKind::PermissionsBoundary,
        MANAGED_POLICY,
    ),
    ("AWS::IAM::Policy", "Roles", LinkKind::Principal, ROLE),
    ("AWS::IAM::Policy", "Users", LinkKind::Principal, USER),
    ("AWS::IAM::Policy", "Groups", LinkKind::Principal, GROUP),
    (
        "AWS::IAM::ManagedPolicy",
        "Roles",
        LinkKind::Principal,
        ROLE,
    ),
    (
        "AWS::IAM::ManagedPolicy",
        "Users",
        LinkKind::Principal,
        USER,
    ),
    (
        "AWS::IAM::ManagedPolicy",
        "Groups",
        LinkKind::Principal,
        GROUP,
    ),
    (
        "AWS::IAM::RolePolicy",
        "RoleName",
        LinkKind::Principal,
        ROLE,
    ),
    (
        "AWS::IAM::UserPolicy",
        "UserName",
        LinkKind::Principal,
        USER,
    ),
    (
        "AWS::IAM::GroupPolicy",
        "GroupName",
        LinkKind::Principal,
        GROUP,
    ),
    (
        "AWS::IAM::Role",
        "ManagedPolicyArns",
        LinkKind::Policy,
        MANAGED_POLICY,
    ),
    (
        "AWS::IAM::User",
        "ManagedPolicyArns",
        LinkKind::Policy,
        MANAGED_POLICY,
    ),
    (
        "AWS::IAM::Group",
        "ManagedPolicyArns",
        LinkKind::Policy,
        MANAGED_POLICY,
    ),
];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    match kind {
        "AWS::IAM::Role" => {
            r.policy_at("AssumeRolePolicyDocument", PolicyKind::Trust);
            r.inline_policies();
        }
        "AWS::IAM::User" => {
            r.inline_policies();
            r.user_facts("ManagedPolicyArns");
            if let Some(span) = property_span(r.props, "LoginProfile") {
                if present(r.props, "LoginProfile").is_some() {
                    r.fact(span, IamFactKind::LoginProfile);
                }
            }
            r.password(
                &["LoginProfile", "Password"],
                palisade_model::secrets::PasswordService::IamUser,
                "console password",
            );
        }
        "AWS::IAM::Group" => r.inline_policies(),
        "AWS::IAM::Policy" | "AWS::IAM::ManagedPolicy" => {
            r.policy_at("PolicyDocument", PolicyKind::Identity);
            r.user_facts("Users");
        }
        "AWS::IAM::RolePolicy" | "AWS::IAM::UserPolicy" | "AWS::IAM::GroupPolicy" => {
            r.policy_at("PolicyDocument", PolicyKind::Identity)
        }
        // IAM Identity Center: the permissions of everyone given the permission set.
        "AWS::SSO::PermissionSet" => r.policy_at("InlinePolicy", PolicyKind::Identity),
        "AWS::IAM::AccessKey" => {
            let active = match present(r.props, "Status") {
                Some(s) => s
                    .to_string_value()
                    .map(&mut |s: String| !s.eq_ignore_ascii_case("Inactive")),
                None => Value::omitted(true, r.header),
            };
            let header = r.header;
            r.fact(header, IamFactKind::AccessKey { active });
        }
        _ => {}
    }
}

impl Adapter<'_> {
    fn fact(&mut self, span: Span, kind: IamFactKind) {
        self.model.iam.push(IamFact {
            owner: self.id,
            span,
            kind,
        });
    }

    /// A known, non-empty list of managed policies (`ManagedPolicyArns`) or users (`Users`)
    /// attaches managed policies directly to users.
    fn user_facts(&mut self, key: &str) {
        let Some(list) = present(self.props, key) else {
            return;
        };
        if !matches!(&list.kind, NodeKind::List(items) if !items.is_empty()) {
            return;
        }
        if let Some(span) = property_span(self.props, key) {
            self.fact(span, IamFactKind::UserAttachment);
        }
    }

    fn inline_policies(&mut self) {
        let Some(list) = present(self.props, "Policies") else {
            return;
        };
        let list = list.clone();
        for (i, (item, when)) in flat_items_when(&list).into_iter().enumerate() {
            let Some(doc) = present(item, "PolicyDocument") else {
                continue;
            };
            let attribute = match present(item, "PolicyName").and_then(scalar_node_text) {
                Some(name) => format!("Policies[{name}]"),
                None => format!("Policies[{i}]"),
            };
            self.attach_policy_when(doc, PolicyKind::Identity, attribute, &when);
        }
    }
}
