//! Secrets written into configuration: service passwords, environment variables, template
//! parameters, plain SSM parameters; and which Secrets Manager secrets are rotated.

use crate::ResourceId;
use palisade_source::{Span, Value};

/// The services whose passwords and tokens a resource takes as an attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PasswordService {
    /// `aws_db_instance`, `aws_rds_cluster` `password` / `master_password`;
    /// `AWS::RDS::DBInstance`, `AWS::RDS::DBCluster` `MasterUserPassword`.
    Rds,
    /// `aws_redshift_cluster` `master_password`, `AWS::Redshift::Cluster` `MasterUserPassword`.
    Redshift,
    /// `aws_docdb_cluster` `master_password`, `AWS::DocDB::DBCluster` `MasterUserPassword`.
    DocumentDb,
    /// `aws_elasticache_replication_group` / `aws_elasticache_user` `auth_token` / `passwords`,
    /// `AWS::ElastiCache::ReplicationGroup` `AuthToken`, `AWS::ElastiCache::User` `Passwords`.
    ElastiCache,
    /// `advanced_security_options.master_user_options.master_user_password`,
    /// `AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword` (also Elasticsearch).
    OpenSearch,
    /// `aws_directory_service_directory` `password`, `AWS::DirectoryService::SimpleAD` /
    /// `MicrosoftAD` `Password`.
    DirectoryService,
    /// `aws_dms_endpoint` `password` (and `redis_settings.auth_password`),
    /// `AWS::DMS::Endpoint` `Password` (and `MongoDbSettings.Password`,
    /// `RedisSettings.AuthPassword`): the source or target database's credentials.
    Dms,
    /// `AWS::IAM::User` `LoginProfile.Password`: the user's console password (Terraform's
    /// `aws_iam_user_login_profile` generates it and takes no password).
    IamUser,
}

/// A password or token given to a resource as an attribute. Frontends record it whenever the
/// attribute is written: the value is unknown when it comes from a variable without default,
/// a data source, another resource (`random_password`), and a CloudFormation dynamic
/// reference (`{{resolve:secretsmanager:...}}`) stays a known string the checks recognise.
#[derive(Clone, Debug, PartialEq)]
pub struct ServicePassword {
    pub owner: ResourceId,
    pub service: PasswordService,
    /// What it is, for messages: `master password`, `auth token`.
    pub what: &'static str,
    pub value: Value<String>,
}

/// The services whose compute takes environment variables in plain text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EnvironmentService {
    Lambda,
    /// ECS task definition container definitions.
    Ecs,
    /// Batch job definition container properties.
    Batch,
}

/// One environment variable written in plain text (`environment { variables = {...} }`,
/// `Environment.Variables`, a container definition's `environment` list). Values taken from
/// Secrets Manager or SSM (`secrets`, `valueFrom`) are not environment variables here.
#[derive(Clone, Debug, PartialEq)]
pub struct EnvironmentVariable {
    pub owner: ResourceId,
    pub service: EnvironmentService,
    /// The variable's name, when known.
    pub name: Option<String>,
    pub value: Value<String>,
    /// The container, for ECS and Batch (`web`), when named.
    pub container: Option<String>,
    /// The name (key) of the variable: where a finding points.
    pub span: Span,
}

/// An input of the configuration: a CloudFormation template parameter or a Terraform
/// variable.
#[derive(Clone, Debug, PartialEq)]
pub struct TemplateParameter {
    /// `parameter` or `variable`, for messages.
    pub what: &'static str,
    pub name: String,
    /// The parameter's key, the variable's header.
    pub span: Span,
    /// The whole declaration.
    pub extent: Span,
    /// Whether the value is masked in output: `NoEcho` / `sensitive`; `Omitted(false)` at
    /// `span` when not written.
    pub masked: Value<bool>,
    /// `NoEcho` or `sensitive = true`, for messages.
    pub mask_name: &'static str,
    /// The default, when written; its span is the `Default` key / the `default` attribute.
    pub default: Option<Value<String>>,
    /// The declared type (`String`, `AWS::SSM::Parameter::Value<String>`, `string`).
    pub kind: Option<String>,
}

