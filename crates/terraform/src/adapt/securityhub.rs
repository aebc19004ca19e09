//! Security Hub: the hub (default standards), standards subscriptions, and controls declared
//! disabled.

use super::{at, entry, flag, is_null, string, Cx, LinkRow, ServiceAdapter};
use palisade_model::securityhub::{DisabledControl, Hub};
use palisade_model::{Node, ResourceId, Span, Value};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "aws_securityhub_account",
        "aws_securityhub_standards_subscription",
        "aws_securityhub_standards_control",
        "aws_securityhub_standards_control_association",
    ],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, header: Span) {
    match kind {
        "aws_securityhub_account" => cx.model.securityhub.hubs.push(Hub {
            owner: id,
            default_standards: flag(n, "enable_default_standards", true, header).0,
        }),
        "aws_securityhub_standards_subscription" => cx.model.securityhub.standards.push(id),
        "aws_securityhub_standards_control" => {
            disabled_control(cx, id, n, "standards_control_arn", "control_status")
        }
        "aws_securityhub_standards_control_association" => {
            disabled_control(cx, id, n, "security_control_id", "association_status")
        }
        _ => {}
    }
}

fn disabled_control(cx: &mut Cx, id: ResourceId, n: &Node, control: &str, status: &str) {
    let Some((k, v)) = entry(n, status).filter(|(_, v)| !is_null(v)) else {
        return;
    };
    let disabled =
        at(v.to_string_value(), k.span).map(&mut |s| s.trim().eq_ignore_ascii_case("DISABLED"));
    cx.model
        .securityhub
        .disabled_controls
        .push(DisabledControl {
            owner: id,
            control: string(n, control).unwrap_or_else(|| Value::unknown(k.span)),
            disabled,
        });
}
