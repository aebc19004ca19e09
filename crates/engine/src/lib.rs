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

pub mod config;
pub mod discover;
pub mod suppress;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use palisade_checks::{Finding, Severity};
use palisade_cloudformation::DocumentKind;
use palisade_model::{Loaded, Model};
use palisade_source::{FileId, SourceFile, Span};
use rayon::prelude::*;

pub use config::Config;
use discover::{Candidate, CandidateKind, Excludes};
use suppress::Directive;

/// Files larger than this are reported as an error instead of being read: no real template
/// is this big, and a multi-gigabyte JSON data file must not take the scan down.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

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

#[derive(Clone, Debug)]
pub struct ScanOptions {
    pub config: ConfigChoice,
    /// Findings below this severity are dropped (after severity overrides).
    pub min_severity: Option<Severity>,
    /// Base for displayed paths; the current directory when `None`.
    pub cwd: Option<PathBuf>,
    /// `--var NAME=VALUE` for the Terraform root modules scanned, in command-line order.
    pub terraform_vars: Vec<(String, String)>,
    /// `--var-file FILE` (relative to `cwd`) for the Terraform root modules scanned.
    pub terraform_var_files: Vec<PathBuf>,
    /// Evaluate local Terraform module calls (`source = "../x"`) among the scanned
    /// directories (on by default): findings inside a called module carry the caller's
    /// address prefix and the call sites.
    pub follow_modules: bool,
    /// Editor buffers by absolute path: read instead of the file on disk. A buffer whose file
    /// does not exist yet is scanned when its path is given.
    pub buffers: BTreeMap<PathBuf, String>,
}

impl Default for ScanOptions {
    fn default() -> ScanOptions {
        ScanOptions {
            config: ConfigChoice::default(),
            min_severity: None,
            cwd: None,
            terraform_vars: Vec::new(),
            terraform_var_files: Vec::new(),
            follow_modules: true,
            buffers: BTreeMap::new(),
        }
    }
}

/// A location in a file, 1-based.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub file: String,
    pub line: u32,
    pub column: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct RelatedLocation {
    pub location: Location,
    pub message: String,
}

/// A finding resolved to paths, lines and columns.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ResolvedFinding {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub check: &'static str,
    pub message: String,
    pub end_line: u32,
    pub end_column: u32,
    pub severity: Severity,
    /// Terraform address or CloudFormation logical id; `None` for a standalone policy file.
    pub resource: Option<String>,
    pub resource_start_line: u32,
    pub resource_end_line: u32,
    /// Module call sites, outermost first.
    pub trace: Vec<Location>,
    pub related: Vec<RelatedLocation>,
    /// Index into [`ScanResult::sources`] and byte range, for snippet rendering.
    pub source: usize,
    pub start_offset: usize,
    pub end_offset: usize,
}

/// A file that could not be read or parsed (fully).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ScanError {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
    /// Into [`ScanResult::sources`] when the text was read, with the byte offset.
    pub source: Option<(usize, usize)>,
}

/// Wall time per phase, for the benchmark. `load` and `check` are summed over threads.
#[derive(Clone, Copy, Debug, Default)]
pub struct Timings {
    pub discover: Duration,
    pub read: Duration,
    pub classify: Duration,
    /// Wall time of the parallel load+check+resolve phase.
    pub analyze: Duration,
    pub load_cpu: Duration,
    pub check_cpu: Duration,
    pub total: Duration,
}

#[derive(Debug, Default)]
pub struct ScanResult {
    pub findings: Vec<ResolvedFinding>,
    pub errors: Vec<ScanError>,
    /// Where evaluation was bounded on purpose (a huge `count`, deep nesting): values past
    /// the bound are unknown. Unlike errors, notes do not fail the scan.
    pub notes: Vec<ScanError>,
    /// Files that were read as Terraform, CloudFormation or IAM JSON.
    pub files_scanned: usize,
    /// Bytes of those files.
    pub bytes_scanned: u64,
    /// Findings removed by inline suppressions or the baseline.
    pub suppressed: usize,
    /// Every file read, indexed by [`ResolvedFinding::source`].
    pub sources: Vec<SourceFile>,
    pub config: Config,
    /// Things the user should know that are not errors of the scanned files.
    pub warnings: Vec<String>,
    pub timings: Timings,
    /// Module calls followed and attribute values known, over every Terraform unit (a module
    /// reached from several callers counts once per caller).
    pub stats: palisade_model::EvalStats,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EngineError {
    /// A malformed configuration file.
    Config {
        file: PathBuf,
        line: u32,
        column: u32,
        message: String,
    },
    /// A path that does not exist or cannot be read, an unreadable configuration.
    Io { path: PathBuf, message: String },
}

impl std::fmt::Display for EngineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EngineError::Config {
                file,
                line,
                column,
                message,
            } => write!(f, "{}:{line}:{column}: {message}", file.display()),
            EngineError::Io { path, message } => write!(f, "{}: {message}", path.display()),
        }
    }
}

impl std::error::Error for EngineError {}

pub(crate) fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Loads the configuration the options ask for.
pub fn load_config(paths: &[PathBuf], options: &ScanOptions) -> Result<Config, EngineError> {
    match &options.config {
        ConfigChoice::Disabled => Ok(Config::default()),
        ConfigChoice::File(p) => config::load(p),
        ConfigChoice::Discover => {
            let first = paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
            match config::discover(&first) {
                Some(p) => config::load(&p),
                None => Ok(Config::default()),
            }
        }
    }
}

/// How a read file will be analysed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FileRole {
    Terraform,
    TfVars,
    Template,
    Policy,
    /// Not infrastructure: dropped silently.
    Skip,
}

