//! `aws-route53-no-query-logging`: a public hosted zone without DNS query logging.

use crate::edge::LinkIndex;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{LinkKind, Model};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-route53-no-query-logging",
        aliases: &[],
        title: "Route 53 public hosted zone without query logging",
        severity: Severity::Low,
        service: "route53",
        layer: Layer::Edge,
        description: "A public hosted zone (`aws_route53_zone` without `vpc`, \
            `AWS::Route53::HostedZone` without `VPCs`) that no query logging configuration \
            points at (`aws_route53_query_log` with `zone_id` referencing the zone, \
            `QueryLoggingConfig` in CloudFormation).\n\nDNS query logs show which names are \
            resolved, how often and from which resolvers: reconnaissance of the zone, \
            subdomain takeover attempts and traffic to names that should not exist. Private \
            zones are not reported (public query logging does not apply to them; Route 53 \
            Resolver query logging covers VPCs).",
        remediation: "Create a CloudWatch log group in us-east-1 with a resource policy for \
            `route53.amazonaws.com` and an `aws_route53_query_log` with `zone_id = \
            aws_route53_zone.x.zone_id`; in CloudFormation set `QueryLoggingConfig: { \
            CloudWatchLogsLogGroupArn: ... }` on the hosted zone.",
        references: &[
            "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/query-logs.html",
        ],
        equivalents: &["checkov:CKV2_AWS_39"],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_route53_zone\" \"public\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "PublicZone:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"PublicZone\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    let links = LinkIndex::new(model);
    for z in &model.hosted_zones {
        if z.query_logging.is_some() || links.is_target(z.owner, LinkKind::HostedZone) {
            continue;
        }
        let private = z.private.candidates();
        if private.is_empty() || private.iter().any(|c| *c.value) {
            continue;
        }
        let r = model.resource(z.owner);
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            z.owner,
            r.header,
            format!(
                "Route 53 hosted zone {} is public and logs no DNS queries",
                r.address
            ),
        ));
    }
}
