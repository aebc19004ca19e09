//! Command-line conventions: several reports per run, --exit-zero, colours, --quiet,
//! --exclude, --check/--skip-check with peer ids, paths on standard input, completions, the
//! man page, `palisade init`, and `--with-context` (pre-commit).

mod common;

use common::*;

fn demo_json() -> serde_json::Value {
    palisade(&repo_root(), &["scan", "demo", "--format", "json"]).json()
}

#[test]
fn several_reports_in_one_run_and_the_summary_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let sarif = dir.path().join("out dir x.sarif");
    let sarif_arg = sarif.to_string_lossy().into_owned();
    let run = palisade(
        &repo_root(),
        &[
            "scan", "demo", "--format", "sarif", "--output", &sarif_arg, "--format", "json",
        ],
    );
    assert_eq!(run.code, 1);
    let json = run.json();
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    assert_eq!(
        sarif["runs"][0]["results"].as_array().unwrap().len(),
        json["findings"].as_array().unwrap().len()
    );
    // JSON on stdout has no summary of its own: the summary line goes to stderr.
    assert!(
        run.stderr.contains("palisade: ") && run.stderr.contains("files scanned"),
        "{}",
        run.stderr
    );
    // Text to a file: stdout empty, the summary still on stderr.
    let text = dir.path().join("report.txt");
    let run = palisade(
        &repo_root(),
        &["scan", "demo", "--output", &text.to_string_lossy()],
    );
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("files scanned"), "{}", run.stderr);
    // Two reports on stdout, or an output without a format of its own, are usage errors.
    let run = palisade(
        &repo_root(),
        &["scan", "demo", "--format", "json", "--format", "text"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = palisade(
        &repo_root(),
        &[
            "scan",
            "demo",
            "--format",
            "json",
            "--output",
            "/dev/null",
            "--output",
            "/dev/null",
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    // --quiet: nothing on stderr.
    let run = palisade(
        &repo_root(),
        &["scan", "demo", "--format", "json", "--quiet"],
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn exit_zero_keeps_two_for_real_errors() {
    let run = palisade(
        &repo_root(),
        &["scan", "demo", "--exit-zero", "--format", "json"],
    );
    assert_eq!(run.code, 0);
    assert!(!run.json()["findings"].as_array().unwrap().is_empty());
    let run = palisade(&repo_root(), &["scan", "no/such/path", "--exit-zero"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = palisade(&repo_root(), &["scan", "demo", "--soft-fail", "--quiet"]);
    assert_eq!(run.code, 0);
}

#[test]
fn colour_follows_the_flag_no_color_and_clicolor_force() {
    let esc = |r: &Run| r.stdout.contains('\u{1b}');
    let root = repo_root();
    let args = |color: &'static str| vec!["scan", "demo", "--format", "compact", "--color", color];
    // Piped: no colour by default, colour when forced.
    assert!(!esc(&palisade_with(&root, &args("auto"), &[], None)));
    assert!(esc(&palisade_with(&root, &args("always"), &[], None)));
    assert!(esc(&palisade_with(
        &root,
        &args("auto"),
        &[("CLICOLOR_FORCE", Some("1"))],
        None
    )));
    assert!(!esc(&palisade_with(
        &root,
        &args("auto"),
        &[("CLICOLOR_FORCE", Some("0"))],
        None
    )));
    // NO_COLOR wins over CLICOLOR_FORCE; --color always wins over both.
    let both = [("CLICOLOR_FORCE", Some("1")), ("NO_COLOR", Some("1"))];
    assert!(!esc(&palisade_with(&root, &args("auto"), &both, None)));
    assert!(esc(&palisade_with(&root, &args("always"), &both, None)));
    assert!(!esc(&palisade_with(
        &root,
        &args("never"),
        &[("CLICOLOR_FORCE", Some("1"))],
        None
    )));
    // Colour never goes into a file.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.txt");
    palisade_with(
        &root,
        &[
            "scan",
            "demo",
            "--color",
            "always",
            "--output",
            &out.to_string_lossy(),
        ],
        &[],
        None,
    );
    assert!(!std::fs::read_to_string(out).unwrap().contains('\u{1b}'));
}

#[test]
fn exclude_and_invalid_globs() {
    let dir = project(&[("main.tf", OPEN_SG), ("legacy/old.tf", OPEN_SG)]);
    let v = palisade(
        dir.path(),
        &["scan", "--format", "json", "--exclude", "legacy/"],
    )
    .json();
    assert_eq!(
        finding_keys(&v),
        [("main.tf".to_string(), 7, SG.to_string())]
    );
    let run = palisade(dir.path(), &["scan", "--exclude", "a{b"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("--exclude") && run.stderr.contains("a{b"),
        "{}",
        run.stderr
    );
    std::fs::write(
        dir.path().join("palisade.toml"),
        "fail_on = \"high\"\nexclude = [\"ok\", \"x{\"]\n",
    )
    .unwrap();
    let run = palisade(dir.path(), &["scan"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("palisade.toml:2:"),
        "located: {}",
        run.stderr
    );
}

#[test]
fn checks_are_selected_by_their_ids_or_peer_ids() {
    assert!(has_check(SG));
    let all = demo_json();
    let sg_count = all["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check"] == SG)
        .count();
    assert!(sg_count > 0);
    let only = palisade(
        &repo_root(),
        &["scan", "demo", "--format", "json", "--check", "CKV_AWS_24"],
    )
    .json();
    let checks: std::collections::BTreeSet<_> = only["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["check"].to_string())
        .collect();
    assert_eq!(checks.len(), 1, "{checks:?}");
    assert_eq!(only["findings"].as_array().unwrap().len(), sg_count);
    let skipped = palisade(
        &repo_root(),
        &[
            "scan",
            "demo",
            "--format",
            "json",
            "--skip-check",
            "trivy:AVD-AWS-0107",
        ],
    )
    .json();
    assert_eq!(
        skipped["findings"].as_array().unwrap().len(),
        all["findings"].as_array().unwrap().len() - sg_count
    );
    let run = palisade(&repo_root(), &["scan", "demo", "--check", "CKV_AWS_NOPE"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("CKV_AWS_NOPE"), "{}", run.stderr);
    let explain = palisade(&repo_root(), &["explain", "CKV_AWS_24"]);
    assert_eq!(explain.code, 0, "{}", explain.stderr);
    assert!(explain.stdout.starts_with(SG), "{}", explain.stdout);
}

#[test]
fn paths_from_standard_input() {
    let dir = project(&[("a/main.tf", OPEN_SG), ("b/main.tf", OPEN_SG)]);
    let run = palisade_with(
        dir.path(),
        &["scan", "--format", "json", "-"],
        &[],
        Some("a/main.tf\n\n"),
    );
    assert_eq!(
        finding_keys(&run.json()),
        [("a/main.tf".to_string(), 7, SG.to_string())]
    );
    // Nothing on standard input: nothing scanned (not the current directory).
    let run = palisade_with(
        dir.path(),
        &["scan", "--format", "json", "-"],
        &[],
        Some(""),
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.json()["summary"]["files_scanned"], 0);
}

#[test]
fn completions_man_page_and_init() {
    let bash = palisade(&repo_root(), &["completions", "bash"]);
    assert_eq!(bash.code, 0);
    assert!(bash.stdout.contains("--with-context") && bash.stdout.contains("complete"));
    let zsh = palisade(&repo_root(), &["completions", "zsh"]);
    assert!(
        zsh.stdout.starts_with("#compdef palisade"),
        "{}",
        &zsh.stdout[..40.min(zsh.stdout.len())]
    );
    let man = palisade(&repo_root(), &["man"]);
    assert_eq!(man.code, 0);
    assert!(
        man.stdout.contains(".TH palisade") && man.stdout.contains("scan"),
        "{}",
        man.stdout
    );

    let dir = project(&[("main.tf", OPEN_SG)]);
    let run = palisade(dir.path(), &["init"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(dir.path().join("palisade.toml")).unwrap();
    assert!(written.contains("# require_reason = true") && written.contains("# baseline ="));
    // Every commented key is valid configuration once uncommented.
    let uncommented: String = written
        .lines()
        .filter_map(|l| l.strip_prefix("# "))
        .filter(|l| l.contains(" = ") || l.starts_with('['))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(
        dir.path().join("palisade-baseline.json"),
        "{\"findings\": []}",
    )
    .unwrap();
    std::fs::write(dir.path().join("palisade.toml"), &uncommented).unwrap();
    let run = palisade(dir.path(), &["scan"]);
    assert_ne!(run.code, 2, "{uncommented}\n{}", run.stderr);
    assert_eq!(
        palisade(dir.path(), &["init"]).code,
        2,
        "no overwrite without --force"
    );
    assert_eq!(palisade(dir.path(), &["init", "--force"]).code, 0);
}

/// Pre-commit's mode: a file is scanned with its module directory, and only what is located
/// in it (or reached through a module call in it) is reported: the same findings as the
/// directory's scan reports in that file.
#[test]
fn with_context_reports_what_the_directory_scan_reports_in_the_named_files() {
    let dir_scan = palisade(
        &repo_root(),
        &["scan", "demo/terraform", "--format", "json"],
    )
    .json();
    let by_file = |file: &str| -> Vec<(String, u64, String)> {
        finding_keys(&dir_scan)
            .into_iter()
            .filter(|k| k.0 == file)
            .collect()
    };
    for file in ["demo/terraform/network.tf", "demo/terraform/iam.tf"] {
        let v = palisade(
            &repo_root(),
            &["scan", "--with-context", file, "--format", "json"],
        )
        .json();
        assert!(!by_file(file).is_empty(), "{file} has findings in the demo");
        assert_eq!(finding_keys(&v), by_file(file), "{file}");
    }
    // The caller of a module: the module's finding reached through its call.
    let v = palisade(
        &repo_root(),
        &[
            "scan",
            "--with-context",
            "demo/terraform/queues.tf",
            "--format",
            "json",
        ],
    )
    .json();
    let traced = v["findings"].as_array().unwrap().iter().any(|f| {
        f["file"] == "demo/terraform/modules/queue/main.tf"
            && f["trace"].to_string().contains("demo/terraform/queues.tf")
    });
    assert!(traced, "{v}");
    // Files that are not infrastructure, or nothing at all: exit 0.
    let run = palisade(&repo_root(), &["scan", "--with-context", "README.md"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let run = palisade(&repo_root(), &["scan", "--with-context"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}
