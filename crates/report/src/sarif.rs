//! SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps): one rule per check, carrying
//! the check's documentation as help, one result per finding, parse errors as tool
//! notifications.

use palisade_checks::Severity;
use palisade_engine::{ResolvedFinding, ScanError, ScanResult};
use serde_json::{json, Value};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// `level` as SARIF understands it.
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

/// GitHub code scanning ranks security alerts by `security-severity` (CVSS-like 0-10).
fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
    }
}

/// A stable fingerprint so code scanning can follow a finding across commits that move it:
/// check, file, resource and message, not the line.
fn fingerprint(f: &ResolvedFinding) -> String {
    // FNV-1a: tiny, stable across Rust versions (unlike std's hasher).
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [
        f.check,
        &f.file,
        f.resource.as_deref().unwrap_or(""),
        &f.message,
    ] {
        for b in part.bytes().chain([0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

fn location(file: &str, line: u32, column: u32, end: Option<(u32, u32)>) -> Value {
    let mut region = json!({ "startLine": line, "startColumn": column });
    if let Some((end_line, end_column)) = end {
        region["endLine"] = json!(end_line);
        region["endColumn"] = json!(end_column);
    }
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": file.replace('\\', "/") },
            "region": region
        }
    })
}

pub fn sarif(result: &ScanResult) -> String {
    let checks = palisade_checks::all();
    let rules: Vec<Value> = checks
        .iter()
        .map(|c| {
            let m = &c.meta;
            let mut help = format!("{}\n\n## How to fix\n\n{}", m.description, m.remediation);
            if !m.references.is_empty() {
                help.push_str("\n\n## References\n\n");
                for r in m.references {
                    help.push_str(&format!("- {r}\n"));
                }
            }
            json!({
                "id": m.id,
                "name": m.id,
                "shortDescription": { "text": m.title },
                "fullDescription": { "text": m.description },
                "help": { "text": help, "markdown": help },
                "defaultConfiguration": { "level": level(m.severity) },
                "properties": {
                    "tags": ["security", m.service, m.layer.as_str()],
                    "security-severity": security_severity(m.severity),
                    "precision": "high"
                }
            })
        })
        .collect();
    let results: Vec<Value> = result
        .findings
        .iter()
        .map(|f| {
            let mut r = json!({
                "ruleId": f.check,
                "level": level(f.severity),
                "message": { "text": f.message },
                "locations": [location(&f.file, f.line, f.column, Some((f.end_line, f.end_column)))],
                "partialFingerprints": { "palisade/v1": fingerprint(f) },
                "properties": {
                    "severity": f.severity.as_str(),
                    "security-severity": security_severity(f.severity)
                }
            });
            if let Some(index) = checks.iter().position(|c| c.meta.id == f.check) {
                r["ruleIndex"] = json!(index);
            }
            if let Some(resource) = &f.resource {
                r["locations"][0]["logicalLocations"] =
                    json!([{ "fullyQualifiedName": resource, "kind": "resource" }]);
            }
            let related: Vec<Value> = f
                .trace
                .iter()
                .map(|t| {
                    let mut l = location(&t.file, t.line, t.column, None);
                    l["message"] = json!({ "text": "module call" });
                    l
                })
                .chain(f.related.iter().map(|rel| {
                    let mut l = location(&rel.location.file, rel.location.line, rel.location.column, None);
                    l["message"] = json!({ "text": rel.message });
                    l
                }))
                .collect();
            if !related.is_empty() {
                r["relatedLocations"] = json!(related);
            }
            r
        })
        .collect();
    let notification = |level: &str, e: &ScanError| {
        json!({
            "level": level,
            "message": { "text": e.message },
            "locations": [location(&e.file, e.line.max(1), e.column.max(1), None)]
        })
    };
    let notifications: Vec<Value> = result
        .errors
        .iter()
        .map(|e| notification("error", e))
        .chain(result.notes.iter().map(|e| notification("note", e)))
        .collect();
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
