//! The first half of a scan: discovery, reading (or an editor's buffer) and classification
//! of every file by content, and the parse-only floor the benchmark compares a scan with.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use palisade_cloudformation::DocumentKind;
use palisade_source::{FileId, SourceFile};
use rayon::prelude::*;

use crate::discover::{self, Candidate, CandidateKind, Excludes};
use crate::{absolute, guarded, load_config, Config, EngineError, ScanError, ScanOptions, Timings};

/// YAML and JSON files larger than this are reported as an error instead of being read: no
/// real template is this big (CloudFormation accepts at most 1 MB of template body), and a
/// multi-gigabyte JSON data file must not take the scan down. Parsing one at the limit costs
/// about 10 bytes of memory per input byte and well under a second.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The limit for Terraform files (`.tf`, `.tfvars`, and `.tf.json`, which is parsed through its
/// HCL form). tree-sitter-hcl's scanner makes one token of
/// every character of a string or heredoc: a file costs up to about 200 bytes of memory per
/// input byte while it is parsed, and parses at 1 to 3 MB per second of CPU, while the parse
/// of any file is stopped after 1 s of CPU time (pathological syntax makes tree-sitter's error
/// recovery quadratic). At 1 MiB a valid file parses within that bound (a file of ordinary
/// resources in about 0.3 s, one made of a single string in about 0.5 to 0.9 s on a loaded
/// 2-core machine), with at most about 200 MB per file being parsed. The largest Terraform
/// file of the benchmark corpus is 136 kB.
pub const MAX_TERRAFORM_FILE_BYTES: u64 = 1024 * 1024;

/// The size limit of the file at `path`: [`MAX_TERRAFORM_FILE_BYTES`] for Terraform files
/// parsed as HCL (`.tf`, `.tf.json`, `.tfvars`), [`MAX_FILE_BYTES`] for anything else.
pub fn size_limit(path: &Path) -> u64 {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if name.ends_with(".tf") || name.ends_with(".tf.json") || name.ends_with(".tfvars") {
        MAX_TERRAFORM_FILE_BYTES
    } else {
        MAX_FILE_BYTES
    }
}

/// How a read file will be analysed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FileRole {
    Terraform,
    TfVars,
    Template,
    Policy,
    /// A Terraform plan JSON (`terraform show -json`).
    Plan,
    /// Not infrastructure: dropped silently.
    Skip,
}

