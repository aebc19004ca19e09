//! AWS WAF: `AWS::WAFv2::WebACL`, `AWS::WAF::WebACL`, `AWS::WAFRegional::WebACL` and the
//! association resources.

use super::elb::ELBV2;
use super::{flat_items, present, prop_string, Adapter, LinkRow, ServiceAdapter};
use palisade_model::waf::{WafAssociation, WafRule, WebAcl};
use palisade_model::{LinkKind, Model, Node, NodeKind, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "AWS::WAFv2::WebACL",
        "AWS::WAF::WebACL",
        "AWS::WAFRegional::WebACL",
        "AWS::WAFv2::WebACLAssociation",
        "AWS::WAFRegional::WebACLAssociation",
    ],
    links: LINKS,
    references: None,
    adapt,
};

/// What a regional web ACL can protect.
const WAF_TARGETS: &[&str] = &[
    ELBV2[0],
    "AWS::ApiGateway::Stage",
    "AWS::AppSync::GraphQLApi",
    "AWS::Cognito::UserPool",
];

const LINKS: &[LinkRow] = &[
    (
        "AWS::WAFv2::WebACLAssociation",
        "ResourceArn",
        LinkKind::WafTarget,
        WAF_TARGETS,
    ),
    (
        "AWS::WAFv2::WebACLAssociation",
        "WebACLArn",
        LinkKind::WebAcl,
        &["AWS::WAFv2::WebACL"],
    ),
    (
        "AWS::WAFRegional::WebACLAssociation",
        "ResourceArn",
        LinkKind::WafTarget,
        WAF_TARGETS,
    ),
    (
        "AWS::WAFRegional::WebACLAssociation",
        "WebACLId",
        LinkKind::WebAcl,
        &["AWS::WAFRegional::WebACL"],
    ),
];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    let (model, id, props, header) = (&mut *r.model, r.id, r.props, r.header);
    match kind {
        "AWS::WAFv2::WebACLAssociation" | "AWS::WAFRegional::WebACLAssociation" => {
            association(model, id, props, header)
        }
        _ => web_acl(model, id, kind, props),
    }
}

fn web_acl(model: &mut Model, id: ResourceId, kind: &str, props: &Node) {
    let rules = match present(props, "Rules") {
        None => Some(Vec::new()),
        Some(list) if matches!(list.kind, NodeKind::List(_)) => Some(
            flat_items(list)
                .into_iter()
                .map(|r| rule(r, kind != "AWS::WAFv2::WebACL"))
                .collect(),
        ),
        Some(_) => None,
    };
    model.web_acls.push(WebAcl { owner: id, rules });
}

fn rule(r: &Node, classic: bool) -> WafRule {
    let action = present(r, "Action").or_else(|| present(r, "OverrideAction"));
    let action = match action {
        // WAF classic: `Action: { Type: BLOCK }`.
        Some(a) if classic => prop_string(a, "Type")
            .map(|v| v.map(&mut |s| s.to_ascii_lowercase()))
            .unwrap_or_else(|| Value::unknown(a.span)),
        // WAFv2: `Action: { Block: {} }`, `OverrideAction: { None: {} }`.
        Some(a) => match a.entries() {
            [(k, _)] => Value::literal(k.name.to_ascii_lowercase(), k.span),
            _ => Value::unknown(a.span),
        },
        None => Value::unknown(r.span),
    };
    WafRule {
        name: prop_string(r, "Name"),
        action,
        span: r.span,
    }
}

fn association(model: &mut Model, id: ResourceId, props: &Node, header: Span) {
    model.waf_associations.push(WafAssociation {
        owner: id,
        resource_arn: prop_string(props, "ResourceArn").unwrap_or_else(|| Value::unknown(header)),
    });
}
