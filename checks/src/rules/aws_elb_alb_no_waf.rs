//! `aws-elb-alb-no-waf`: an internet-facing application load balancer no WAF web ACL is
//! associated with.

use crate::edge::WafCoverage;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::elb::LbType;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-elb-alb-no-waf",
        aliases: &[],
        title: "Internet-facing application load balancer without a WAF web ACL",
        severity: Severity::Medium,
        service: "elb",
        layer: Layer::Edge,
        description: "An internet-facing application load balancer that no WAF web ACL \
            association of the same configuration points at (`aws_wafv2_web_acl_association`, \
            `aws_wafregional_web_acl_association`, `AWS::WAFv2::WebACLAssociation`, \
            `AWS::WAFRegional::WebACLAssociation` whose resource ARN references the load \
            balancer).\n\nThe load balancer takes requests straight from the internet; a \
            regional web ACL filters common exploits and abusive clients before they reach \
            the targets. Internal load balancers are not reported. When an association in the \
            same configuration names a resource that cannot be resolved (an ARN built from \
            variables or `Fn::Sub`), nothing is reported: it may be this load balancer's.",
        remediation: "Create an `aws_wafv2_web_acl` with `scope = \"REGIONAL\"` and an \
            `aws_wafv2_web_acl_association` with `resource_arn = aws_lb.x.arn` (CloudFormation: \
            `AWS::WAFv2::WebACLAssociation` with `ResourceArn: !Ref LoadBalancer`), or put the \
            load balancer behind a CloudFront distribution with a web ACL and restrict it to \
            CloudFront.",
        references: &[
            "https://docs.aws.amazon.com/waf/latest/developerguide/waf-application-load-balancer.html",
        ],
        equivalents: &["checkov:CKV2_AWS_28"],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_lb\" \"public\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "PublicAlb:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"PublicAlb\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    let waf = WafCoverage::new(model);
    for lb in &model.load_balancers {
        let types = lb.lb_type.candidates();
        if types.is_empty() || types.iter().any(|c| *c.value != LbType::Application) {
            continue;
        }
        if lb.internet_facing() != Some(true) || waf.may_protect(lb.owner) {
            continue;
        }
        let r = model.resource(lb.owner);
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            lb.owner,
            r.header,
            format!(
                "application load balancer {} is internet-facing and no WAF web ACL is \
                 associated with it",
                r.address
            ),
        ));
    }
}