/// Files discovered, read and classified: the common first half of [`scan`] and
/// [`parse_floor`].
pub(crate) struct Prepared {
    pub(crate) sources: Vec<SourceFile>,
    pub(crate) roles: Vec<FileRole>,
    /// Indices into `sources` of the `--var-file` files (role `Skip`: read, not scanned).
    pub(crate) var_files: Vec<usize>,
    pub(crate) vars: Vec<(String, String)>,
    pub(crate) follow_modules: bool,
    pub(crate) errors: Vec<ScanError>,
    pub(crate) config: Config,
    pub(crate) cwd: PathBuf,
    pub(crate) timings: Timings,
    pub(crate) policy: crate::suppress::Policy,
    /// Files that look like infrastructure but are not understood, with why (for `--stats`).
    pub(crate) not_understood: Vec<(String, &'static str)>,
    /// The Terraform plans of the scan and their configuration directories.
    pub(crate) plans: Vec<PlanSource>,
    /// Said out loud when no file of the scan is Terraform, CloudFormation or IAM JSON.
    pub(crate) nothing_found: Option<String>,
    /// [`ScanOptions::time_checks`].
    pub(crate) time_checks: bool,
}

/// A plan and the configuration it was made from: findings of the plan point at the
/// configuration's resource blocks, and the configuration's own analysis is replaced by
/// the plan's.
pub(crate) struct PlanSource {
    /// Index of the plan in `sources`.
    pub(crate) plan: usize,
    /// The configuration directory (absolute), when it holds `.tf` files.
    pub(crate) dir: Option<PathBuf>,
    /// Indices of its `.tf` files in `sources` (read as `Skip` when outside the scan).
    pub(crate) tf: Vec<usize>,
    /// The local modules it calls, directly or not (`source = "./x"`): each directory
    /// (absolute, normalised) with its `.tf` files.
    pub(crate) modules: Vec<(PathBuf, Vec<usize>)>,
}

pub(crate) fn display_path(path: &Path, cwd: &Path) -> String {
    let shown = path.strip_prefix(cwd).unwrap_or(path);
    let s = shown.to_string_lossy().into_owned();
    if s.is_empty() {
        ".".to_string()
    } else {
        s
    }
}

pub(crate) fn prepare(paths: &[PathBuf], options: &ScanOptions) -> Result<Prepared, EngineError> {
    let start = Instant::now();
    let mut timings = Timings::default();
    let cwd = options
        .cwd
        .clone()
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    let cwd = absolute(&cwd);
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
    let excludes = excludes
        .with(&cwd, &options.exclude)
        .map_err(|message| EngineError::Usage(format!("--exclude: {message}")))?;
    let (candidates, unread) =
        discover::discover_with(&roots, &excludes, &options.buffers, !options.no_ignore)?;
    timings.discover = start.elapsed();

    let t = Instant::now();
    let read: Vec<Result<SourceFile, String>> = candidates
        .par_iter()
        .enumerate()
        .map(|(i, c)| match options.buffers.get(&c.path) {
            Some(text) if text.len() as u64 > size_limit(&c.path) => {
                Err(too_large(size_limit(&c.path)))
            }
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
    let mut errors: Vec<ScanError> = unread
        .into_iter()
        .map(|(path, message)| ScanError {
            file: display_path(&path, &cwd),
            line: 1,
            column: 1,
            message,
            source: None,
        })
        .collect();
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
                    CandidateKind::Document
                        if guarded(|| palisade_terraform::is_plan(&file)) == Some(true) =>
                    {
                        FileRole::Plan
                    }
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
    let mut not_understood = Vec::new();
    for (file, role, error) in classified {
        if role == FileRole::Skip && error.is_none() {
            if let Some(why) = guarded(|| unrecognised(&file)).flatten() {
                not_understood.push((file.path.to_string_lossy().into_owned(), why));
            }
        }
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
    let nothing_found = match roles.iter().all(|r| *r == FileRole::Skip) {
        true => Some(nothing_found(&roots, &cwd, &excludes, &candidates, options)),
        false => None,
    };
    let plans = plan_sources(&mut sources, &mut roles, &cwd, options);
    // Var files join the sources so that a value's definition site resolves like any span.
    let mut var_files = Vec::new();
    for p in &options.terraform_var_files {
        let path = absolute(&if p.is_absolute() {
            p.clone()
        } else {
            cwd.join(p)
        });
        let text = read_regular(&path, size_limit(&path)).map_err(|e| EngineError::Io {
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
        policy: crate::suppress::Policy {
            today: options.today.unwrap_or_else(crate::suppress::Date::today),
            require_reason: config.require_reason,
        },
        config,
        cwd,
        timings,
        not_understood,
        plans,
        nothing_found,
        time_checks: options.time_checks,
    })
}

/// The configuration directory of each plan: `--plan-source DIR`, else the plan's own
/// directory; with its `.tf` files (those outside the scan are read here).
fn plan_sources(
    sources: &mut Vec<SourceFile>,
    roles: &mut Vec<FileRole>,
    cwd: &Path,
    options: &ScanOptions,
) -> Vec<PlanSource> {
    let abs = |p: &Path| {
        absolute(&if p.is_absolute() {
            p.to_path_buf()
        } else {
            cwd.join(p)
        })
    };
    let mut plans = Vec::new();
    for i in 0..sources.len() {
        if roles[i] != FileRole::Plan {
            continue;
        }
        let dir = match &options.plan_source {
            Some(d) => abs(d),
            None => match abs(&sources[i].path).parent() {
                Some(p) => p.to_path_buf(),
                None => continue,
            },
        };
        let mut tf = tf_files(sources, roles, cwd, &dir);
        if !made_from(&sources[i], &tf, sources) {
            // Not this configuration's plan (another one kept in the same folder): it is
            // located in itself, and the folder is analysed on its own.
            tf.clear();
        }
        // Local modules, followed a few levels deep.
        let mut modules: Vec<(PathBuf, Vec<usize>)> = Vec::new();
        let mut todo = match tf.is_empty() {
            true => Vec::new(),
            false => vec![(dir.clone(), tf.clone(), 0usize)],
        };
        while let Some((at, files, depth)) = todo.pop() {
            if depth >= 8 {
                continue;
            }
            let mut called = Vec::new();
            for &j in &files {
                for src in palisade_terraform::local_module_sources(&sources[j].text) {
                    called.push(PathBuf::from(palisade_terraform::normalize_dir(
                        &at.join(src),
                    )));
                }
            }
            for m in called {
                if m == dir || modules.iter().any(|(d, _)| *d == m) {
                    continue;
                }
                let files = tf_files(sources, roles, cwd, &m);
                modules.push((m.clone(), files.clone()));
                todo.push((m, files, depth + 1));
            }
        }
        plans.push(PlanSource {
            plan: i,
            dir: (!tf.is_empty()).then_some(dir),
            tf,
            modules,
        });
    }
    plans
}

/// Whether a plan was made from the configuration of `tf`: every resource of its root module
/// is declared there, and every module call it went through.
fn made_from(plan: &SourceFile, tf: &[usize], sources: &[SourceFile]) -> bool {
    if tf.is_empty() {
        return false;
    }
    let planned = palisade_terraform::plan_resources(plan);
    let files: Vec<&SourceFile> = tf.iter().map(|&j| &sources[j]).collect();
    let headers = palisade_terraform::block_headers(&files);
    !planned.is_empty()
        && planned.iter().all(|r| match r.modules.first() {
            Some(m) => headers
                .iter()
                .any(|h| h.ty == "module" && h.labels.first() == Some(m)),
            None => headers.iter().any(|h| {
                h.ty == r.mode
                    && h.labels.len() >= 2
                    && h.labels[0] == r.kind
                    && h.labels[1] == r.name
            }),
        })
}

/// The `.tf` files of a directory as indices into `sources`; those not yet read are read
/// and added as `Skip`.
fn tf_files(
    sources: &mut Vec<SourceFile>,
    roles: &mut Vec<FileRole>,
    cwd: &Path,
    dir: &Path,
) -> Vec<usize> {
    let abs = |p: &Path| {
        absolute(&if p.is_absolute() {
            p.to_path_buf()
        } else {
            cwd.join(p)
        })
    };
    let mut listed: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "tf") && p.is_file())
                .collect()
        })
        .unwrap_or_default();
    listed.sort();
    let mut tf = Vec::new();
    for p in listed {
        let known = (0..sources.len()).find(|&j| abs(&sources[j].path) == p);
        match known {
            Some(j) => tf.push(j),
            None => {
                let Ok(text) = read_regular(&p, size_limit(&p)) else {
                    continue;
                };
                let id = FileId(sources.len() as u32);
                sources.push(SourceFile::new(id, display_path(&p, cwd), text));
                roles.push(FileRole::Skip);
                tf.push(sources.len() - 1);
            }
        }
    }
    tf
}

/// The warning of a scan with nothing to scan: the paths it looked in and, when ignore files
/// kept candidates out, how many.
fn nothing_found(
    roots: &[PathBuf],
    cwd: &Path,
    excludes: &Excludes,
    candidates: &[Candidate],
    options: &ScanOptions,
) -> String {
    let shown: Vec<String> = roots
        .iter()
        .map(|r| format!("`{}`", display_path(r, cwd)))
        .collect();
    let mut message = format!(
        "no Terraform, CloudFormation or IAM policy file found in {}",
        shown.join(", ")
    );
    if !options.no_ignore {
        let ignored = discover::ignored_candidates(roots, excludes, candidates);
        if ignored > 0 {
            message.push_str(&format!(
                "; {ignored} file{} with a Terraform, YAML or JSON name {} skipped by .gitignore or .ignore (--no-ignore scans them)",
                if ignored == 1 { "" } else { "s" },
                if ignored == 1 { "was" } else { "were" },
            ));
        }
    }
    message
}

/// Why a file that is not scanned still looks like infrastructure: reported by `--stats`,
/// so that a format Palisade does not read is not mistaken for a clean one.
pub(crate) fn unrecognised(file: &SourceFile) -> Option<&'static str> {
    let name = file
        .path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let text: &str = &file.text;
    let head = &text[..text.len().min(4096)];
    if head.contains("\"terraform_version\"") {
        if text.contains("\"planned_values\"") || text.contains("\"resource_changes\"") {
            return Some("a Terraform plan (terraform show -json), not read");
        }
        if head.contains("\"serial\"") || head.contains("\"lineage\"") {
            return Some("a Terraform state file, not read");
        }
        return Some("Terraform JSON output, not read");
    }
    if text.contains("AWSTemplateFormatVersion")
        || (text.contains("Resources") && text.contains("AWS::"))
    {
        return Some("mentions CloudFormation, but has no top-level Resources with AWS:: types");
    }
    if name.ends_with(".template") {
        return Some("a .template file that is not a CloudFormation template");
    }
    None
}

