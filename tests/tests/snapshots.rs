//! Snapshots of the demo project's output (text and JSON), stored in the top-level
//! `snapshots/` directory. Review changes with `cargo insta review` (or run with
//! `INSTA_UPDATE=always` and inspect the diff).

mod common;

use common::*;

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/../snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s
}

/// `palisade scan demo` from the repository root, so paths read `demo/...`.
fn demo(format: &str) -> Run {
    palisade(&repo_root(), &["scan", "demo", "--format", format])
}

#[test]
fn demo_scan_text() {
    let run = demo("text");
    assert_eq!(run.code, 1, "the demo has findings: {}", run.stderr);
    settings().bind(|| insta::assert_snapshot!("demo_scan_text", run.stdout));
}

#[test]
fn demo_scan_json() {
    let run = demo("json");
    assert_eq!(run.code, 1, "the demo has findings: {}", run.stderr);
    settings().bind(|| insta::assert_snapshot!("demo_scan_json", run.stdout));
}

/// GitHub Actions annotations: one command line per finding, with its range and level.
#[test]
fn demo_scan_github() {
    let run = demo("github");
    assert_eq!(run.code, 1, "the demo has findings: {}", run.stderr);
    let json = demo("json").json();
    let findings = json["findings"].as_array().map_or(0, Vec::len);
    let commands = run.stdout.lines().filter(|l| l.starts_with("::")).count();
    assert_eq!(commands, findings, "{}", run.stdout);
    settings().bind(|| insta::assert_snapshot!("demo_scan_github", run.stdout));
}

/// The catalog as `palisade checks` prints it: a new, renamed or re-rated check shows up here.
#[test]
fn check_catalog_text() {
    let run = palisade(&repo_root(), &["checks"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    settings().bind(|| insta::assert_snapshot!("check_catalog_text", run.stdout));
}
