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

/// SARIF, with the machine-dependent root URI replaced.
#[test]
fn demo_scan_sarif() {
    let run = demo("sarif");
    assert_eq!(run.code, 1, "the demo has findings: {}", run.stderr);
    let mut v: serde_json::Value = serde_json::from_str(&run.stdout).expect("SARIF is JSON");
    let base = &mut v["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"];
    assert!(base
        .as_str()
        .is_some_and(|u| u.starts_with("file:///") && u.ends_with('/')));
    *base = serde_json::json!("file:///[ROOT]/");
    v["runs"][0]["tool"]["driver"]["version"] = serde_json::json!("[VERSION]");
    let text = serde_json::to_string_pretty(&v).unwrap();
    settings().bind(|| insta::assert_snapshot!("demo_scan_sarif", text));
}

#[test]
fn demo_scan_junit() {
    let run = demo("junit");
    assert_eq!(run.code, 1, "the demo has findings: {}", run.stderr);
    settings().bind(|| insta::assert_snapshot!("demo_scan_junit", run.stdout));
}

/// One line per finding for terminals and problem matchers.
#[test]
fn demo_scan_compact() {
    let run = demo("compact");
    assert_eq!(run.code, 1, "the demo has findings: {}", run.stderr);
    let json = demo("json").json();
    let findings = json["findings"].as_array().map_or(0, Vec::len);
    let line = regex_like_problem_matcher();
    assert_eq!(
        run.stdout.lines().filter(|l| line(l)).count(),
        findings,
        "{}",
        run.stdout
    );
    settings().bind(|| insta::assert_snapshot!("demo_scan_compact", run.stdout));
}

/// `FILE:LINE:COL: SEVERITY: MESSAGE [CHECK]`, as docs/ci.md's problem matcher reads it.
fn regex_like_problem_matcher() -> impl Fn(&str) -> bool {
    |l: &str| {
        let mut parts = l.splitn(5, ':');
        let (Some(file), Some(line), Some(col), Some(sev), Some(rest)) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return false;
        };
        !file.is_empty()
            && line.parse::<u32>().is_ok()
            && col.parse::<u32>().is_ok()
            && ["critical", "high", "medium", "low"].contains(&sev.trim())
            && rest.trim_end().ends_with(']')
    }
}
