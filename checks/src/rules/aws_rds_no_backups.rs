//! `aws-rds-no-backups`: an RDS instance with automated backups turned off.

use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-rds-no-backups",
        aliases: &[],
        title: "RDS automated backups turned off",
        severity: Severity::Medium,
        service: "rds",
        layer: Layer::Data,
        description: "RDS DB instances with `backup_retention_period = 0` / \
            `BackupRetentionPeriod: 0`, which turns automated backups and point-in-time \
            recovery off.\n\nWithout automated backups, a dropped table, a bad migration or \
            ransomware with database credentials destroys data with no way back, and the \
            instance cannot have read replicas.\n\n**Default behaviour.** Not written, RDS keeps \
            backups (one day at least; Aurora clusters cannot turn them off), so only a \
            declared 0 is reported. Read replicas are not judged: their source keeps the \
            backups.",
        remediation: "**Terraform:** `backup_retention_period = 7` (or more; up to 35) on \
            `aws_db_instance`, with a `backup_window` outside peak hours.\n\n\
            **CloudFormation:** `BackupRetentionPeriod: 7` on `AWS::RDS::DBInstance`.",
        references: &[
            "AWS Foundational Security Best Practices RDS.11",
            "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html",
        ],
        equivalents: &["checkov:CKV_AWS_133", "trivy:AVD-AWS-0077"],
        examples: &[
            Example::bad(
                "bad.tf",
                &[(10, "backup_retention_period"), (18, "backup_retention_period")],
            ),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(13, "0"), (20, "!Ref RetentionDays")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(9, "\"0\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for db in &model.databases {
        if db.replica {
            continue;
        }
        let Some(retention) = &db.backup_retention else {
            continue;
        };
        for c in retention.candidates() {
            if *c.value != 0 {
                continue;
            }
            let message = format!(
                "{} {} keeps no automated backups (retention 0 days){}: there is no \
                 point-in-time recovery",
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
