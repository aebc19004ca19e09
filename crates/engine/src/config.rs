//! `palisade.toml`: checks to disable, severity overrides, excluded paths, the failure
//! threshold and a baseline file.
//!
//! ```toml
//! disable = ["aws-kms-key-rotation-disabled"]
//! exclude = ["legacy/", "**/test-fixtures/**"]   # gitignore syntax, relative to this file
//! fail_on = "high"
//! baseline = "palisade-baseline.json"           # written by `scan --write-baseline FILE`
//! require_reason = true                          # a suppression without a reason does not apply
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
use palisade_checks::Check;

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
    /// Suppressions must give a reason to apply.
    pub require_reason: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    disable: Vec<toml::Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<toml::Spanned<String>, toml::Spanned<String>>,
    #[serde(default)]
    exclude: Vec<toml::Spanned<String>>,
    #[serde(default)]
    fail_on: Option<toml::Spanned<String>>,
    #[serde(default)]
    baseline: Option<String>,
    #[serde(default)]
    require_reason: bool,
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
        // Anything by that name counts (a FIFO or a link to a device too): [`load`] refuses
        // what is not a regular file with a message instead of skipping it in silence.
        if candidate.symlink_metadata().is_ok() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

/// Reads and validates a config file.
pub fn load(path: &Path) -> Result<Config, EngineError> {
    let text =
        crate::prepare::read_regular(path, MAX_CONFIG_BYTES).map_err(|e| EngineError::Io {
            path: path.to_path_buf(),
            message: format!("cannot read configuration: {e}"),
        })?;
    parse(path, &text)
}

/// A configuration larger than this is not one.
const MAX_CONFIG_BYTES: u64 = 1 << 20;

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
        exclude: raw.exclude.iter().map(|p| p.get_ref().clone()).collect(),
        require_reason: raw.require_reason,
        ..Config::default()
    };
    for p in &raw.exclude {
        crate::discover::check_pattern(p.get_ref()).map_err(|m| error_at(p.span().start, m))?;
    }
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

/// The checks an id names: a check id or former id, else every check one of whose
/// `equivalents` is that peer rule (`CKV_AWS_24` or `checkov:CKV_AWS_24`, any case).
pub fn lookup_checks(id: &str) -> Vec<&'static Check> {
    if let Some(c) = palisade_checks::find(id) {
        return vec![c];
    }
    palisade_checks::all()
        .into_iter()
        .filter(|c| {
            c.meta.equivalents.iter().any(|e| {
                e.eq_ignore_ascii_case(id)
                    || e.split_once(':')
                        .is_some_and(|(_, rule)| rule.eq_ignore_ascii_case(id))
            })
        })
        .collect()
}

/// Resolves `--check`/`--skip-check` ids; an id naming no check is a usage error.
pub(crate) fn resolve_ids(
    flag: &str,
    ids: &[String],
) -> Result<std::collections::BTreeSet<&'static str>, EngineError> {
    let mut out = std::collections::BTreeSet::new();
    for id in ids {
        let found = lookup_checks(id);
        if found.is_empty() {
            return Err(EngineError::Usage(format!(
                "{flag} `{id}`: no check has this id or peer rule id (see `palisade checks`)"
            )));
        }
        out.extend(found.iter().map(|c| c.meta.id));
    }
    Ok(out)
}

/// Disabled and selected checks, severity overrides, the baseline and the severity floor.
pub(crate) fn apply_config(
    result: &mut ScanResult,
    options: &ScanOptions,
) -> Result<(), EngineError> {
    let config = &result.config;
    let only = resolve_ids("--check", &options.checks)?;
    let skip = resolve_ids("--skip-check", &options.skip_checks)?;
    let wanted = |check: &str| {
        !config.disable.contains(&check)
            && !skip.contains(check)
            && (only.is_empty() || only.contains(check))
    };
    result.findings.retain(|f| wanted(f.check));
    result
        .suppressed_findings
        .retain(|s| wanted(s.finding.check));
    for f in result.findings.iter_mut().chain(
        result
            .suppressed_findings
            .iter_mut()
            .map(|s| &mut s.finding),
    ) {
        if let Some(sev) = config.severity.get(f.check) {
            f.severity = *sev;
        }
    }
    result.suppressed = result.suppressed_findings.len();
    if let Some(path) = options.baseline.as_ref().or(config.baseline.as_ref()) {
        let baseline = crate::baseline::load(path, &result.cwd)?;
        crate::baseline::apply(result, &baseline);
    }
    if let Some(min) = options.min_severity {
        result.findings.retain(|f| f.severity >= min);
        result
            .suppressed_findings
            .retain(|s| s.finding.severity >= min);
        result.suppressed = result.suppressed_findings.len();
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
    fn an_invalid_exclude_glob_is_located() {
        let err = parse(
            Path::new("p.toml"),
            "fail_on = \"high\"\nexclude = [\"ok/\", \"a{b\"]\n",
        )
        .unwrap_err();
        match err {
            EngineError::Config {
                line,
                column,
                message,
                ..
            } => {
                assert_eq!((line, column), (2, 19), "{message}");
                assert!(message.contains("a{b"), "{message}");
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn peer_ids_name_checks_through_equivalents() {
        let ids = |id: &str| -> Vec<&str> { lookup_checks(id).iter().map(|c| c.meta.id).collect() };
        assert_eq!(ids("CKV_AWS_24"), ["aws-ec2-sg-open-ingress"]);
        assert_eq!(ids("checkov:ckv_aws_24"), ["aws-ec2-sg-open-ingress"]);
        assert_eq!(ids("aws-ec2-sg-open-ingress"), ["aws-ec2-sg-open-ingress"]);
        assert!(ids("CKV_AWS_99999").is_empty());
        assert!(resolve_ids("--check", &["nope".into()]).is_err());
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
