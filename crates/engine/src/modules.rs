//! Following local Terraform module calls: the scanned directories a call can load, the
//! files an editor gathers for a directory, and the merging of a module's findings reached
//! through several callers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use palisade_source::SourceFile;

use crate::discover::{self, CandidateKind};
use crate::prepare::{FileRole, Prepared};
use crate::units::Unit;
use crate::{absolute, RelatedLocation, ResolvedFinding};

/// Most module directories [`terraform_files_with_modules`] gathers.
pub(crate) const MAX_EDITOR_MODULE_DIRS: usize = 64;

/// The Terraform files an editor scans for a file in `dir`: the directory's own `.tf` and
/// auto-loaded tfvars files (not its subdirectories), plus those of the local modules it calls,
/// transitively (at most 64 directories), so that findings reached through module calls show
/// while a caller is edited. `buffers` (unsaved editor text by absolute path) are read instead
/// of the disk and count even when not saved yet.
pub fn terraform_files_with_modules(
    dir: &Path,
    buffers: &BTreeMap<PathBuf, String>,
) -> Vec<PathBuf> {
    terraform_files_with_modules_within(dir, buffers, &[])
}

/// [`terraform_files_with_modules`] reading no module directory outside `roots` (the editor's
/// workspace folders; `dir` itself is always read). Empty `roots`: no limit. Only regular
/// files are read: a FIFO or device named `x.tf` is skipped, never opened.
pub fn terraform_files_with_modules_within(
    dir: &Path,
    buffers: &BTreeMap<PathBuf, String>,
    roots: &[PathBuf],
) -> Vec<PathBuf> {
    let roots: Vec<PathBuf> = roots
        .iter()
        .map(|r| PathBuf::from(palisade_terraform::normalize_dir(&absolute(r))))
        .collect();
    let inside = |d: &Path| roots.is_empty() || roots.iter().any(|r| d.starts_with(r));
    let mut files = BTreeSet::new();
    let mut seen = BTreeSet::new();
    let start = PathBuf::from(palisade_terraform::normalize_dir(&absolute(dir)));
    let mut queue = vec![start.clone()];
    while let Some(dir) = queue.pop() {
        if !seen.insert(dir.clone()) || seen.len() > MAX_EDITOR_MODULE_DIRS {
            continue;
        }
        if dir != start && !inside(&dir) {
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
                    // Only a regular file within the size limit (never a FIFO, never 10 GB).
                    None => {
                        crate::prepare::read_regular(&path, crate::prepare::size_limit(&path)).ok()
                    }
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

/// The `.tf` files of every scanned Terraform directory, by the directory as the frontend
/// names it: what a local module call (`source = "../x"`) can load. Directories outside the
/// scanned paths are not read, so such calls stay unknown.
pub(crate) struct ModuleDirs<'a> {
    pub(crate) dirs: BTreeMap<String, Vec<&'a SourceFile>>,
    /// Directories some scanned file names as a local module source.
    pub(crate) called: BTreeSet<String>,
    pub(crate) cache: palisade_terraform::ParseCache,
}

impl<'a> ModuleDirs<'a> {
    pub(crate) fn new(prepared: &'a Prepared, units: &[Unit]) -> ModuleDirs<'a> {
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

/// Most call sites of other callers named on a merged finding.
pub(crate) const MAX_MERGED_CALLERS: usize = 10;

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
pub(crate) fn merge_module_duplicates(findings: Vec<ResolvedFinding>) -> Vec<ResolvedFinding> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Location;
    use palisade_checks::Severity;

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
