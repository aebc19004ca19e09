//! The pre-commit hook end to end: a temporary git repository, `pre-commit` installed from
//! PyPI into a temporary virtualenv, `pre-commit try-repo` against this repository (which
//! builds the hook with `cargo install`, as pre-commit's `language: rust` does).
//!
//! It builds the whole binary, so it runs when `PALISADE_REQUIRE_PRECOMMIT` is set (`.ci/run`
//! sets it): then anything missing (python3, venv, PyPI, git, cargo) fails it. Without the
//! variable it says that it was skipped. `try-repo` clones this repository's committed
//! files, plus uncommitted changes to tracked files.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

struct Out {
    ok: bool,
    text: String,
}

fn run(cmd: &mut Command) -> Out {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    Out {
        ok: out.status.success(),
        text: format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

fn git(dir: &Path, args: &[&str]) {
    let out = run(Command::new("git").args(args).current_dir(dir));
    assert!(out.ok, "git {args:?}: {}", out.text);
}

#[test]
fn pre_commit_try_repo_blocks_a_bad_file_and_passes_once_fixed() {
    if std::env::var_os("PALISADE_REQUIRE_PRECOMMIT").is_none() {
        eprintln!(
            "skipped: set PALISADE_REQUIRE_PRECOMMIT=1 to run the pre-commit test (.ci/run does)"
        );
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let venv = tmp.path().join("venv");
    let out = run(Command::new("python3").args(["-m", "venv"]).arg(&venv));
    assert!(out.ok, "python3 -m venv: {}", out.text);
    let out = run(Command::new(venv.join("bin/pip")).args(["install", "--quiet", "pre-commit"]));
    assert!(out.ok, "pip install pre-commit: {}", out.text);
    let pre_commit = venv.join("bin/pre-commit");

    // A project with an old finding already committed, and a variable whose default opens
    // SSH to the world: the file that uses it is only wrong in its directory's context.
    let project = tmp.path().join("project");
    std::fs::create_dir_all(project.join("app")).unwrap();
    std::fs::create_dir_all(project.join("legacy")).unwrap();
    git(&project, &["init", "--quiet"]);
    git(&project, &["config", "user.email", "test@example.com"]);
    git(&project, &["config", "user.name", "test"]);
    git(&project, &["config", "commit.gpgsign", "false"]);
    std::fs::write(project.join("legacy/old.tf"), OPEN_SG).unwrap();
    std::fs::write(
        project.join("app/variables.tf"),
        "variable \"admin_cidr\" {\n  default = \"0.0.0.0/0\"\n}\n",
    )
    .unwrap();
    std::fs::write(project.join("README.md"), "# project\n").unwrap();
    git(&project, &["add", "."]);
    git(&project, &["commit", "--quiet", "--no-verify", "-m", "old"]);

    let cache = tmp.path().join("pre-commit-home");
    let target = repo_root().join("target/pre-commit-install");
    let try_repo = || {
        let mut cmd = Command::new(&pre_commit);
        cmd.args(["try-repo"])
            .arg(repo_root())
            .arg("palisade")
            .current_dir(&project)
            .env("PRE_COMMIT_HOME", &cache)
            .env("NO_COLOR", "1")
            // `cargo install` of the hook: a quick, reusable build (the hook's behaviour
            // does not depend on optimisation).
            .env("CARGO_TARGET_DIR", &target)
            .env("CARGO_PROFILE_RELEASE_LTO", "false")
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16");
        let start = std::time::Instant::now();
        let out = run(&mut cmd);
        println!(
            "---- pre-commit try-repo ({:.0} s, exit {})\n{}",
            start.elapsed().as_secs_f64(),
            if out.ok { "0" } else { "non-zero" },
            out.text
        );
        out
    };

    // A commit of the README alone is never blocked by the old finding.
    std::fs::write(project.join("README.md"), "# project\n\nMore words.\n").unwrap();
    git(&project, &["add", "README.md"]);
    let out = try_repo();
    assert!(out.ok, "a README commit passes: {}", out.text);
    git(
        &project,
        &["commit", "--quiet", "--no-verify", "-m", "readme"],
    );

    // The staged bad file fails the hook, with its finding and nothing about legacy/.
    let network = "resource \"aws_security_group\" \"ssh\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [var.admin_cidr]\n  }\n}\n";
    std::fs::write(project.join("app/network.tf"), network).unwrap();
    git(&project, &["add", "app/network.tf"]);
    let out = try_repo();
    assert!(!out.ok, "the hook fails on the bad file: {}", out.text);
    assert!(
        out.text.contains("app/network.tf:6:20: high:")
            && out.text.contains("[aws-ec2-sg-open-ingress]"),
        "{}",
        out.text
    );
    assert!(
        !out.text.contains("legacy/old.tf"),
        "only the staged file: {}",
        out.text
    );

    // Fixed and staged: the hook passes.
    std::fs::write(
        project.join("app/network.tf"),
        network.replace("[var.admin_cidr]", "[\"10.0.0.0/8\"]"),
    )
    .unwrap();
    git(&project, &["add", "app/network.tf"]);
    let out = try_repo();
    assert!(out.ok, "the fixed file passes: {}", out.text);
}
