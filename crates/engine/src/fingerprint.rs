//! Paths and fingerprints that do not depend on where a scan was started: a finding is named
//! by its check, its file relative to a base directory (the project root for SARIF, the
//! baseline file's directory for a baseline), its resource and its message, never by a line
//! number or an absolute path.

use std::path::{Component, Path, PathBuf};

use crate::{ResolvedFinding, ScanResult};

/// `path` relative to `base` (both absolute, compared lexically), `/`-separated; `..` steps
/// where `path` is outside `base`.
pub fn relative_path(path: &Path, base: &Path) -> String {
    let normal = |p: &Path| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in p.components() {
            match c {
                Component::Normal(s) => out.push(s.to_string_lossy().into_owned()),
                Component::ParentDir => {
                    out.pop();
                }
                Component::Prefix(p) => out.push(p.as_os_str().to_string_lossy().into_owned()),
                Component::RootDir | Component::CurDir => {}
            }
        }
        out
    };
    let (p, b) = (normal(path), normal(base));
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<&str> = std::iter::repeat_n("..", b.len() - common).collect();
    parts.extend(p[common..].iter().map(String::as_str));
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

/// The project root for `cwd`: the nearest ancestor holding `.git` (a work tree or a
/// worktree's `.git` file), else `cwd` itself.
pub fn project_root(cwd: &Path) -> PathBuf {
    let mut dir = Some(cwd);
    while let Some(d) = dir {
        if d.join(".git").exists() {
            return d.to_path_buf();
        }
        dir = d.parent();
    }
    cwd.to_path_buf()
}

/// FNV-1a over the parts, NUL-separated: tiny and stable across Rust versions (unlike std's
/// hasher), so a fingerprint written today matches tomorrow's.
fn fnv(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// The fingerprint of a finding whose file is `path` relative to some base.
pub fn fingerprint(f: &ResolvedFinding, path: &str) -> String {
    fnv(&[
        f.check,
        path,
        f.resource.as_deref().unwrap_or(""),
        &f.message,
    ])
}

impl ScanResult {
    /// The absolute path of a displayed file name.
    pub fn absolute_path(&self, file: &str) -> PathBuf {
        crate::absolute(&self.cwd.join(file))
    }

    /// A displayed file name relative to `base` (absolute).
    pub fn path_from(&self, file: &str, base: &Path) -> String {
        relative_path(&self.absolute_path(file), base)
    }

    /// A displayed file name relative to the project root.
    pub fn root_relative(&self, file: &str) -> String {
        self.path_from(file, &self.root)
    }

    /// The fingerprint of a finding with its file relative to the project root: the same from
    /// any working directory and any checkout path.
    pub fn fingerprint(&self, f: &ResolvedFinding) -> String {
        fingerprint(f, &self.root_relative(&f.file))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_step_out_and_in() {
        let r = |p: &str, b: &str| relative_path(Path::new(p), Path::new(b));
        assert_eq!(r("/repo/infra/main.tf", "/repo"), "infra/main.tf");
        assert_eq!(r("/repo/infra/main.tf", "/repo/docs"), "../infra/main.tf");
        assert_eq!(r("/repo/a/../b/x.tf", "/repo/./b"), "x.tf");
        assert_eq!(r("/repo", "/repo"), ".");
    }

    #[test]
    fn the_project_root_is_the_git_work_tree() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::create_dir_all(root.join("infra/prod")).unwrap();
        assert_eq!(project_root(&root.join("infra/prod")), root);
        let bare = tempfile::tempdir().unwrap();
        // A temporary directory is not inside a work tree (unless /tmp is one: then its root).
        let got = project_root(bare.path());
        assert!(bare.path().starts_with(&got));
    }
}
