//! `aws-redshift-public`: redshift cluster is publicly accessible.

use crate::network::public_endpoints;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::public_access::Endpoint;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-redshift-public",
        aliases: &[],
        title: "Redshift cluster is publicly accessible",
        severity: Severity::High,
        service: "redshift",
        layer: Layer::Network,
        description: "A Redshift cluster with `publicly_accessible = true` / `PubliclyAccessible: true` \
            (`aws_redshift_cluster`, `AWS::Redshift::Cluster`).\n\nA public cluster gets a \
            public address for its endpoint: the data warehouse, usually the largest \
            collection of an organisation's data, is one security group rule away from the \
            internet (AWS FSBP Redshift.1). Severity follows exposure: **critical** when one of \
            its security groups (`vpc_security_group_ids` / `VpcSecurityGroupIds`) admits the \
            database port or all traffic from the internet, else **high**. Not written is not \
            judged: the AWS provider (since version 5) and the Redshift API default to a \
            private cluster.",
        remediation: "Set `publicly_accessible = false` / `PubliclyAccessible: false` and reach the \
            cluster from inside the VPC (the Redshift Data API, a VPC endpoint, or a bastion).",
        references: &[
            "AWS Foundational Security Best Practices Redshift.1 (Amazon Redshift clusters should prohibit public access)",
            "https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_87",
            "tfsec:aws-redshift-use-vpc",
        ],
        examples: &[
            Example::bad("bad.tf", &[(11, "publicly_accessible    = true")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "PubliclyAccessible: true")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(11, "\"PubliclyAccessible\": true")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    public_endpoints(model, out, CHECK.meta.id, &[Endpoint::Redshift]);
}
