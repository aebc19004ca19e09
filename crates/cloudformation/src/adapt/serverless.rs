//! SAM (`AWS::Serverless::*`, after `Globals` are merged in, see `crate::sam`): the policies of a
//! function's or state machine's generated role, simple tables, and API resource policies.

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "AWS::Serverless::Function",
        "AWS::Serverless::StateMachine",
        "AWS::Serverless::SimpleTable",
        "AWS::Serverless::Api",
    ],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    match kind {
        // SAM: a function's (or state machine's) generated role carries `Policies`.
        "AWS::Serverless::Function" => {
            r.sam_policies();
            r.function_environment(palisade_model::secrets::EnvironmentService::Lambda);
        }
        "AWS::Serverless::StateMachine" => r.sam_policies(),
        "AWS::Serverless::SimpleTable" => r.dynamodb(),
        "AWS::Serverless::Api" => r.sam_api(),
        _ => {}
    }
}

impl Adapter<'_> {
    /// `Policies` of a SAM function: managed policy names or ARNs (their content is not
    /// known here), inline documents, and policy templates. With `Role` given, SAM creates
    /// no role and ignores `Policies`, so nothing is attached; a `Role` given only under a
    /// condition leaves the policies applying under the branches without one.
    fn sam_policies(&mut self) {
        let Some(policies) = present(self.props, "Policies") else {
            return;
        };
        let policies = policies.clone();
        let without_role = match self.props.get("Role") {
            None => vec![Vec::new()],
            Some(role) => branches_without(role),
        };
        for role_absent in without_role {
            for (item, item_when) in policies.items_when() {
                let when = [role_absent.clone(), item_when].concat();
                self.sam_policy_item(item, &when);
            }
        }
    }

    /// One item of `Policies`: an inline document or a policy template (a managed policy
    /// name or ARN, or anything unknown, attaches nothing known).
    fn sam_policy_item(&mut self, node: &Node, when: &[(String, bool)]) {
        let NodeKind::Map(entries) = &node.kind else {
            return;
        };
        if node.get_ci("Statement").is_some() {
            self.attach_policy_when(node, PolicyKind::Identity, "Policies".into(), when);
        } else if let [(key, args)] = entries.as_slice() {
            let doc = crate::sam::template_document(&key.name, key.span, args, node.span);
            if let Some(doc) = doc {
                let attribute = format!("Policies[{}]", key.name);
                self.attach_policy_when(&doc, PolicyKind::Identity, attribute, when);
            }
        }
    }

    /// `Auth.ResourcePolicy.CustomStatements` of a SAM API: statements of the API's resource
    /// policy.
    fn sam_api(&mut self) {
        let Some(resource_policy) = present(self.props, "Auth")
            .and_then(|a| present(a, "ResourcePolicy"))
            .cloned()
        else {
            return;
        };
        let Some((key, statements)) = resource_policy
            .entries()
            .iter()
            .find(|(k, v)| k.name == "CustomStatements" && !matches!(v.kind, NodeKind::Null))
        else {
            return;
        };
        let doc = Node::new(
            NodeKind::Map(vec![(
                MapKey {
                    name: "Statement".into(),
                    span: key.span,
                },
                statements.clone(),
            )]),
            resource_policy.span,
            resource_policy.provenance,
        );
        self.attach_policy(&doc, PolicyKind::Resource, "Auth.ResourcePolicy".into());
    }
}
