//! CloudFormation (YAML and JSON) and standalone IAM policy JSON frontends.
//!
//! The pipeline for one file: [`syntax`] reads YAML (saphyr-parser events) or JSON
//! (jsonc-parser) into a span-keeping tree, rewriting YAML short-form tags into their long
//! form; [`eval`] resolves intrinsic functions against parameters, mappings and conditions
//! into the model's [`palisade_model::Node`]; [`adapt`] turns each resource into typed facts.
//! [`foreach`] expands `Fn::ForEach` loops (LanguageExtensions) on the syntax tree before
//! evaluation; [`sam`] merges SAM `Globals` into SAM resources and knows the grants of the
//! common SAM policy templates. Evaluation is bounded in depth (conditions, nested
//! functions), in copying (a fuel budget proportional to the file for values copied to many
//! use sites) and in loop expansion; past a bound values are unknown and one note says so.
//! Spans are byte offsets into the file; a value that came through a parameter default is
//! located at its use site and remembers the default's span in `defined_at`.

mod adapt;
mod eval;
mod flow_indent;
mod foreach;
mod sam;
mod subjson;
mod syntax;

use palisade_model::iam::PolicyKind;
use palisade_model::node::{Node, NodeKind};
use palisade_model::policy::policy_from_node;
use palisade_model::{AttachedPolicy, Loaded};
use palisade_source::{Diagnostic, SourceFile};
use syntax::{looks_like_json, Syn, SynKind};

/// What a YAML/JSON file is, judged by its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    CloudFormation,
    IamPolicy,
    Other,
}

/// Classifies a file by content. Runs on every YAML/JSON file of a scan, so it decides from
/// the text alone whenever the text is conclusive and parses only the ambiguous rest.
pub fn detect(file: &SourceFile) -> DocumentKind {
    let text: &str = &file.text;
    let has_types = text.contains("AWS::") || text.contains("Custom::") || text.contains("Alexa::");
    let maybe_template =
        text.contains("AWSTemplateFormatVersion") || (text.contains("Resources") && has_types);
    let maybe_policy = text.contains("Statement") && text.contains("Effect");
    if !maybe_template && !maybe_policy {
        return DocumentKind::Other;
    }
    let json = looks_like_json(text);
    // A top-level YAML key at column 0 is conclusive without parsing (nested occurrences,
    // e.g. a template embedded in a workflow, are indented).
    if !json && top_level_yaml_key(text, "AWSTemplateFormatVersion") {
        return DocumentKind::CloudFormation;
    }
    let parsed = syntax::parse(file);
    let textual_template = if json {
        text.contains("\"AWSTemplateFormatVersion\"")
            || (text.contains("\"Resources\"") && has_types)
    } else {
        top_level_yaml_key(text, "Resources") && has_types
    };
    match parsed.root {
        Some(root) if parsed.clean => classify(&root),
        // Broken: judge by the text so the syntax error is reported for the right format.
        _ if textual_template => DocumentKind::CloudFormation,
        _ if json && maybe_policy => DocumentKind::IamPolicy,
        _ => DocumentKind::Other,
    }
}

fn top_level_yaml_key(text: &str, key: &str) -> bool {
    text.match_indices(key).any(|(at, _)| {
        let before = &text[..at];
        let before = before
            .strip_suffix('"')
            .or_else(|| before.strip_suffix('\''))
            .unwrap_or(before);
        let at_line_start = before.is_empty() || before.ends_with('\n');
        let after = text[at + key.len()..].trim_start_matches(['"', '\'']);
        at_line_start && after.trim_start_matches([' ', '\t']).starts_with(':')
    })
}

