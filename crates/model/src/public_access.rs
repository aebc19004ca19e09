//! Whether managed services are reachable from the internet: the `publicly_accessible` flag
//! of databases and replication instances, search domains outside a VPC, EKS API endpoints,
//! Lambda function URLs.

use crate::ResourceId;
use palisade_source::{Span, Value};

/// The services with a "publicly accessible" switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Endpoint {
    /// `aws_db_instance`, `AWS::RDS::DBInstance` (also the instances of Aurora clusters
    /// written as `AWS::RDS::DBInstance` with `DBClusterIdentifier`).
    RdsInstance,
    /// `aws_rds_cluster_instance`.
    RdsClusterInstance,
    /// `aws_redshift_cluster`, `AWS::Redshift::Cluster`.
    Redshift,
    /// `aws_dms_replication_instance`, `AWS::DMS::ReplicationInstance`.
    Dms,
    /// `aws_neptune_cluster_instance` (Neptune has no public endpoints; the argument exists
    /// and AWS rejects `true`).
    Neptune,
}

impl Endpoint {
    /// For messages: `RDS instance`.
    pub fn noun(self) -> &'static str {
        match self {
            Endpoint::RdsInstance => "RDS instance",
            Endpoint::RdsClusterInstance => "RDS cluster instance",
            Endpoint::Redshift => "Redshift cluster",
            Endpoint::Dms => "DMS replication instance",
            Endpoint::Neptune => "Neptune instance",
        }
    }
}

/// A resource with a `publicly_accessible` / `PubliclyAccessible` switch.
///
/// | service | not written means |
/// |---|---|
/// | RDS instance, cluster instance | `false` in Terraform; in CloudFormation it depends on the subnet group: an instance without `DBSubnetGroupName` lands in the default VPC and is public (`Omitted(true)`), one with a subnet group is private unless its subnets route to an internet gateway (`Omitted(false)`) |
/// | Redshift | `false` (AWS provider 5 and the current API default) |
/// | DMS | `false` in Terraform; `true` in CloudFormation (the API default) |
/// | Neptune | `false` |
#[derive(Clone, Debug, PartialEq)]
pub struct PublicAccess {
    pub owner: ResourceId,
    pub endpoint: Endpoint,
    pub publicly_accessible: Value<bool>,
}

/// An OpenSearch or Elasticsearch domain: `aws_opensearch_domain`, `aws_elasticsearch_domain`,
/// `AWS::OpenSearchService::Domain`, `AWS::Elasticsearch::Domain`.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchDomain {
    pub owner: ResourceId,
    /// The `vpc_options` / `VPCOptions` block when written (the domain is in a VPC); `None`
    /// means a public endpoint.
    pub vpc_options: Option<Span>,
}

/// An EKS cluster's API server endpoint (`vpc_config` / `ResourcesVpcConfig`).
#[derive(Clone, Debug, PartialEq)]
pub struct EksEndpoint {
    pub owner: ResourceId,
    /// `endpoint_public_access` / `EndpointPublicAccess`; `Omitted(true)` (the EKS default)
    /// when not written.
    pub public_access: Value<bool>,
    /// `endpoint_private_access` / `EndpointPrivateAccess`; `Omitted(false)`.
    pub private_access: Value<bool>,
    /// `public_access_cidrs` / `PublicAccessCidrs` when written; `None` means the default
    /// `0.0.0.0/0`.
    pub public_access_cidrs: Option<Vec<Value<String>>>,
    /// The `vpc_config` block, else the header.
    pub span: Span,
}

/// A Lambda function URL: `aws_lambda_function_url`, `AWS::Lambda::Url`.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionUrl {
    pub owner: ResourceId,
    /// `authorization_type` / `AuthType`: `AWS_IAM` or `NONE` (required in both formats).
    pub auth_type: Value<String>,
}
