//! `aws-neptune-public`: neptune instance is publicly accessible.

use crate::network::public_endpoints;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::public_access::Endpoint;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-neptune-public",
        aliases: &[],
        title: "Neptune instance is publicly accessible",
        severity: Severity::High,
        service: "neptune",
        layer: Layer::Network,
        description: "A Neptune instance with `publicly_accessible = true` \
            (`aws_neptune_cluster_instance`) or `PubliclyAccessible: true` \
            (`AWS::Neptune::DBInstance`).\n\nNeptune graph databases live inside a VPC; since \
            engine 1.4.6 an instance can be given a public endpoint, which resolves to a public \
            address and leaves IAM authentication and the security groups as the only barriers \
            between the graph and the internet. **High**; **critical** when one of its \
            security groups admits everything or database ports from the internet. Not written \
            is `false` (new instances are private). DocumentDB has no public access switch (its \
            instances are only reachable inside the VPC), so it has no check of this kind.",
        remediation: "Remove `publicly_accessible` or set it to `false`; reach the database from \
            inside the VPC (an application tier, a bastion with Session Manager, or a VPN).",
        references: &[
            "https://docs.aws.amazon.com/neptune/latest/userguide/neptune-public-endpoints.html",
            "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster_instance",
        ],
        equivalents: &[
            "checkov:CKV_AWS_102",
            "kics:9ba198e0-fef4-464a-8a4d-75ea55300de7",
        ],
        examples: &[
            Example::bad("bad.tf", &[(4, "publicly_accessible = true")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(8, "PubliclyAccessible: true")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(9, "\"PubliclyAccessible\": true")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    public_endpoints(model, out, CHECK.meta.id, &[Endpoint::Neptune]);
}
