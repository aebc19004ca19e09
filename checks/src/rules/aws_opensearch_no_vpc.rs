//! `aws-opensearch-no-vpc`: an OpenSearch or Elasticsearch domain with a public endpoint.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-opensearch-no-vpc",
        aliases: &[],
        title: "OpenSearch domain is outside a VPC",
        severity: Severity::Medium,
        service: "opensearch",
        layer: Layer::Network,
        description: "An OpenSearch or Elasticsearch domain without `vpc_options` / \
            `VPCOptions` (`aws_opensearch_domain`, `aws_elasticsearch_domain`, \
            `AWS::OpenSearchService::Domain`, `AWS::Elasticsearch::Domain`).\n\nA domain \
            outside a VPC gets a public endpoint: anyone on the internet can reach it, and \
            only its access policy (and fine-grained access control, if enabled) decides what \
            they may do. A single permissive statement in that policy then exposes the index \
            data to the world, and no security group or network ACL can narrow who connects \
            (AWS FSBP OpenSearch.2, ES.2). **Medium**: the access policy is judged by the \
            identity checks; this one reports the missing network boundary.",
        remediation: "Create the domain in a VPC: `vpc_options { subnet_ids = [...], \
            security_group_ids = [...] }` / `VPCOptions: { SubnetIds: [...], SecurityGroupIds: \
            [...] }`, and reach it through the VPC (a VPN, a bastion, or an application \
            tier). A domain cannot be moved into a VPC in place: it is replaced.",
        references: &[
            "AWS Foundational Security Best Practices OpenSearch.2 (OpenSearch domains should not be publicly accessible), ES.2",
            "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html",
        ],
        equivalents: &["checkov:CKV_AWS_137"],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_opensearch_domain\" \"logs\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "Logs:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"Logs\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for domain in &model.search_domains {
        if domain.vpc_options.is_some() {
            continue;
        }
        let r = model.resource(domain.owner);
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            Severity::Medium,
            domain.owner,
            r.header,
            format!(
                "{} has no VPC options: its endpoint is public, and only its access policy \
                 stands between the index data and the internet",
                r.address
            ),
        ));
    }
}