fn classify(root: &Syn) -> DocumentKind {
    if root.get("AWSTemplateFormatVersion").is_some() {
        return DocumentKind::CloudFormation;
    }
    if let Some(resources) = root.get("Resources") {
        let typed = resources.entries().iter().any(|(_, r)| {
            r.get("Type").and_then(Syn::as_str).is_some_and(|t| {
                t.starts_with("AWS::") || t.starts_with("Custom::") || t.starts_with("Alexa::")
            })
        });
        let sam = root.get("Transform").is_some_and(|t| match &t.kind {
            SynKind::Str(s) => s.starts_with("AWS::Serverless"),
            SynKind::Seq(items) => items
                .iter()
                .any(|i| i.as_str().is_some_and(|s| s.starts_with("AWS::Serverless"))),
            _ => false,
        });
        if typed || sam {
            return DocumentKind::CloudFormation;
        }
    }
    if is_policy(root) {
        return DocumentKind::IamPolicy;
    }
    DocumentKind::Other
}

/// A `Statement` that is an object carrying `Effect`, or a non-empty list of such objects.
fn is_policy(root: &Syn) -> bool {
    let Some(statement) = root.get("Statement") else {
        return false;
    };
    let has_effect = |s: &Syn| s.get("Effect").is_some();
    match &statement.kind {
        SynKind::Map(_) => has_effect(statement),
        SynKind::Seq(items) => !items.is_empty() && items.iter().all(has_effect),
        _ => false,
    }
}

/// Loads a CloudFormation template: every resource that parsed, plus located diagnostics.
pub fn load_template(file: &SourceFile) -> Loaded {
    let parsed = syntax::parse(file);
    let mut loaded = Loaded {
        diagnostics: parsed.diagnostics,
        ..Loaded::default()
    };
    if let Some(root) = &parsed.root {
        loaded.model = adapt::adapt_template(root, file, &mut loaded.diagnostics);
    }
    loaded
}

/// Loads a standalone IAM policy document (identity, resource, trust or SCP).
pub fn load_policy(file: &SourceFile) -> Loaded {
    let parsed = syntax::parse(file);
    let mut loaded = Loaded {
        diagnostics: parsed.diagnostics,
        ..Loaded::default()
    };
    let Some(root) = parsed.root else {
        return loaded;
    };
    if !root.complete {
        // Half a policy would look like a policy missing its conditions.
        return loaded;
    }
    let node = eval::Ctx::plain().eval(&root);
    match node
        .as_ref()
        .and_then(|n| policy_from_node(n, policy_kind(n)))
    {
        Some(document) => loaded.model.policies.push(AttachedPolicy {
            owner: None,
            attribute: "policy document".to_string(),
            document,
        }),
        None => loaded.diagnostics.push(Diagnostic::new(
            root.span,
            "not an IAM policy document: no `Statement`",
        )),
    }
    loaded
}

/// What a standalone document is used as, judged by its statements: a principal that may
/// assume a role makes a trust policy, other principals a resource policy.
fn policy_kind(doc: &Node) -> PolicyKind {
    let statements: Vec<&Node> = doc
        .get_ci("Statement")
        .map(|s| match &s.kind {
            NodeKind::List(items) => items.iter().collect(),
            _ => vec![s],
        })
        .unwrap_or_default();
    let mut has_principal = false;
    for st in &statements {
        let principal = st.get_ci("Principal").or_else(|| st.get_ci("NotPrincipal"));
        if principal.is_none() {
            continue;
        }
        has_principal = true;
        let allow = st
            .get_ci("Effect")
            .and_then(Node::as_str)
            .is_some_and(|e| e.eq_ignore_ascii_case("allow"));
        let assumes = st.get_ci("Action").is_some_and(|a| {
            a.items().iter().any(|i| {
                i.as_str()
                    .is_some_and(|s| s.to_ascii_lowercase().starts_with("sts:assumerole"))
            })
        });
        if allow && assumes {
            return PolicyKind::Trust;
        }
    }
    if has_principal {
        PolicyKind::Resource
    } else {
        PolicyKind::Identity
    }
}

/// Parses one YAML/JSON file into its span-keeping tree and drops it: the parse floor the
/// benchmark compares against.
pub fn parse_only(file: &SourceFile) -> bool {
    let parsed = syntax::parse(file);
    parsed.root.is_some() && parsed.clean
}
