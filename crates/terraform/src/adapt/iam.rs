//! IAM: identity policies (managed and inline), roles with their trust policy, and the users,
//! groups and attachments read for their links; access keys, login profiles, the account
//! password policy and managed policies attached directly to users; the inline policies of
//! IAM Identity Center permission sets.

use super::{attach, blocks, entry, is_null, string, Cx, LinkRow, ServiceAdapter};
use palisade_model::iam_facts::{IamFact, IamFactKind};
use palisade_model::{LinkKind, Node, NodeKind, PolicyKind, ResourceId, Span, Value};

const ROLE: &[&str] = &["aws_iam_role"];
const USER: &[&str] = &["aws_iam_user"];
const GROUP: &[&str] = &["aws_iam_group"];
const POLICY: &[&str] = &["aws_iam_policy"];

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "aws_iam_policy",
        "aws_iam_role",
        "aws_iam_role_policy",
        "aws_iam_user_policy",
        "aws_iam_group_policy",
        "aws_iam_access_key",
        "aws_iam_user_login_profile",
        "aws_iam_account_password_policy",
        "aws_ssoadmin_permission_set_inline_policy",
    ],
    link_only: &[
        "aws_iam_user",
        "aws_iam_group",
        "aws_iam_role_policy_attachment",
        "aws_iam_user_policy_attachment",
        "aws_iam_group_policy_attachment",
        "aws_iam_policy_attachment",
    ],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[
    (
        "aws_iam_role",
        "permissions_boundary",
        LinkKind::PermissionsBoundary,
        POLICY,
    ),
    (
        "aws_iam_user",
        "permissions_boundary",
        LinkKind::PermissionsBoundary,
        POLICY,
    ),
    ("aws_iam_role_policy", "role", LinkKind::Principal, ROLE),
    ("aws_iam_user_policy", "user", LinkKind::Principal, USER),
    ("aws_iam_group_policy", "group", LinkKind::Principal, GROUP),
    (
        "aws_iam_role_policy_attachment",
        "role",
        LinkKind::Principal,
        ROLE,
    ),
    (
        "aws_iam_role_policy_attachment",
        "policy_arn",
        LinkKind::Policy,
        POLICY,
    ),
    (
        "aws_iam_user_policy_attachment",
        "user",
        LinkKind::Principal,
        USER,
    ),
    (
        "aws_iam_user_policy_attachment",
        "policy_arn",
        LinkKind::Policy,
        POLICY,
    ),
    (
        "aws_iam_group_policy_attachment",
        "group",
        LinkKind::Principal,
        GROUP,
    ),
    (
        "aws_iam_group_policy_attachment",
        "policy_arn",
        LinkKind::Policy,
        POLICY,
    ),
    (
        "aws_iam_policy_attachment",
        "roles",
        LinkKind::Principal,
        ROLE,
    ),
    (
        "aws_iam_policy_attachment",
        "users",
        LinkKind::Principal,
        USER,
    ),
    (
        "aws_iam_policy_attachment",
        "groups",
        LinkKind::Principal,
        GROUP,
    ),
    (
        "aws_iam_policy_attachment",
        "policy_arn",
        LinkKind::Policy,
        POLICY,
    ),
];

fn fact(cx: &mut Cx, owner: ResourceId, span: Span, kind: IamFactKind) {
    cx.model.iam.push(IamFact { owner, span, kind });
}

/// An integer attribute, or the service default at the header when absent.
fn int(n: &Node, name: &str, default: i64, header: Span) -> Value<i64> {
    match entry(n, name) {
        Some((k, v)) if !is_null(v) => {
            let mut value = v.to_int_value();
            value.span = k.span;
            value
        }
        _ => Value::omitted(default, header),
    }
}

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_iam_access_key" => {
            let active = match string(n, "status") {
                Some(s) => s.map(&mut |s: String| !s.eq_ignore_ascii_case("Inactive")),
                None => Value::omitted(true, header),
            };
            fact(cx, id, header, IamFactKind::AccessKey { active });
        }
        "aws_iam_user_login_profile" => fact(cx, id, header, IamFactKind::LoginProfile),
        "aws_iam_account_password_policy" => {
            let kind = IamFactKind::PasswordPolicy {
                minimum_length: int(n, "minimum_password_length", 6, header),
                reuse_prevention: int(n, "password_reuse_prevention", 0, header),
            };
            fact(cx, id, header, kind);
        }
        "aws_iam_user_policy_attachment" => fact(cx, id, header, IamFactKind::UserAttachment),
        "aws_iam_policy_attachment" => {
            // A known, non-empty `users` list (an unknown one is not judged).
            if let Some((k, v)) = entry(n, "users") {
                if matches!(&v.kind, NodeKind::List(items) if !items.is_empty()) {
                    fact(cx, id, k.span, IamFactKind::UserAttachment);
                }
            }
        }
        "aws_iam_policy"
        | "aws_iam_role_policy"
        | "aws_iam_user_policy"
        | "aws_iam_group_policy" => attach(cx, id, n, "policy", PolicyKind::Identity),
        // IAM Identity Center: the permissions of everyone given the permission set.
        "aws_ssoadmin_permission_set_inline_policy" => {
            attach(cx, id, n, "inline_policy", PolicyKind::Identity)
        }
        "aws_iam_role" => {
            attach(cx, id, n, "assume_role_policy", PolicyKind::Trust);
            for (b, _) in blocks(n, "inline_policy") {
                attach(cx, id, b, "policy", PolicyKind::Identity);
            }
        }
        _ => {}
    }
}
