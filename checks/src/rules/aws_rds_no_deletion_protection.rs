//! `aws-rds-no-deletion-protection`: an RDS instance or cluster without deletion protection.

use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{Model, Provenance};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-rds-no-deletion-protection",
        aliases: &[],
        title: "RDS database without deletion protection",
        severity: Severity::Low,
        service: "rds",
        layer: Layer::Data,
        description: "RDS DB instances and clusters without deletion protection \
            (`deletion_protection` / `DeletionProtection` false or not written).\n\nDeletion \
            protection makes `DeleteDBInstance` / `DeleteDBCluster` fail until it is turned \
            off: one more deliberate step between a mistaken `terraform destroy`, a renamed \
            resource that forces replacement, or a compromised pipeline, and the loss of the \
            database. Low severity: backups and final snapshots may still allow recovery.\n\n\
            **Default behaviour.** Off unless written. Read replicas and instances that belong \
            to a cluster (the cluster's setting governs them) are not judged.",
        remediation: "**Terraform:** `deletion_protection = true` on `aws_db_instance` and \
            `aws_rds_cluster`.\n\n**CloudFormation:** `DeletionProtection: true` on \
            `AWS::RDS::DBInstance` and `AWS::RDS::DBCluster` (and a `DeletionPolicy: Snapshot`).",
        references: &[
            "AWS Foundational Security Best Practices RDS.7",
            "AWS Foundational Security Best Practices RDS.8",
            "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection",
        ],
        equivalents: &["checkov:CKV_AWS_293", "checkov:CKV_AWS_139", "trivy:AVD-AWS-0177"],
        examples: &[
            Example::bad(
                "bad.tf",
                &[(1, "resource \"aws_db_instance\" \"app\""), (11, "deletion_protection")],
            ),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "AppDatabase"), (13, "false")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(9, "false")]),
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
        for c in db.deletion_protection.candidates() {
            if *c.value {
                continue;
            }
            let how = if c.provenance == Provenance::Omitted {
                " (not set; it is off by default)"
            } else {
                ""
            };
            let message = format!(
                "{} {} has no deletion protection{how}{}: one delete call destroys it",
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
