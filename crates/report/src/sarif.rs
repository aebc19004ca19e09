//! SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps): one rule per check with
//! results and per severity its results get, carrying the check's documentation as help, one result per
//! finding, parse errors as tool notifications.
//!
//! What GitHub code scanning reads is kept exact:
//!
//! - a rule's `properties.security-severity` is the severity its results get: configured
//!   overrides included, and a check whose severity varies per finding (a port that makes an
//!   open security group critical) gets one rule per severity, `ID` for the check's own
//!   severity and `ID/SEVERITY` for the others;
//! - `name` is the id in PascalCase, `helpUri` the check's entry in `docs/checks.md`;
//! - artifact URIs are percent-encoded and relative to `%SRCROOT%`, the project root
//!   (`originalUriBaseIds`), and fingerprints use those paths: neither depends on the working
//!   directory or the checkout path;
//! - related locations have ids, and the message links to them (`[value defined here](1)`);
//! - with `--show-suppressed`, suppressed findings are results with `suppressions`.

use std::collections::{BTreeMap, BTreeSet};

use palisade_checks::{Check, Severity};
use palisade_engine::{ResolvedFinding, ScanError, ScanResult, SuppressionInfo, SuppressionKind};
use serde_json::{json, Value};

use crate::ReportOptions;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const DOCS: &str = "https://github.com/palisade-iac/palisade/blob/main/docs/checks.md";
const SRCROOT: &str = "%SRCROOT%";

/// `level` as SARIF understands it.
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

/// GitHub code scanning ranks security alerts by `security-severity` (CVSS-like 0-10: above 9
/// critical, 7 to 8.9 high, 4 to 6.9 medium, below low).
fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
    }
}

/// `aws-ec2-sg-open-ingress` → `AwsEc2SgOpenIngress`.
pub(crate) fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// Percent-encodes a relative path for a URI: unreserved characters and `/` stay, every other
/// byte (space, `#`, `%`, non-ASCII) is `%XX`. Backslashes become `/`.
pub(crate) fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn location(
    result: &ScanResult,
    file: &str,
    line: u32,
    column: u32,
    end: Option<(u32, u32)>,
) -> Value {
    let mut region = json!({ "startLine": line.max(1), "startColumn": column.max(1) });
    if let Some((end_line, end_column)) = end {
        region["endLine"] = json!(end_line.max(1));
        region["endColumn"] = json!(end_column.max(1));
    }
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri_path(&result.root_relative(file)), "uriBaseId": SRCROOT },
            "region": region
        }
    })
}

/// The severity a check's results get when nothing varies: the configured override, else
/// the check's own.
fn base_severity(result: &ScanResult, c: &Check) -> Severity {
    result
        .config
        .severity
        .get(c.meta.id)
        .copied()
        .unwrap_or(c.meta.severity)
}

fn rule_id(check: &str, base: Severity, s: Severity) -> String {
    if s == base {
        check.to_string()
    } else {
        format!("{check}/{}", s.as_str())
    }
}

fn rule(c: &Check, id: &str, s: Severity) -> Value {
    let m = &c.meta;
    let mut help = format!("{}\n\n## How to fix\n\n{}", m.description, m.remediation);
    if !m.references.is_empty() {
        help.push_str("\n\n## References\n\n");
        for r in m.references {
            help.push_str(&format!("- {r}\n"));
        }
    }
    json!({
        "id": id,
        "name": pascal_case(id),
        "shortDescription": { "text": m.title },
        "fullDescription": { "text": m.description },
        "help": { "text": help, "markdown": help },
        "helpUri": format!("{DOCS}#{}", m.id),
        "defaultConfiguration": { "level": level(s) },
        "properties": {
            "tags": ["security", m.service, m.layer.as_str()],
            "security-severity": security_severity(s),
            "precision": "high"
        }
    })
}

fn suppression(result: &ScanResult, by: &SuppressionInfo) -> Value {
    let mut s = json!({
        "kind": match by.kind {
            SuppressionKind::InSource => "inSource",
            SuppressionKind::Baseline => "external",
        },
        "status": "accepted"
    });
    let mut justification = by.reason.clone().unwrap_or_default();
    if let Some(e) = &by.expires {
        if !justification.is_empty() {
            justification.push(' ');
        }
        justification.push_str(&format!("(expires {e})"));
    }
    if !justification.is_empty() {
        s["justification"] = json!(justification);
    }
    if let Some(l) = &by.location {
        s["location"] = location(result, &l.file, l.line, l.column, None);
    }
    s
}

/// The SARIF log, without suppressed findings.
pub fn sarif(result: &ScanResult) -> String {
    sarif_with(result, ReportOptions::default())
}

