//! `aws-dms-public`: dMS replication instance is publicly accessible.

use crate::network::public_endpoints;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::public_access::Endpoint;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-dms-public",
        aliases: &[],
        title: "DMS replication instance is publicly accessible",
        severity: Severity::High,
        service: "dms",
        layer: Layer::Network,
        description: "A Database Migration Service replication instance that is publicly accessible: \
            `publicly_accessible = true` (`aws_dms_replication_instance`; not written means \
            `false` in the AWS provider) or `PubliclyAccessible: true` / not written \
            (`AWS::DMS::ReplicationInstance`, where the API default is `true`).\n\nA \
            replication instance holds credentials for both the source and the target \
            database and streams their data; a public address makes it reachable from the \
            internet (AWS FSBP DMS.1). **High** when written, **medium** when it is the \
            CloudFormation default; **critical** when one of its security groups admits \
            everything or database ports from the internet.",
        remediation: "Set `publicly_accessible = false` / `PubliclyAccessible: false`; replicate \
            over a VPN, Direct Connect or VPC peering instead of the internet.",
        references: &[
            "AWS Foundational Security Best Practices DMS.1 (Database Migration Service replication instances should not be public)",
            "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_89",
            "kics:030d3b18-1821-45b4-9e08-50efbe7becbb",
        ],
        examples: &[
            Example::bad("bad.tf", &[(4, "publicly_accessible        = true")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "Default:"), (11, "PubliclyAccessible: true")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"Replication\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    public_endpoints(model, out, CHECK.meta.id, &[Endpoint::Dms]);
}
