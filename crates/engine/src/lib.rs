//! The scan engine: discovery, format detection, parallel loading and checking,
//! configuration, suppressions, and resolution of findings into file/line/column form.
//!
//! ```no_run
//! let options = palisade_engine::ScanOptions::default();
//! let result = palisade_engine::scan(&[std::path::PathBuf::from(".")], &options).unwrap();
//! for f in &result.findings {
//!     let _ = (&f.file, f.line, f.check);
//! }
//! ```
//!
//! A scan unit is a Terraform module directory (its `.tf` files plus auto-loaded tfvars), a
//! CloudFormation template or a standalone IAM policy file. Units are loaded and checked in
//! parallel (rayon); the result is sorted and deduplicated so that output never depends on
//! thread timing (invariant 5). Nothing here prints (invariant 6).
//!
//! A scan, in order ([`scan`] below is its outline):
//!
//! 1. [`config`]: `palisade.toml` is found and read;
//! 2. [`discover`] walks the paths, and `prepare` reads each file (or an editor's buffer) and
//!    classifies it by content;
//! 3. `units` groups the files into units; `modules` lets a Terraform unit load the local
//!    modules it calls from the scanned directories;
//! 4. each unit is analysed in parallel (`units::analyze`): loaded by its frontend, checked,
//!    its findings resolved to lines and columns (`resolve`) and filtered by inline
//!    [`suppress`]ions;
//! 5. the configuration applies (disabled checks, severities, the [`baseline`]), and the
//!    findings are sorted, deduplicated and merged across module callers (`modules`).

pub mod baseline;
pub mod config;
mod context;
pub mod discover;
pub mod fingerprint;
mod modules;
mod options;
mod prepare;
mod resolve;
mod result;
pub mod suppress;
mod units;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

pub use config::{load_config, lookup_checks, Config, ConfigChoice};
pub use modules::{terraform_files_with_modules, terraform_files_with_modules_within};
pub use options::ScanOptions;
pub use prepare::{
    parse_floor, read_regular, size_limit, ParseFloor, MAX_FILE_BYTES, MAX_TERRAFORM_FILE_BYTES,
};
pub use result::{
    EngineError, Location, RelatedLocation, ResolvedFinding, ScanError, ScanResult,
    SuppressedFinding, SuppressionInfo, SuppressionKind, Timings,
};

use config::apply_config;
use modules::{merge_module_duplicates, ModuleDirs};
use prepare::prepare;
use units::{analyze, units, UnitOutput};

pub(crate) fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Runs a frontend or check call, turning a panic into `None` so that one bad file cannot take
/// the whole scan down. Frontends must not panic (invariant 4); this is the seat belt.
fn guarded<T>(f: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok()
}

/// Makes the parsers allocate with mimalloc (see
/// [`palisade_terraform::use_mimalloc_for_trees`]); for binaries whose global allocator is
/// `mimalloc::MiMalloc`.
///
/// # Safety
///
/// Call it first thing in `main`, before anything is parsed.
pub unsafe fn use_mimalloc_for_parsing() {
    // SAFETY: forwarded to the caller.
    unsafe { palisade_terraform::use_mimalloc_for_trees() }
}

/// The result of scanning no file (an empty list of paths from pre-commit or standard
/// input): nothing found, the configuration still read and checked.
pub fn scan_nothing(options: &ScanOptions) -> Result<ScanResult, EngineError> {
    let mut result = context::nothing(options);
    result.config = load_config(&[result.cwd.clone()], options)?;
    apply_config(&mut result, options)?;
    Ok(result)
}

