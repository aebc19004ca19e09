//! The shared resource model.
//!
//! Frontends (Terraform, CloudFormation, IAM JSON) fill a [`Model`]; checks read it and never
//! see syntax. Each service has its own typed facts; every fact is a [`Value`] with a span and
//! a provenance.
//!
//! [`Node`] is the format-neutral evaluated value tree that frontends build from their syntax
//! before adapting it into typed facts; [`policy::policy_from_node`] turns any JSON-shaped node
//! (a CloudFormation policy, a Terraform `jsonencode`, a standalone policy file) into an IAM
//! [`PolicyDocument`], so policy parsing exists once.

pub mod ec2;
pub mod encryption;
pub mod node;
pub mod policy;

pub use ec2::{Direction, NaclRule, SecurityGroupRule, SgSource};
pub use encryption::{EncryptionAtRest, KmsKey, Service};
pub use node::{Node, NodeKind};
pub use palisade_iam as iam;
pub use palisade_iam::{PolicyDocument, PolicyKind};
pub use palisade_source::{Candidate, Provenance, Reference, Span, StrPart, Value, ValueKind};

/// The input format a resource was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Terraform,
    CloudFormation,
    IamJson,
}

/// Index into [`Model::resources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResourceId(pub usize);

/// A declared resource (or data source), the unit findings are attributed to.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    /// Terraform address (`aws_security_group.web`, `module.net.aws_security_group.web`,
    /// `data.aws_iam_policy_document.x`) or CloudFormation logical id.
    pub address: String,
    /// `aws_security_group` or `AWS::EC2::SecurityGroup`.
    pub kind: String,
    pub format: Format,
    /// The header: `resource "aws_db_instance" "x"` or the logical id key. Findings about
    /// something missing point here.
    pub header: Span,
    /// The whole resource block.
    pub extent: Span,
    /// Module call sites through which this resource was reached, outermost first.
    pub trace: Vec<Span>,
}

/// Where a policy document is attached.
#[derive(Clone, Debug, PartialEq)]
pub struct AttachedPolicy {
    /// The resource holding the document; `None` for a standalone policy file.
    pub owner: Option<ResourceId>,
    /// The attribute holding it (`assume_role_policy`, `PolicyDocument`, ...), for messages.
    pub attribute: String,
    pub document: PolicyDocument,
}

/// Everything the frontends learned about one scan unit (a Terraform module directory, a
/// template, a policy file).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    pub resources: Vec<Resource>,
    pub policies: Vec<AttachedPolicy>,
    pub security_group_rules: Vec<SecurityGroupRule>,
    pub nacl_rules: Vec<NaclRule>,
    pub encryption: Vec<EncryptionAtRest>,
    pub kms_keys: Vec<KmsKey>,
}

impl Model {
    pub fn add_resource(&mut self, resource: Resource) -> ResourceId {
        self.resources.push(resource);
        ResourceId(self.resources.len() - 1)
    }

    pub fn resource(&self, id: ResourceId) -> &Resource {
        &self.resources[id.0]
    }

    /// Appends another model, renumbering its resource ids.
    pub fn extend(&mut self, other: Model) {
        let offset = self.resources.len();
        let shift = |id: ResourceId| ResourceId(id.0 + offset);
        self.resources.extend(other.resources);
        self.policies
            .extend(other.policies.into_iter().map(|mut p| {
                p.owner = p.owner.map(shift);
                p
            }));
        self.security_group_rules
            .extend(other.security_group_rules.into_iter().map(|mut r| {
                r.owner = shift(r.owner);
                r
            }));
        self.nacl_rules
            .extend(other.nacl_rules.into_iter().map(|mut r| {
                r.owner = shift(r.owner);
                r
            }));
        self.encryption
            .extend(other.encryption.into_iter().map(|mut e| {
                e.owner = shift(e.owner);
                e
            }));
        self.kms_keys
            .extend(other.kms_keys.into_iter().map(|mut k| {
                k.owner = shift(k.owner);
                k
            }));
    }
}

/// What a frontend returns for one scan unit: the facts it learned and the problems it met.
/// A frontend never fails as a whole: broken input yields diagnostics plus whatever parsed.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub model: Model,
    pub diagnostics: Vec<palisade_source::Diagnostic>,
}
