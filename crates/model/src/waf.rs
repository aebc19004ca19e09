//! AWS WAF: web ACLs (WAFv2, WAF classic global and regional) and their associations with
//! the resources they protect.
//!
//! An association resource (`aws_wafv2_web_acl_association`,
//! `aws_wafregional_web_acl_association`, `AWS::WAFv2::WebACLAssociation`,
//! `AWS::WAFRegional::WebACLAssociation`) points at the protected resource through a link of
//! kind [`LinkKind::WafTarget`](crate::LinkKind::WafTarget) and at its web ACL through
//! [`LinkKind::WebAcl`](crate::LinkKind::WebAcl); a distribution's `web_acl_id` gives a
//! `WebAcl` link from the distribution itself.

use crate::ResourceId;
use palisade_source::{Span, Value};

/// One web ACL.
#[derive(Clone, Debug, PartialEq)]
pub struct WebAcl {
    pub owner: ResourceId,
    /// The rules in source order; `None` when they cannot be read (a dynamic block over an
    /// unknown collection, rules given as JSON, an unknown list).
    pub rules: Option<Vec<WafRule>>,
}

/// What a rule does with a request it matches.
#[derive(Clone, Debug, PartialEq)]
pub struct WafRule {
    pub name: Option<Value<String>>,
    /// `allow`, `block`, `count`, `captcha`, `challenge` for a rule's own action; for a
    /// rule group or managed rule group, `none` (the group's own actions apply) or `count`
    /// (its override). Lower case; unknown when not readable.
    pub action: Value<String>,
    /// The rule block.
    pub span: Span,
}

impl WebAcl {
    /// True when no rule can block anything: none at all, or every one only counts.
    /// `None` when the rules are not known.
    pub fn only_counts(&self) -> Option<bool> {
        let rules = self.rules.as_ref()?;
        let mut all_count = true;
        for rule in rules {
            let candidates = rule.action.candidates();
            if candidates.is_empty() {
                return None;
            }
            if candidates
                .iter()
                .any(|c| !c.value.eq_ignore_ascii_case("count"))
            {
                all_count = false;
            }
        }
        Some(all_count)
    }
}

/// One association of a web ACL with a protected resource.
#[derive(Clone, Debug, PartialEq)]
pub struct WafAssociation {
    pub owner: ResourceId,
    /// `resource_arn` / `ResourceArn`.
    pub resource_arn: Value<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_source::FileId;

    fn rule(action: Value<String>) -> WafRule {
        WafRule {
            name: None,
            action,
            span: Span::new(FileId(0), 0, 1),
        }
    }

    #[test]
    fn a_web_acl_blocks_nothing_without_rules_or_with_counting_rules_only() {
        let sp = Span::new(FileId(0), 0, 1);
        let acl = |rules| WebAcl {
            owner: ResourceId(0),
            rules,
        };
        assert_eq!(acl(Some(vec![])).only_counts(), Some(true));
        let count = || rule(Value::literal("count".into(), sp));
        assert_eq!(acl(Some(vec![count(), count()])).only_counts(), Some(true));
        let block = rule(Value::literal("block".into(), sp));
        assert_eq!(acl(Some(vec![count(), block])).only_counts(), Some(false));
        assert_eq!(
            acl(Some(vec![rule(Value::literal("none".into(), sp))])).only_counts(),
            Some(false)
        );
        assert_eq!(
            acl(Some(vec![count(), rule(Value::unknown(sp))])).only_counts(),
            None
        );
        assert_eq!(acl(None).only_counts(), None);
    }
}
