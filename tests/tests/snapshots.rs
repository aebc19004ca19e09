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
#[ignore = "enabled once the check catalog has landed; then accept with `cargo insta review`"]
fn demo_scan_text() {
    let run = demo("text");
    settings().bind(|| insta::assert_snapshot!("demo_scan_text", run.stdout));
}

#[test]
#[ignore = "enabled once the check catalog has landed; then accept with `cargo insta review`"]
fn demo_scan_json() {
    let run = demo("json");
    settings().bind(|| insta::assert_snapshot!("demo_scan_json", run.stdout));
}
