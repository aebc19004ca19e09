//! The check catalog.
//!
//! One check is one file in `src/rules/` holding a `pub static CHECK: Check`: its metadata,
//! documentation, equivalents in other tools, the logic, and the list of its examples (files in
//! `examples/<id>/`). `build.rs` registers every file of `src/rules/` automatically.
//!
//! Checks read the [`Model`] only (invariant 1): they never see a syntax tree.

pub mod cidr;
pub mod edge;
pub mod encryption;
pub mod finding;
pub mod identity;
pub mod monitoring;
pub mod network;
pub mod public_policy;
pub mod reference;
pub mod s3;
pub mod secrets;
pub mod transit;
pub mod web_identity;

pub use finding::{Finding, Layer, Related, Severity};
use palisade_model::Model;

mod registry {
    include!(concat!(env!("OUT_DIR"), "/registry.rs"));
}

/// One example file of a check and what it must produce.
#[derive(Debug)]
pub struct Example {
    /// Path relative to `checks/examples/<check id>/`.
    pub file: &'static str,
    /// For a bad example, each expected finding: the 1-based line where its span starts and
    /// the text the span starts with. Empty for a good example (which must stay silent).
    pub expect: &'static [(u32, &'static str)],
}

impl Example {
    pub const fn bad(file: &'static str, expect: &'static [(u32, &'static str)]) -> Example {
        Example { file, expect }
    }
    pub const fn good(file: &'static str) -> Example {
        Example { file, expect: &[] }
    }
}

/// Everything about a check except its logic.
#[derive(Debug)]
pub struct CheckMeta {
    /// `aws-<service>-<what-is-wrong>`; stable forever.
    pub id: &'static str,
    /// Former ids that still select this check in configuration and suppressions.
    pub aliases: &'static [&'static str],
    pub title: &'static str,
    /// The default severity (a check may raise or lower it per finding, e.g. by port).
    pub severity: Severity,
    /// `ec2`, `iam`, `s3`, ...
    pub service: &'static str,
    /// The layer of AWS defense in depth the check guards.
    pub layer: Layer,
    /// What it finds and why it matters (Markdown).
    pub description: &'static str,
    /// How to fix it (Markdown).
    pub remediation: &'static str,
    /// Benchmarks and documentation: `CIS AWS Foundations 5.2`, `AWS FSBP EC2.19`, URLs.
    pub references: &'static [&'static str],
    /// The same rule in other tools, `"tool:rule_id"`: `checkov:CKV_AWS_24`,
    /// `trivy:AVD-AWS-0107`, `kics:<query uuid>`, `cfn_nag:W2`.
    pub equivalents: &'static [&'static str],
    pub examples: &'static [Example],
}

impl CheckMeta {
    /// The equivalents in every spelling other tools use for the same rule: Trivy's
    /// `trivy:AVD-AWS-0107` is `AWS-0107` in the trivy-checks repository, where its examples
    /// live, so both are listed.
    pub fn equivalent_ids(&self) -> Vec<String> {
        let mut ids = Vec::new();
        for e in self.equivalents {
            ids.push(e.to_string());
            if let Some(avd) = e.strip_prefix("trivy:AVD-") {
                ids.push(format!("trivy-checks:{avd}"));
            }
        }
        ids
    }
}

pub struct Check {
    pub meta: CheckMeta,
    pub run: fn(&Model, &mut Vec<Finding>),
}

impl std::fmt::Debug for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Check").field("id", &self.meta.id).finish()
    }
}

/// Every check, sorted by id.
pub fn all() -> Vec<&'static Check> {
    let mut checks: Vec<&'static Check> = registry::ALL.to_vec();
    checks.sort_by_key(|c| c.meta.id);
    checks
}

/// The check with this id or alias.
pub fn find(id: &str) -> Option<&'static Check> {
    registry::ALL
        .iter()
        .copied()
        .find(|c| c.meta.id == id || c.meta.aliases.contains(&id))
}

/// Runs every check over a model. Findings are unsorted; the engine orders them.
pub fn run_all(model: &Model) -> Vec<Finding> {
    let mut findings = Vec::new();
    for check in registry::ALL {
        (check.run)(model, &mut findings);
    }
    findings
}

/// Every check, in the order [`run_all`] runs them (the order of [`run_all_timed`]'s times).
pub fn registered() -> &'static [&'static Check] {
    registry::ALL
}

/// [`run_all`], adding the time each check took to `times` (one entry per
/// [`registered`] check, in that order; a shorter slice times only the first checks).
pub fn run_all_timed(model: &Model, times: &mut [std::time::Duration]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (i, check) in registry::ALL.iter().enumerate() {
        let t = std::time::Instant::now();
        (check.run)(model, &mut findings);
        if let Some(time) = times.get_mut(i) {
            *time += t.elapsed();
        }
    }
    findings
}

/// Where a check's example files live (for tests and `palisade explain`).
pub fn examples_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trivy_equivalents_are_listed_in_both_spellings() {
        let meta = CheckMeta {
            id: "aws-x-y",
            aliases: &[],
            title: "t",
            severity: Severity::Low,
            service: "x",
            layer: Layer::Data,
            description: "d",
            remediation: "r",
            references: &[],
            equivalents: &["trivy:AVD-AWS-0107", "checkov:CKV_AWS_24"],
            examples: &[],
        };
        assert_eq!(
            meta.equivalent_ids(),
            vec![
                "trivy:AVD-AWS-0107",
                "trivy-checks:AWS-0107",
                "checkov:CKV_AWS_24"
            ]
        );
    }

    #[test]
    fn ids_are_unique_slugs_and_metadata_is_complete() {
        let mut seen = std::collections::BTreeSet::new();
        for c in all() {
            let m = &c.meta;
            assert!(seen.insert(m.id), "duplicate id {}", m.id);
            for a in m.aliases {
                assert!(seen.insert(a), "alias {a} collides");
            }
            assert!(m.id.starts_with("aws-"), "{}", m.id);
            assert!(
                m.id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{} is not a slug",
                m.id
            );
            assert!(!m.title.is_empty() && !m.description.is_empty() && !m.remediation.is_empty());
            assert!(
                m.examples.iter().any(|e| !e.expect.is_empty()),
                "{} has no bad example",
                m.id
            );
            assert!(
                m.examples.iter().any(|e| e.expect.is_empty()),
                "{} has no good example",
                m.id
            );
            for e in m.equivalents {
                let (tool, rule) = e.split_once(':').expect("tool:rule_id");
                assert!(
                    ["checkov", "trivy", "kics", "cfn_nag", "tfsec"].contains(&tool),
                    "{e}"
                );
                assert!(!rule.is_empty());
            }
        }
    }
}
