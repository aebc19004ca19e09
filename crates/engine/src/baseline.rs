//! The baseline: findings accepted as known.

use std::collections::BTreeSet;
use std::path::Path;

use crate::EngineError;

/// A baseline is the JSON output of an earlier scan; a finding matching one of its
/// (check, file, resource) triples is accepted as known and not reported. Lines are not part
/// of the key so that edits elsewhere in the file do not resurrect known findings.
pub(crate) fn load_baseline(
    path: &Path,
) -> Result<BTreeSet<(String, String, Option<String>)>, EngineError> {
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
    let findings = value
        .get("findings")
        .and_then(|f| f.as_array())
        .ok_or_else(|| bad("baseline has no `findings` array".into()))?;
    Ok(findings
        .iter()
        .filter_map(|f| {
            Some((
                f.get("check")?.as_str()?.to_string(),
                f.get("file")?.as_str()?.to_string(),
                f.get("resource")
                    .and_then(|r| r.as_str())
                    .map(str::to_string),
            ))
        })
        .collect())
}
