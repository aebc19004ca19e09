//! IAM: roles (trust policy and inline policies), users, groups, managed and inline policies,
//! and the links from policies to the principals they apply to.

use super::*;

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
    ],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[
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
        "AWS::IAM::User" | "AWS::IAM::Group" => r.inline_policies(),
        "AWS::IAM::Policy"
        | "AWS::IAM::ManagedPolicy"
        | "AWS::IAM::RolePolicy"
        | "AWS::IAM::UserPolicy"
        | "AWS::IAM::GroupPolicy" => r.policy_at("PolicyDocument", PolicyKind::Identity),
        _ => {}
    }
}

impl Adapter<'_> {
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
