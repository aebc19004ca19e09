//! Running the binary and building throwaway projects.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}); exit {}\nstdout:\n{}\nstderr:\n{}",
                self.code, self.stdout, self.stderr
            )
        })
    }
}

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_palisade-e2e-cli"))
}

/// Runs `palisade ARGS` in `cwd` with colours off.
pub fn palisade(cwd: &Path, args: &[&str]) -> Run {
    let out = Command::new(bin())
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run palisade");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A temporary project: `(relative path, contents)` pairs.
pub fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
    dir
}

/// The repository root (the parent of `tests/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("repo root")
        .to_path_buf()
}

/// Whether the catalog has a check; tests about findings need the headline check to exist.
pub fn has_check(id: &str) -> bool {
    let run = palisade(&repo_root(), &["checks", "--format", "json"]);
    run.json()["checks"]
        .as_array()
        .is_some_and(|a| a.iter().any(|c| c["id"] == id))
}

/// The metadata of one check from `palisade checks --format json`.
pub fn check_meta(id: &str) -> Option<serde_json::Value> {
    let run = palisade(&repo_root(), &["checks", "--format", "json"]);
    run.json()["checks"]
        .as_array()?
        .iter()
        .find(|c| c["id"] == id)
        .cloned()
}

pub const SG: &str = "aws-ec2-sg-open-ingress";

/// A security group open on SSH to the world; the finding is on line 7 (`cidr_blocks`).
pub const OPEN_SG: &str = r#"resource "aws_security_group" "ssh" {
  name = "ssh"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
"#;

pub const PROVIDER_ONLY: &str = r#"terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}
"#;

/// Whether `program` can be run. When it cannot, the test is skipped with a message, unless
/// the environment variable `required_by` is set (`.ci/run` sets it where it installed the
/// program): then a missing program fails the test.
pub fn tool_available(program: &str, required_by: &str) -> bool {
    if Command::new(program).arg("--version").output().is_ok() {
        return true;
    }
    assert!(
        std::env::var_os(required_by).is_none(),
        "{required_by} is set but {program} is not on the PATH"
    );
    eprintln!("skipped: {program} is not installed");
    false
}
