//! The baseline: findings accepted as known, written by `palisade scan --write-baseline FILE`
//! and applied by `--baseline FILE` or `baseline = "FILE"` in `palisade.toml`.
//!
//! Each entry is matched by its fingerprint: check, file relative to the baseline file's own
//! directory, resource and message. Neither the working directory, nor an absolute path, nor a
//! line number is part of it, so one baseline works from the repository root, from a
//! subdirectory and in CI's checkout, and edits elsewhere in a file do not resurrect known
//! findings. A JSON report of an earlier scan (`--format json`) is still accepted: its
//! entries have no fingerprint and match by (check, file as displayed, resource).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fingerprint::fingerprint;
use crate::{
    absolute, EngineError, Location, ScanResult, SuppressedFinding, SuppressionInfo,
    SuppressionKind,
};

pub const BASELINE_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Entry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fingerprint: Option<String>,
    check: String,
    file: String,
    resource: Option<String>,
    #[serde(default)]
    message: String,
}

#[derive(Serialize, Deserialize)]
struct File {
    #[serde(default)]
    version: u32,
    findings: Vec<Entry>,
}

pub(crate) struct Baseline {
    fingerprints: BTreeSet<String>,
    legacy: BTreeSet<(String, String, Option<String>)>,
    /// Absolute directory of the baseline file.
    dir: PathBuf,
    shown: String,
}

pub(crate) fn load(path: &Path, cwd: &Path) -> Result<Baseline, EngineError> {
    let text = std::fs::read_to_string(path).map_err(|e| EngineError::Io {
        path: path.to_path_buf(),
        message: format!("cannot read baseline: {e}"),
    })?;
    let bad = |message: String| EngineError::Config {
        file: path.to_path_buf(),
        line: 1,
        column: 1,
        message,
    };
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| bad(format!("baseline is not JSON: {e}")))?;
    let file: File = serde_json::from_value(value)
        .map_err(|e| bad(format!("baseline has no `findings` array of entries: {e}")))?;
    let abs = absolute(&cwd.join(path));
    let mut baseline = Baseline {
        fingerprints: BTreeSet::new(),
        legacy: BTreeSet::new(),
        dir: abs.parent().map(Path::to_path_buf).unwrap_or_default(),
        shown: path.to_string_lossy().into_owned(),
    };
    for e in file.findings {
        match e.fingerprint {
            Some(fp) => {
                baseline.fingerprints.insert(fp);
            }
            None => {
                baseline.legacy.insert((e.check, e.file, e.resource));
            }
        }
    }
    Ok(baseline)
}

/// Moves the findings the baseline knows into `suppressed_findings`.
pub(crate) fn apply(result: &mut ScanResult, baseline: &Baseline) {
    let findings = std::mem::take(&mut result.findings);
    for f in findings {
        let fp = fingerprint(&f, &result.path_from(&f.file, &baseline.dir));
        let known = baseline.fingerprints.contains(&fp)
            || baseline
                .legacy
                .contains(&(f.check.to_string(), f.file.clone(), f.resource.clone()));
        if known {
            result.suppressed += 1;
            result.suppressed_findings.push(SuppressedFinding {
                finding: f,
                by: SuppressionInfo {
                    kind: SuppressionKind::Baseline,
                    location: Some(Location {
                        file: baseline.shown.clone(),
                        line: 1,
                        column: 1,
                    }),
                    reason: None,
                    expires: None,
                },
            });
        } else {
            result.findings.push(f);
        }
    }
}

/// The baseline file for `--write-baseline PATH`: every reported finding, and those an
/// existing baseline already hid, with files relative to PATH's directory. Sorted, so that
/// rewriting an unchanged baseline changes nothing.
pub fn render(result: &ScanResult, path: &Path) -> String {
    let abs = absolute(&result.cwd.join(path));
    let dir = abs.parent().map(Path::to_path_buf).unwrap_or_default();
    let baselined = result
        .suppressed_findings
        .iter()
        .filter(|s| s.by.kind == SuppressionKind::Baseline)
        .map(|s| &s.finding);
    let mut entries: Vec<Entry> = result
        .findings
        .iter()
        .chain(baselined)
        .map(|f| {
            let file = result.path_from(&f.file, &dir);
            Entry {
                fingerprint: Some(fingerprint(f, &file)),
                check: f.check.to_string(),
                file,
                resource: f.resource.clone(),
                message: f.message.clone(),
            }
        })
        .collect();
    entries.sort_by(|a, b| {
        (&a.file, &a.check, &a.resource, &a.message).cmp(&(
            &b.file,
            &b.check,
            &b.resource,
            &b.message,
        ))
    });
    entries.dedup_by(|a, b| a.fingerprint == b.fingerprint);
    let doc = File {
        version: BASELINE_VERSION,
        findings: entries,
    };
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}