pub(crate) fn too_large(limit: u64) -> String {
    format!(
        "file is larger than {} MiB (the size limit{}); not scanned",
        limit / 1024 / 1024,
        if limit == MAX_TERRAFORM_FILE_BYTES {
            " of Terraform files"
        } else {
            ""
        }
    )
}

/// Reads one candidate. A `.tf` file that is not UTF-8 is an error; a YAML/JSON file that is
/// not UTF-8 is an error only when it still looks like infrastructure (a binary blob named
/// `.json` is nobody's template).
pub(crate) fn read_file(id: FileId, c: &Candidate, cwd: &Path) -> Result<SourceFile, String> {
    let shown = display_path(&c.path, cwd);
    let limit = size_limit(&c.path);
    let bytes = read_bytes(&c.path, limit).map_err(|e| match e {
        ReadError::TooLarge => too_large(limit),
        other => other.to_string(),
    })?;
    if let Some(decoded) = decode_wide(&bytes) {
        return decoded.map(|text| SourceFile::new(id, shown, text));
    }
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

/// Why a file was not read.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// A FIFO, socket, device or directory: reading it could block or never end.
    NotRegular(&'static str),
    TooLarge,
    Io(std::io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotRegular(what) => write!(f, "not a regular file ({what}); not read"),
            ReadError::TooLarge => write!(f, "larger than the size limit; not read"),
            ReadError::Io(e) => write!(f, "cannot read file: {e}"),
        }
    }
}

