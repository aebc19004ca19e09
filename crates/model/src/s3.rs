//! S3 exposure: public access blocks, ACLs, object ownership, versioning and which resources
//! hold bucket policies. (Encryption at rest of buckets is in [`crate::encryption`].)

use crate::{LinkKind, Model, ResourceId};
use palisade_source::{Span, Value};

/// The canonical user id of the account CloudFront delivers standard logs from (the
/// `awslogsdelivery` account) in the commercial partition, and in the China regions.
pub const CLOUDFRONT_LOG_DELIVERY_CANONICAL_ID: &str =
    "c4c1ede66af53448b93c283ce9448c4ba468c9432aa01d700d3878632f77d2d0";
pub const CLOUDFRONT_LOG_DELIVERY_CANONICAL_ID_CN: &str =
    "a52cb28745c0c06e84ec548334e44bfa7fc2a85c54af20cd59e4969344b7af56";

/// Whether a grantee's canonical id is CloudFront's log delivery account.
pub fn is_cloudfront_log_delivery(id: &str) -> bool {
    let id = id.trim();
    id.eq_ignore_ascii_case(CLOUDFRONT_LOG_DELIVERY_CANONICAL_ID)
        || id.eq_ignore_ascii_case(CLOUDFRONT_LOG_DELIVERY_CANONICAL_ID_CN)
}

/// What one scan unit declares about its buckets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct S3 {
    /// Every bucket (`aws_s3_bucket`, `AWS::S3::Bucket`).
    pub buckets: Vec<ResourceId>,
    pub public_access_blocks: Vec<PublicAccessBlock>,
    pub acls: Vec<Acl>,
    pub ownership: Vec<ObjectOwnership>,
    pub versioning: Vec<Versioning>,
    /// Resources holding a bucket policy document: `aws_s3_bucket_policy`,
    /// `AWS::S3::BucketPolicy`, a provider v3 bucket's `policy` (the documents themselves are in
    /// [`Model::policies`], owned by these resources).
    pub policy_holders: Vec<ResourceId>,
    /// Literal bucket names (`bucket`, `BucketName`), for resources that name a bucket by
    /// name rather than by reference (a trail's `s3_bucket_name`, a logging target).
    pub names: Vec<BucketName>,
    /// Server access logging declared for a bucket.
    pub access_logging: Vec<AccessLogging>,
}

/// A bucket's name as written.
#[derive(Clone, Debug, PartialEq)]
pub struct BucketName {
    pub owner: ResourceId,
    pub name: Value<String>,
}

/// Server access logging: a bucket's own `logging` block / `LoggingConfiguration` (owner =
/// the bucket), or an `aws_s3_bucket_logging` (owner = that resource, linked to its bucket).
#[derive(Clone, Debug, PartialEq)]
pub struct AccessLogging {
    pub owner: ResourceId,
    /// The bucket the logs go to, as written, if any.
    pub target: Option<Value<String>>,
}

/// A public access block: a bucket's (`aws_s3_bucket_public_access_block`, linked to its bucket
/// with [`LinkKind::Bucket`], or the bucket's own `PublicAccessBlockConfiguration`), or the
/// account's (`aws_s3_account_public_access_block`). Each flag is `Omitted(false)` when not
/// written: the provider and CloudFormation both default an unwritten flag to `false`. A
/// configuration given whole by an unknown value has four unknown flags.
#[derive(Clone, Debug, PartialEq)]
pub struct PublicAccessBlock {
    pub owner: ResourceId,
    /// Account-wide rather than one bucket's.
    pub account: bool,
    pub block_public_acls: Value<bool>,
    pub block_public_policy: Value<bool>,
    pub ignore_public_acls: Value<bool>,
    pub restrict_public_buckets: Value<bool>,
    /// The block (resource header, or the `PublicAccessBlockConfiguration` key): where an
    /// unwritten flag is reported.
    pub span: Span,
}

/// One of the four settings of a public access block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BlockFlag {
    BlockPublicAcls,
    BlockPublicPolicy,
    IgnorePublicAcls,
    RestrictPublicBuckets,
}

