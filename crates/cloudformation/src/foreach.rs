//! `Fn::ForEach` of the `AWS::LanguageExtensions` transform:
//! `Fn::ForEach::Name: [Identifier, Collection, {OutputKeyTemplate: Value}]`.
//!
//! A loop is expanded on the syntax tree, before evaluation, the way the transform does it:
//! for each item of a known collection, `${Identifier}` and `&{Identifier}` are replaced in
//! output keys and in `Fn::Sub` strings, and `{Ref: Identifier}` becomes the item. The
//! copies keep the spans of the loop body, so a finding points at the line that produced it.
//! A collection that is not known at scan time (a parameter without default, an import) is
//! skipped: what it would create is not known, and unknown never fires.

use crate::eval::{scalar_node_text, Ctx};
use crate::syntax::{Syn, SynKey, SynKind};
use palisade_model::node::NodeKind;
use palisade_source::{Diagnostic, Span};

/// Entries (resources, or properties) all loops of one template may create together: a
/// loop over a huge list, or nested loops multiplying, stop here with a diagnostic.
pub(crate) const MAX_EXPANDED: usize = 1_000;

/// Syntax nodes all loops of one template may copy together: a thousand copies of a huge
/// loop body would otherwise cost gigabytes, whatever the entry count.
const MAX_COPIED_NODES: usize = 2_000_000;

/// The transform allows a few levels of nesting; more is not a real template.
const MAX_NESTING: usize = 8;

pub(crate) fn is_loop(key: &str) -> bool {
    key.starts_with("Fn::ForEach::")
}

/// Whether the template declares the transform that gives `Fn::ForEach` its meaning.
pub(crate) fn uses_language_extensions(root: &Syn) -> bool {
    let named = |s: &Syn| s.as_str() == Some("AWS::LanguageExtensions");
    root.get("Transform").is_some_and(|t| match &t.kind {
        SynKind::Seq(items) => items.iter().any(named),
        _ => named(t),
    })
}

