//! What a scan returns: findings resolved to files, lines and columns, errors, notes, and
//! the figures the benchmark reads.

use std::path::PathBuf;
use std::time::Duration;

use palisade_checks::Severity;
use palisade_source::SourceFile;

use crate::Config;

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

/// How a finding was suppressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SuppressionKind {
    /// A comment or a resource's `Metadata` in the scanned file.
    InSource,
    /// The baseline file.
    Baseline,
}

impl SuppressionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SuppressionKind::InSource => "inline",
            SuppressionKind::Baseline => "baseline",
        }
    }
}

/// The suppression that hid a finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SuppressionInfo {
    pub kind: SuppressionKind,
    /// Where it is written (the comment's line, the resource for `Metadata`, the baseline
    /// file).
    pub location: Option<Location>,
    pub reason: Option<String>,
    /// `YYYY-MM-DD`, the last day it applies.
    pub expires: Option<String>,
}

/// A finding that a suppression hid, with that suppression (`--show-suppressed`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SuppressedFinding {
    pub finding: ResolvedFinding,
    pub by: SuppressionInfo,
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
    /// Parts of scanned files that were read but not analysed though the file is valid for
    /// its tool (a policy written as a string whose JSON is invalid, which AWS rejects when
    /// it is deployed). Like notes, they do not fail the scan.
    pub file_warnings: Vec<ScanError>,
    /// Files that were read as Terraform, CloudFormation or IAM JSON.
    pub files_scanned: usize,
    /// Files that look like infrastructure but are not understood (a `.template` that is
    /// not CloudFormation, Terraform state), with why: listed by `--stats`.
    pub not_understood: Vec<(String, &'static str)>,
    /// Bytes of those files.
    pub bytes_scanned: u64,
    /// Findings removed by inline suppressions or the baseline.
    pub suppressed: usize,
    /// Those findings, each with the suppression that removed it, sorted.
    pub suppressed_findings: Vec<SuppressedFinding>,
    /// With [`crate::ScanOptions::time_checks`]: each check's id and its time summed over
    /// units and threads, in `palisade_checks::registered()` order; empty otherwise.
    pub check_times: Vec<(&'static str, Duration)>,
    /// The absolute directory displayed paths are relative to.
    pub cwd: PathBuf,
    /// The project's root (absolute): the git work tree containing the current directory,
    /// else the current directory. Reports give paths relative to it (SARIF's `%SRCROOT%`)
    /// and fingerprints use them, so neither depends on where the scan was started.
    pub root: PathBuf,
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
    /// A bad option value (an invalid `--exclude` glob, an unknown `--check` id), named.
    Usage(String),
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
            EngineError::Usage(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for EngineError {}