impl BlockFlag {
    pub const ALL: [BlockFlag; 4] = [
        BlockFlag::BlockPublicAcls,
        BlockFlag::BlockPublicPolicy,
        BlockFlag::IgnorePublicAcls,
        BlockFlag::RestrictPublicBuckets,
    ];
}

impl PublicAccessBlock {
    pub fn flag(&self, flag: BlockFlag) -> &Value<bool> {
        match flag {
            BlockFlag::BlockPublicAcls => &self.block_public_acls,
            BlockFlag::BlockPublicPolicy => &self.block_public_policy,
            BlockFlag::IgnorePublicAcls => &self.ignore_public_acls,
            BlockFlag::RestrictPublicBuckets => &self.restrict_public_buckets,
        }
    }

    /// Some flag is, or under some condition may be, off (unknown flags are not).
    pub fn may_be_off(&self) -> bool {
        BlockFlag::ALL
            .iter()
            .any(|f| self.flag(*f).candidates().iter().any(|c| !*c.value))
    }
}

/// An access control list: a bucket's own `acl` / `grant` / `AccessControl`, or an
/// `aws_s3_bucket_acl` (linked to its bucket).
#[derive(Clone, Debug, PartialEq)]
pub struct Acl {
    pub owner: ResourceId,
    /// The canned ACL as written: `public-read` (Terraform) or `PublicRead` (CloudFormation).
    pub canned: Option<Value<String>>,
    pub grants: Vec<Grant>,
}

/// A grant of an ACL to a group, by URI (`http://acs.amazonaws.com/groups/global/AllUsers`).
/// Grants to canonical users or e-mail addresses are not recorded.
#[derive(Clone, Debug, PartialEq)]
pub struct Grant {
    pub uri: Value<String>,
    /// `READ`, `WRITE`, `READ_ACP`, `WRITE_ACP`, `FULL_CONTROL`.
    pub permission: Value<String>,
    /// The grantee's URI attribute.
    pub span: Span,
}

/// Object ownership (`aws_s3_bucket_ownership_controls`, `OwnershipControls`):
/// `BucketOwnerEnforced` disables ACLs; `BucketOwnerPreferred` and `ObjectWriter` keep them.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectOwnership {
    pub owner: ResourceId,
    pub ownership: Value<String>,
}

/// Declared versioning (`aws_s3_bucket_versioning`, a v3 bucket's `versioning` block,
/// `VersioningConfiguration`): `true` for `Enabled`, `false` for `Suspended` / `Disabled` /
/// `enabled = false`. Nothing is recorded for a bucket that declares nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct Versioning {
    pub owner: ResourceId,
    pub enabled: Value<bool>,
}

impl S3 {
    /// The bucket a configuration belongs to: the resource itself when it is a bucket, else
    /// the bucket it is linked to.
    pub fn bucket_of(&self, model: &Model, owner: ResourceId) -> Option<ResourceId> {
        if self.buckets.contains(&owner) {
            Some(owner)
        } else {
            model.link_from(owner, LinkKind::Bucket)
        }
    }

    fn shift(&mut self, offset: usize) {
        let shift = |id: &mut ResourceId| id.0 += offset;
        self.buckets.iter_mut().for_each(shift);
        self.policy_holders.iter_mut().for_each(shift);
        self.public_access_blocks
            .iter_mut()
            .for_each(|b| shift(&mut b.owner));
        self.acls.iter_mut().for_each(|a| shift(&mut a.owner));
        self.ownership.iter_mut().for_each(|o| shift(&mut o.owner));
        self.versioning.iter_mut().for_each(|v| shift(&mut v.owner));
        self.names.iter_mut().for_each(|n| shift(&mut n.owner));
        self.access_logging
            .iter_mut()
            .for_each(|l| shift(&mut l.owner));
    }

    /// Appends another unit's facts, renumbering their resource ids by `offset` (for
    /// [`Model::extend`]).
    pub fn extend(&mut self, mut other: S3, offset: usize) {
        other.shift(offset);
        self.buckets.extend(other.buckets);
        self.public_access_blocks.extend(other.public_access_blocks);
        self.acls.extend(other.acls);
        self.ownership.extend(other.ownership);
        self.versioning.extend(other.versioning);
        self.policy_holders.extend(other.policy_holders);
        self.names.extend(other.names);
        self.access_logging.extend(other.access_logging);
    }
}
