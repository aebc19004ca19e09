//! IAM: identity policies (managed and inline), roles with their trust policy, and the users,
//! groups and attachments read for their links.

use super::{attach, blocks, Cx, LinkRow, ServiceAdapter};
use palisade_model::{LinkKind, Node, PolicyKind, ResourceId, Span};

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

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, _header: Span) {
    match kind {
        "aws_iam_policy"
        | "aws_iam_role_policy"
        | "aws_iam_user_policy"
        | "aws_iam_group_policy" => attach(cx, id, n, "policy", PolicyKind::Identity),
        "aws_iam_role" => {
            attach(cx, id, n, "assume_role_policy", PolicyKind::Trust);
            for (b, _) in blocks(n, "inline_policy") {
                attach(cx, id, b, "policy", PolicyKind::Identity);
            }
        }
        _ => {}
    }
}
