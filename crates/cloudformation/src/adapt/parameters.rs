//! Template parameters: how each is masked and whether it has a default (for the checks on
//! secret inputs). Not a service: parameters belong to the template.

use super::*;
use palisade_model::node::format_number;
use palisade_model::secrets::TemplateParameter;

/// Records every parameter of `Parameters`.
pub(super) fn parameters(root: &Syn, model: &mut Model) {
    let Some(parameters) = root.get("Parameters") else {
        return;
    };
    for (key, p) in parameters.entries() {
        let field = |name: &str| p.entries().iter().find(|(k, _)| k.name == name);
        let masked = match field("NoEcho") {
            Some((_, v)) => match &v.kind {
                SynKind::Bool(b) => Value::literal(*b, v.span),
                SynKind::Str(s) if s.eq_ignore_ascii_case("true") => Value::literal(true, v.span),
                SynKind::Str(s) if s.eq_ignore_ascii_case("false") => Value::literal(false, v.span),
                _ => Value::unknown(v.span),
            },
            None => Value::omitted(false, key.span),
        };
        let default = field("Default").map(|(k, v)| match &v.kind {
            SynKind::Str(s) => Value::literal(s.clone(), k.span),
            SynKind::Number(n) => Value::literal(format_number(*n), k.span),
            SynKind::Bool(b) => Value::literal(b.to_string(), k.span),
            _ => Value::unknown(k.span),
        });
        model.secrets.parameters.push(TemplateParameter {
            what: "parameter",
            name: key.name.clone(),
            span: key.span,
            extent: Span {
                end: p.span.end.max(key.span.end),
                ..key.span
            },
            masked,
            mask_name: "NoEcho",
            default,
            kind: p.get("Type").and_then(Syn::as_str).map(str::to_string),
        });
    }
}
