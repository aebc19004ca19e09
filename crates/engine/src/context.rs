//! Scanning named files with their context, for pre-commit: a `.tf` or tfvars file is
//! evaluated with its module directory (variables, tfvars, sibling files) and the local
//! modules it calls, a template or policy alone; only what is located in the named files, or
//! reached through a module call written in them, is reported. So a commit touching only
//! `network.tf` reports exactly what a scan of the directory reports in `network.tf`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::discover::{classify, CandidateKind};
use crate::{absolute, fingerprint, terraform_files_with_modules, ScanOptions, ScanResult};

fn cwd(options: &ScanOptions) -> PathBuf {
    absolute(
        &options
            .cwd
            .clone()
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default(),
    )
}

/// The paths to scan for the named files, and the named files (absolute).
pub(crate) fn expand(
    files: &[PathBuf],
    options: &ScanOptions,
) -> (Vec<PathBuf>, BTreeSet<PathBuf>) {
    let cwd = cwd(options);
    let mut paths = BTreeSet::new();
    let mut named = BTreeSet::new();
    let mut dirs = BTreeSet::new();
    for f in files {
        let abs = absolute(&cwd.join(f));
        named.insert(abs.clone());
        match classify(&abs, true) {
            Some(CandidateKind::Terraform | CandidateKind::TfVars) => {
                if let Some(dir) = abs.parent() {
                    if dirs.insert(dir.to_path_buf()) {
                        paths.extend(terraform_files_with_modules(dir, &options.buffers));
                    }
                }
                // A file the directory listing missed (say, not saved yet) still counts.
                paths.insert(abs);
            }
            _ => {
                paths.insert(abs);
            }
        }
    }
    (paths.into_iter().collect(), named)
}

/// What a scan of no file returns.
pub(crate) fn nothing(options: &ScanOptions) -> ScanResult {
    let cwd = cwd(options);
    ScanResult {
        root: fingerprint::project_root(&cwd),
        cwd,
        ..ScanResult::default()
    }
}

/// Keeps what is located in the named files or whose module trace passes through them.
pub(crate) fn restrict(result: &mut ScanResult, named: &BTreeSet<PathBuf>) {
    let cwd = result.cwd.clone();
    let inside = |file: &str| named.contains(&absolute(&cwd.join(Path::new(file))));
    result
        .findings
        .retain(|f| inside(&f.file) || f.trace.iter().any(|t| inside(&t.file)));
    result
        .suppressed_findings
        .retain(|s| inside(&s.finding.file) || s.finding.trace.iter().any(|t| inside(&t.file)));
    result.suppressed = result.suppressed_findings.len();
    result.errors.retain(|e| inside(&e.file));
    result.notes.retain(|e| inside(&e.file));
    result.file_warnings.retain(|e| inside(&e.file));
    // Suppression warnings start with `FILE:LINE: `; others concern the whole scan.
    result.warnings.retain(|w| match w.split_once(": ") {
        Some((at, _)) => match at.rsplit_once(':') {
            Some((file, line)) if line.parse::<u32>().is_ok() => inside(file),
            _ => true,
        },
        None => true,
    });
}
