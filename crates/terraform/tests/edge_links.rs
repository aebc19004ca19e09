//! The edge services' references become links: a distribution to its origins and web ACL,
//! a listener to its load balancer and target group, WAF associations to what they protect,
//! stages and methods to their API, a query log to its zone.

use palisade_model::{LinkKind, Model};
use palisade_source::{FileId, SourceFile};

/// (from address, kind, to address).
fn links(src: &str) -> Vec<(String, LinkKind, String)> {
    let fs = [SourceFile::new(FileId(0), "mod/main.tf", src)];
    let refs: Vec<&SourceFile> = fs.iter().collect();
    let loaded = palisade_terraform::load_module(&refs);
    let m: &Model = &loaded.model;
    let mut out: Vec<_> = m
        .links
        .iter()
        .filter(|l| l.kind != LinkKind::LogDestination)
        .map(|l| {
            (
                m.resource(l.from).address.clone(),
                l.kind,
                m.resource(l.to).address.clone(),
            )
        })
        .collect();
    out.sort();
    out
}

fn link(from: &str, kind: LinkKind, to: &str) -> (String, LinkKind, String) {
    (from.into(), kind, to.into())
}

#[test]
fn edge_resources_link_to_what_they_configure() {
    let got = links(
        r#"
resource "aws_s3_bucket" "assets" {}
resource "aws_lb" "web" {}
resource "aws_lb_target_group" "app" {}
resource "aws_wafv2_web_acl" "edge" {}
resource "aws_cloudfront_distribution" "site" {
  web_acl_id = aws_wafv2_web_acl.edge.arn
  origin {
    domain_name = aws_s3_bucket.assets.bucket_regional_domain_name
    origin_id   = "assets"
  }
  origin {
    domain_name = aws_lb.web.dns_name
    origin_id   = "app"
  }
}
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}
resource "aws_wafv2_web_acl_association" "web" {
  resource_arn = aws_lb.web.arn
  web_acl_arn  = aws_wafv2_web_acl.edge.arn
}
resource "aws_api_gateway_rest_api" "api" {}
resource "aws_api_gateway_stage" "prod" { rest_api_id = aws_api_gateway_rest_api.api.id }
resource "aws_api_gateway_method" "get" { rest_api_id = aws_api_gateway_rest_api.api.id }
resource "aws_api_gateway_rest_api_policy" "p" { rest_api_id = aws_api_gateway_rest_api.api.id }
resource "aws_route53_zone" "z" { name = "example.com" }
resource "aws_route53_query_log" "q" { zone_id = aws_route53_zone.z.zone_id }
"#,
    );
    let d = "aws_cloudfront_distribution.site";
    assert_eq!(
        got,
        vec![
            link(
                "aws_api_gateway_method.get",
                LinkKind::Api,
                "aws_api_gateway_rest_api.api"
            ),
            link(
                "aws_api_gateway_rest_api_policy.p",
                LinkKind::Governed,
                "aws_api_gateway_rest_api.api"
            ),
            link(
                "aws_api_gateway_stage.prod",
                LinkKind::Api,
                "aws_api_gateway_rest_api.api"
            ),
            link(d, LinkKind::Origin, "aws_lb.web"),
            link(d, LinkKind::Origin, "aws_s3_bucket.assets"),
            link(d, LinkKind::WebAcl, "aws_wafv2_web_acl.edge"),
            link(
                "aws_lb_listener.https",
                LinkKind::LoadBalancer,
                "aws_lb.web"
            ),
            link(
                "aws_lb_listener.https",
                LinkKind::TargetGroup,
                "aws_lb_target_group.app"
            ),
            link(
                "aws_route53_query_log.q",
                LinkKind::HostedZone,
                "aws_route53_zone.z"
            ),
            link(
                "aws_wafv2_web_acl_association.web",
                LinkKind::WebAcl,
                "aws_wafv2_web_acl.edge"
            ),
            link(
                "aws_wafv2_web_acl_association.web",
                LinkKind::WafTarget,
                "aws_lb.web"
            ),
        ]
    );
}
