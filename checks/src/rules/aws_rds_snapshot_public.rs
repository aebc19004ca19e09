//! `aws-rds-snapshot-public`: an RDS snapshot shared with everyone.

use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::sharing::Shared;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-rds-snapshot-public",
        aliases: &[],
        title: "RDS snapshot shared publicly",
        severity: Severity::Critical,
        service: "rds",
        layer: Layer::Data,
        description: "RDS DB snapshots and DB cluster snapshots (`aws_db_snapshot`, \
            `aws_db_cluster_snapshot`) whose `shared_accounts` include `all`: the snapshot's \
            `restore` attribute then lets any AWS account restore the whole database.\n\n\
            A public snapshot is a copy of every row of the database available to the world; \
            only unencrypted snapshots can be made public, so nothing else protects it.\n\n\
            Only Terraform declares snapshot sharing (CloudFormation has no resource for it).",
        remediation: "List the account ids that need the snapshot in `shared_accounts`, never \
            `all`; encrypt the database with a customer-managed key and share the key with \
            those accounts only.",
        references: &[
            "AWS Foundational Security Best Practices RDS.1",
            "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(4, "\"all\""), (10, "\"all\"")]),
            Example::good("good.tf"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for s in model.sharing.iter().filter(|s| s.shared == Shared::DbSnapshot) {
        for c in s.with.candidates() {
            if !c.value.eq_ignore_ascii_case("all") {
                continue;
            }
            let message = format!(
                "{} is shared with all accounts{}: anyone can restore the database from it",
                model.resource(s.owner).address,
                when_suffix(&c.conditions)
            );
            out.push(
                Finding::on_resource(model, CHECK.meta.id, CHECK.meta.severity, s.owner, c.span, message)
                    .defined_at(c.defined_at),
            );
        }
    }
}
