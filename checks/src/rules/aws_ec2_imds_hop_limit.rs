//! `aws-ec2-imds-hop-limit`: metadata responses travel more than one network hop, so
//! containers on the instance can reach the metadata service.

use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-ec2-imds-hop-limit",
        aliases: &[],
        title: "Instance metadata hop limit lets containers reach the metadata service",
        severity: Severity::Low,
        service: "ec2",
        layer: Layer::Network,
        description: "An instance, launch template or launch configuration with \
            `metadata_options.http_put_response_hop_limit` / \
            `MetadataOptions.HttpPutResponseHopLimit` above 1.\n\nThe hop limit is how many \
            network hops the IMDSv2 token response may travel. With 1, only processes on the \
            host itself get a token; with 2 or more, every container in a bridge network \
            (Docker, ECS on EC2, EKS pods without host networking) can take the instance \
            role's credentials, which are usually broader than any one container should hold \
            (EKS best practices: restrict access to the instance profile). **Low**: some \
            setups need it (containers that must call AWS as the node), but then each should \
            get its own role (EKS Pod Identity, IRSA, ECS task roles) instead. Not written is \
            1 (or 2 for AMIs that require IMDSv2, which code cannot see) and is not judged.",
        remediation: "Set `http_put_response_hop_limit = 1` / `HttpPutResponseHopLimit: 1` and \
            give workloads their own credentials: ECS task roles, EKS Pod Identity or IAM \
            roles for service accounts.",
        references: &[
            "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html",
            "https://docs.aws.amazon.com/eks/latest/best-practices/identity-and-access-management.html",
        ],
        equivalents: &["checkov:CKV_AWS_341"],
        examples: &[
            Example::bad(
                "bad.tf",
                &[
                    (5, "http_put_response_hop_limit = 2"),
                    (13, "http_put_response_hop_limit = 3"),
                ],
            ),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(9, "HttpPutResponseHopLimit: 2")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "\"HttpPutResponseHopLimit\": 2")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for launch in &model.launches {
        let Some(limit) = &launch.metadata.hop_limit else {
            continue;
        };
        let disabled = launch
            .metadata
            .http_endpoint
            .candidates()
            .iter()
            .all(|c| c.value.trim().eq_ignore_ascii_case("disabled"));
        if disabled {
            continue;
        }
        let address = &model.resource(launch.owner).address;
        let noun = launch.kind.noun();
        for candidate in limit.candidates() {
            if *candidate.value <= 1 {
                continue;
            }
            out.push(Finding::on_resource(
                model,
                CHECK.meta.id,
                Severity::Low,
                launch.owner,
                candidate.span,
                format!(
                    "{address}: {noun} lets metadata responses travel {} hops: containers on \
                     the instance can take the instance role's credentials{}",
                    candidate.value,
                    when_suffix(&candidate.conditions)
                ),
            ));
        }
    }
}