/// Scans the given paths (files or directories; `.` when empty).
pub fn scan(paths: &[PathBuf], options: &ScanOptions) -> Result<ScanResult, EngineError> {
    let start = Instant::now();
    // Pre-commit: the files named, each with its context; only they are reported on.
    let (context_paths, report_only) = match options.in_context {
        true => {
            let (paths, only) = context::expand(paths, options);
            (Some(paths), Some(only))
        }
        false => (None, None),
    };
    let paths = context_paths.as_deref().unwrap_or(paths);
    if report_only.is_some() && paths.is_empty() {
        return Ok(context::nothing(options));
    }
    let prepared = prepare(paths, options)?;
    let mut timings = prepared.timings;

    // Directory of each file (by its absolute path) for grouping Terraform modules.
    let dirs: Vec<Option<PathBuf>> = prepared
        .sources
        .iter()
        .map(|s| {
            absolute(&prepared.cwd.join(&s.path))
                .parent()
                .map(Path::to_path_buf)
        })
        .collect();
    let units = units(&prepared, &dirs);

    let t = Instant::now();
    let mut modules = ModuleDirs::new(&prepared, &units);
    let outputs: Vec<UnitOutput> = units
        .par_iter()
        .map(|u| analyze(u, &prepared, &modules))
        .collect();
    timings.analyze = t.elapsed();
    // Freeing the cached trees takes a while and nothing waits for it: do it off the
    // critical path (a process that exits first leaves it to the operating system).
    let cache = std::mem::take(&mut modules.cache);
    std::thread::spawn(move || drop(cache));

    let mut result = ScanResult {
        errors: prepared.errors.clone(),
        config: prepared.config.clone(),
        cwd: prepared.cwd.clone(),
        root: fingerprint::project_root(&prepared.cwd),
        ..ScanResult::default()
    };
    let mut warnings = Vec::new();
    result.not_understood = prepared.not_understood.clone();
    let mut scanned = BTreeSet::new();
    for out in outputs {
        result.findings.extend(out.findings);
        result.errors.extend(out.errors);
        result.notes.extend(out.notes);
        result.file_warnings.extend(out.file_warnings);
        result.suppressed_findings.extend(out.suppressed);
        warnings.extend(out.warnings);
        scanned.extend(out.scanned_files);
        timings.load_cpu += out.load;
        result.stats.add(&out.stats);
        timings.check_cpu += out.check;
        if result.check_times.len() < out.check_times.len() {
            result.check_times = palisade_checks::registered()
                .iter()
                .map(|c| (c.meta.id, Duration::ZERO))
                .collect();
        }
        for (total, t) in result.check_times.iter_mut().zip(&out.check_times) {
            total.1 += *t;
        }
    }
    result.files_scanned = scanned.len();
    result.bytes_scanned = scanned
        .iter()
        .map(|&i| prepared.sources[i].text.len() as u64)
        .sum();

    // One warning per comment, even when several units read its file.
    warnings.sort();
    warnings.dedup();
    result.warnings = warnings.into_iter().map(|(_, w)| w).collect();
    if let Some(w) = &prepared.nothing_found {
        result.warnings.insert(0, w.clone());
    }
    apply_config(&mut result, options)?;
    if result.stats.modules_outside > 0 {
        result.warnings.push(format!(
            "{} local module call(s) name directories outside the scanned paths; their values are unknown (scan a common parent directory to follow them)",
            result.stats.modules_outside
        ));
    }

    result.findings.sort();
    result.findings.dedup();
    result.findings = merge_module_duplicates(std::mem::take(&mut result.findings));
    result.errors.sort();
    result.errors.dedup();
    result.notes.sort();
    result.notes.dedup();
    result.file_warnings.sort();
    result.file_warnings.dedup();
    result.suppressed_findings.sort();
    result.suppressed_findings.dedup();
    result.suppressed = result.suppressed_findings.len();
    if let Some(only) = &report_only {
        context::restrict(&mut result, only);
    }
    result.sources = prepared.sources;
    timings.total = start.elapsed();
    result.timings = timings;
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn write(dir: &Path, rel: &str, text: &str) {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    #[test]
    fn timing_checks_changes_no_finding_and_times_every_check() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "main.tf",
            "resource \"aws_s3_bucket\" \"b\" {}\nresource \"aws_iam_policy\" \"p\" {\n  policy = jsonencode({ Statement = [{ Effect = \"Allow\", Action = \"iam:PassRole\", Resource = \"*\" }, { Effect = \"Allow\", Action = \"ec2:RunInstances\", Resource = \"*\" }] })\n}\n",
        );
        let options = |time_checks| ScanOptions {
            config: ConfigChoice::Disabled,
            cwd: Some(dir.path().to_path_buf()),
            time_checks,
            ..ScanOptions::default()
        };
        let paths = [dir.path().to_path_buf()];
        let plain = scan(&paths, &options(false)).unwrap();
        let timed = scan(&paths, &options(true)).unwrap();
        assert!(!plain.findings.is_empty());
        assert_eq!(plain.findings, timed.findings);
        assert!(plain.check_times.is_empty());
        let ids: Vec<&str> = palisade_checks::registered()
            .iter()
            .map(|c| c.meta.id)
            .collect();
        let timed_ids: Vec<&str> = timed.check_times.iter().map(|(id, _)| *id).collect();
        assert_eq!(timed_ids, ids);
        assert!(timed.check_times.iter().any(|(_, t)| !t.is_zero()));
    }

    #[test]
    fn editor_buffers_replace_the_disk_and_count_when_unsaved() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        write(
            &root,
            "main.tf",
            "resource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = true\n}\n",
        );
        let open_sg = "resource \"aws_security_group\" \"w\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n";
        let main = root.join("main.tf");
        let unsaved = root.join("new.tf");
        let scan_with = |buffers: BTreeMap<PathBuf, String>, paths: &[PathBuf]| {
            let options = ScanOptions {
                config: ConfigChoice::Disabled,
                cwd: Some(root.clone()),
                buffers,
                ..ScanOptions::default()
            };
            scan(paths, &options).unwrap()
        };
        // On disk the key rotates: nothing.
        assert!(scan_with(BTreeMap::new(), std::slice::from_ref(&main))
            .findings
            .is_empty());
        // The buffer says otherwise, and a file not saved yet is scanned with it.
        let buffers = BTreeMap::from([
            (
                main.clone(),
                "resource \"aws_kms_key\" \"k\" {}\n".to_string(),
            ),
            (unsaved.clone(), open_sg.to_string()),
        ]);
        let result = scan_with(buffers, &[main.clone(), unsaved.clone()]);
        let checks: Vec<(&str, &str)> = result
            .findings
            .iter()
            .map(|f| (f.file.as_str(), f.check))
            .collect();
        assert_eq!(
            checks,
            [
                ("main.tf", "aws-kms-key-rotation-disabled"),
                ("new.tf", "aws-ec2-sg-open-ingress")
            ]
        );
        // A buffer past the size limit is refused like a file on disk.
        let huge = "#".repeat(MAX_FILE_BYTES as usize + 1);
        let result = scan_with(
            BTreeMap::from([(main.clone(), huge)]),
            std::slice::from_ref(&main),
        );
        assert_eq!(result.errors.len(), 1, "{:?}", result.errors);
        assert!(result.errors[0].message.contains("larger than"));
    }
}