/// What a non-regular file is, for messages.
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    "not a regular file"
}

/// Reads a regular file of at most `limit` bytes (symlinks followed). Anything else (a FIFO,
/// `/dev/zero` behind a link, a socket) is refused before it is opened, and a file that
/// grows past the limit while being read is cut off at it: reading never blocks and never
/// takes more memory than the limit.
pub(crate) fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(file_kind(&meta)));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge);
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

/// [`read_bytes`] as UTF-8 text (a byte-order mark dropped): only a regular file, at most
/// `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<String, String> {
    let bytes = read_bytes(path, limit).map_err(|e| e.to_string())?;
    let mut text = String::from_utf8(bytes).map_err(|_| "not valid UTF-8".to_string())?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

/// UTF-16 and UTF-32 text with a byte-order mark, decoded (the mark dropped); `None` when
/// the bytes start with no such mark. Editors on Windows save YAML and JSON this way.
pub(crate) fn decode_wide(bytes: &[u8]) -> Option<Result<String, String>> {
    let (name, width, big_endian) = match bytes {
        [0xFF, 0xFE, 0, 0, ..] => ("UTF-32LE", 4, false),
        [0, 0, 0xFE, 0xFF, ..] => ("UTF-32BE", 4, true),
        [0xFF, 0xFE, ..] => ("UTF-16LE", 2, false),
        [0xFE, 0xFF, ..] => ("UTF-16BE", 2, true),
        _ => return None,
    };
    let body = &bytes[width..];
    let bad = || {
        Err(format!(
            "file is not valid {name} (it starts with a {name} byte-order mark)"
        ))
    };
    if !body.chunks_exact(width).remainder().is_empty() {
        return Some(bad());
    }
    let text: Option<String> = if width == 2 {
        let units = body.chunks(2).map(|c| {
            let pair = [c[0], c[1]];
            if big_endian {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .ok()
    } else {
        body.chunks(4)
            .map(|c| {
                let quad = [c[0], c[1], c[2], c[3]];
                let v = if big_endian {
                    u32::from_be_bytes(quad)
                } else {
                    u32::from_le_bytes(quad)
                };
                char::from_u32(v)
            })
            .collect()
    };
    Some(text.map_or_else(bad, Ok))
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
                FileRole::Plan => !palisade_terraform::plan_resources(f).is_empty(),
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
