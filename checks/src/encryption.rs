//! Shared logic of the encryption-at-rest checks (`aws-<service>-unencrypted`, `aws-<service>-no-cmk`).
//!
//! Each service's rule file is metadata plus one call into this module, so the semantics are
//! written once:
//!
//! - **unencrypted** fires for every candidate of `encrypted` that is `false`, whatever its
//!   provenance (literal, variable/parameter default, derived, or omitted = the service's
//!   default). Unknown values, references and partial strings have no candidates and never fire.
//! - **no-cmk** fires for every candidate of `encrypted` that is `true` when the store has no key
//!   at all, or a known key that is AWS managed (`alias/aws/<service>`) or empty. A key that is
//!   unknown, a reference (to an `aws_kms_key`, `!Ref Key`) or a partial string counts as a
//!   customer-managed key: nothing is known to be wrong. A `false` candidate is left to the
//!   unencrypted check, so one store is never reported twice for the same branch.

use crate::finding::{when_suffix, Finding, Severity};
use palisade_model::encryption::is_aws_managed_key;
use palisade_model::{EncryptionAtRest, LinkKind, Model, Provenance, ResourceId, Service};
use std::collections::HashSet;

/// The service as people name it, for messages.
pub fn service_name(service: Service) -> &'static str {
    match service {
        Service::S3 => "S3",
        Service::Ebs => "EBS",
        Service::Rds => "RDS",
        Service::DynamoDb => "DynamoDB",
        Service::Sns => "SNS",
        Service::Sqs => "SQS",
        Service::CloudWatchLogs => "CloudWatch Logs",
        Service::Efs => "EFS",
        Service::SecretsManager => "Secrets Manager",
        Service::Kinesis => "Kinesis",
        Service::Ecr => "ECR",
        Service::ElastiCache => "ElastiCache",
        Service::Redshift => "Redshift",
        Service::OpenSearch => "OpenSearch",
        Service::DocumentDb => "DocumentDB",
        Service::Neptune => "Neptune",
        Service::Msk => "MSK",
        Service::Backup => "AWS Backup",
        Service::SageMaker => "SageMaker",
        Service::Timestream => "Timestream",
        Service::Athena => "Athena",
        Service::CodeBuild => "CodeBuild",
        Service::Emr => "EMR",
        Service::Glue => "Glue",
    }
}

/// `volume aws_ebs_volume.data`, or `root block device of aws_instance.web` when the store is
/// a part of the resource rather than the resource itself.
fn subject(model: &Model, e: &EncryptionAtRest) -> String {
    let address = &model.resource(e.owner).address;
    // Parts of a resource rather than the resource itself: block devices, a project's
    // artifacts, a workgroup's query results, the stores of a Glue or EMR configuration.
    let part = e.store.contains("device")
        || matches!(
            e.service,
            Service::Athena | Service::CodeBuild | Service::Emr | Service::Glue
        );
    if part {
        format!("{} of {address}", e.store)
    } else {
        format!("{} {address}", e.store)
    }
}

/// Reports every store of `service` whose data is (possibly, under some condition) not
/// encrypted at rest.
pub fn unencrypted(
    model: &Model,
    service: Service,
    check: &'static str,
    severity: Severity,
    out: &mut Vec<Finding>,
) {
    for e in model.encryption.iter().filter(|e| e.service == service) {
        let key_written = key_shows_intent(service, e);
        for c in e.encrypted.candidates() {
            if *c.value || (c.provenance == Provenance::Omitted && key_written) {
                continue;
            }
            let why = if c.provenance == Provenance::Omitted {
                format!(
                    ": encryption at rest is not configured and {} does not encrypt by default",
                    service_name(service)
                )
            } else {
                String::new()
            };
            let message = format!(
                "{} is not encrypted at rest{}{why}",
                subject(model, e),
                when_suffix(&c.conditions)
            );
            out.push(
                Finding::on_resource(model, check, severity, e.owner, c.span, message)
                    .defined_at(c.defined_at),
            );
        }
    }
}