/// Files discovered, read and classified: the common first half of [`scan`] and
/// [`parse_floor`].
struct Prepared {
    sources: Vec<SourceFile>,
    roles: Vec<FileRole>,
    /// Indices into `sources` of the `--var-file` files (role `Skip`: read, not scanned).
    var_files: Vec<usize>,
    vars: Vec<(String, String)>,
    follow_modules: bool,
    errors: Vec<ScanError>,
    config: Config,
    cwd: PathBuf,
    timings: Timings,
}

fn display_path(path: &Path, cwd: &Path) -> String {
    let shown = path.strip_prefix(cwd).unwrap_or(path);
    let s = shown.to_string_lossy().into_owned();
    if s.is_empty() {
        ".".to_string()
    } else {
        s
    }
}

fn prepare(paths: &[PathBuf], options: &ScanOptions) -> Result<Prepared, EngineError> {
    let start = Instant::now();
    let mut timings = Timings::default();
    let cwd = options
        .cwd
        .clone()
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    let default_paths = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default_paths[..]
    } else {
        paths
    };
    let roots: Vec<PathBuf> = paths
        .iter()
        .map(|p| {
            absolute(&if p.is_absolute() {
                p.clone()
            } else {
                cwd.join(p)
            })
        })
        .collect();
    let config = load_config(&roots, options)?;
    let excludes = Excludes::new(config.root.as_deref(), &config.exclude).map_err(|message| {
        EngineError::Config {
            file: config.path.clone().unwrap_or_default(),
            line: 1,
            column: 1,
            message,
        }
    })?;
    let candidates = discover::discover(&roots, &excludes, &options.buffers)?;
    timings.discover = start.elapsed();

    let t = Instant::now();
    let read: Vec<Result<SourceFile, String>> = candidates
        .par_iter()
        .enumerate()
        .map(|(i, c)| match options.buffers.get(&c.path) {
            Some(text) if text.len() as u64 > MAX_FILE_BYTES => Err(too_large()),
            Some(text) => Ok(SourceFile::new(
                FileId(i as u32),
                display_path(&c.path, &cwd),
                text.clone(),
            )),
            None => read_file(FileId(i as u32), c, &cwd),
        })
        .collect();
    timings.read = t.elapsed();

    let t = Instant::now();
    let mut sources = Vec::with_capacity(read.len());
    let mut errors = Vec::new();
    let mut roles = Vec::with_capacity(read.len());
    // Classification parses YAML/JSON, so it runs in parallel too.
    let classified: Vec<(SourceFile, FileRole, Option<String>)> = read
        .into_par_iter()
        .zip(candidates.par_iter())
        .enumerate()
        .map(|(i, (r, c))| match r {
            Ok(file) => {
                let role = match c.kind {
                    CandidateKind::Terraform => FileRole::Terraform,
                    CandidateKind::TfVars => FileRole::TfVars,
                    CandidateKind::Document => {
                        match guarded(|| palisade_cloudformation::detect(&file)) {
                            Some(DocumentKind::CloudFormation) => FileRole::Template,
                            Some(DocumentKind::IamPolicy) => FileRole::Policy,
                            Some(DocumentKind::Other) => FileRole::Skip,
                            None => {
                                let msg = "internal error while classifying this file".to_string();
                                return (file, FileRole::Skip, Some(msg));
                            }
                        }
                    }
                };
                (file, role, None)
            }
            Err(message) => {
                let placeholder =
                    SourceFile::new(FileId(i as u32), display_path(&c.path, &cwd), "");
                (placeholder, FileRole::Skip, Some(message))
            }
        })
        .collect();
    for (file, role, error) in classified {
        if let Some(message) = error {
            errors.push(ScanError {
                file: file.path.to_string_lossy().into_owned(),
                line: 1,
                column: 1,
                message,
                source: None,
            });
        }
        roles.push(role);
        sources.push(file);
    }
    timings.classify = t.elapsed();
    // Var files join the sources so that a value's definition site resolves like any span.
    let mut var_files = Vec::new();
    for p in &options.terraform_var_files {
        let path = absolute(&if p.is_absolute() {
            p.clone()
        } else {
            cwd.join(p)
        });
        let text = std::fs::read_to_string(&path).map_err(|e| EngineError::Io {
            path: p.clone(),
            message: format!("cannot read var file: {e}"),
        })?;
        let id = FileId(sources.len() as u32);
        sources.push(SourceFile::new(id, display_path(&path, &cwd), text));
        roles.push(FileRole::Skip);
        var_files.push(sources.len() - 1);
    }
    timings.total = start.elapsed();
    Ok(Prepared {
        sources,
        roles,
        var_files,
        vars: options.terraform_vars.clone(),
        follow_modules: options.follow_modules,
        errors,
        config,
        cwd,
        timings,
    })
}

fn too_large() -> String {
    format!(
        "file is larger than {} MiB; not scanned",
        MAX_FILE_BYTES / 1024 / 1024
    )
}

/// Reads one candidate. A `.tf` file that is not UTF-8 is an error; a YAML/JSON file that is
/// not UTF-8 is an error only when it still looks like infrastructure (a binary blob named
/// `.json` is nobody's template).
fn read_file(id: FileId, c: &Candidate, cwd: &Path) -> Result<SourceFile, String> {
    let shown = display_path(&c.path, cwd);
    let meta = std::fs::metadata(&c.path).map_err(|e| format!("cannot read file: {e}"))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let bytes = std::fs::read(&c.path).map_err(|e| format!("cannot read file: {e}"))?;
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            // A byte-order mark is not content; dropping it keeps columns right.
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Ok(SourceFile::new(id, shown, text))
        }
        Err(e) => {
            if c.kind == CandidateKind::Document {
                let lossy =
                    SourceFile::new(id, shown.clone(), String::from_utf8_lossy(e.as_bytes()));
                if guarded(|| palisade_cloudformation::detect(&lossy)) == Some(DocumentKind::Other)
                {
                    // Keep it as a skipped file rather than an error.
                    return Ok(SourceFile::new(id, shown, ""));
                }
            }
            Err("file is not valid UTF-8".to_string())
        }
    }
}