pub(crate) struct Expander<'c, 't> {
    ctx: &'c Ctx<'t>,
    budget: usize,
    /// Syntax nodes that may still be copied.
    node_budget: usize,
    capped: bool,
    too_deep: bool,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'c, 't> Expander<'c, 't> {
    pub fn new(ctx: &'c Ctx<'t>) -> Self {
        Expander {
            ctx,
            budget: MAX_EXPANDED,
            node_budget: MAX_COPIED_NODES,
            capped: false,
            too_deep: false,
            diagnostics: Vec::new(),
        }
    }

    /// The entries a loop entry stands for, appended to `out`.
    pub fn expand(&mut self, key: &SynKey, value: &Syn, out: &mut Vec<(SynKey, Syn)>) {
        self.expand_at(key, value, out, 0);
    }

    fn expand_at(&mut self, key: &SynKey, value: &Syn, out: &mut Vec<(SynKey, Syn)>, depth: usize) {
        if depth >= MAX_NESTING {
            // Once: the outer loops reach this place once per combination of their items.
            if !self.too_deep {
                self.too_deep = true;
                self.diagnostics.push(Diagnostic::note(
                    key.span,
                    format!("`{}` is nested too deeply; not expanded", key.name),
                ));
            }
            return;
        }
        let SynKind::Seq(parts) = &value.kind else {
            return;
        };
        let [identifier, collection, body] = parts.as_slice() else {
            return;
        };
        let (Some(identifier), SynKind::Map(_)) = (identifier.as_str(), &body.kind) else {
            return;
        };
        let Some(items) = self.collection(collection) else {
            return;
        };
        let body_size = size(body);
        for item in items {
            if self.budget == 0 || self.node_budget < body_size {
                if !self.capped {
                    self.capped = true;
                    self.diagnostics.push(Diagnostic::note(
                        key.span,
                        format!(
                            "`Fn::ForEach` expands to more than {MAX_EXPANDED} entries or \
                             {MAX_COPIED_NODES} values; the rest is not analysed"
                        ),
                    ));
                }
                return;
            }
            self.node_budget -= body_size;
            let copy = substitute(body, identifier, &item);
            let SynKind::Map(entries) = copy.kind else {
                continue;
            };
            for (k, v) in entries {
                if is_loop(&k.name) {
                    self.expand_at(&k, &v, out, depth + 1);
                } else if self.budget > 0 {
                    self.budget -= 1;
                    out.push((k, v));
                }
            }
        }
    }

    /// Expands loops anywhere inside a resource (loops over properties).
    pub fn expand_within(&mut self, syn: &Syn) -> Syn {
        self.within(syn)
    }

    fn within(&mut self, syn: &Syn) -> Syn {
        // The syntax tree is already bounded in depth by the parser.
        let kind = match &syn.kind {
            SynKind::Seq(items) => SynKind::Seq(items.iter().map(|i| self.within(i)).collect()),
            SynKind::Map(entries) => {
                let mut out = Vec::with_capacity(entries.len());
                for (k, v) in entries {
                    if is_loop(&k.name) {
                        let mut expanded = Vec::new();
                        self.expand(k, v, &mut expanded);
                        for (k, v) in expanded {
                            let v = self.within(&v);
                            out.push((k, v));
                        }
                    } else {
                        out.push((k.clone(), self.within(v)));
                    }
                }
                SynKind::Map(out)
            }
            other => other.clone(),
        };
        Syn {
            kind,
            span: syn.span,
            complete: syn.complete,
        }
    }

    /// The items of a collection known at scan time: a literal list, or a list parameter's
    /// default (through `Ref`, or any intrinsic that evaluates to a known list).
    fn collection(&self, syn: &Syn) -> Option<Vec<String>> {
        let node = self.ctx.eval(syn)?;
        let NodeKind::List(items) = &node.kind else {
            return None;
        };
        items.iter().map(scalar_node_text).collect()
    }
}

/// Nodes in a syntax tree (its depth is bounded by the parser).
fn size(syn: &Syn) -> usize {
    1 + match &syn.kind {
        SynKind::Seq(items) => items.iter().map(size).sum(),
        SynKind::Map(entries) => entries.iter().map(|(_, v)| size(v)).sum(),
        _ => 0,
    }
}

/// A copy of `syn` with the loop identifier replaced by `item`.
fn substitute(syn: &Syn, identifier: &str, item: &str) -> Syn {
    let kind = match &syn.kind {
        SynKind::Map(entries) => {
            if let [(k, arg)] = entries.as_slice() {
                if k.name == "Ref" && arg.as_str() == Some(identifier) {
                    return string(item, syn.span, syn.complete);
                }
                if k.name == "Fn::Sub" {
                    let arg = match &arg.kind {
                        SynKind::Str(t) => {
                            string(&replace(t, identifier, item), arg.span, arg.complete)
                        }
                        _ => substitute(arg, identifier, item),
                    };
                    let arg = match arg.kind {
                        // `[template, {vars}]`: the template is the first item.
                        SynKind::Seq(mut items) => {
                            if let Some(first) = items.first_mut() {
                                if let SynKind::Str(t) = &first.kind {
                                    first.kind = SynKind::Str(replace(t, identifier, item));
                                }
                            }
                            Syn {
                                kind: SynKind::Seq(items),
                                ..arg
                            }
                        }
                        _ => arg,
                    };
                    return Syn {
                        kind: SynKind::Map(vec![(k.clone(), arg)]),
                        span: syn.span,
                        complete: syn.complete,
                    };
                }
            }
            SynKind::Map(
                entries
                    .iter()
                    .map(|(k, v)| {
                        (
                            SynKey {
                                name: replace(&k.name, identifier, item),
                                span: k.span,
                            },
                            substitute(v, identifier, item),
                        )
                    })
                    .collect(),
            )
        }
        SynKind::Seq(items) => SynKind::Seq(
            items
                .iter()
                .map(|i| substitute(i, identifier, item))
                .collect(),
        ),
        other => other.clone(),
    };
    Syn {
        kind,
        span: syn.span,
        complete: syn.complete,
    }
}

fn string(text: &str, span: Span, complete: bool) -> Syn {
    Syn {
        kind: SynKind::Str(text.to_string()),
        span,
        complete,
    }
}

/// Replaces `${identifier}` with the item and `&{identifier}` with its alphanumeric
/// characters only (the transform's form for logical ids, which allow nothing else).
fn replace(text: &str, identifier: &str, item: &str) -> String {
    if !text.contains('{') {
        return text.to_string();
    }
    let plain: String = item.chars().filter(char::is_ascii_alphanumeric).collect();
    text.replace(&format!("${{{identifier}}}"), item)
        .replace(&format!("&{{{identifier}}}"), &plain)
}

#[cfg(test)]
mod tests {
    use super::replace;

    #[test]
    fn identifiers_are_replaced_in_both_forms() {
        assert_eq!(replace("Bucket${Name}", "Name", "a-b"), "Bucketa-b");
        assert_eq!(replace("Bucket&{Name}", "Name", "a-b.c"), "Bucketabc");
        assert_eq!(replace("${Other}${Name}", "Name", "x"), "${Other}x");
    }
}
