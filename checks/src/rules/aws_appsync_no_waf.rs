//! `aws-appsync-no-waf`: a public AppSync GraphQL API no WAF web ACL is associated with.

use crate::edge::WafCoverage;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-appsync-no-waf",
        aliases: &[],
        title: "AppSync API without a WAF web ACL",
        severity: Severity::Medium,
        service: "appsync",
        layer: Layer::Edge,
        description: "A public AppSync GraphQL API (`aws_appsync_graphql_api`, \
            `AWS::AppSync::GraphQLApi`; `visibility` `GLOBAL`, the default) that no WAF web ACL \
            association of the same configuration points at.\n\nGraphQL endpoints are easy to \
            abuse with expensive or enumerating queries; a regional web ACL adds rate limits \
            and filters in front of the resolvers. Private APIs are not reported; when an \
            association in the same configuration names a resource that cannot be resolved, \
            nothing is reported.",
        remediation: "Associate a `REGIONAL` web ACL: `aws_wafv2_web_acl_association` with \
            `resource_arn = aws_appsync_graphql_api.x.arn` (CloudFormation \
            `AWS::WAFv2::WebACLAssociation` with `ResourceArn: !GetAtt Api.Arn`).",
        references: &[
            "https://docs.aws.amazon.com/appsync/latest/devguide/WAF-Integration.html",
        ],
        equivalents: &["checkov:CKV2_AWS_33"],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_appsync_graphql_api\" \"api\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "Api:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"Api\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    let waf = WafCoverage::new(model);
    for api in &model.graphql_apis {
        let public = api.visibility.candidates();
        if public.is_empty() || public.iter().all(|c| c.value.eq_ignore_ascii_case("PRIVATE")) {
            continue;
        }
        if waf.may_protect(api.owner) {
            continue;
        }
        let r = model.resource(api.owner);
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            api.owner,
            r.header,
            format!(
                "AppSync GraphQL API {} is public and no WAF web ACL is associated with it",
                r.address
            ),
        ));
    }
}