/// Runs a frontend or check call, turning a panic into `None` so that one bad file cannot take
/// the whole scan down. Frontends must not panic (invariant 4); this is the seat belt.
fn guarded<T>(f: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok()
}

/// One unit of analysis.
enum Unit {
    /// A Terraform module directory: file indices, `.tf` first then tfvars, each sorted.
    Terraform(Vec<usize>),
    Template(usize),
    Policy(usize),
}

fn units(prepared: &Prepared, candidates_dirs: &[Option<PathBuf>]) -> Vec<Unit> {
    let mut modules: BTreeMap<&Path, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    let mut out = Vec::new();
    for (i, role) in prepared.roles.iter().enumerate() {
        match role {
            FileRole::Terraform | FileRole::TfVars => {
                let Some(dir) = candidates_dirs[i].as_deref() else {
                    continue;
                };
                let entry = modules.entry(dir).or_default();
                if *role == FileRole::Terraform {
                    entry.0.push(i);
                } else {
                    entry.1.push(i);
                }
            }
            FileRole::Template => out.push(Unit::Template(i)),
            FileRole::Policy => out.push(Unit::Policy(i)),
            FileRole::Skip => {}
        }
    }
    for (_, (tf, vars)) in modules {
        // tfvars without any .tf file configure nothing we can see.
        if tf.is_empty() {
            continue;
        }
        out.push(Unit::Terraform(tf.into_iter().chain(vars).collect()));
    }
    out
}

/// Per-unit output, before suppression.
struct UnitOutput {
    findings: Vec<ResolvedFinding>,
    errors: Vec<ScanError>,
    notes: Vec<ScanError>,
    suppressed: usize,
    scanned_files: Vec<usize>,
    load: Duration,
    check: Duration,
    stats: palisade_model::EvalStats,
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

/// Most module directories [`terraform_files_with_modules`] gathers.
const MAX_EDITOR_MODULE_DIRS: usize = 64;

/// The Terraform files an editor scans for a file in `dir`: the directory's own `.tf` and
/// auto-loaded tfvars files (not its subdirectories), plus those of the local modules it calls,
/// transitively (at most 64 directories), so that findings reached through module calls show
/// while a caller is edited. `buffers` (unsaved editor text by absolute path) are read instead
/// of the disk and count even when not saved yet.
pub fn terraform_files_with_modules(
    dir: &Path,
    buffers: &BTreeMap<PathBuf, String>,
) -> Vec<PathBuf> {
    let mut files = BTreeSet::new();
    let mut seen = BTreeSet::new();
    let mut queue = vec![PathBuf::from(palisade_terraform::normalize_dir(&absolute(
        dir,
    )))];
    while let Some(dir) = queue.pop() {
        if !seen.insert(dir.clone()) || seen.len() > MAX_EDITOR_MODULE_DIRS {
            continue;
        }
        let mut here: BTreeSet<PathBuf> = std::fs::read_dir(&dir)
            .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        here.extend(
            buffers
                .keys()
                .filter(|p| p.parent() == Some(dir.as_path()))
                .cloned(),
        );
        for path in here {
            let kind = discover::classify(&path, false);
            if !matches!(kind, Some(CandidateKind::Terraform | CandidateKind::TfVars)) {
                continue;
            }
            if kind == Some(CandidateKind::Terraform) {
                let text = match buffers.get(&path) {
                    Some(t) => Some(t.clone()),
                    None => std::fs::read_to_string(&path).ok(),
                };
                for source in text
                    .as_deref()
                    .map(palisade_terraform::local_module_sources)
                    .unwrap_or_default()
                {
                    // Lexically normalised (`../modules/x`), as the client names the files.
                    queue.push(PathBuf::from(palisade_terraform::join_dir(
                        &dir.to_string_lossy(),
                        source,
                    )));
                }
            }
            if buffers.contains_key(&path) || path.is_file() {
                files.insert(path);
            }
        }
    }
    files.into_iter().collect()
}

/// Scans the given paths (files or directories; `.` when empty).
pub fn scan(paths: &[PathBuf], options: &ScanOptions) -> Result<ScanResult, EngineError> {
    let start = Instant::now();
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
        ..ScanResult::default()
    };
    let mut scanned = BTreeSet::new();
    for out in outputs {
        result.findings.extend(out.findings);
        result.errors.extend(out.errors);
        result.notes.extend(out.notes);
        result.suppressed += out.suppressed;
        scanned.extend(out.scanned_files);
        timings.load_cpu += out.load;
        result.stats.add(&out.stats);
        timings.check_cpu += out.check;
    }
    result.files_scanned = scanned.len();
    result.bytes_scanned = scanned
        .iter()
        .map(|&i| prepared.sources[i].text.len() as u64)
        .sum();

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
    result.sources = prepared.sources;
    timings.total = start.elapsed();
    result.timings = timings;
    Ok(result)
}

/// Most call sites of other callers named on a merged finding.
const MAX_MERGED_CALLERS: usize = 10;

