//! Finding the files to scan.
//!
//! Candidates are chosen by extension here and by content later: `.tf`/`.tfvars` go to the
//! Terraform frontend; `.yaml .yml .json .template .jsn` are read and classified by
//! `palisade_cloudformation::detect`, so a Kubernetes manifest or a `package.json` is skipped
//! without a word.

use std::path::{Path, PathBuf};

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::WalkBuilder;

use crate::EngineError;

/// Directories never descended into, whatever the ignore files say.
const SKIPPED_DIRS: &[&str] = &[".git", ".terraform", "node_modules", ".terragrunt-cache"];

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CandidateKind {
    /// A `.tf` file: part of its directory's module.
    Terraform,
    /// `terraform.tfvars`, `*.auto.tfvars` and their `.json` forms: loaded with the module.
    TfVars,
    /// A YAML/JSON file to classify by content. (Other `.tfvars` files are only used with
    /// `-var-file` and are not candidates.)
    Document,
}

#[derive(Clone, Debug)]
pub struct Candidate {
    /// Absolute path.
    pub path: PathBuf,
    pub kind: CandidateKind,
}

/// Classifies a file by name; `None` when it is not a candidate.
pub fn classify(path: &Path, explicit: bool) -> Option<CandidateKind> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    // `.tf.json`: Terraform's JSON syntax (CDK for Terraform writes `cdk.tf.json`).
    if name.ends_with(".tf") || name.ends_with(".tf.json") {
        return Some(CandidateKind::Terraform);
    }
    if name == "terraform.tfvars"
        || name == "terraform.tfvars.json"
        || name.ends_with(".auto.tfvars")
        || name.ends_with(".auto.tfvars.json")
    {
        return Some(CandidateKind::TfVars);
    }
    if name.ends_with(".tfvars") || name.ends_with(".tfvars.json") {
        return None;
    }
    let doc_ext = [".yaml", ".yml", ".json", ".template", ".jsn"];
    if doc_ext.iter().any(|e| name.ends_with(e)) {
        return Some(CandidateKind::Document);
    }
    // A file named on the command line is looked at by content whatever its extension.
    explicit.then_some(CandidateKind::Document)
}

/// The exclusion matcher built from the config's `exclude` patterns (gitignore syntax,
/// relative to the config's directory) and the command line's (relative to the current
/// directory).
#[derive(Clone, Default)]
pub struct Excludes {
    matchers: Vec<(PathBuf, Gitignore)>,
}

/// Checks one pattern: the error names it.
pub fn check_pattern(pattern: &str) -> Result<(), String> {
    let mut b = GitignoreBuilder::new("/");
    b.add_line(None, pattern)
        .map(|_| ())
        .map_err(|e| format!("invalid exclude pattern `{pattern}`: {e}"))
}

impl Excludes {
    pub fn new(root: Option<&Path>, patterns: &[String]) -> Result<Excludes, String> {
        Excludes::default().with(root.unwrap_or(Path::new("")), patterns)
    }

    /// Adds patterns relative to `root`.
    pub fn with(mut self, root: &Path, patterns: &[String]) -> Result<Excludes, String> {
        if patterns.is_empty() {
            return Ok(self);
        }
        let mut b = GitignoreBuilder::new(root);
        for p in patterns {
            check_pattern(p)?;
            b.add_line(None, p)
                .map_err(|e| format!("invalid exclude pattern `{p}`: {e}"))?;
        }
        let matcher = b.build().map_err(|e| e.to_string())?;
        self.matchers.push((root.to_path_buf(), matcher));
        Ok(self)
    }

    pub fn is_excluded(&self, path: &Path, is_dir: bool) -> bool {
        self.matchers.iter().any(|(root, m)| {
            // The matcher panics on paths outside its root: only ask about paths under it.
            path.starts_with(root) && m.matched_path_or_any_parents(path, is_dir).is_ignore()
        })
    }
}

/// Walks the roots and returns candidates sorted by path, without duplicates. A root that is
/// not on disk but is one of `buffers` (an editor buffer not saved yet) is a file root.
pub fn discover(
    roots: &[PathBuf],
    excludes: &Excludes,
    buffers: &std::collections::BTreeMap<PathBuf, String>,
) -> Result<Vec<Candidate>, EngineError> {
    discover_reporting(roots, excludes, buffers).map(|(c, _)| c)
}

