//! Baselines and suppressions as a team uses them: one baseline from any directory and any
//! checkout path, suppressions that expire, warnings for suppressions that name nothing,
//! required reasons, and `--show-suppressed` in every report.

mod common;

use common::*;

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn one_baseline_from_the_root_a_subdirectory_and_another_checkout() {
    assert!(has_check(SG));
    let dir = project(&[("infra/main.tf", OPEN_SG), ("infra/ok.tf", PROVIDER_ONLY)]);
    let root = dir.path();
    let write = palisade(
        root,
        &[
            "scan",
            "infra",
            "--write-baseline",
            "palisade-baseline.json",
        ],
    );
    assert_eq!(write.code, 0, "{}", write.stderr);
    let text = std::fs::read_to_string(root.join("palisade-baseline.json")).unwrap();
    let baseline: serde_json::Value = serde_json::from_str(&text).unwrap();
    let entry = &baseline["findings"][0];
    assert_eq!(
        entry["file"], "infra/main.tf",
        "relative to the baseline's directory"
    );
    assert!(entry["fingerprint"].as_str().is_some_and(|f| f.len() == 16));
    assert!(entry.get("line").is_none(), "no line numbers: {text}");
    assert!(
        !text.contains(&*root.to_string_lossy()),
        "no absolute path: {text}"
    );

    // From the root, and from the subdirectory, with the flag.
    let v = palisade(
        root,
        &[
            "scan",
            "infra",
            "--baseline",
            "palisade-baseline.json",
            "--format",
            "json",
        ],
    )
    .json();
    assert!(v["findings"].as_array().unwrap().is_empty(), "{v}");
    assert_eq!(v["summary"]["suppressed"], 1);
    let run = palisade(
        &root.join("infra"),
        &[
            "scan",
            ".",
            "--baseline",
            "../palisade-baseline.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);

    // Another checkout path, through palisade.toml, from the subdirectory, after lines were
    // added above the finding.
    let other = tempfile::tempdir().unwrap();
    copy_dir(root, other.path());
    std::fs::write(
        other.path().join("palisade.toml"),
        "baseline = \"palisade-baseline.json\"\n",
    )
    .unwrap();
    let main = other.path().join("infra/main.tf");
    std::fs::write(&main, format!("# moved down\n\n\n{OPEN_SG}")).unwrap();
    let run = palisade(&other.path().join("infra"), &["scan", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let v = palisade(
        &other.path().join("infra"),
        &["scan", "--format", "json", "--show-suppressed"],
    )
    .json();
    assert_eq!(v["suppressed"][0]["suppression"]["kind"], "baseline");
    assert_eq!(v["suppressed"][0]["line"], 10);

    // A new problem is reported; rewriting the baseline keeps the known one.
    std::fs::write(
        other.path().join("infra/more.tf"),
        OPEN_SG.replace("\"ssh\" {", "\"admin\" {"),
    )
    .unwrap();
    let v = palisade(&other.path().join("infra"), &["scan", "--format", "json"]).json();
    assert_eq!(
        finding_keys(&v),
        [("more.tf".to_string(), 7, SG.to_string())]
    );
    let run = palisade(
        other.path(),
        &["scan", "--write-baseline", "palisade-baseline.json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(other.path().join("palisade-baseline.json")).unwrap();
    assert_eq!(text.matches("\"fingerprint\"").count(), 2, "{text}");
}

fn with_comment(comment: &str) -> String {
    format!("{comment}\n{OPEN_SG}")
}

fn scan_json(dir: &std::path::Path, extra: &[&str]) -> (Run, serde_json::Value) {
    let mut args = vec!["scan", "--format", "json", "--show-suppressed"];
    args.extend_from_slice(extra);
    let run = palisade(dir, &args);
    let v = run.json();
    (run, v)
}

#[test]
fn suppressions_expire_in_every_comment_form() {
    assert!(has_check(SG));
    for (past, future) in [
        (
            "# palisade:ignore[aws-ec2-sg-open-ingress]:exp:2000-01-31 bastion",
            "# palisade:ignore[aws-ec2-sg-open-ingress]:exp:2999-12-31 bastion",
        ),
        (
            "#tfsec:ignore:aws-ec2-no-public-ingress-sgr:exp:2000-01-31",
            "#tfsec:ignore:aws-ec2-no-public-ingress-sgr:exp:2999-12-31",
        ),
        (
            "#trivy:ignore:AVD-AWS-0107[exp:2000-01-31]",
            "#trivy:ignore:AVD-AWS-0107[exp:2999-12-31]",
        ),
    ] {
        let dir = project(&[("main.tf", &with_comment(past))]);
        let (run, v) = scan_json(dir.path(), &[]);
        assert_eq!(run.code, 1, "{past}: the finding returns");
        let related = v["findings"][0]["related"].to_string();
        assert!(
            related.contains("suppression expired on 2000-01-31"),
            "{past}: {related}"
        );
        let dir = project(&[("main.tf", &with_comment(future))]);
        let (run, v) = scan_json(dir.path(), &[]);
        assert_eq!(run.code, 0, "{future}: {}", run.stdout);
        let s = &v["suppressed"][0]["suppression"];
        assert_eq!(s["kind"], "inline");
        assert_eq!(s["expires"], "2999-12-31");
        assert_eq!(
            (s["file"].as_str(), s["line"].as_u64()),
            (Some("main.tf"), Some(1))
        );
    }
}

#[test]
fn suppressions_naming_nothing_are_warnings() {
    assert!(has_check(SG));
    for (comment, warning) in [
        ("# palisade:ignore reviewed", "names no check id"),
        (
            "# palisade:ignore[*] all of them",
            "`palisade:ignore[*]` suppresses nothing",
        ),
        (
            "# palisade:ignore[aws-ec2-sg-open-ingres] typo",
            "unknown check id",
        ),
        (
            "# palisade:ignore[aws-ec2-sg-open-ingress]:exp:2026-13-01 x",
            "is not a YYYY-MM-DD date",
        ),
    ] {
        let dir = project(&[("main.tf", &with_comment(comment))]);
        let (run, v) = scan_json(dir.path(), &[]);
        assert_eq!(run.code, 1, "{comment}: the finding stays");
        assert!(
            run.stderr.contains("palisade: warning: main.tf:1: ") && run.stderr.contains(warning),
            "{comment}: {}",
            run.stderr
        );
        assert!(v["warnings"][0]
            .as_str()
            .is_some_and(|w| w.contains(warning)));
    }
}

#[test]
fn a_required_reason_and_show_suppressed_in_every_report() {
    assert!(has_check(SG));
    let dir = project(&[
        ("palisade.toml", "require_reason = true\n"),
        (
            "a.tf",
            &with_comment("# palisade:ignore[aws-ec2-sg-open-ingress]"),
        ),
        (
            "b.tf",
            &with_comment("#checkov:skip=CKV_AWS_24:public bastion, reviewed")
                .replace("\"ssh\"", "\"b\""),
        ),
    ]);
    let (run, v) = scan_json(dir.path(), &[]);
    assert_eq!(run.code, 1);
    assert_eq!(finding_keys(&v), [("a.tf".to_string(), 8, SG.to_string())]);
    assert!(v["findings"][0]["related"]
        .to_string()
        .contains("require_reason"));
    assert!(
        run.stderr.contains("a.tf:1: suppression gives no reason"),
        "{}",
        run.stderr
    );
    let s = &v["suppressed"][0];
    assert_eq!(s["file"], "b.tf");
    assert_eq!(s["suppression"]["reason"], "public bastion, reviewed");

    let text = palisade(dir.path(), &["scan", "--show-suppressed"]).stdout;
    assert!(text.contains("Suppressed findings:"), "{text}");
    assert!(
        text.contains(
            "suppressed by an inline suppression at b.tf:1; reason: public bastion, reviewed"
        ),
        "{text}"
    );
    let compact = palisade(
        dir.path(),
        &["scan", "--format", "compact", "--show-suppressed"],
    )
    .stdout;
    assert!(
        compact.contains("(suppressed inline at b.tf:1: public bastion, reviewed)"),
        "{compact}"
    );
    let sarif: serde_json::Value = serde_json::from_str(
        &palisade(
            dir.path(),
            &["scan", "--format", "sarif", "--show-suppressed"],
        )
        .stdout,
    )
    .unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let suppressed: Vec<_> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    let s = &suppressed[0]["suppressions"][0];
    assert_eq!(s["kind"], "inSource");
    assert_eq!(s["justification"], "public bastion, reviewed");
    assert_eq!(
        s["location"]["physicalLocation"]["artifactLocation"]["uri"],
        "b.tf"
    );
    // Without the flag, neither the JSON nor SARIF lists them.
    let v = palisade(dir.path(), &["scan", "--format", "json"]).json();
    assert!(v.get("suppressed").is_none());
    assert_eq!(v["summary"]["suppressed"], 1);
}
