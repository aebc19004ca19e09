//! Lambda: permissions, each one statement of the function's resource policy.

use super::*;
use palisade_model::secrets::EnvironmentService;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "AWS::Lambda::Permission",
        "AWS::Lambda::Function",
        "AWS::Lambda::Url",
    ],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    match kind {
        "AWS::Lambda::Permission" => r.lambda_permission(),
        "AWS::Lambda::Function" => r.function_environment(EnvironmentService::Lambda),
        "AWS::Lambda::Url" => {
            let auth_type = match present(r.props, "AuthType") {
                Some(v) => at(v.to_string_value(), property_span(r.props, "AuthType")),
                // Required: a template without it does not deploy.
                None => Value::unknown(r.header),
            };
            r.model
                .function_urls
                .push(palisade_model::public_access::FunctionUrl {
                    owner: r.id,
                    auth_type,
                });
        }
        _ => {}
    }
}

impl Adapter<'_> {
    /// `AWS::Lambda::Permission` is one statement of the function's resource policy; it is
    /// written as that statement so the policy checks judge it like any other.
    fn lambda_permission(&mut self) {
        let p = self.props;
        let entry = |key: &str, name: &str, value: Node| {
            let span = p
                .entries()
                .iter()
                .find(|(k, _)| k.name == key)
                .map(|(k, _)| k.span)
                .unwrap_or(value.span);
            (
                MapKey {
                    name: name.to_string(),
                    span,
                },
                value,
            )
        };
        let Some(action) = present(p, "Action").cloned() else {
            return;
        };
        let mut statement = vec![
            entry(
                "Action",
                "Effect",
                Node::literal(NodeKind::String("Allow".into()), action.span),
            ),
            entry("Action", "Action", action),
        ];
        if let Some(principal) = present(p, "Principal") {
            // The property is a bare string: `*`, a service host, or an account / ARN.
            let kind = match principal.as_str() {
                Some("*") => None,
                Some(s) if s.ends_with(".amazonaws.com") || s.ends_with(".amazonaws.com.cn") => {
                    Some("Service")
                }
                _ => Some("AWS"),
            };
            let value = match kind {
                None => principal.clone(),
                Some(kind) => Node::new(
                    NodeKind::Map(vec![(
                        MapKey {
                            name: kind.into(),
                            span: principal.span,
                        },
                        principal.clone(),
                    )]),
                    principal.span,
                    principal.provenance,
                ),
            };
            statement.push(entry("Principal", "Principal", value));
        }
        if let Some(function) = present(p, "FunctionName") {
            statement.push(entry("FunctionName", "Resource", function.clone()));
        }
        let mut conditions = Vec::new();
        for (key, operator, condition_key) in [
            ("SourceArn", "ArnLike", "AWS:SourceArn"),
            ("SourceAccount", "StringEquals", "AWS:SourceAccount"),
            ("PrincipalOrgID", "StringEquals", "aws:PrincipalOrgID"),
        ] {
            if let Some(value) = present(p, key) {
                let test = entry(key, condition_key, value.clone());
                conditions.push(entry(
                    key,
                    operator,
                    Node::new(NodeKind::Map(vec![test]), value.span, value.provenance),
                ));
            }
        }
        if !conditions.is_empty() {
            statement.push((
                MapKey {
                    name: "Condition".into(),
                    span: self.header,
                },
                Node::literal(NodeKind::Map(conditions), self.header),
            ));
        }
        let statement = Node::literal(NodeKind::Map(statement), self.extent);
        let doc = Node::literal(
            NodeKind::Map(vec![(
                MapKey {
                    name: "Statement".into(),
                    span: self.header,
                },
                statement,
            )]),
            self.extent,
        );
        self.attach_policy(&doc, PolicyKind::Resource, "Permission".into());
    }
}

impl Adapter<'_> {
    /// `Environment.Variables` of a function (also SAM's, with `Globals` merged).
    pub(super) fn function_environment(&mut self, service: EnvironmentService) {
        let Some(variables) =
            present(self.props, "Environment").and_then(|e| present(e, "Variables"))
        else {
            return;
        };
        for (key, value) in variables.entries() {
            self.model
                .secrets
                .environment
                .push(palisade_model::secrets::EnvironmentVariable {
                    owner: self.id,
                    service,
                    name: Some(key.name.clone()),
                    value: value.to_string_value(),
                    container: None,
                    span: key.span,
                });
        }
    }
}
