//! `aws-opensearch-domain-policy-public`: an OpenSearch domain access policy open to everyone.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-opensearch-domain-policy-public",
        aliases: &[],
        title: "OpenSearch domain access policy allows anyone",
        severity: Severity::High,
        service: "opensearch",
        layer: Layer::Identity,
        description: "An `Allow` statement in an OpenSearch (or Elasticsearch) domain's access \
            policy (`access_policies` of `aws_opensearch_domain` / `aws_elasticsearch_domain` \
            and their `_policy` resources, `AccessPolicies` of `AWS::OpenSearchService::Domain` \
            / `AWS::Elasticsearch::Domain`) for `Principal: \"*\"` with no condition that ties it \
            to an account, organisation or network (`aws:SourceIp`, `aws:SourceVpce`, \
            `aws:PrincipalOrgID` ...). A domain with a public endpoint then answers anyone's \
            unsigned requests: read every index, write and delete documents. A domain in a VPC \
            is reachable only from the VPC, but the policy still lets every caller that reaches \
            it in. **Critical** for write actions (`es:ESHttpPut`, `es:*`), **high** for read.",
        remediation: "Name the roles that use the domain in `Principal`, or restrict `*` with \
            `aws:SourceIp` (public endpoints) and enable fine-grained access control; prefer \
            VPC access.",
        references: &[
            "AWS Foundational Security Best Practices Opensearch.2 (domains not publicly accessible)",
            "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html",
        ],
        equivalents: &["kics:5c666ed9-b586-49ab-9873-c495a833b705"],
        examples: &[
            Example::bad("bad.tf", &[(6, "\"*\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(9, "\"*\"")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "\"*\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

const KINDS: &[&str] = &[
    "aws_opensearch_domain",
    "aws_elasticsearch_domain",
    "aws_opensearch_domain_policy",
    "aws_elasticsearch_domain_policy",
    "AWS::OpenSearchService::Domain",
    "AWS::Elasticsearch::Domain",
];

fn run(model: &Model, out: &mut Vec<Finding>) {
    crate::public_policy::report(model, out, CHECK.meta.id, KINDS, "domain");
}