/// An SSM parameter (`aws_ssm_parameter`, `AWS::SSM::Parameter`).
#[derive(Clone, Debug, PartialEq)]
pub struct SsmParameter {
    pub owner: ResourceId,
    /// The parameter's name, when known.
    pub name: Option<String>,
    /// `String`, `StringList`, `SecureString`; `Omitted("String")` when not written
    /// (CloudFormation requires it; it cannot create a `SecureString`).
    pub kind: Value<String>,
    /// The value, when written (`value`, `insecure_value`, `Value`).
    pub value: Option<Value<String>>,
}

/// The user data of an instance, launch template or launch configuration (`user_data`,
/// `user_data_base64`, `UserData`): a script or cloud-init document that EC2 hands to the
/// instance and shows to anyone who can describe the instance attribute.
#[derive(Clone, Debug, PartialEq)]
pub struct UserData {
    pub owner: ResourceId,
    pub kind: crate::instance::LaunchKind,
    /// The text as written (a partial string when parts of it are unknown). Written base64
    /// (`user_data_base64`, a CloudFormation `UserData` not wrapped in `Fn::Base64`) is kept
    /// as written: the checks decode it.
    pub value: Value<String>,
}

/// The value written into a Secrets Manager secret (`SecretString` on
/// `AWS::SecretsManager::Secret`), as far as it is known: what the secret holds.
#[derive(Clone, Debug, PartialEq)]
pub struct SecretContent {
    pub owner: ResourceId,
    pub value: Value<String>,
}

/// A credential written into a CloudFormation resource's `AWS::CloudFormation::Authentication`
/// metadata (`accessKeyId`, `secretKey`, `password` of an `S3` or `basic` block): cfn-init
/// reads it, and so does anyone who can describe the stack's resources.
#[derive(Clone, Debug, PartialEq)]
pub struct MetadataCredential {
    pub owner: ResourceId,
    /// The authentication block's name (`S3AccessCreds`).
    pub block: String,
    /// The credential's key as written (`secretKey`).
    pub key: String,
    /// The key.
    pub span: Span,
}

/// What one scan unit declares about secrets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Secrets {
    pub passwords: Vec<ServicePassword>,
    pub environment: Vec<EnvironmentVariable>,
    pub parameters: Vec<TemplateParameter>,
    pub ssm_parameters: Vec<SsmParameter>,
    /// Secrets Manager secrets (`aws_secretsmanager_secret`, `AWS::SecretsManager::Secret`).
    pub managed_secrets: Vec<ResourceId>,
    /// Rotation configurations (`aws_secretsmanager_secret_rotation`,
    /// `AWS::SecretsManager::RotationSchedule`): linked to their secret with
    /// [`crate::LinkKind::Rotates`].
    pub rotations: Vec<ResourceId>,
    pub user_data: Vec<UserData>,
    pub secret_contents: Vec<SecretContent>,
    pub metadata_credentials: Vec<MetadataCredential>,
}

impl Secrets {
    fn shift(&mut self, offset: usize) {
        let shift = |id: &mut ResourceId| id.0 += offset;
        self.passwords.iter_mut().for_each(|p| shift(&mut p.owner));
        self.environment
            .iter_mut()
            .for_each(|e| shift(&mut e.owner));
        self.ssm_parameters
            .iter_mut()
            .for_each(|p| shift(&mut p.owner));
        self.managed_secrets.iter_mut().for_each(shift);
        self.rotations.iter_mut().for_each(shift);
        self.user_data.iter_mut().for_each(|u| shift(&mut u.owner));
        self.secret_contents
            .iter_mut()
            .for_each(|c| shift(&mut c.owner));
        self.metadata_credentials
            .iter_mut()
            .for_each(|c| shift(&mut c.owner));
    }

    /// Appends another unit's facts, renumbering their resource ids by `offset` (for
    /// [`crate::Model::extend`]).
    pub fn extend(&mut self, mut other: Secrets, offset: usize) {
        other.shift(offset);
        self.passwords.extend(other.passwords);
        self.environment.extend(other.environment);
        self.parameters.extend(other.parameters);
        self.ssm_parameters.extend(other.ssm_parameters);
        self.managed_secrets.extend(other.managed_secrets);
        self.rotations.extend(other.rotations);
        self.user_data.extend(other.user_data);
        self.secret_contents.extend(other.secret_contents);
        self.metadata_credentials.extend(other.metadata_credentials);
    }
}