/// Ignore files the walk reads itself: one that is not a regular file (a link to `/dev/zero`,
/// a FIFO) or is huge would block it or exhaust memory.
const IGNORE_FILES: [&str; 3] = [".gitignore", ".ignore", ".git/info/exclude"];
const MAX_IGNORE_BYTES: u64 = 1 << 20;

/// The first ignore file of `dir` that cannot be read safely, with why.
fn unsafe_ignore_file(dir: &Path) -> Option<(PathBuf, String)> {
    IGNORE_FILES.iter().find_map(|name| {
        let path = dir.join(name);
        path.symlink_metadata().ok()?;
        match std::fs::metadata(&path) {
            Ok(m) if m.is_file() && m.len() <= MAX_IGNORE_BYTES => None,
            Ok(m) if m.is_file() => Some((path, "an ignore file larger than 1 MiB".to_string())),
            Ok(_) => Some((
                path,
                "an ignore file that is not a regular file".to_string(),
            )),
            Err(e) => Some((path, format!("an ignore file that cannot be read ({e})"))),
        }
    })
}

/// Paths that could not be read, with why.
pub type Unread = Vec<(PathBuf, String)>;

/// [`discover`], also returning what could not be read, with why: a directory the walk
/// could not list, a FIFO/socket/device named like a scanned file, a directory whose ignore
/// file is not a regular file (not scanned: the walk would block reading it). Nothing is
/// skipped in silence.
pub fn discover_reporting(
    roots: &[PathBuf],
    excludes: &Excludes,
    buffers: &std::collections::BTreeMap<PathBuf, String>,
) -> Result<(Vec<Candidate>, Unread), EngineError> {
    discover_with(roots, excludes, buffers, true)
}

/// How many candidates under `roots` the ignore files (`.gitignore`, `.ignore`,
/// `.git/info/exclude`) keep out of a scan: what a scan that found nothing says it skipped.
pub fn ignored_candidates(roots: &[PathBuf], excludes: &Excludes, found: &[Candidate]) -> usize {
    let empty = std::collections::BTreeMap::new();
    let Ok((all, _)) = discover_with(roots, excludes, &empty, false) else {
        return 0;
    };
    let found: std::collections::BTreeSet<&Path> = found.iter().map(|c| c.path.as_path()).collect();
    all.iter()
        .filter(|c| !found.contains(c.path.as_path()))
        .count()
}

