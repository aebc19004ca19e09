//! `aws-waf-web-acl-no-rules`: a web ACL that blocks nothing.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-waf-web-acl-no-rules",
        aliases: &[],
        title: "WAF web ACL without rules that act",
        severity: Severity::Medium,
        service: "waf",
        layer: Layer::Edge,
        description: "A WAF web ACL (`aws_wafv2_web_acl`, `aws_waf_web_acl`, \
            `aws_wafregional_web_acl`, `AWS::WAFv2::WebACL`, `AWS::WAF::WebACL`, \
            `AWS::WAFRegional::WebACL`) with no rules, or whose every rule only counts (`action \
            { count {} }`, `override_action { count {} }`, `Action: { Count: {} }`, `Type: \
            COUNT`).\n\nSuch a web ACL applies only its default action: it looks like \
            protection on a diagram but inspects nothing (count mode is for trying rules out, \
            not for staying in). Rules the configuration does not show (a dynamic block over an \
            unknown collection, `rule_json`, rule groups attached by \
            `aws_wafv2_web_acl_rule_group_association`) keep the web ACL from being reported.",
        remediation: "Add rules that block: at least the AWS managed rule groups \
            `AWSManagedRulesCommonRuleSet` and `AWSManagedRulesKnownBadInputsRuleSet` with \
            `override_action { none {} }`, and a rate-based rule; switch rules out of count mode \
            once tested.",
        references: &[
            "AWS Foundational Security Best Practices WAF.10 (AWS WAF web ACLs should have at least one rule or rule group)",
            "https://docs.aws.amazon.com/waf/latest/developerguide/web-acl.html",
        ],
        equivalents: &["checkov:CKV_AWS_175"],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_wafv2_web_acl\" \"empty\""), (15, "resource \"aws_wafv2_web_acl\" \"counting\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "Empty:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"Counting\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for acl in &model.web_acls {
        if acl.only_counts() != Some(true) {
            continue;
        }
        let r = model.resource(acl.owner);
        let what = match acl.rules.as_ref().map(Vec::len) {
            Some(0) => "has no rules",
            _ => "has only rules in count mode",
        };
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            acl.owner,
            r.header,
            format!(
                "WAF web ACL {} {what}, so it blocks nothing beyond its default action",
                r.address
            ),
        ));
    }
}
