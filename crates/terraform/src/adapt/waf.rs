//! AWS WAF: web ACLs (`aws_wafv2_web_acl`, `aws_waf_web_acl`, `aws_wafregional_web_acl`)
//! and their associations.

use super::elb::LB;
use super::{attr_string, blocks, dynamic, entry, is_null, string, Cx, LinkRow, ServiceAdapter};
use palisade_model::waf::{WafAssociation, WafRule, WebAcl};
use palisade_model::{LinkKind, Model, Node, NodeKind, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "aws_wafv2_web_acl",
        "aws_waf_web_acl",
        "aws_wafregional_web_acl",
        "aws_wafv2_web_acl_association",
        "aws_wafregional_web_acl_association",
    ],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

/// What a regional web ACL can protect.
const WAF_TARGETS: &[&str] = &[
    LB[0],
    LB[1],
    "aws_api_gateway_stage",
    "aws_appsync_graphql_api",
];

const LINKS: &[LinkRow] = &[
    (
        "aws_wafv2_web_acl_association",
        "resource_arn",
        LinkKind::WafTarget,
        WAF_TARGETS,
    ),
    (
        "aws_wafv2_web_acl_association",
        "web_acl_arn",
        LinkKind::WebAcl,
        &["aws_wafv2_web_acl"],
    ),
    (
        "aws_wafregional_web_acl_association",
        "resource_arn",
        LinkKind::WafTarget,
        WAF_TARGETS,
    ),
    (
        "aws_wafregional_web_acl_association",
        "web_acl_id",
        LinkKind::WebAcl,
        &["aws_wafregional_web_acl"],
    ),
];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_wafv2_web_acl_association" | "aws_wafregional_web_acl_association" => {
            association(&mut cx.model, id, n, header)
        }
        _ => web_acl(&mut cx.model, id, kind, n),
    }
}

/// The action block's only key (`block {}`, `count {}`, `none {}`), lower case.
fn action_of(block: &Node, sp: Span) -> Value<String> {
    match block.entries() {
        [(k, _)] => Value::literal(k.name.to_ascii_lowercase(), k.span),
        _ => Value::unknown(sp),
    }
}

fn web_acl(model: &mut Model, id: ResourceId, kind: &str, n: &Node) {
    let (rule_block, classic) = match kind {
        "aws_wafv2_web_acl" => ("rule", false),
        "aws_waf_web_acl" => ("rules", true),
        _ => ("rule", true),
    };
    // Rules the configuration does not show: a dynamic block over an unknown collection,
    // rules given as JSON, an unknown list.
    let hidden = dynamic(n, rule_block).is_some()
        || entry(n, "rule_json").is_some_and(|(_, v)| !is_null(v))
        || entry(n, rule_block).is_some_and(|(_, v)| {
            !matches!(
                v.kind,
                NodeKind::Map(_) | NodeKind::List(_) | NodeKind::Null
            )
        });
    let rules = (!hidden).then(|| {
        blocks(n, rule_block)
            .into_iter()
            .map(|(r, sp)| {
                let action = if classic {
                    // WAF classic: `action { type = "BLOCK" }`, `override_action { type = "COUNT" }`.
                    blocks(r, "action")
                        .first()
                        .or(blocks(r, "override_action").first())
                        .and_then(|(a, _)| attr_string(a, "type"))
                        .map(|v| v.map(&mut |s| s.to_ascii_lowercase()))
                        .unwrap_or_else(|| Value::unknown(sp))
                } else {
                    blocks(r, "action")
                        .first()
                        .or(blocks(r, "override_action").first())
                        .map(|(a, asp)| action_of(a, *asp))
                        .unwrap_or_else(|| Value::unknown(sp))
                };
                WafRule {
                    name: string(r, "name"),
                    action,
                    span: sp,
                }
            })
            .collect()
    });
    model.web_acls.push(WebAcl { owner: id, rules });
}

/// `aws_wafv2_web_acl_association`, `aws_wafregional_web_acl_association`.
fn association(model: &mut Model, id: ResourceId, n: &Node, header: Span) {
    model.waf_associations.push(WafAssociation {
        owner: id,
        resource_arn: attr_string(n, "resource_arn").unwrap_or_else(|| Value::unknown(header)),
    });
}
