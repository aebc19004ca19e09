//! SageMaker: notebook instances and endpoint configurations (their storage key).

use super::{always_encrypted, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::{Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "aws_sagemaker_notebook_instance",
        "aws_sagemaker_endpoint_configuration",
    ],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_sagemaker_notebook_instance" => always_encrypted(
            cx,
            id,
            n,
            Service::SageMaker,
            "notebook instance",
            "kms_key_id",
            header,
        ),
        "aws_sagemaker_endpoint_configuration" => always_encrypted(
            cx,
            id,
            n,
            Service::SageMaker,
            "endpoint configuration",
            "kms_key_arn",
            header,
        ),
        _ => {}
    }
}
