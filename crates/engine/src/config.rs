//! `palisade.toml`: checks to disable, severity overrides, excluded paths, the failure
//! threshold and a baseline file.
//!
//! ```toml
//! disable = ["aws-kms-key-rotation-disabled"]
//! exclude = ["legacy/", "**/test-fixtures/**"]   # gitignore syntax, relative to this file
//! fail_on = "high"
//! baseline = "palisade-baseline.json"           # a previous `scan --format json` output
//!
//! [severity]
//! aws-ec2-sg-open-ingress = "medium"
//! ```
//!
//! Unknown keys and unknown check ids are errors, not silently ignored: a typo in a
//! suppression list would otherwise switch nothing off and nobody would notice.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use palisade_checks::Severity;
use palisade_source::{FileId, SourceFile};
use serde::Deserialize;

use crate::{EngineError, ScanOptions, ScanResult};

pub const CONFIG_FILE_NAME: &str = "palisade.toml";

/// The parsed configuration, with check ids resolved to their canonical ids.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The file it was read from (`None` for the empty default).
    pub path: Option<PathBuf>,
    /// Directory `exclude` patterns and `baseline` are relative to.
    pub root: Option<PathBuf>,
    pub disable: Vec<&'static str>,
    pub severity: BTreeMap<&'static str, Severity>,
    pub exclude: Vec<String>,
    pub fail_on: Option<Severity>,
    pub baseline: Option<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    disable: Vec<toml::Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<toml::Spanned<String>, toml::Spanned<String>>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    fail_on: Option<toml::Spanned<String>>,
    #[serde(default)]
    baseline: Option<String>,
}

/// Looks for `palisade.toml` in `start` (a directory or a file's directory) and its ancestors.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let start = crate::absolute(start);
    let mut dir = if start.is_dir() {
        Some(start.as_path())
    } else {
        start.parent()
    };
    while let Some(d) = dir {
        let candidate = d.join(CONFIG_FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

/// Reads and validates a config file.
pub fn load(path: &Path) -> Result<Config, EngineError> {
    let text = std::fs::read_to_string(path).map_err(|e| EngineError::Io {
        path: path.to_path_buf(),
        message: format!("cannot read configuration: {e}"),
    })?;
    parse(path, &text)
}

/// Parses config text; `path` is used for locations in errors and as the base of relative
/// paths.
pub fn parse(path: &Path, text: &str) -> Result<Config, EngineError> {
    let source = SourceFile::new(FileId(0), path, text);
    let error_at = |offset: usize, message: String| {
        let lc = source.line_col(offset as u32);
        EngineError::Config {
            file: path.to_path_buf(),
            line: lc.line,
            column: lc.column,
            message,
        }
    };
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let offset = e.span().map(|s| s.start).unwrap_or(0);
        error_at(offset, e.message().to_string())
    })?;

    let resolve = |id: &toml::Spanned<String>| -> Result<&'static str, EngineError> {
        palisade_checks::find(id.get_ref())
            .map(|c| c.meta.id)
            .ok_or_else(|| {
                error_at(
                    id.span().start,
                    format!("unknown check id `{}`", id.get_ref()),
                )
            })
    };
    let parse_severity = |s: &toml::Spanned<String>| -> Result<Severity, EngineError> {
        Severity::parse(s.get_ref()).ok_or_else(|| {
            error_at(
                s.span().start,
                format!(
                    "unknown severity `{}` (expected low, medium, high or critical)",
                    s.get_ref()
                ),
            )
        })
    };

    let mut config = Config {
        path: Some(path.to_path_buf()),
        root: crate::absolute(path).parent().map(Path::to_path_buf),
        exclude: raw.exclude,
        ..Config::default()
    };
    for id in &raw.disable {
        config.disable.push(resolve(id)?);
    }
    for (id, sev) in &raw.severity {
        config.severity.insert(resolve(id)?, parse_severity(sev)?);
    }
    if let Some(f) = &raw.fail_on {
        config.fail_on = Some(parse_severity(f)?);
    }
    config.baseline = raw.baseline.map(|b| match &config.root {
        Some(root) => root.join(b),
        None => PathBuf::from(b),
    });
    Ok(config)
}

/// Where the configuration comes from.
#[derive(Clone, Debug, Default)]
pub enum ConfigChoice {
    /// Walk up from the first scanned path looking for `palisade.toml`.
    #[default]
    Discover,
    /// This file.
    File(PathBuf),
    /// No configuration at all.
    Disabled,
}

/// Loads the configuration the options ask for.
pub fn load_config(paths: &[PathBuf], options: &ScanOptions) -> Result<Config, EngineError> {
    match &options.config {
        ConfigChoice::Disabled => Ok(Config::default()),
        ConfigChoice::File(p) => load(p),
        ConfigChoice::Discover => {
            let first = paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
            match discover(&first) {
                Some(p) => load(&p),
                None => Ok(Config::default()),
            }
        }
    }
}

/// Disabled checks, severity overrides, the severity floor and the baseline.
pub(crate) fn apply_config(
    result: &mut ScanResult,
    options: &ScanOptions,
) -> Result<(), EngineError> {
    let config = &result.config;
    result
        .findings
        .retain(|f| !config.disable.contains(&f.check));
    for f in &mut result.findings {
        if let Some(sev) = config.severity.get(f.check) {
            f.severity = *sev;
        }
    }
    if let Some(path) = &config.baseline {
        let baseline = crate::baseline::load_baseline(path)?;
        let before = result.findings.len();
        result.findings.retain(|f| {
            !baseline.contains(&(f.check.to_string(), f.file.clone(), f.resource.clone()))
        });
        result.suppressed += before - result.findings.len();
    }
    if let Some(min) = options.min_severity {
        result.findings.retain(|f| f.severity >= min);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_carry_a_line() {
        let err = parse(Path::new("p.toml"), "fail_on = \"high\"\ndisable = [\n").unwrap_err();
        match err {
            EngineError::Config { line, .. } => assert!(line >= 2, "line {line}"),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn bad_severity_is_located() {
        let err = parse(Path::new("p.toml"), "\n\nfail_on = \"urgent\"\n").unwrap_err();
        match err {
            EngineError::Config {
                line,
                column,
                message,
                ..
            } => {
                assert_eq!((line, column), (3, 11));
                assert!(message.contains("urgent"));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn unknown_keys_are_rejected() {
        assert!(parse(Path::new("p.toml"), "disabled = []\n").is_err());
    }

    #[test]
    fn valid_config_parses() {
        let c = parse(
            Path::new("/x/palisade.toml"),
            "exclude = [\"legacy/\"]\nfail_on = \"medium\"\nbaseline = \"b.json\"\n",
        )
        .unwrap();
        assert_eq!(c.fail_on, Some(Severity::Medium));
        assert_eq!(c.exclude, vec!["legacy/".to_string()]);
        assert_eq!(c.baseline, Some(PathBuf::from("/x/b.json")));
    }
}
