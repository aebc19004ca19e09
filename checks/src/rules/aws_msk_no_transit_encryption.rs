//! `aws-msk-no-transit-encryption`: an MSK cluster that allows plain-text traffic.

use crate::{transit, Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::transit::TransitService;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-msk-no-transit-encryption",
        aliases: &[],
        title: "MSK cluster allows unencrypted traffic",
        severity: Severity::Medium,
        service: "msk",
        layer: Layer::Data,
        description: "Amazon MSK clusters whose `encryption_in_transit` / \
            `EncryptionInTransit` lets clients connect in plain text (`client_broker` / \
            `ClientBroker` `PLAINTEXT` or `TLS_PLAINTEXT`) or turns off encryption between \
            brokers (`in_cluster` / `InCluster` false).\n\nKafka records often carry the data a \
            system cares about most (orders, events, change-data-capture of whole tables); in \
            plain text anyone who can capture traffic in the VPC reads them, and \
            `TLS_PLAINTEXT` leaves the plain listener open for any client that does not \
            bother with TLS.\n\n**Default behaviour.** MSK defaults to `TLS` and in-cluster \
            encryption, so only declared settings are reported.",
        remediation: "**Terraform:** `encryption_info { encryption_in_transit { client_broker \
            = \"TLS\"  in_cluster = true } }`.\n\n**CloudFormation:** `EncryptionInfo: \
            { EncryptionInTransit: { ClientBroker: TLS, InCluster: true } }`.",
        references: &[
            "AWS Foundational Security Best Practices MSK.1",
            "https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html",
        ],
        equivalents: &["checkov:CKV_AWS_81", "trivy:AVD-AWS-0073"],
        examples: &[
            Example::bad("bad.tf", &[(14, "client_broker"), (15, "in_cluster")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(14, "PLAINTEXT")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(14, "false")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    transit::unencrypted_in_transit(
        model,
        TransitService::Msk,
        CHECK.meta.id,
        CHECK.meta.severity,
        out,
    );
}
