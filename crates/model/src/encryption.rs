//! Data at rest: whether it is encrypted, and with which key.

use crate::ResourceId;
use palisade_source::{Span, Value};

/// KMS keys have their own module; kept here for the paths that name it.
pub use crate::kms::KmsKey;

/// The services whose data at rest Palisade models.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Service {
    S3,
    /// EBS volumes, EC2 instance root/EBS block devices and launch templates.
    Ebs,
    Rds,
    DynamoDb,
    Sns,
    Sqs,
    CloudWatchLogs,
    Efs,
    SecretsManager,
    Kinesis,
    Ecr,
    ElastiCache,
    Redshift,
    OpenSearch,
    DocumentDb,
    Neptune,
    /// MSK broker storage (always encrypted).
    Msk,
    /// AWS Backup vaults (always encrypted).
    Backup,
    /// SageMaker notebook instances and endpoint configurations (always encrypted).
    SageMaker,
    /// Timestream databases (always encrypted).
    Timestream,
    /// Athena workgroups' query results and databases (always encrypted: results land in S3,
    /// which applies SSE-S3 to every object).
    Athena,
    /// CodeBuild project artifacts and S3 build logs.
    CodeBuild,
    /// EMR security configurations (at-rest encryption of EMRFS data and local disks).
    Emr,
    /// Glue data catalogs, connection passwords and security configurations (CloudWatch
    /// logs, job bookmarks, S3 data).
    Glue,
}

impl Service {
    /// Services that always encrypt data at rest: only `no-cmk` applies to them.
    pub fn always_encrypted(self) -> bool {
        matches!(
            self,
            Service::S3
                | Service::DynamoDb
                | Service::CloudWatchLogs
                | Service::SecretsManager
                | Service::Ecr
                | Service::Msk
                | Service::Backup
                | Service::SageMaker
                | Service::Timestream
                | Service::Athena
        )
    }

    /// The slug used in check ids: `aws-<slug>-unencrypted`.
    pub fn slug(self) -> &'static str {
        match self {
            Service::S3 => "s3",
            Service::Ebs => "ebs",
            Service::Rds => "rds",
            Service::DynamoDb => "dynamodb",
            Service::Sns => "sns",
            Service::Sqs => "sqs",
            Service::CloudWatchLogs => "cloudwatch",
            Service::Efs => "efs",
            Service::SecretsManager => "secretsmanager",
            Service::Kinesis => "kinesis",
            Service::Ecr => "ecr",
            Service::ElastiCache => "elasticache",
            Service::Redshift => "redshift",
            Service::OpenSearch => "opensearch",
            Service::DocumentDb => "docdb",
            Service::Neptune => "neptune",
            Service::Msk => "msk",
            Service::Backup => "backup",
            Service::SageMaker => "sagemaker",
            Service::Timestream => "timestream",
            Service::Athena => "athena",
            Service::CodeBuild => "codebuild",
            Service::Emr => "emr",
            Service::Glue => "glue",
        }
    }
}

/// Encryption at rest of one store (a bucket, a volume, a block device of an instance, a
/// table, ...).
///
/// How frontends fill `encrypted` when nothing is written (`Omitted`, span = resource header):
///
/// | service | omitted means | written as (Terraform / CloudFormation) |
/// |---|---|---|
/// | S3 | `true` (SSE-S3 is applied to every bucket since January 2023) | `aws_s3_bucket_server_side_encryption_configuration` or the bucket's legacy block / `BucketEncryption` |
/// | Ebs | `false` | `encrypted` / `Encrypted` on volumes, instance block devices, launch templates and launch configurations |
/// | Rds | `false` | `storage_encrypted` / `StorageEncrypted` (instances and clusters) |
/// | DynamoDb | `true` (AWS owned key) | `server_side_encryption` / `SSESpecification` |
/// | Sns | `false` | encrypted exactly when `kms_master_key_id` / `KmsMasterKeyId` is set |
/// | Sqs | `true` (SSE-SQS is the default for new queues) | `false` only with `sqs_managed_sse_enabled = false` / `SqsManagedSseEnabled: false` and no key |
/// | CloudWatchLogs | `true` | `kms_key_id` / `KmsKeyId` |
/// | Efs | `false` | `encrypted` / `Encrypted` |
/// | SecretsManager | `true` | `kms_key_id` / `KmsKeyId` |
/// | Kinesis | `false` | `encryption_type = "KMS"` / `StreamEncryption` |
/// | Ecr | `true` (AES256) | `encryption_configuration` / `EncryptionConfiguration` |
/// | ElastiCache | `false` | `at_rest_encryption_enabled` / `AtRestEncryptionEnabled` |
/// | Redshift | `false` | `encrypted` / `Encrypted` |
/// | OpenSearch | `false` | `encrypt_at_rest.enabled` / `EncryptionAtRestOptions.Enabled` (also Elasticsearch domains) |
/// | DocumentDb | `false` | `storage_encrypted` / `StorageEncrypted` (a restore inherits) |
/// | Neptune | `false` | `storage_encrypted` / `StorageEncrypted` (a restore inherits) |
/// | Msk | `true` (`aws/kafka`) | `encryption_info.encryption_at_rest_kms_key_arn` / `EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId` |
/// | Backup | `true` (`aws/backup`) | `kms_key_arn` / `EncryptionKeyArn` |
/// | SageMaker | `true` | `kms_key_id`, `kms_key_arn` / `KmsKeyId` (notebooks, endpoint configurations) |
/// | Timestream | `true` (`aws/timestream`) | `kms_key_id` / `KmsKeyId` |
/// | Athena | `true` (SSE-S3 of the results bucket) | `result_configuration.encryption_configuration` / `ResultConfiguration.EncryptionConfiguration` (workgroups), `encryption_configuration` (Terraform databases) |
/// | CodeBuild | `true` | `false` only with `encryption_disabled = true` / `EncryptionDisabled: true` (artifacts, secondary artifacts, S3 logs) |
/// | Emr | `false` in a declared `EncryptionConfiguration` | `EnableAtRestEncryption`, `LocalDiskEncryptionConfiguration` in the security configuration's JSON |
/// | Glue | `false` where the mode is `DISABLED` (or not written, in CloudFormation) | catalog encryption mode and connection password encryption; CloudWatch, job bookmark and S3 encryption modes of a security configuration |
#[derive(Clone, Debug, PartialEq)]
pub struct EncryptionAtRest {
    pub owner: ResourceId,
    pub service: Service,
    /// What is stored, for messages: `bucket`, `root block device`, `replication group`.
    pub store: String,
    /// Whether the data is encrypted. `Omitted` carries the service's default (`false` for
    /// an EBS volume without `encrypted`, `true` for services that always encrypt).
    pub encrypted: Value<bool>,
    /// The KMS key configured, if any (`None` when not written). A reference to a key
    /// resource or an unknown value counts as a customer-managed key being configured.
    pub kms_key: Option<Value<String>>,
    /// Where to report a missing key: the encryption block if there is one, else the header.
    pub span: Span,
}

/// An AWS-managed key (`alias/aws/s3`, `arn:aws:kms:...:alias/aws/ebs`) is not customer-managed.
pub fn is_aws_managed_key(key: &str) -> bool {
    let k = key.trim();
    k.starts_with("alias/aws/") || k.contains(":alias/aws/")
}