pub fn sarif_with(result: &ScanResult, options: ReportOptions) -> String {
    let checks = palisade_checks::all();
    let suppressed: Vec<(&ResolvedFinding, Option<&SuppressionInfo>)> = result
        .findings
        .iter()
        .map(|f| (f, None))
        .chain(
            result
                .suppressed_findings
                .iter()
                .filter(|_| options.show_suppressed)
                .map(|s| (&s.finding, Some(&s.by))),
        )
        .collect();
    // A rule for each check with results (so that adding a check to the catalog does not
    // renumber every `ruleIndex`), and variants for the other severities its results get.
    let mut variants: BTreeMap<&str, BTreeSet<Severity>> = BTreeMap::new();
    for (f, _) in &suppressed {
        variants.entry(f.check).or_default().insert(f.severity);
    }
    let mut rules: Vec<Value> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for c in &checks {
        let Some(seen) = variants.get(c.meta.id) else {
            continue;
        };
        let base = base_severity(result, c);
        let mut severities = vec![base];
        severities.extend(seen.iter().rev().filter(|s| **s != base));
        for s in severities {
            let id = rule_id(c.meta.id, base, s);
            index.insert(id.clone(), rules.len());
            rules.push(rule(c, &id, s));
        }
    }
    let results: Vec<Value> = suppressed
        .iter()
        .map(|(f, by)| {
            let base = checks
                .iter()
                .find(|c| c.meta.id == f.check)
                .map(|c| base_severity(result, c))
                .unwrap_or(f.severity);
            let id = rule_id(f.check, base, f.severity);
            let mut related: Vec<Value> = Vec::new();
            let mut links: Vec<String> = Vec::new();
            for t in &f.trace {
                let mut l = location(result, &t.file, t.line, t.column, None);
                l["id"] = json!(related.len() + 1);
                l["message"] = json!({ "text": "module call" });
                links.push(format!("[module call]({})", related.len() + 1));
                related.push(l);
            }
            for rel in &f.related {
                let mut l = location(result, &rel.location.file, rel.location.line, rel.location.column, None);
                l["id"] = json!(related.len() + 1);
                l["message"] = json!({ "text": rel.message });
                let text = rel.message.replace(['[', ']'], "");
                links.push(format!("[{text}]({})", related.len() + 1));
                related.push(l);
            }
            let mut message = f.message.replace(['[', ']'], "");
            if !links.is_empty() {
                message.push_str(&format!(" ({})", links.join(", ")));
            }
            let mut r = json!({
                "ruleId": id,
                "level": level(f.severity),
                "message": { "text": message },
                "locations": [location(result, &f.file, f.line, f.column, Some((f.end_line, f.end_column)))],
                "partialFingerprints": { "palisade/v1": result.fingerprint(f) },
                "properties": { "severity": f.severity.as_str() }
            });
            if let Some(i) = index.get(&id) {
                r["ruleIndex"] = json!(i);
            }
            if let Some(resource) = &f.resource {
                r["locations"][0]["logicalLocations"] =
                    json!([{ "fullyQualifiedName": resource, "kind": "resource" }]);
            }
            if !related.is_empty() {
                r["relatedLocations"] = json!(related);
            }
            if let Some(by) = by {
                r["suppressions"] = json!([suppression(result, by)]);
            }
            r
        })
        .collect();
    let notification = |level: &str, e: &ScanError| {
        json!({
            "level": level,
            "message": { "text": e.message },
            "locations": [location(result, &e.file, e.line, e.column, None)]
        })
    };
    let notifications: Vec<Value> = result
        .errors
        .iter()
        .map(|e| notification("error", e))
        .chain(
            result
                .file_warnings
                .iter()
                .map(|e| notification("warning", e)),
        )
        .chain(result.notes.iter().map(|e| notification("note", e)))
        .collect();
    // `file:///abs/root/`: an absolute URI ending in a slash, as SARIF requires of a base.
    let mut root = uri_path(&result.root.to_string_lossy());
    if !root.starts_with('/') {
        root.insert(0, '/');
    }
    if !root.ends_with('/') {
        root.push('/');
    }
    let doc = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "palisade",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/palisade-iac/palisade",
                "rules": rules
            }},
            "originalUriBaseIds": { SRCROOT: { "uri": format!("file://{root}") } },
            // Columns count characters (Unicode code points), as in the text and JSON
            // reports; SARIF's default would be UTF-16 code units.
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications
            }],
            "results": results
        }]
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_uris() {
        assert_eq!(
            pascal_case("aws-ec2-sg-open-ingress"),
            "AwsEc2SgOpenIngress"
        );
        assert_eq!(pascal_case("aws-s3-no-cmk/critical"), "AwsS3NoCmkCritical");
        assert_eq!(uri_path("my infra/a#b%.tf"), "my%20infra/a%23b%25.tf");
        assert_eq!(uri_path("é.tf"), "%C3%A9.tf");
        assert_eq!(uri_path("a\\b.tf"), "a/b.tf");
    }
}
