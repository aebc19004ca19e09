//! IAM (the policy model itself is `palisade_iam`): facts about users and the account that are not policy documents (the documents are
//! [`crate::AttachedPolicy`]): managed policies attached directly to users, console
//! passwords, access keys, the account password policy.

use crate::{Owned, ResourceId};
use palisade_source::{Span, Value};

/// One IAM fact of a resource.
#[derive(Clone, Debug, PartialEq)]
pub struct IamFact {
    pub owner: ResourceId,
    /// The attribute that states it (`users = [...]`, `ManagedPolicyArns`, `LoginProfile`), or
    /// the resource header for a resource that is the fact (`aws_iam_access_key`).
    pub span: Span,
    pub kind: IamFactKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum IamFactKind {
    /// Managed policies attached directly to one or more users: `aws_iam_user_policy_attachment`,
    /// the `users` of `aws_iam_policy_attachment`, `ManagedPolicyArns` of `AWS::IAM::User`,
    /// `Users` of `AWS::IAM::Policy`/`ManagedPolicy`.
    UserAttachment,
    /// A console password for a user (`aws_iam_user_login_profile`, `LoginProfile`).
    LoginProfile,
    /// A long-lived access key; `active` is `Omitted(true)` when the status is not written.
    AccessKey { active: Value<bool> },
    /// The account password policy (`aws_iam_account_password_policy`). Omitted values are
    /// the service defaults: minimum length 8 (6 when no policy is set), no reuse prevention.
    PasswordPolicy {
        minimum_length: Value<i64>,
        reuse_prevention: Value<i64>,
    },
}

impl Owned for IamFact {
    fn shift(&mut self, offset: usize) {
        self.owner = ResourceId(self.owner.0 + offset);
    }
}
