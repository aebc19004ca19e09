//! `aws-eks-public-endpoint`: an EKS API server endpoint open to the whole internet.

use crate::cidr::{describe, open_cidr};
use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-eks-public-endpoint",
        aliases: &[],
        title: "EKS cluster API endpoint is public and open to the internet",
        severity: Severity::High,
        service: "eks",
        layer: Layer::Network,
        description: "An EKS cluster whose Kubernetes API server endpoint is public \
            (`vpc_config.endpoint_public_access`, `ResourcesVpcConfig.EndpointPublicAccess`, \
            `true` when not written) and reachable from `0.0.0.0/0` or a range that admits a \
            large part of the internet (`public_access_cidrs` / `PublicAccessCidrs`, \
            `0.0.0.0/0` when not written) (`aws_eks_cluster`, `AWS::EKS::Cluster`).\n\nThe API \
            server is the cluster's control plane: anyone on the internet can probe it, try \
            stolen or leaked kubeconfig tokens against it, and exploit any API server \
            vulnerability before it is patched (AWS FSBP EKS.1). **High**. A public endpoint \
            restricted to known ranges (an office, a CI runner's egress) is not a finding, \
            nor is a private-only endpoint. Unknown values never fire.",
        remediation: "Set `endpoint_public_access = false` and `endpoint_private_access = true` \
            and reach the API from inside the VPC (a VPN, a bastion, or CI runners in the \
            VPC); or keep the public endpoint but list the networks that need it in \
            `public_access_cidrs`.",
        references: &[
            "AWS Foundational Security Best Practices EKS.1 (EKS cluster endpoints should not be publicly accessible)",
            "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_38",
            "checkov:CKV_AWS_39",
            "trivy:AVD-AWS-0040",
            "trivy:AVD-AWS-0041",
            "tfsec:aws-eks-no-public-cluster-access",
            "tfsec:aws-eks-no-public-cluster-access-to-cidr",
        ],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (1, "resource \"aws_eks_cluster\" \"default\""),
                    (15, "\"0.0.0.0/0\""),
                ],
            ),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "Cluster:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(12, "\"0.0.0.0/0\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for endpoint in &model.eks_endpoints {
        let address = &model.resource(endpoint.owner).address;
        let cidrs_name = if model.resource(endpoint.owner).kind.starts_with("AWS::") {
            "PublicAccessCidrs"
        } else {
            "public_access_cidrs"
        };
        for public in endpoint.public_access.candidates() {
            if !*public.value {
                continue;
            }
            let private = endpoint
                .private_access
                .get()
                .copied()
                .unwrap_or(false);
            let also = if private {
                " (a private endpoint exists too, but the public one stays open)"
            } else {
                ""
            };
            match &endpoint.public_access_cidrs {
                None => out.push(Finding::on_resource(
                    model,
                    CHECK.meta.id,
                    Severity::High,
                    endpoint.owner,
                    public.span,
                    format!(
                        "{address} has a public API endpoint open to 0.0.0.0/0 (the whole IPv4 \
                         internet: {cidrs_name} is not set){also}{}",
                        when_suffix(&public.conditions)
                    ),
                )),
                Some(cidrs) => {
                    for cidr in cidrs {
                        for candidate in cidr.candidates() {
                            let Some(range) = open_cidr(candidate.value) else {
                                continue;
                            };
                            let mut conditions = public.conditions.clone();
                            conditions.extend(candidate.conditions.iter().cloned());
                            out.push(Finding::on_resource(
                                model,
                                CHECK.meta.id,
                                Severity::High,
                                endpoint.owner,
                                candidate.span,
                                format!(
                                    "{address} has a public API endpoint open to {} ({}){also}{}",
                                    candidate.value.trim(),
                                    describe(&range),
                                    when_suffix(&conditions)
                                ),
                            ));
                        }
                    }
                }
            }
        }
    }
}
