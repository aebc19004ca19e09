//! Terraform plan JSON (`terraform show -json plan.out`) read as configuration.
//!
//! `planned_values` holds every resource of the plan, root module and child modules alike
//! (registry modules, data sources and variables already resolved by Terraform). Each
//! resource is written out as an HCL `resource` (or `data`) block whose arguments are its
//! planned values as literals, every byte located at the plan JSON it came from
//! ([`SourceFile::derived`], as for `.tf.json`), and the result is evaluated like a module.
//!
//! A value Terraform knows only after apply is absent from `planned_values` and marked `true`
//! in `resource_changes[].change.after_unknown`: it is written as a call the evaluator does
//! not know (`unknown_after_apply()`), so it stays unknown and never fires, rather than
//! reading as omitted (the service default). References between resources are not in
//! `planned_values`, so links a check reads from a reference are not made.

use crate::tfjson::{bodies, expression, is_block, is_identifier, Out, Parser, J, K};
use palisade_source::{Diagnostic, SourceFile};
use std::collections::HashMap;

/// One resource of a plan: its address and the extent of its `planned_values` object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanResource {
    /// The full address, `module.x.aws_s3_bucket.b[0]`.
    pub address: String,
    /// `resource` or `data`.
    pub mode: &'static str,
    pub kind: String,
    pub name: String,
    /// The module calls leading to it, outermost first (`["x"]` for `module.x[0].…`).
    pub modules: Vec<String>,
    /// Byte range of the resource's object in the plan JSON.
    pub start: u32,
    pub end: u32,
}

/// Whether a file's content is a Terraform plan in JSON.
pub fn is_plan(file: &SourceFile) -> bool {
    let mut n = file.text.len().min(4096);
    while !file.text.is_char_boundary(n) {
        n -= 1;
    }
    let head = &file.text[..n];
    head.contains("\"terraform_version\"")
        && file.text.contains("\"planned_values\"")
        && file.text.trim_start().starts_with('{')
}

fn parse(file: &SourceFile) -> Result<J, Diagnostic> {
    let mut p = Parser {
        b: file.text.as_bytes(),
        text: &file.text,
        i: 0,
        depth: 0,
    };
    p.ws();
    p.value().map_err(|(at, message)| {
        let at = at.min(file.text.len());
        let mut end = (at + 1).min(file.text.len());
        while !file.text.is_char_boundary(end) {
            end += 1;
        }
        Diagnostic::new(file.span(at, end), format!("JSON syntax error: {message}"))
    })
}

fn get<'j>(v: &'j J, key: &str) -> Option<&'j J> {
    v.entries()
        .iter()
        .find(|(k, _)| k.text() == key)
        .map(|(_, v)| v)
}

fn items(v: Option<&J>) -> &[J] {
    match v.map(|v| &v.kind) {
        Some(K::Array(items)) => items,
        _ => &[],
    }
}

/// The module calls of an address, outermost first: `module.a["k"].module.b.aws_x.y` gives
/// `["a", "b"]`.
fn module_path(address: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = address;
    while let Some(r) = rest.strip_prefix("module.") {
        let end = r.find(['.', '[']).unwrap_or(r.len());
        out.push(r[..end].to_string());
        rest = &r[end..];
        if rest.starts_with('[') {
            // Skip the instance key (a quoted key may hold `.`).
            let mut quoted = false;
            let mut cut = rest.len();
            for (i, c) in rest.char_indices() {
                match c {
                    '"' => quoted = !quoted,
                    ']' if !quoted => {
                        cut = i + 1;
                        break;
                    }
                    _ => {}
                }
            }
            rest = &rest[cut..];
        }
        rest = rest.strip_prefix('.').unwrap_or(rest);
    }
    out
}

/// Every resource of the plan's `planned_values`, in order.
pub fn plan_resources(file: &SourceFile) -> Vec<PlanResource> {
    let Ok(root) = parse(file) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    walk(&root, |r, _| {
        if let Some(pr) = describe(r) {
            out.push(pr);
        }
    });
    out
}

fn describe(r: &J) -> Option<PlanResource> {
    let address = get(r, "address")?.text();
    let mode = match get(r, "mode").map(J::text).as_deref() {
        Some("data") => "data",
        _ => "resource",
    };
    Some(PlanResource {
        modules: module_path(&address),
        address,
        mode,
        kind: get(r, "type")?.text(),
        name: get(r, "name")?.text(),
        start: r.start,
        end: r.end,
    })
}