/// A key written while the encryption flag is not: EBS, RDS, EFS, ElastiCache, Redshift,
/// OpenSearch, DocumentDB and Neptune reject a KMS key on an unencrypted store at deploy time, so the author plainly
/// meant to encrypt and nothing will silently be stored in the clear. Kinesis is the exception:
/// without `encryption_type = "KMS"` its key is ignored and the stream stays unencrypted.
fn key_shows_intent(service: Service, e: &EncryptionAtRest) -> bool {
    if service == Service::Kinesis {
        return false;
    }
    match &e.kms_key {
        None => false,
        // An empty or null-like key is no key at all.
        Some(k) => match k.get() {
            Some(v) => k.is_written() && !v.trim().is_empty(),
            None => true,
        },
    }
}

/// Joins the conditions of an `encrypted` candidate and a key candidate; `None` when they
/// contradict each other (the same condition taken both ways), i.e. the pair never happens.
fn join_conditions(a: &[(String, bool)], b: &[(String, bool)]) -> Option<Vec<(String, bool)>> {
    let mut out = a.to_vec();
    for (name, branch) in b {
        match out.iter().find(|(n, _)| n == name) {
            Some((_, taken)) if taken != branch => return None,
            Some(_) => {}
            None => out.push((name.clone(), *branch)),
        }
    }
    Some(out)
}

/// A known key that leaves the data under AWS's control: an AWS managed alias, or an empty
/// string (the provider and CloudFormation treat `""` as "no key").
fn is_not_customer_managed(key: &str) -> bool {
    key.trim().is_empty() || is_aws_managed_key(key)
}

fn is_cloudfront(kind: &str) -> bool {
    kind == "aws_cloudfront_distribution" || kind == "AWS::CloudFront::Distribution"
}