/// A module directory is scanned on its own and again through every configuration that calls
/// it, so a problem written in the module itself (a literal, a default) would be reported
/// once per caller. Findings identical but for the resource address, trace and related
/// locations are merged:
///
/// - when the module's own scan reported it (a finding without a trace), that one is kept and
///   the copies reached through callers are dropped: the fix is in the module, whoever calls it;
/// - otherwise (the problem needs a caller's input), one finding is kept per resource of the
///   module (the address without its `module.NAME.` prefixes), the first in order, naming the
///   other callers' call sites as related locations.
///
/// Findings that differ in message (a caller passing another value) are all kept, and so
/// are the instances of a counted resource (they have no trace).
fn merge_module_duplicates(findings: Vec<ResolvedFinding>) -> Vec<ResolvedFinding> {
    // Messages name the resource: compare them with the module prefixes taken out.
    let key = |f: &ResolvedFinding| {
        let message = match f.resource.as_deref() {
            Some(address) => f
                .message
                .replace(address, palisade_model::module_local_address(address)),
            None => f.message.clone(),
        };
        (
            f.file.clone(),
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            f.check,
            message,
            f.severity,
        )
    };
    let mut out: Vec<ResolvedFinding> = Vec::with_capacity(findings.len());
    let mut group: Vec<ResolvedFinding> = Vec::new();
    let flush = |group: &mut Vec<ResolvedFinding>, out: &mut Vec<ResolvedFinding>| {
        if group.iter().all(|f| f.trace.is_empty()) || group.len() == 1 {
            out.append(group);
            return;
        }
        if group.iter().any(|f| f.trace.is_empty()) {
            out.extend(group.drain(..).filter(|f| f.trace.is_empty()));
            return;
        }
        let mut kept: Vec<ResolvedFinding> = Vec::new();
        for f in group.drain(..) {
            let local = f
                .resource
                .as_deref()
                .map(palisade_model::module_local_address);
            match kept.iter_mut().find(|k| {
                k.resource
                    .as_deref()
                    .map(palisade_model::module_local_address)
                    == local
            }) {
                Some(k) => {
                    let Some(site) = f.trace.first() else {
                        continue;
                    };
                    let merged = k
                        .related
                        .iter()
                        .filter(|r| r.message.starts_with("also reached"))
                        .count();
                    let known = k.trace.first() == Some(site)
                        || k.related.iter().any(|r| &r.location == site);
                    if !known && merged < MAX_MERGED_CALLERS {
                        k.related.push(RelatedLocation {
                            location: site.clone(),
                            message: format!(
                                "also reached through `{}`",
                                f.resource.as_deref().unwrap_or("a module call")
                            ),
                        });
                    }
                }
                None => kept.push(f),
            }
        }
        out.append(&mut kept);
    };
    // Grouped by key; a stable sort keeps the report order within each group.
    let mut keyed: Vec<_> = findings.into_iter().map(|f| (key(&f), f)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    let mut current = None;
    for (k, f) in keyed {
        if current.as_ref().is_some_and(|c| *c != k) {
            flush(&mut group, &mut out);
        }
        current = Some(k);
        group.push(f);
    }
    flush(&mut group, &mut out);
    out.sort();
    out
}

/// Disabled checks, severity overrides, the severity floor and the baseline.
fn apply_config(result: &mut ScanResult, options: &ScanOptions) -> Result<(), EngineError> {
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
        let baseline = load_baseline(path)?;
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

/// A baseline is the JSON output of an earlier scan; a finding matching one of its
/// (check, file, resource) triples is accepted as known and not reported. Lines are not part
/// of the key so that edits elsewhere in the file do not resurrect known findings.
fn load_baseline(path: &Path) -> Result<BTreeSet<(String, String, Option<String>)>, EngineError> {
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

/// The `.tf` files of every scanned Terraform directory, by the directory as the frontend
/// names it: what a local module call (`source = "../x"`) can load. Directories outside the
/// scanned paths are not read, so such calls stay unknown.
struct ModuleDirs<'a> {
    dirs: BTreeMap<String, Vec<&'a SourceFile>>,
    /// Directories some scanned file names as a local module source.
    called: BTreeSet<String>,
    cache: palisade_terraform::ParseCache,
}

impl<'a> ModuleDirs<'a> {
    fn new(prepared: &'a Prepared, units: &[Unit]) -> ModuleDirs<'a> {
        let mut dirs: BTreeMap<String, Vec<&'a SourceFile>> = BTreeMap::new();
        let mut called = BTreeSet::new();
        for unit in units {
            let Unit::Terraform(idx) = unit else {
                continue;
            };
            for &i in idx {
                if prepared.roles.get(i) != Some(&FileRole::Terraform) {
                    continue;
                }
                let Some(file) = prepared.sources.get(i) else {
                    continue;
                };
                let dir = palisade_terraform::normalize_dir(
                    file.path.parent().unwrap_or_else(|| Path::new("")),
                );
                if prepared.follow_modules {
                    for src in palisade_terraform::local_module_sources(&file.text) {
                        called.insert(palisade_terraform::join_dir(&dir, src));
                    }
                }
                dirs.entry(dir).or_default().push(file);
            }
        }
        ModuleDirs {
            dirs,
            called,
            cache: palisade_terraform::ParseCache::default(),
        }
    }
}

impl palisade_terraform::ModuleLoader for ModuleDirs<'_> {
    fn files(&self, dir: &str) -> Option<Vec<&SourceFile>> {
        self.dirs.get(dir).cloned()
    }

    fn parse_cache(&self) -> Option<&palisade_terraform::ParseCache> {
        Some(&self.cache)
    }

    fn is_called(&self, dir: &str) -> bool {
        self.called.contains(dir)
    }
}

fn analyze(unit: &Unit, prepared: &Prepared, modules: &ModuleDirs<'_>) -> UnitOutput {
    let sources = &prepared.sources;
    let t = Instant::now();
    let (loaded, files): (Option<Loaded>, Vec<usize>) = match unit {
        Unit::Terraform(idx) => {
            let files: Vec<&SourceFile> = idx.iter().map(|&i| &sources[i]).collect();
            // Every scanned module is a root module, so command-line values apply to each.
            let inputs = palisade_terraform::TerraformInputs {
                vars: prepared.vars.clone(),
                var_files: prepared.var_files.iter().map(|&i| &sources[i]).collect(),
                modules: prepared
                    .follow_modules
                    .then_some(modules as &dyn palisade_terraform::ModuleLoader),
            };
            (
                guarded(|| palisade_terraform::load_module_with(&files, &inputs)),
                idx.clone(),
            )
        }
        Unit::Template(i) => (
            guarded(|| palisade_cloudformation::load_template(&sources[*i])),
            vec![*i],
        ),
        Unit::Policy(i) => (
            guarded(|| palisade_cloudformation::load_policy(&sources[*i])),
            vec![*i],
        ),
    };
    let load = t.elapsed();
    let mut out = UnitOutput {
        findings: Vec::new(),
        errors: Vec::new(),
        notes: Vec::new(),
        suppressed: 0,
        scanned_files: files.clone(),
        load,
        check: Duration::ZERO,
        stats: palisade_model::EvalStats::default(),
    };
    let Some(loaded) = loaded else {
        let first = files.first().copied().unwrap_or(0);
        out.errors.push(ScanError {
            file: sources
                .get(first)
                .map(|s| s.path.to_string_lossy().into_owned())
                .unwrap_or_default(),
            line: 1,
            column: 1,
            message: "internal error in the frontend; this unit was not analysed".into(),
            source: None,
        });
        return out;
    };
    out.stats = loaded.stats;
    for d in &loaded.diagnostics {
        let resolved = resolve_diagnostic(d, sources);
        match d.level {
            palisade_source::Level::Error => out.errors.push(resolved),
            palisade_source::Level::Note => out.notes.push(resolved),
        }
    }
    let t = Instant::now();
    let findings = guarded(|| palisade_checks::run_all(&loaded.model)).unwrap_or_default();
    out.check = t.elapsed();
    for f in findings {
        let Some(resolved) = resolve(&f, &loaded.model, sources) else {
            continue;
        };
        let suppressed = palisade_checks::find(f.check)
            .is_some_and(|check| is_suppressed(check, &f, &resolved, &loaded.model, sources));
        if suppressed {
            out.suppressed += 1;
        } else {
            out.findings.push(resolved);
        }
    }
    out
}

fn source_of(span: Span, sources: &[SourceFile]) -> Option<&SourceFile> {
    sources
        .get(span.file.0 as usize)
        .filter(|s| s.id == span.file)
}

fn location(span: Span, sources: &[SourceFile]) -> Option<Location> {
    let file = source_of(span, sources)?;
    let lc = file.line_col(span.start);
    Some(Location {
        file: file.path.to_string_lossy().into_owned(),
        line: lc.line,
        column: lc.column,
    })
}

/// The line of the last character of a span (a span ending just after a newline ends on the
/// line before).
fn last_line(file: &SourceFile, span: Span) -> u32 {
    let end = if span.end > span.start {
        span.end - 1
    } else {
        span.end
    };
    file.line_col(end).line
}

fn resolve_diagnostic(d: &palisade_source::Diagnostic, sources: &[SourceFile]) -> ScanError {
    match source_of(d.span, sources) {
        Some(file) => {
            let lc = file.line_col(d.span.start);
            ScanError {
                file: file.path.to_string_lossy().into_owned(),
                line: lc.line,
                column: lc.column,
                message: d.message.clone(),
                source: Some((
                    d.span.file.0 as usize,
                    (d.span.start as usize).min(file.text.len()),
                )),
            }
        }
        None => ScanError {
            file: String::new(),
            line: 1,
            column: 1,
            message: d.message.clone(),
            source: None,
        },
    }
}

fn resolve(f: &Finding, model: &Model, sources: &[SourceFile]) -> Option<ResolvedFinding> {
    // A span into a file we do not know cannot be shown; dropping it beats a wrong location.
    let file = source_of(f.span, sources)?;
    let start = file.line_col(f.span.start);
    let end = file.line_col(f.span.end);
    let resource = f.resource.and_then(|id| model.resources.get(id.0));
    let extent = resource.map(|r| r.extent).unwrap_or(f.extent);
    let (resource_start_line, resource_end_line) = match source_of(extent, sources) {
        Some(ef) if extent.file == f.span.file => {
            (ef.line_col(extent.start).line, last_line(ef, extent))
        }
        _ => (start.line, last_line(file, f.span)),
    };
    let trace = resource
        .map(|r| {
            r.trace
                .iter()
                .filter_map(|s| location(*s, sources))
                .collect()
        })
        .unwrap_or_default();
    let mut related: Vec<RelatedLocation> = f
        .related
        .iter()
        .filter_map(|r| {
            Some(RelatedLocation {
                location: location(r.span, sources)?,
                message: r.message.clone(),
            })
        })
        .collect();
    // A finding written in another file than its resource (an S3 encryption configuration,
    // maybe in a called module, for a bucket declared elsewhere) names where the resource is.
    if let Some(r) = resource.filter(|r| r.header.file != f.span.file) {
        if let Some(at) = location(r.header, sources) {
            related.push(RelatedLocation {
                location: at,
                message: format!("{} is declared here", r.address),
            });
        }
    }
    Some(ResolvedFinding {
        file: file.path.to_string_lossy().into_owned(),
        line: start.line,
        column: start.column,
        check: f.check,
        message: f.message.clone(),
        end_line: end.line,
        end_column: end.column,
        severity: f.severity,
        resource: resource.map(|r| r.address.clone()),
        resource_start_line: resource_start_line.min(start.line),
        resource_end_line: resource_end_line.max(start.line),
        trace,
        related,
        source: f.span.file.0 as usize,
        start_offset: (f.span.start as usize).min(file.text.len()),
        end_offset: (f.span.end as usize).min(file.text.len()),
    })
}

fn is_suppressed(
    check: &palisade_checks::Check,
    f: &Finding,
    r: &ResolvedFinding,
    model: &Model,
    sources: &[SourceFile],
) -> bool {
    let Some(file) = source_of(f.span, sources) else {
        return false;
    };
    let mut near_lines: Vec<(&SourceFile, u32)> =
        vec![(file, r.line), (file, r.line.saturating_sub(1))];
    let resource = f.resource.and_then(|id| model.resources.get(id.0));
    if let Some(res) = resource {
        if let Some(hf) = source_of(res.header, sources) {
            let h = hf.line_col(res.header.start).line;
            near_lines.push((hf, h));
            near_lines.push((hf, h.saturating_sub(1)));
        }
    }
    for (src, line) in &near_lines {
        if *line == 0 {
            continue;
        }
        if suppress::line_directives(src.line_text(*line))
            .iter()
            .any(|d| d.matches(check))
        {
            return true;
        }
    }
    let Some(res) = resource else {
        return false;
    };
    let Some(ef) = source_of(res.extent, sources) else {
        return false;
    };
    let extent_text = ef.slice(res.extent);
    // Checkov places its skip comment anywhere inside the resource.
    if extent_text.contains("checkov:skip=")
        && extent_text.lines().any(|l| {
            suppress::line_directives(l)
                .iter()
                .any(|d| d.applies_inside_resource() && d.matches(check))
        })
    {
        return true;
    }
    if res.format == palisade_model::Format::CloudFormation && extent_text.contains("Metadata") {
        let directives: Vec<Directive> = if is_json(ef) {
            suppress::json_metadata_directives(extent_text)
        } else {
            suppress::yaml_metadata_ids(extent_text)
        };
        if directives.iter().any(|d| d.matches(check)) {
            return true;
        }
    }
    false
}

fn is_json(file: &SourceFile) -> bool {
    file.text.trim_start().starts_with('{')
}

/// What the benchmark compares a scan against: the files a scan would analyse, parsed by the
/// frontends' `parse_only` in parallel and dropped.
#[derive(Clone, Copy, Debug, Default)]
pub struct ParseFloor {
    pub files: usize,
    pub bytes: u64,
    /// Wall time of the parallel parse.
    pub parse: Duration,
    /// Discovery, reading and classification (not part of `parse`).
    pub prepare: Duration,
}

pub fn parse_floor(paths: &[PathBuf], options: &ScanOptions) -> Result<ParseFloor, EngineError> {
    let prepared = prepare(paths, options)?;
    let selected: Vec<(&SourceFile, FileRole)> = prepared
        .sources
        .iter()
        .zip(prepared.roles.iter().copied())
        .filter(|(_, r)| *r != FileRole::Skip)
        .collect();
    let t = Instant::now();
    let ok = selected
        .par_iter()
        .map(|(f, role)| {
            guarded(|| match role {
                FileRole::Terraform | FileRole::TfVars => palisade_terraform::parse_only(f),
                _ => palisade_cloudformation::parse_only(f),
            })
            .unwrap_or(false)
        })
        .filter(|ok| *ok)
        .count();
    let parse = t.elapsed();
    let _ = ok;
    Ok(ParseFloor {
        files: selected.len(),
        bytes: selected.iter().map(|(f, _)| f.text.len() as u64).sum(),
        parse,
        prepare: prepared.timings.total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_checks::{Check, CheckMeta};
    use palisade_model::{Format, Resource, ResourceId};

    static FAKE: Check = Check {
        meta: CheckMeta {
            id: "aws-ec2-sg-open-ingress",
            aliases: &["aws-ec2-old-name"],
            title: "t",
            severity: Severity::High,
            service: "ec2",
            layer: palisade_checks::Layer::Network,
            description: "d",
            remediation: "r",
            references: &[],
            equivalents: &[
                "checkov:CKV_AWS_24",
                "tfsec:aws-ec2-no-public-ingress-sgr",
                "trivy:AVD-AWS-0107",
            ],
            examples: &[],
        },
        run: |_, _| {},
    };

    /// A one-resource model over `text`; the finding is on the first occurrence of `needle`.
    fn setup(text: &str, needle: &str, format: Format) -> (Vec<SourceFile>, Model, Finding) {
        let file = SourceFile::new(FileId(0), "main.tf", text);
        let header_start = text
            .find("resource")
            .or_else(|| text.find("\"Sg\""))
            .unwrap_or(0);
        let header = file.span(header_start, header_start + 8);
        let extent = file.span(header_start, text.trim_end().len());
        let mut model = Model::default();
        let id = model.add_resource(Resource {
            address: "aws_security_group.web".into(),
            kind: "aws_security_group".into(),
            format,
            header,
            extent,
            trace: vec![],
        });
        let start = text.find(needle).expect("needle");
        let finding = Finding::on_resource(
            &model,
            FAKE.meta.id,
            Severity::High,
            id,
            file.span(start, start + needle.len()),
            "open",
        );
        (vec![file], model, finding)
    }

    fn suppressed(text: &str, format: Format) -> bool {
        let (sources, model, f) = setup(text, "0.0.0.0/0", format);
        let r = resolve(&f, &model, &sources).expect("resolves");
        is_suppressed(&FAKE, &f, &r, &model, &sources)
    }

    const SG: &str = "resource \"aws_security_group\" \"web\" {\n  ingress {\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n";

    #[test]
    fn resolves_lines_columns_and_resource_bounds() {
        let text = format!("# header comment\n{SG}");
        let (sources, model, f) = setup(&text, "\"0.0.0.0/0\"", Format::Terraform);
        let r = resolve(&f, &model, &sources).unwrap();
        assert_eq!((r.line, r.column), (4, 20));
        assert_eq!((r.end_line, r.end_column), (4, 31));
        assert_eq!((r.resource_start_line, r.resource_end_line), (2, 6));
        assert_eq!(r.resource.as_deref(), Some("aws_security_group.web"));
        assert_eq!(r.file, "main.tf");
    }

    #[test]
    fn a_span_into_an_unknown_file_is_dropped_not_misplaced() {
        let (sources, model, mut f) = setup(SG, "0.0.0.0/0", Format::Terraform);
        f.span.file = FileId(7);
        assert!(resolve(&f, &model, &sources).is_none());
        f.resource = Some(ResourceId(99));
        f.span.file = FileId(0);
        let r = resolve(&f, &model, &sources).unwrap();
        assert_eq!(r.resource, None, "a dangling resource id is not trusted");
    }

    #[test]
    fn unsuppressed_by_default() {
        assert!(!suppressed(SG, Format::Terraform));
    }

    #[test]
    fn palisade_comment_before_resource_or_finding() {
        assert!(suppressed(
            &format!("# palisade:ignore[aws-ec2-sg-open-ingress] bastion\n{SG}"),
            Format::Terraform
        ));
        assert!(suppressed(
            &SG.replace(
                "    cidr_blocks",
                "    // palisade:ignore[aws-ec2-sg-open-ingress]\n    cidr_blocks"
            ),
            Format::Terraform
        ));
        // Same line, via an alias.
        assert!(suppressed(
            &SG.replace("]\n  }", "] # palisade:ignore[aws-ec2-old-name]\n  }"),
            Format::Terraform
        ));
        // Another check's id does not suppress; a comment two lines above does not either.
        assert!(!suppressed(
            &format!("# palisade:ignore[aws-iam-wildcard-action]\n{SG}"),
            Format::Terraform
        ));
        assert!(!suppressed(
            &format!("# palisade:ignore[aws-ec2-sg-open-ingress]\n\n{SG}"),
            Format::Terraform
        ));
    }

    #[test]
    fn peer_comments_through_equivalents() {
        assert!(suppressed(
            &SG.replace(
                "  ingress {",
                "  #checkov:skip=CKV_AWS_24:reviewed\n  ingress {"
            ),
            Format::Terraform
        ));
        assert!(!suppressed(
            &SG.replace(
                "  ingress {",
                "  #checkov:skip=CKV_AWS_25:other rule\n  ingress {"
            ),
            Format::Terraform
        ));
        assert!(suppressed(
            &format!("#tfsec:ignore:aws-ec2-no-public-ingress-sgr\n{SG}"),
            Format::Terraform
        ));
        assert!(suppressed(
            &format!("#trivy:ignore:AVD-AWS-0107\n{SG}"),
            Format::Terraform
        ));
    }

    #[test]
    fn cloudformation_json_metadata() {
        let template = |meta: &str| {
            format!(
                "{{\"Resources\": {{\n  \"Sg\": {{\n    \"Type\": \"AWS::EC2::SecurityGroup\",{meta}\n    \"Properties\": {{\"SecurityGroupIngress\": [{{\"CidrIp\": \"0.0.0.0/0\"}}]}}\n  }}\n}}}}\n"
            )
        };
        let yes = template(
            "\n    \"Metadata\": {\"palisade\": {\"ignore\": [\"aws-ec2-sg-open-ingress\"]}},",
        );
        let no = template("\n    \"Metadata\": {\"palisade\": {\"ignore\": [\"aws-other\"]}},");
        // The extent is the logical id and its object, as the frontend records it.
        let check = |text: &str| {
            let file = SourceFile::new(FileId(0), "t.json", text);
            let start = text.find("\"Sg\"").unwrap();
            let end = text.rfind("  }").unwrap() + 3;
            let mut model = Model::default();
            let id = model.add_resource(Resource {
                address: "Sg".into(),
                kind: "AWS::EC2::SecurityGroup".into(),
                format: Format::CloudFormation,
                header: file.span(start, start + 4),
                extent: file.span(start, end),
                trace: vec![],
            });
            let at = text.find("0.0.0.0/0").unwrap();
            let f = Finding::on_resource(
                &model,
                FAKE.meta.id,
                Severity::High,
                id,
                file.span(at, at + 9),
                "open",
            );
            let sources = vec![file];
            let r = resolve(&f, &model, &sources).unwrap();
            is_suppressed(&FAKE, &f, &r, &model, &sources)
        };
        assert!(check(&yes));
        assert!(!check(&no));
    }

    fn write(dir: &Path, rel: &str, text: &str) {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn discovered(root: &Path, excludes: &[&str]) -> Vec<String> {
        let ex = Excludes::new(
            Some(root),
            &excludes.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        )
        .unwrap();
        discover::discover(&[root.to_path_buf()], &ex, &BTreeMap::new())
            .unwrap()
            .into_iter()
            .map(|c| {
                c.path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    }

    #[test]
    fn discovery_rules() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "main.tf",
            "terraform.tfvars",
            "prod.tfvars",
            "x.auto.tfvars.json",
            "t.yaml",
            "t.template",
            "notes.txt",
            "gen/main.tf",
            ".terraform/modules/m/main.tf",
            "node_modules/p/main.tf",
            "legacy/old.tf",
        ] {
            write(root, f, "");
        }
        write(root, ".gitignore", "gen/\n");
        assert_eq!(
            discovered(root, &["legacy/"]),
            vec![
                "main.tf",
                "t.template",
                "t.yaml",
                "terraform.tfvars",
                "x.auto.tfvars.json"
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_outside_the_root_are_not_followed() {
        let outside = tempfile::tempdir().unwrap();
        write(outside.path(), "secret.tf", "");
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "real.tf", "");
        std::os::unix::fs::symlink(outside.path().join("secret.tf"), dir.path().join("out.tf"))
            .unwrap();
        std::os::unix::fs::symlink(dir.path().join("real.tf"), dir.path().join("in.tf")).unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("linkdir")).unwrap();
        assert_eq!(discovered(dir.path(), &[]), vec!["in.tf", "real.tf"]);
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

    #[test]
    fn terraform_files_of_a_directory_form_one_unit() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "a/x.tf",
            "a/y.tf",
            "a/terraform.tfvars",
            "b/z.tf",
            "c/only.auto.tfvars",
        ] {
            write(root, f, "");
        }
        let options = ScanOptions {
            config: ConfigChoice::Disabled,
            cwd: Some(root.to_path_buf()),
            ..ScanOptions::default()
        };
        let prepared = prepare(&[root.to_path_buf()], &options).unwrap();
        let dirs: Vec<Option<PathBuf>> = prepared
            .sources
            .iter()
            .map(|s| root.join(&s.path).parent().map(Path::to_path_buf))
            .collect();
        let units = units(&prepared, &dirs);
        let shape: Vec<Vec<String>> = units
            .iter()
            .map(|u| match u {
                Unit::Terraform(idx) => idx
                    .iter()
                    .map(|&i| prepared.sources[i].path.to_string_lossy().into_owned())
                    .collect(),
                _ => vec![],
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                vec!["a/x.tf", "a/y.tf", "a/terraform.tfvars"],
                vec!["b/z.tf"]
            ]
        );
    }

    fn at(file: &str, line: u32) -> Location {
        Location {
            file: file.into(),
            line,
            column: 1,
        }
    }

    fn finding(message: &str, resource: &str, trace: Option<&Location>) -> ResolvedFinding {
        ResolvedFinding {
            file: "modules/sg/main.tf".into(),
            line: 9,
            column: 5,
            check: "aws-ec2-sg-open-ingress",
            message: message.into(),
            end_line: 9,
            end_column: 20,
            severity: Severity::High,
            resource: Some(resource.into()),
            resource_start_line: 1,
            resource_end_line: 12,
            trace: trace.into_iter().cloned().collect(),
            related: Vec::new(),
            source: 0,
            start_offset: 0,
            end_offset: 0,
        }
    }

    fn merged(mut v: Vec<ResolvedFinding>) -> Vec<(String, usize, Vec<String>)> {
        v.sort();
        super::merge_module_duplicates(v)
            .into_iter()
            .map(|f| {
                (
                    f.resource.unwrap_or_default(),
                    f.trace.len(),
                    f.related
                        .iter()
                        .map(|r| format!("{}:{} {}", r.location.file, r.location.line, r.message))
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn the_module_own_finding_wins_over_copies_reached_through_callers() {
        let a = at("examples/a/main.tf", 1);
        let b = at("examples/b/main.tf", 1);
        let got = merged(vec![
            finding(
                "module.web.aws_security_group.this is open",
                "module.web.aws_security_group.this",
                Some(&a),
            ),
            finding(
                "aws_security_group.this is open",
                "aws_security_group.this",
                None,
            ),
            // Sorted between the two others, it must not split their group.
            finding("e", "module.x.aws_security_group.other", None),
            finding(
                "module.api.aws_security_group.this is open",
                "module.api.aws_security_group.this",
                Some(&b),
            ),
            // Another message (a caller's own value) is another finding.
            finding("open on 22", "module.api.aws_security_group.this", Some(&b)),
        ]);
        assert_eq!(
            got,
            [
                ("aws_security_group.this".to_string(), 0, vec![]),
                ("module.x.aws_security_group.other".to_string(), 0, vec![]),
                ("module.api.aws_security_group.this".to_string(), 1, vec![]),
            ]
        );
    }

    #[test]
    fn caller_only_findings_merge_per_module_resource_naming_other_callers() {
        let a = at("examples/a/main.tf", 1);
        let b = at("examples/b/main.tf", 3);
        let got = merged(vec![
            finding("open", "module.web.aws_security_group.this[0]", Some(&a)),
            finding("open", "module.web.aws_security_group.this[1]", Some(&a)),
            finding("open", "module.api.aws_security_group.this[0]", Some(&b)),
            finding("open", "module.api.aws_security_group.this[1]", Some(&b)),
        ]);
        assert_eq!(
            got,
            [
                (
                    "module.api.aws_security_group.this[0]".to_string(),
                    1,
                    vec!["examples/a/main.tf:1 also reached through `module.web.aws_security_group.this[0]`".to_string()]
                ),
                (
                    "module.api.aws_security_group.this[1]".to_string(),
                    1,
                    vec!["examples/a/main.tf:1 also reached through `module.web.aws_security_group.this[1]`".to_string()]
                ),
            ]
        );
        // Instances of a counted resource in one configuration are not duplicates.
        let got = merged(vec![
            finding("open", "aws_security_group.this[0]", None),
            finding("open", "aws_security_group.this[1]", None),
        ]);
        assert_eq!(got.len(), 2);
    }
}
