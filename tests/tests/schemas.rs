//! The reports against their schemas: the JSON report against `docs/report.schema.json`
//! (generated from the Rust types; stale means failing), the SARIF log against the SARIF
//! 2.1.0 schema vendored in `tests/schemas/`.

mod common;

use common::*;

fn validator(schema_text: &str) -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(schema_text).expect("schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles")
}

fn assert_valid(v: &jsonschema::Validator, instance: &serde_json::Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(20)
        .collect();
    assert!(
        errors.is_empty(),
        "{what} is not valid:\n{}",
        errors.join("\n")
    );
}

const REPORT_SCHEMA: &str = "docs/report.schema.json";

#[test]
fn the_committed_json_schema_is_the_generated_one() {
    let path = repo_root().join(REPORT_SCHEMA);
    let generated = palisade_report::json_schema();
    if std::env::var_os("PALISADE_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{REPORT_SCHEMA} is stale: run PALISADE_UPDATE_DOCS=1 cargo test -p palisade-e2e --test schemas"
    );
}

#[test]
fn the_demo_json_report_matches_its_schema() {
    let text = std::fs::read_to_string(repo_root().join(REPORT_SCHEMA)).expect(REPORT_SCHEMA);
    let v = validator(&text);
    for extra in [&[][..], &["--show-suppressed"][..]] {
        let mut args = vec!["scan", "demo", "--format", "json"];
        args.extend_from_slice(extra);
        assert_valid(
            &v,
            &palisade(&repo_root(), &args).json(),
            "the demo's JSON report",
        );
    }
    // Suppressed findings, warnings, errors and notes all appear in this project.
    let dir = project(&[
        (
            "main.tf",
            &format!("# palisade:ignore[aws-ec2-sg-open-ingress] reviewed\n{OPEN_SG}"),
        ),
        (
            "bad.tf",
            "# palisade:ignore[*]\nresource \"aws_s3_bucket\" \"b\" {\n",
        ),
    ]);
    let run = palisade(
        dir.path(),
        &["scan", "--format", "json", "--show-suppressed"],
    );
    let report = run.json();
    assert!(!report["suppressed"].as_array().unwrap().is_empty());
    assert!(!report["warnings"].as_array().unwrap().is_empty());
    assert!(!report["errors"].as_array().unwrap().is_empty());
    assert_valid(
        &v,
        &report,
        "a report with suppressions, warnings and errors",
    );
    // The schema is strict: a misspelt field is caught.
    let mut wrong = report.clone();
    wrong["findings_"] = serde_json::json!([]);
    assert!(!v.is_valid(&wrong));
}

#[test]
fn sarif_matches_the_sarif_2_1_0_schema_with_spaces_in_paths() {
    let schema = std::fs::read_to_string(repo_root().join("tests/schemas/sarif-2.1.0.json"))
        .expect("vendored SARIF schema");
    let v = validator(&schema);
    let demo: serde_json::Value = serde_json::from_str(
        &palisade(&repo_root(), &["scan", "demo", "--format", "sarif"]).stdout,
    )
    .expect("SARIF is JSON");
    assert_valid(&v, &demo, "the demo's SARIF");
    println!(
        "SARIF 2.1.0 schema: the demo's log is valid ({} results, {} rules)",
        demo["runs"][0]["results"].as_array().map_or(0, Vec::len),
        demo["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .map_or(0, Vec::len)
    );

    // A project under a directory with spaces and a `#`, with suppressions shown.
    let dir = project(&[
        ("my infra/net #1/main.tf", OPEN_SG),
        (
            "my infra/ok.tf",
            &format!(
                "# palisade:ignore[aws-ec2-sg-open-ingress] reviewed\n{}",
                OPEN_SG.replace("ssh", "b")
            ),
        ),
    ]);
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let run = palisade(
        &dir.path().join("my infra"),
        &["scan", "--format", "sarif", "--show-suppressed"],
    );
    let log: serde_json::Value = serde_json::from_str(&run.stdout).expect("SARIF is JSON");
    assert_valid(&v, &log, "SARIF with spaces in paths");
    let results = log["runs"][0]["results"].as_array().unwrap();
    let uris: Vec<&str> = results
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(
        uris.contains(&"my%20infra/net%20%231/main.tf"),
        "relative to the root, encoded: {uris:?}"
    );
    assert!(results.iter().any(|r| r.get("suppressions").is_some()));
    let base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        base.starts_with("file:///") && base.ends_with('/') && !base.contains(' '),
        "{base}"
    );

    // Fingerprints and URIs do not depend on the working directory.
    let from_root = palisade(
        dir.path(),
        &["scan", "my infra", "--format", "sarif", "--show-suppressed"],
    );
    let other: serde_json::Value = serde_json::from_str(&from_root.stdout).unwrap();
    let prints = |l: &serde_json::Value| -> Vec<String> {
        l["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                format!(
                    "{} {}",
                    r["partialFingerprints"],
                    r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                )
            })
            .collect()
    };
    assert_eq!(prints(&log), prints(&other));
}