/// Reports every encrypted store of `service` that does not use a customer-managed KMS key.
pub fn no_cmk(
    model: &Model,
    service: Service,
    check: &'static str,
    severity: Severity,
    out: &mut Vec<Finding>,
) {
    // S3 server access logs and load balancer access logs are delivered only to buckets
    // encrypted with S3-managed keys: a customer-managed key would stop the logs. Such a
    // bucket is named by a logging configuration or ACL (a link), or only by its policy.
    let sse_s3_log_buckets: HashSet<ResourceId> = if service == Service::S3 {
        crate::monitoring::policy_log_buckets(model)
            .into_iter()
            .filter(|(_, w)| *w == crate::monitoring::LogWriter::SseS3Only)
            .map(|(b, _)| b)
            .collect()
    } else {
        HashSet::new()
    };
    for e in model.encryption.iter().filter(|e| e.service == service) {
        // (CloudFront standard logs can be delivered with a customer-managed key whose policy
        // allows the delivery, so their buckets stay judged.)
        if service == Service::S3
            && (model
                .s3
                .bucket_of(model, e.owner)
                .is_some_and(|b| sse_s3_log_buckets.contains(&b))
                || model
                    .links_to(e.owner, LinkKind::LogDestination)
                    .any(|l| !is_cloudfront(&model.resource(l.from).kind)))
        {
            continue;
        }
        let subject = subject(model, e);
        for enc in e.encrypted.candidates() {
            if !*enc.value {
                // Unencrypted: the unencrypted check reports it (or, for a service that
                // always encrypts, the frontend never says `false`).
                continue;
            }
            let Some(key) = &e.kms_key else {
                let message = format!(
                    "{subject} is encrypted with a key AWS owns or manages, not a customer-managed KMS key{}",
                    when_suffix(&enc.conditions)
                );
                // The value that decided it (`sse_algorithm = var.algorithm`) names where it
                // was set.
                out.push(
                    Finding::on_resource(model, check, severity, e.owner, e.span, message)
                        .defined_at(enc.defined_at),
                );
                continue;
            };
            for k in key.candidates() {
                if !is_not_customer_managed(k.value) {
                    continue;
                }
                let Some(conditions) = join_conditions(&enc.conditions, &k.conditions) else {
                    continue;
                };
                let what = if k.value.trim().is_empty() {
                    "an empty KMS key id, so a key AWS owns or manages is used".to_string()
                } else if k.provenance == Provenance::Omitted {
                    format!("the AWS managed key ({}) by default", k.value)
                } else {
                    format!("the AWS managed key {}", k.value)
                };
                let message = format!(
                    "{subject} is encrypted with {what}, not a customer-managed KMS key{}",
                    when_suffix(&conditions)
                );
                out.push(
                    Finding::on_resource(model, check, severity, e.owner, k.span, message)
                        .defined_at(k.defined_at),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_model::{Format, Reference, Resource, ResourceId, Span, Value, ValueKind};
    use palisade_source::FileId;

    fn sp(a: usize) -> Span {
        Span::new(FileId(0), a, a + 1)
    }

    fn model_with(kind: &str, address: &str) -> (Model, ResourceId) {
        let mut m = Model::default();
        let id = m.add_resource(Resource {
            address: address.into(),
            kind: kind.into(),
            format: Format::Terraform,
            header: sp(0),
            extent: Span::new(FileId(0), 0, 100),
            trace: Vec::new(),
            construct: None,
        });
        (m, id)
    }

    fn store(
        m: &mut Model,
        owner: ResourceId,
        service: Service,
        store: &str,
        encrypted: Value<bool>,
        kms_key: Option<Value<String>>,
    ) {
        m.encryption.push(EncryptionAtRest {
            owner,
            service,
            store: store.into(),
            encrypted,
            kms_key,
            span: sp(50),
        });
    }

    fn cond<T>(name: &str, t: Value<T>, f: Value<T>) -> Value<T> {
        Value {
            kind: ValueKind::Conditional {
                condition: name.into(),
                when_true: Box::new(t),
                when_false: Box::new(f),
            },
            span: sp(90),
            defined_at: None,
        }
    }

    fn run_unencrypted(m: &Model, service: Service) -> Vec<Finding> {
        let mut out = Vec::new();
        unencrypted(m, service, "test-unencrypted", Severity::High, &mut out);
        out
    }

    fn run_no_cmk(m: &Model, service: Service) -> Vec<Finding> {
        let mut out = Vec::new();
        no_cmk(m, service, "test-no-cmk", Severity::Low, &mut out);
        out
    }

    fn key_ref() -> Value<String> {
        Value::reference(
            Reference {
                target: "aws_kms_key.main".into(),
                attribute: Some("arn".into()),
            },
            sp(30),
        )
    }

    #[test]
    fn explicit_false_fires_at_the_value_and_names_the_store() {
        let (mut m, id) = model_with("aws_instance", "aws_instance.web");
        store(
            &mut m,
            id,
            Service::Ebs,
            "root block device",
            Value::literal(false, sp(10)),
            None,
        );
        let f = run_unencrypted(&m, Service::Ebs);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(10));
        assert_eq!(f[0].resource, Some(id));
        assert_eq!(f[0].check, "test-unencrypted");
        assert_eq!(f[0].severity, Severity::High);
        assert_eq!(
            f[0].message,
            "root block device of aws_instance.web is not encrypted at rest"
        );
        // The unencrypted store is not also reported as lacking a CMK.
        assert!(run_no_cmk(&m, Service::Ebs).is_empty());
    }

    #[test]
    fn omitted_false_fires_at_the_header_and_says_it_is_the_default() {
        let (mut m, id) = model_with("aws_ebs_volume", "aws_ebs_volume.data");
        store(
            &mut m,
            id,
            Service::Ebs,
            "volume",
            Value::omitted(false, sp(0)),
            None,
        );
        let f = run_unencrypted(&m, Service::Ebs);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(0));
        assert!(f[0]
            .message
            .starts_with("volume aws_ebs_volume.data is not encrypted"));
        assert!(f[0].message.contains("EBS does not encrypt by default"));
    }

    #[test]
    fn default_through_a_variable_links_its_definition() {
        let (mut m, id) = model_with("aws_efs_file_system", "aws_efs_file_system.x");
        let v = Value::known(false, Provenance::Default, sp(5)).with_defined_at(Some(sp(70)));
        store(&mut m, id, Service::Efs, "file system", v, None);
        let f = run_unencrypted(&m, Service::Efs);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(5));
        assert_eq!(f[0].related.len(), 1);
        assert_eq!(f[0].related[0].span, sp(70));
    }

    #[test]
    fn unknown_and_references_never_fire() {
        let (mut m, id) = model_with("aws_db_instance", "aws_db_instance.db");
        store(
            &mut m,
            id,
            Service::Rds,
            "DB instance",
            Value::unknown(sp(3)),
            None,
        );
        store(
            &mut m,
            id,
            Service::Rds,
            "DB instance",
            Value::reference(
                Reference {
                    target: "Encrypt".into(),
                    attribute: None,
                },
                sp(4),
            ),
            None,
        );
        assert!(run_unencrypted(&m, Service::Rds).is_empty());
        // Encryption unknown (a replica inheriting its source): no key is not a finding either.
        assert!(run_no_cmk(&m, Service::Rds).is_empty());
    }

    #[test]
    fn an_omitted_flag_with_a_written_key_is_not_unencrypted_except_for_kinesis() {
        let (mut m, id) = model_with("aws_ebs_volume", "aws_ebs_volume.v");
        store(
            &mut m,
            id,
            Service::Ebs,
            "volume",
            Value::omitted(false, sp(0)),
            Some(key_ref()),
        );
        // An empty key does not count as intent.
        store(
            &mut m,
            id,
            Service::Ebs,
            "volume",
            Value::omitted(false, sp(1)),
            Some(Value::literal(String::new(), sp(2))),
        );
        // An explicit `false` next to a key is still reported.
        store(
            &mut m,
            id,
            Service::Ebs,
            "volume",
            Value::literal(false, sp(3)),
            Some(key_ref()),
        );
        let spans: Vec<Span> = run_unencrypted(&m, Service::Ebs)
            .iter()
            .map(|f| f.span)
            .collect();
        assert_eq!(spans, vec![sp(1), sp(3)]);

        let (mut k, id) = model_with("aws_kinesis_stream", "aws_kinesis_stream.s");
        store(
            &mut k,
            id,
            Service::Kinesis,
            "stream",
            Value::omitted(false, sp(0)),
            Some(key_ref()),
        );
        assert_eq!(run_unencrypted(&k, Service::Kinesis).len(), 1);
    }

    #[test]
    fn true_never_fires_unencrypted_and_other_services_are_ignored() {
        let (mut m, id) = model_with("aws_ebs_volume", "aws_ebs_volume.v");
        store(
            &mut m,
            id,
            Service::Ebs,
            "volume",
            Value::literal(true, sp(1)),
            Some(key_ref()),
        );
        store(
            &mut m,
            id,
            Service::Efs,
            "file system",
            Value::literal(false, sp(2)),
            None,
        );
        assert!(run_unencrypted(&m, Service::Ebs).is_empty());
        assert_eq!(run_unencrypted(&m, Service::Efs).len(), 1);
    }

    #[test]
    fn conditional_fires_only_for_the_false_branch_and_names_the_condition() {
        let (mut m, id) = model_with("AWS::RDS::DBCluster", "Cluster");
        let v = cond(
            "IsProd",
            Value::literal(true, sp(11)),
            Value::literal(false, sp(12)),
        );
        store(&mut m, id, Service::Rds, "DB cluster", v, Some(key_ref()));
        let f = run_unencrypted(&m, Service::Rds);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(12));
        assert!(f[0].message.contains("(when condition IsProd is false)"));
        assert!(run_no_cmk(&m, Service::Rds).is_empty());
    }

    #[test]
    fn no_key_on_an_encrypted_store_fires_no_cmk_at_the_store_span() {
        let (mut m, id) = model_with("aws_s3_bucket", "aws_s3_bucket.logs");
        store(
            &mut m,
            id,
            Service::S3,
            "bucket",
            Value::omitted(true, sp(0)),
            None,
        );
        let f = run_no_cmk(&m, Service::S3);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(50));
        assert_eq!(f[0].severity, Severity::Low);
        assert!(f[0]
            .message
            .starts_with("bucket aws_s3_bucket.logs is encrypted"));
        assert!(run_unencrypted(&m, Service::S3).is_empty());
    }

    #[test]
    fn aws_managed_and_empty_keys_fire_at_the_key() {
        let (mut m, id) = model_with("aws_sns_topic", "aws_sns_topic.t");
        for (key, at) in [
            ("alias/aws/sns", 21),
            ("arn:aws:kms:us-east-1:111122223333:alias/aws/sns", 22),
            ("", 23),
        ] {
            store(
                &mut m,
                id,
                Service::Sns,
                "topic",
                Value::literal(true, sp(20)),
                Some(Value::literal(key.to_string(), sp(at))),
            );
        }
        let f = run_no_cmk(&m, Service::Sns);
        let spans: Vec<Span> = f.iter().map(|f| f.span).collect();
        assert_eq!(spans, vec![sp(21), sp(22), sp(23)]);
        assert!(f[0].message.contains("the AWS managed key alias/aws/sns"));
        assert!(f[2].message.contains("empty KMS key id"));
    }

    #[test]
    fn customer_keys_references_unknown_and_partial_keys_are_silent() {
        let (mut m, id) = model_with("aws_sqs_queue", "aws_sqs_queue.q");
        let partial = Value::<String> {
            kind: ValueKind::Partial(vec![
                palisade_model::StrPart::Text("arn:aws:kms:".into()),
                palisade_model::StrPart::Unknown,
            ]),
            span: sp(40),
            defined_at: None,
        };
        for key in [
            Value::literal("alias/orders".to_string(), sp(41)),
            Value::literal(
                "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
                    .to_string(),
                sp(42),
            ),
            key_ref(),
            Value::unknown(sp(43)),
            partial,
        ] {
            store(
                &mut m,
                id,
                Service::Sqs,
                "queue",
                Value::literal(true, sp(1)),
                Some(key),
            );
        }
        assert!(run_no_cmk(&m, Service::Sqs).is_empty());
    }

    #[test]
    fn managed_key_from_a_default_links_the_definition() {
        let (mut m, id) = model_with("aws_secretsmanager_secret", "aws_secretsmanager_secret.s");
        let key = Value::known(
            "alias/aws/secretsmanager".to_string(),
            Provenance::Default,
            sp(8),
        )
        .with_defined_at(Some(sp(80)));
        store(
            &mut m,
            id,
            Service::SecretsManager,
            "secret",
            Value::omitted(true, sp(0)),
            Some(key),
        );
        let f = run_no_cmk(&m, Service::SecretsManager);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(8));
        assert_eq!(f[0].related[0].span, sp(80));
    }

    #[test]
    fn conditional_keys_fire_per_branch_and_skip_contradictions() {
        let (mut m, id) = model_with("AWS::SNS::Topic", "Topic");
        // `KmsMasterKeyId: !If [UseCmk, !Ref Key, alias/aws/sns]`: only the false branch is AWS
        // managed.
        let key = cond(
            "UseCmk",
            key_ref(),
            Value::literal("alias/aws/sns".to_string(), sp(61)),
        );
        store(
            &mut m,
            id,
            Service::Sns,
            "topic",
            Value::literal(true, sp(60)),
            Some(key),
        );
        // Encrypted only when `UseKey` holds, with an AWS managed key only when it does not:
        // the pair never happens together.
        let encrypted = cond(
            "UseKey",
            Value::literal(true, sp(70)),
            Value::literal(false, sp(71)),
        );
        let key = cond(
            "UseKey",
            Value::literal("alias/team".to_string(), sp(72)),
            Value::literal("alias/aws/sns".to_string(), sp(73)),
        );
        store(&mut m, id, Service::Sns, "topic", encrypted, Some(key));
        let f = run_no_cmk(&m, Service::Sns);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].span, sp(61));
        assert!(f[0].message.ends_with("(when condition UseCmk is false)"));
    }

    #[test]
    fn omitted_managed_key_says_it_is_the_default() {
        let (mut m, id) = model_with("aws_dynamodb_table", "aws_dynamodb_table.t");
        store(
            &mut m,
            id,
            Service::DynamoDb,
            "table",
            Value::literal(true, sp(1)),
            Some(Value::omitted("alias/aws/dynamodb".to_string(), sp(2))),
        );
        let f = run_no_cmk(&m, Service::DynamoDb);
        assert_eq!(f.len(), 1);
        assert!(f[0]
            .message
            .contains("the AWS managed key (alias/aws/dynamodb) by default"));
    }
}
