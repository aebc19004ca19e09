//! EC2 compute: instances, launch templates and launch configurations, as far as the network
//! sees them (public addresses, security group membership, the instance metadata service).
//!
//! Security group membership is a [`crate::LinkKind::MemberOf`] link from the instance (or
//! template, or configuration, or database) to each declared group; the written values are
//! kept too, because a group named by a literal (`"default"`, `sg-...`) or through a data
//! source gives no link.

use crate::ResourceId;
use palisade_source::{Span, Value, ValueKind};

/// Which kind of EC2 launch a [`Launch`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LaunchKind {
    /// `aws_instance`, `AWS::EC2::Instance`.
    Instance,
    /// `aws_launch_template`, `AWS::EC2::LaunchTemplate` (its `LaunchTemplateData`).
    LaunchTemplate,
    /// `aws_launch_configuration`, `AWS::AutoScaling::LaunchConfiguration`.
    LaunchConfiguration,
}

impl LaunchKind {
    pub fn noun(self) -> &'static str {
        match self {
            LaunchKind::Instance => "instance",
            LaunchKind::LaunchTemplate => "launch template",
            LaunchKind::LaunchConfiguration => "launch configuration",
        }
    }
}

/// The instance metadata service options (`metadata_options` / `MetadataOptions`).
#[derive(Clone, Debug, PartialEq)]
pub struct MetadataOptions {
    /// `http_tokens` / `HttpTokens`: `required` (IMDSv2 only) or `optional`; `Omitted`
    /// (`optional`, the EC2 default for an AMI that does not say otherwise) at the block or
    /// the header when not written.
    pub http_tokens: Value<String>,
    /// `http_endpoint` / `HttpEndpoint`: `enabled` (`Omitted` when not written) or
    /// `disabled`.
    pub http_endpoint: Value<String>,
    /// `http_put_response_hop_limit` / `HttpPutResponseHopLimit`; `None` when not written
    /// (the default is 1, or 2 for AMIs that require IMDSv2).
    pub hop_limit: Option<Value<i64>>,
    /// The `metadata_options` block, else the resource header: where a missing setting is
    /// reported.
    pub span: Span,
}

/// An instance, launch template or launch configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Launch {
    pub owner: ResourceId,
    pub kind: LaunchKind,
    /// `associate_public_ip_address` / `AssociatePublicIpAddress` (on the resource, or on its
    /// first network interface), `None` when not written: the subnet decides.
    pub public_ip: Option<Value<bool>>,
    pub metadata: MetadataOptions,
    /// The security groups written (`vpc_security_group_ids`, `security_groups`,
    /// `network_interfaces.security_groups` / `SecurityGroupIds`, `SecurityGroups`,
    /// `NetworkInterfaces[].GroupSet`), each as written. Groups declared in the unit are also
    /// [`crate::LinkKind::MemberOf`] links.
    pub security_groups: Vec<Value<String>>,
    /// The launch gets its groups elsewhere: an instance started from a launch template, or
    /// attached to a declared network interface. Then no written groups does not mean the
    /// default group.
    pub groups_elsewhere: bool,
    /// An instance started from a launch template (`launch_template` / `LaunchTemplate`):
    /// what it does not write itself (metadata options, public address) comes from the
    /// template.
    pub from_template: bool,
}

/// True for a written security group value that names a VPC's default group: the name
/// `default`, a reference to an `aws_default_security_group`, to
/// `aws_vpc.X.default_security_group_id`, or `!GetAtt Vpc.DefaultSecurityGroup`. Unknown
/// values and other groups are false.
pub fn names_default_group(value: &Value<String>) -> bool {
    match &value.kind {
        ValueKind::Known(v, _) => v.trim() == "default",
        ValueKind::Reference(r) => {
            let local = crate::module_local_address(&r.target);
            local.starts_with("aws_default_security_group.")
                || r.attribute.as_deref().is_some_and(|a| {
                    a == "default_security_group_id" || a == "DefaultSecurityGroup"
                })
        }
        _ => false,
    }
}
