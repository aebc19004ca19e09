//! `aws-rds-no-iam-auth`: an RDS database that does not accept IAM authentication.

use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::rds::supports_iam_auth;
use palisade_model::{Model, Provenance};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-rds-no-iam-auth",
        aliases: &[],
        title: "RDS database without IAM authentication",
        severity: Severity::Low,
        service: "rds",
        layer: Layer::Data,
        description: "RDS DB instances and clusters of an engine that supports IAM database \
            authentication (MySQL, PostgreSQL, MariaDB and their Aurora forms) with it off \
            (`iam_database_authentication_enabled` / `EnableIAMDatabaseAuthentication` false \
            or not written).\n\nWith IAM authentication, applications and people connect with \
            short-lived tokens issued to their IAM identity instead of long-lived database \
            passwords that are shared, copied into configuration and rarely rotated; access is \
            granted and revoked in IAM and audited in CloudTrail. Low severity: passwords \
            still work when managed well.\n\n**Default behaviour.** Off unless written. An \
            engine that is not known here, and read replicas and cluster members (which follow \
            their source or cluster), are not judged.",
        remediation: "**Terraform:** `iam_database_authentication_enabled = true` on \
            `aws_db_instance` / `aws_rds_cluster`, then grant `rds-db:connect` to the roles \
            that connect.\n\n**CloudFormation:** `EnableIAMDatabaseAuthentication: true`.",
        references: &[
            "AWS Foundational Security Best Practices RDS.10",
            "AWS Foundational Security Best Practices RDS.12",
            "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html",
        ],
        equivalents: &["checkov:CKV_AWS_161", "checkov:CKV_AWS_162", "trivy:AVD-AWS-0176"],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (1, "resource \"aws_db_instance\" \"app\""),
                    (11, "iam_database_authentication_enabled"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "AppDatabase"), (13, "false")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(3, "\"AppDatabase\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for db in &model.databases {
        if db.replica || db.in_cluster {
            continue;
        }
        let Some(engine) = db.engine.get() else {
            continue;
        };
        if !supports_iam_auth(engine) {
            continue;
        }
        for c in db.iam_auth.candidates() {
            if *c.value {
                continue;
            }
            let how = if c.provenance == Provenance::Omitted {
                " (not set; it is off by default)"
            } else {
                ""
            };
            let message = format!(
                "{} {} ({engine}) does not accept IAM authentication{how}{}: only database \
                 passwords can be used to connect",
                if db.cluster { "DB cluster" } else { "DB instance" },
                model.resource(db.owner).address,
                when_suffix(&c.conditions)
            );
            out.push(
                Finding::on_resource(model, CHECK.meta.id, CHECK.meta.severity, db.owner, c.span, message)
                    .defined_at(c.defined_at),
            );
        }
    }
}