/// Calls `f` on every resource object of `planned_values` (root module, then child modules
/// depth first).
fn walk<'j>(root: &'j J, mut f: impl FnMut(&'j J, &'j J)) {
    fn module<'j>(m: &'j J, root: &'j J, f: &mut dyn FnMut(&'j J, &'j J), depth: usize) {
        if depth > 64 {
            return;
        }
        for r in items(get(m, "resources")) {
            f(r, root);
        }
        for c in items(get(m, "child_modules")) {
            module(c, root, f, depth + 1);
        }
    }
    if let Some(m) = get(root, "planned_values").and_then(|p| get(p, "root_module")) {
        module(m, root, &mut f, 0);
    }
}

/// The HCL form of a plan: one block per planned resource, located in the plan JSON.
pub fn to_hcl(file: &SourceFile) -> Result<SourceFile, Diagnostic> {
    let root = parse(file)?;
    let mut unknown: HashMap<String, &J> = HashMap::new();
    for rc in items(get(&root, "resource_changes")) {
        if let (Some(a), Some(u)) = (
            get(rc, "address"),
            get(rc, "change").and_then(|c| get(c, "after_unknown")),
        ) {
            unknown.insert(a.text(), u);
        }
    }
    let mut out = Out::default();
    walk(&root, |r, _| {
        let Some(pr) = describe(r) else {
            return;
        };
        let Some(values) = get(r, "values") else {
            return;
        };
        let suffix = label_of(&pr);
        let label = suffix.replace('\\', "\\\\").replace('"', "\\\"");
        out.put(pr.mode, r.start, r.start + 1);
        out.put(
            &format!(" \"{}\" \"{label}\"", pr.kind),
            r.start,
            r.start + 1,
        );
        body(&mut out, values, unknown.get(&pr.address).copied(), 0);
    });
    Ok(SourceFile::derived(file, out.text, out.starts, out.ends))
}

/// The block label of a planned resource, which keeps its address unique: `b`, `b[0]`,
/// `module.x.b["k"]`.
pub(crate) fn label_of(pr: &PlanResource) -> String {
    let own = format!("{}.{}", pr.kind, pr.name);
    match pr.address.rfind(&own) {
        Some(at) => {
            let prefix = pr.address[..at].trim_start_matches("data.");
            let tail = &pr.address[at + own.len()..];
            format!("{prefix}{}{tail}", pr.name)
        }
        None => pr.name.clone(),
    }
}

/// A resource's (or nested block's) values as a block body.
fn body(out: &mut Out, values: &J, unknown: Option<&J>, depth: usize) {
    out.put(" {\n", values.start, values.start + 1);
    let mut seen = Vec::new();
    for (k, v) in values.entries() {
        let name = k.text();
        seen.push(name.clone());
        if !is_identifier(&name) || depth > 32 {
            continue;
        }
        let u = unknown.and_then(|u| get(u, &name));
        if matches!(u.map(|u| &u.kind), Some(K::Bool(true))) {
            write_unknown(out, k, v);
            continue;
        }
        match &v.kind {
            K::Null => continue,
            K::Array(list) if list.is_empty() => continue,
            _ => {}
        }
        if is_block(&name, v) {
            let unknowns = items(u);
            for (i, b) in bodies(v).into_iter().enumerate() {
                out.name(k);
                let ub = match &u.map(|u| &u.kind) {
                    Some(K::Object(_)) => u,
                    _ => unknowns.get(i),
                };
                body(out, b, ub, depth + 1);
            }
            continue;
        }
        out.name(k);
        out.put(" = ", k.end, k.end);
        expression(out, v, false);
        out.put("\n", v.end, v.end);
    }
    // Unknown after apply and so absent from the planned values.
    if let Some(u) = unknown {
        for (k, v) in u.entries() {
            let name = k.text();
            if matches!(v.kind, K::Bool(true)) && is_identifier(&name) && !seen.contains(&name) {
                write_unknown(out, k, v);
            }
        }
    }
    out.put("}\n", values.end.saturating_sub(1), values.end);
}

fn write_unknown(out: &mut Out, k: &J, v: &J) {
    out.name(k);
    out.put(" = ", k.end, k.end);
    out.put("unknown_after_apply()", v.start, v.end);
    out.put("\n", v.end, v.end);
}
