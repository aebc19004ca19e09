//! SageMaker: notebook instances and endpoint configurations (their storage key).

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "AWS::SageMaker::NotebookInstance",
        "AWS::SageMaker::EndpointConfig",
    ],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    match kind {
        "AWS::SageMaker::NotebookInstance" => {
            r.always_encrypted(Service::SageMaker, "notebook instance", "KmsKeyId")
        }
        "AWS::SageMaker::EndpointConfig" => {
            r.always_encrypted(Service::SageMaker, "endpoint configuration", "KmsKeyId")
        }
        _ => {}
    }
}
