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

/// Runs `palisade ARGS` in `cwd` with `env` set (`None` removes a variable; NO_COLOR is not
/// set unless given) and `stdin` as standard input.
pub fn palisade_with(
    cwd: &Path,
    args: &[&str],
    env: &[(&str, Option<&str>)],
    stdin: Option<&str>,
) -> Run {
    use std::io::Write;
    let mut cmd = Command::new(bin());
    cmd.args(args)
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    for (k, v) in env {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    let mut child = cmd.spawn().expect("run palisade");
    if let Some(mut input) = child.stdin.take() {
        input
            .write_all(stdin.unwrap_or("").as_bytes())
            .expect("write stdin");
    }
    let out = child.wait_with_output().expect("wait for palisade");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The (file, line, check) of each finding of a JSON report.
pub fn finding_keys(v: &serde_json::Value) -> Vec<(String, u64, String)> {
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
                f["check"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}