/// [`discover_reporting`], reading the ignore files or not (`--no-ignore`).
pub fn discover_with(
    roots: &[PathBuf],
    excludes: &Excludes,
    buffers: &std::collections::BTreeMap<PathBuf, String>,
    ignore_files: bool,
) -> Result<(Vec<Candidate>, Unread), EngineError> {
    let unread = std::sync::Arc::new(std::sync::Mutex::new(Vec::<(PathBuf, String)>::new()));
    let note = |unread: &std::sync::Mutex<Vec<(PathBuf, String)>>, path: &Path, why: String| {
        if let Ok(mut u) = unread.lock() {
            u.push((path.to_path_buf(), why));
        }
    };
    let canonical_roots: Vec<PathBuf> = roots
        .iter()
        .filter_map(|r| std::fs::canonicalize(r).ok())
        .collect();
    let mut out = Vec::new();
    for root in roots {
        if buffers.contains_key(root) && !root.exists() {
            if let Some(kind) = classify(root, true) {
                out.push(Candidate {
                    path: root.clone(),
                    kind,
                });
            }
            continue;
        }
        let meta = std::fs::metadata(root).map_err(|e| EngineError::Io {
            path: root.clone(),
            message: e.to_string(),
        })?;
        if !meta.is_file() && !meta.is_dir() {
            note(
                &unread,
                root,
                "not a regular file or directory; not read".into(),
            );
            continue;
        }
        if meta.is_file() {
            if excludes.is_excluded(root, false) {
                continue;
            }
            if let Some(kind) = classify(root, true) {
                out.push(Candidate {
                    path: root.clone(),
                    kind,
                });
            }
            continue;
        }
        // The root's and its parents' ignore files are read before any entry is filtered: if
        // one is unsafe, no ignore file is read at all (and that is reported).
        let hostile_above = match ignore_files {
            true => root.ancestors().find_map(unsafe_ignore_file),
            false => None,
        };
        let mut walk = WalkBuilder::new(root);
        walk.require_git(false)
            .hidden(false)
            .follow_links(false)
            .git_global(false)
            .parents(true)
            .sort_by_file_name(|a, b| a.cmp(b));
        if let Some((path, why)) = &hostile_above {
            note(
                &unread,
                path,
                format!("{why}; no ignore file was read for this scan"),
            );
            walk.git_ignore(false)
                .ignore(false)
                .git_exclude(false)
                .parents(false);
        }
        // A folder named on the command line that the ignore files above it leave out (a
        // git-ignored `cdk.out/`) is what the user asks for: it is scanned, with only the
        // ignore files inside it applied.
        if ignore_files && hostile_above.is_none() && ignored_from_above(root) {
            walk.parents(false);
        }
        if !ignore_files {
            walk.git_ignore(false)
                .ignore(false)
                .git_exclude(false)
                .parents(false);
        }
        let dir_excludes = excludes.clone();
        let dir_unread = unread.clone();
        let read_ignores = ignore_files && hostile_above.is_none();
        walk.filter_entry(move |e| {
            let is_dir = e.file_type().is_some_and(|t| t.is_dir());
            if is_dir && e.depth() > 0 {
                if let Some(name) = e.file_name().to_str() {
                    if SKIPPED_DIRS.contains(&name) {
                        return false;
                    }
                }
                // Prune excluded directories instead of filtering their files one by one.
                if dir_excludes.is_excluded(e.path(), true) {
                    return false;
                }
                if read_ignores {
                    if let Some((path, why)) = unsafe_ignore_file(e.path()) {
                        let message = format!("{why}; this directory was not scanned");
                        if let Ok(mut u) = dir_unread.lock() {
                            u.push((path, message));
                        }
                        return false;
                    }
                }
            }
            true
        });
        for entry in walk.build() {
            // An unreadable directory is reported like an unreadable file; the walk goes on.
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let path = walk_error_path(&e).unwrap_or_else(|| root.clone());
                    note(
                        &unread,
                        &path,
                        format!("cannot read: {}", walk_error_message(&e)),
                    );
                    continue;
                }
            };
            let Some(ft) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            if ft.is_dir() {
                continue;
            }
            if ft.is_symlink() {
                // Followed only when it points at a file inside one of the scanned roots
                // (invariant 7: nothing outside the roots is read through a link).
                let Ok(target) = std::fs::canonicalize(path) else {
                    continue;
                };
                if !canonical_roots.iter().any(|r| target.starts_with(r)) {
                    continue;
                }
                if !target.is_file() {
                    if !target.is_dir() && classify(path, false).is_some() {
                        note(
                            &unread,
                            path,
                            "a link to something that is not a regular file; not read".into(),
                        );
                    }
                    continue;
                }
            } else if !ft.is_file() {
                // A FIFO, socket or device: opening it could block the scan for ever.
                if classify(path, false).is_some() {
                    note(
                        &unread,
                        path,
                        "not a regular file (a FIFO, socket or device); not read".into(),
                    );
                }
                continue;
            }
            if excludes.is_excluded(path, false) {
                continue;
            }
            if let Some(kind) = classify(path, false) {
                out.push(Candidate {
                    path: path.to_path_buf(),
                    kind,
                });
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out.dedup_by(|a, b| a.path == b.path);
    let mut unread = unread.lock().map(|u| u.clone()).unwrap_or_default();
    unread.sort();
    unread.dedup();
    Ok((out, unread))
}

/// Whether the `.gitignore` / `.ignore` files of the directories above `root` (up to the
/// repository's top, the one holding `.git`) ignore `root` itself or everything in it.
fn ignored_from_above(root: &Path) -> bool {
    let probe = root.join("palisade-probe.json");
    for dir in root.ancestors().skip(1) {
        for name in [".gitignore", ".ignore"] {
            let path = dir.join(name);
            if !path.is_file() || unsafe_ignore_file(dir).is_some() {
                continue;
            }
            let mut b = GitignoreBuilder::new(dir);
            if b.add(&path).is_some() {
                continue;
            }
            let Ok(m) = b.build() else { continue };
            if m.matched_path_or_any_parents(root, true).is_ignore()
                || m.matched_path_or_any_parents(&probe, false).is_ignore()
            {
                return true;
            }
        }
        if dir.join(".git").exists() {
            break;
        }
    }
    false
}

fn walk_error_path(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

fn walk_error_message(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => walk_error_message(err),
        other => other.to_string(),
    }
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

    fn discovered(root: &Path, excludes: &[&str]) -> Vec<String> {
        let ex = Excludes::new(
            Some(root),
            &excludes.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        )
        .unwrap();
        discover(&[root.to_path_buf()], &ex, &BTreeMap::new())
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
}
