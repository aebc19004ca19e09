//! RDS: DB instances and clusters (their storage encryption, inherited by replicas and
//! restores).

use super::{
    at, blocks, entry, flag, flagged_store, is_null, password, store, string, Cx, LinkRow,
    ServiceAdapter,
};
use palisade_model::encryption::Service;
use palisade_model::public_access::{Endpoint, PublicAccess};
use palisade_model::rds::Database;
use palisade_model::secrets::PasswordService;
use palisade_model::{LinkKind, Node, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "aws_db_instance",
        "aws_rds_cluster",
        "aws_rds_global_cluster",
        "aws_rds_cluster_instance",
    ],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[(
    "aws_db_instance",
    "vpc_security_group_ids",
    LinkKind::MemberOf,
    &["aws_security_group", "aws_default_security_group"],
)];

/// A `publicly_accessible` switch, `Omitted(default)` at the header when not written.
pub(super) fn public_access(
    cx: &mut Cx,
    id: ResourceId,
    n: &Node,
    endpoint: Endpoint,
    default: bool,
    header: Span,
) {
    let (publicly_accessible, _) = super::flag(n, "publicly_accessible", default, header);
    cx.model.public_access.push(PublicAccess {
        owner: id,
        endpoint,
        publicly_accessible,
    });
}

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_rds_global_cluster" => {
            // Made from an existing cluster, it takes that cluster's encryption.
            if string(n, "source_db_cluster_identifier").is_some()
                && entry(n, "storage_encrypted").is_none()
            {
                let kms = None;
                store(
                    cx,
                    id,
                    Service::Rds,
                    "global cluster",
                    Value::unknown(header),
                    kms,
                    header,
                );
            } else {
                flagged_store(
                    cx,
                    id,
                    n,
                    Service::Rds,
                    "global cluster",
                    "storage_encrypted",
                    "kms_key_id",
                    header,
                );
            }
        }
        "aws_db_instance" => public_access(cx, id, n, Endpoint::RdsInstance, false, header),
        "aws_rds_cluster_instance" => {
            public_access(cx, id, n, Endpoint::RdsClusterInstance, false, header)
        }
        _ => {}
    }
    match kind {
        "aws_db_instance" | "aws_rds_cluster" => {
            database(cx, id, kind, n, header);
            let store_name = if kind == "aws_db_instance" {
                "DB instance"
            } else {
                "DB cluster"
            };
            let inherits = [
                "replicate_source_db",
                "snapshot_identifier",
                "source_db_instance_identifier",
                "replication_source_identifier",
                "global_cluster_identifier",
            ]
            .iter()
            .any(|a| entry(n, a).is_some_and(|(_, v)| !is_null(v)))
                || !blocks(n, "restore_to_point_in_time").is_empty();
            // Aurora Serverless v1 is always encrypted: `storage_encrypted` defaults to true
            // for `engine_mode = "serverless"` (an unknown mode leaves the default unknown).
            let serverless_default = match string(n, "engine_mode") {
                Some(mode) if kind == "aws_rds_cluster" => match mode.get() {
                    Some(m) if m.eq_ignore_ascii_case("serverless") => {
                        Some(Value::omitted(true, header))
                    }
                    Some(_) => None,
                    None => Some(Value::unknown(mode.span)),
                },
                _ => None,
            };
            let written = entry(n, "storage_encrypted").is_some();
            if inherits && !written {
                // A replica or a restore inherits the source's encryption: not known here.
                let kms = string(n, "kms_key_id");
                store(
                    cx,
                    id,
                    Service::Rds,
                    store_name,
                    Value::unknown(header),
                    kms,
                    header,
                );
            } else if let Some(encrypted) = serverless_default.filter(|_| !written) {
                let kms = string(n, "kms_key_id");
                store(cx, id, Service::Rds, store_name, encrypted, kms, header);
            } else {
                flagged_store(
                    cx,
                    id,
                    n,
                    Service::Rds,
                    store_name,
                    "storage_encrypted",
                    "kms_key_id",
                    header,
                );
            }
        }
        _ => {}
    }
}

/// What the data protection checks read of an instance or cluster, and its password.
fn database(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    let cluster = kind == "aws_rds_cluster";
    let written = |a: &str| entry(n, a).is_some_and(|(_, v)| !is_null(v));
    let replica = [
        "replicate_source_db",
        "snapshot_identifier",
        "replication_source_identifier",
        "source_db_instance_identifier",
    ]
    .iter()
    .any(|a| written(a))
        || !blocks(n, "restore_to_point_in_time").is_empty();
    let engine = match entry(n, "engine") {
        Some((_, v)) if !is_null(v) => v.to_string_value(),
        _ => Value::unknown(header),
    };
    let backup_retention = entry(n, "backup_retention_period")
        .filter(|(_, v)| !is_null(v))
        .map(|(k, v)| at(v.to_int_value(), k.span));
    cx.model.databases.push(Database {
        owner: id,
        cluster,
        engine,
        replica,
        in_cluster: false,
        backup_retention,
        deletion_protection: flag(n, "deletion_protection", false, header).0,
        iam_auth: flag(n, "iam_database_authentication_enabled", false, header).0,
    });
    let attr = if cluster {
        "master_password"
    } else {
        "password"
    };
    password(cx, id, n, attr, PasswordService::Rds, "master password");
}
