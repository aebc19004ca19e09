//! Elastic Load Balancing: classic and v2 load balancers, read for the bucket their access
//! logs go to.

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "AWS::ElasticLoadBalancing::LoadBalancer",
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
    ],
    links: LINKS,
    references: Some(references),
    adapt,
};

const LINKS: &[LinkRow] = &[(
    "AWS::ElasticLoadBalancing::LoadBalancer",
    "AccessLoggingPolicy.S3BucketName",
    LinkKind::LogDestination,
    BUCKET,
)];

fn adapt(_: &mut Adapter<'_>, _: &str) {}

/// Load balancer (v2) attributes are a list of `Key`/`Value` pairs; `access_logs.s3.bucket`
/// names the log destination.
fn references<'n>(kind: &str, props: &'n Node, out: &mut Vec<Reference<'n>>) {
    if kind == "AWS::ElasticLoadBalancingV2::LoadBalancer" {
        if let Some(attributes) = props.get("LoadBalancerAttributes") {
            for item in attributes.items() {
                let is_log_bucket = item
                    .get("Key")
                    .and_then(Node::as_str)
                    .is_some_and(|k| k == "access_logs.s3.bucket");
                if let (true, Some(value)) = (is_log_bucket, item.get("Value")) {
                    for target in value.references() {
                        out.push((LinkKind::LogDestination, BUCKET, item.span, target));
                    }
                }
            }
        }
    }
}
