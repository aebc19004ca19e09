//! End-to-end tests of `palisade` as a process: exit codes, the JSON contract, thresholds,
//! suppressions, configuration, discovery and determinism.

mod common;

use common::*;

/// Tests about findings need the headline check: its absence is a failure, not a skip.
macro_rules! require_sg_check {
    () => {
        assert!(has_check(SG), "{SG} is missing from the catalog");
    };
}

fn sg_findings(v: &serde_json::Value) -> Vec<serde_json::Value> {
    v["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .filter(|f| f["check"] == SG)
        .cloned()
        .collect()
}

#[test]
fn clean_project_exits_0_with_the_json_envelope() {
    let dir = project(&[("main.tf", PROVIDER_ONLY)]);
    let run = palisade(dir.path(), &["scan", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v = run.json();
    assert_eq!(v["version"], 1);
    assert_eq!(v["findings"], serde_json::json!([]));
    assert_eq!(v["errors"], serde_json::json!([]));
    let s = &v["summary"];
    assert_eq!(s["files_scanned"], 1);
    assert_eq!(s["findings"], 0);
    assert_eq!(s["suppressed"], 0);
    assert_eq!(s["errors"], 0);
}

#[test]
fn usage_and_io_errors_exit_2() {
    let dir = project(&[("main.tf", PROVIDER_ONLY)]);
    let missing = palisade(dir.path(), &["scan", "does-not-exist"]);
    assert_eq!(missing.code, 2, "{}", missing.stderr);
    assert!(
        missing.stderr.contains("does-not-exist"),
        "{}",
        missing.stderr
    );
    assert_eq!(palisade(dir.path(), &["scan", "--bogus"]).code, 2);
    assert_eq!(palisade(dir.path(), &["scan", "--format", "xml"]).code, 2);
    assert_eq!(
        palisade(dir.path(), &["explain", "aws-no-such-check"]).code,
        2
    );
    let unwritable = palisade(
        dir.path(),
        &[
            "scan",
            "--output",
            "no/such/dir/report.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(unwritable.code, 2, "{}", unwritable.stderr);
}

#[test]
fn help_documents_exit_codes() {
    let dir = project(&[]);
    let run = palisade(dir.path(), &["scan", "--help"]);
    assert_eq!(run.code, 0);
    for needle in ["Exit status", "0 ", "1 ", "2 ", "--fail-on", "--severity"] {
        assert!(
            run.stdout.contains(needle),
            "{needle} missing:\n{}",
            run.stdout
        );
    }
}

#[test]
fn unreadable_utf8_is_an_error_entry_and_exit_1() {
    let dir = project(&[("main.tf", PROVIDER_ONLY)]);
    std::fs::write(
        dir.path().join("broken.tf"),
        b"resource \"x\" \"y\" { a = \"\xff\xfe\" }\n",
    )
    .unwrap();
    let run = palisade(dir.path(), &["scan", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let v = run.json();
    let errors = v["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{v}");
    assert_eq!(errors[0]["file"], "broken.tf");
    assert!(errors[0]["line"].is_u64() && errors[0]["column"].is_u64());
    assert!(errors[0]["message"].as_str().unwrap().contains("UTF-8"));
}

#[test]
fn output_file_receives_the_report() {
    let dir = project(&[("main.tf", PROVIDER_ONLY)]);
    let run = palisade(
        dir.path(),
        &["scan", "--format", "json", "--output", "report.json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let text = std::fs::read_to_string(dir.path().join("report.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], 1);
}

#[test]
fn finding_has_every_contract_field_and_exits_1() {
    require_sg_check!();
    let dir = project(&[("net/main.tf", OPEN_SG)]);
    let run = palisade(dir.path(), &["scan", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let v = run.json();
    let f = sg_findings(&v);
    assert_eq!(f.len(), 1, "{v:#}");
    let f = &f[0];
    assert_eq!(f["file"], "net/main.tf");
    assert_eq!(f["line"], 7);
    assert_eq!(f["resource"], "aws_security_group.ssh");
    assert_eq!(f["resource_start_line"], 1);
    assert_eq!(f["resource_end_line"], 9);
    for key in ["severity", "message", "column", "end_line", "end_column"] {
        assert!(!f[key].is_null(), "{key} missing in {f}");
    }
    assert!(f["column"].as_u64().unwrap() >= 1);
    assert_eq!(
        v["summary"]["findings"],
        v["findings"].as_array().unwrap().len()
    );
}

#[test]
fn severity_and_fail_on_thresholds() {
    require_sg_check!();
    let dir = project(&[("main.tf", OPEN_SG)]);
    let v = palisade(dir.path(), &["scan", "--format", "json"]).json();
    let sev = sg_findings(&v)[0]["severity"].as_str().unwrap().to_string();
    // At its own severity it fails; a stricter threshold (when there is one) passes.
    let at = palisade(dir.path(), &["scan", "--format", "json", "--fail-on", &sev]);
    assert_eq!(at.code, 1);
    if sev != "critical" {
        let above = palisade(
            dir.path(),
            &["scan", "--format", "json", "--fail-on", "critical"],
        );
        assert_eq!(above.code, 0, "{}", above.stdout);
        assert_eq!(sg_findings(&above.json()).len(), 1, "still reported");
        let hidden = palisade(
            dir.path(),
            &["scan", "--format", "json", "--severity", "critical"],
        );
        assert_eq!(hidden.code, 0);
        assert!(sg_findings(&hidden.json()).is_empty());
    }
    let shown = palisade(
        dir.path(),
        &["scan", "--format", "json", "--severity", "low"],
    );
    assert_eq!(sg_findings(&shown.json()).len(), 1);
}

#[test]
fn palisade_ignore_comments_suppress_and_are_counted() {
    require_sg_check!();
    let before_resource = format!("# palisade:ignore[{SG}] bastion, reviewed\n{OPEN_SG}");
    let before_value = OPEN_SG.replace(
        "    cidr_blocks",
        &format!("    // palisade:ignore[{SG}] reviewed\n    cidr_blocks"),
    );
    let other_id = "# palisade:ignore[aws-iam-wildcard-action] wrong check\n".to_string() + OPEN_SG;
    for (text, suppressed) in [
        (before_resource.as_str(), true),
        (before_value.as_str(), true),
        (other_id.as_str(), false),
    ] {
        let dir = project(&[("main.tf", text)]);
        let v = palisade(dir.path(), &["scan", "--format", "json"]).json();
        assert_eq!(sg_findings(&v).is_empty(), suppressed, "{text}\n{v:#}");
        assert_eq!(v["summary"]["suppressed"], u64::from(suppressed), "{text}");
    }
}

#[test]
fn peer_suppressions_are_honoured_through_equivalents() {
    require_sg_check!();
    let meta = check_meta(SG).unwrap();
    let equivalents: Vec<String> = meta["equivalents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e.as_str().map(str::to_string))
        .collect();
    let mut tried = 0;
    for eq in &equivalents {
        let (tool, rule) = eq.split_once(':').unwrap();
        let text = match tool {
            // Checkov's convention: inside the resource block.
            "checkov" => OPEN_SG.replace(
                "  name = \"ssh\"\n",
                &format!("  name = \"ssh\"\n  #checkov:skip={rule}:bastion\n"),
            ),
            "tfsec" => format!("#tfsec:ignore:{rule}\n{OPEN_SG}"),
            "trivy" => format!("#trivy:ignore:{rule}\n{OPEN_SG}"),
            _ => continue,
        };
        tried += 1;
        let dir = project(&[("main.tf", &text)]);
        let v = palisade(dir.path(), &["scan", "--format", "json"]).json();
        assert!(
            sg_findings(&v).is_empty(),
            "{eq} not honoured:\n{text}\n{v:#}"
        );
    }
    // An id the check does not map to does not suppress.
    let dir = project(&[(
        "main.tf",
        &OPEN_SG.replace(
            "  name = \"ssh\"\n",
            "  name = \"ssh\"\n  #checkov:skip=CKV_AWS_999999:unrelated\n",
        ),
    )]);
    let v = palisade(dir.path(), &["scan", "--format", "json"]).json();
    assert_eq!(sg_findings(&v).len(), 1);
    assert!(tried > 0 || equivalents.is_empty());
}

#[test]
fn config_disable_severity_exclude_and_fail_on() {
    require_sg_check!();
    let files = |config: &str| {
        project(&[
            ("palisade.toml", config),
            ("main.tf", OPEN_SG),
            ("legacy/main.tf", OPEN_SG),
        ])
    };

    let dir = files(&format!("disable = [\"{SG}\"]\n"));
    let run = palisade(dir.path(), &["scan", "--format", "json"]);
    assert!(sg_findings(&run.json()).is_empty());
    assert_eq!(run.code, 0);

    let dir = files(&format!("[severity]\n\"{SG}\" = \"low\"\n"));
    let v = palisade(dir.path(), &["scan", "--format", "json"]).json();
    let f = sg_findings(&v);
    assert_eq!(f.len(), 2);
    assert!(f.iter().all(|f| f["severity"] == "low"), "{v:#}");

    let dir = files("exclude = [\"legacy/\"]\n");
    let v = palisade(dir.path(), &["scan", "--format", "json"]).json();
    let f = sg_findings(&v);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["file"], "main.tf");

    // Config threshold applies when no flag is given; the flag wins over it.
    let dir = files(&format!(
        "fail_on = \"high\"\n[severity]\n\"{SG}\" = \"low\"\n"
    ));
    assert_eq!(palisade(dir.path(), &["scan", "--format", "json"]).code, 0);
    assert_eq!(
        palisade(
            dir.path(),
            &["scan", "--format", "json", "--fail-on", "low"]
        )
        .code,
        1
    );
    // --no-config ignores the file, --config points elsewhere.
    let run = palisade(dir.path(), &["scan", "--format", "json", "--no-config"]);
    assert_eq!(sg_findings(&run.json()).len(), 2);
    assert_ne!(sg_findings(&run.json())[0]["severity"], "low");
}

#[test]
fn malformed_config_exits_2_with_its_location() {
    let dir = project(&[
        ("palisade.toml", "fail_on = \"high\"\n\nfail_on = [\n"),
        ("main.tf", PROVIDER_ONLY),
    ]);
    let run = palisade(dir.path(), &["scan"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("palisade.toml:"), "{}", run.stderr);

    let dir = project(&[
        ("palisade.toml", "exclude = []\nfail_on = \"urgent\"\n"),
        ("main.tf", PROVIDER_ONLY),
    ]);
    let run = palisade(dir.path(), &["scan"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("palisade.toml:2:"), "{}", run.stderr);

    let dir = project(&[
        ("palisade.toml", "disable = [\"aws-not-a-check\"]\n"),
        ("main.tf", PROVIDER_ONLY),
    ]);
    let run = palisade(dir.path(), &["scan"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("aws-not-a-check"), "{}", run.stderr);

    // An explicit --config that is broken is an error too; --no-config skips it.
    let run = palisade(dir.path(), &["scan", "--no-config"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = palisade(dir.path(), &["scan", "--config", "palisade.toml"]);
    assert_eq!(run.code, 2);
}

#[test]
fn config_is_found_walking_up_from_the_scanned_path() {
    let dir = project(&[
        ("palisade.toml", "fail_on = [broken\n"),
        ("infra/prod/main.tf", PROVIDER_ONLY),
    ]);
    let run = palisade(&dir.path().join("infra"), &["scan", "prod"]);
    assert_eq!(
        run.code, 2,
        "the parent's config must be read: {}",
        run.stderr
    );
}

#[test]
fn discovery_honours_gitignore_and_skips_tool_directories() {
    let dir = project(&[
        (".gitignore", "generated/\n"),
        ("main.tf", PROVIDER_ONLY),
        ("generated/main.tf", OPEN_SG),
        (".terraform/modules/vpc/main.tf", OPEN_SG),
        ("node_modules/pkg/main.tf", OPEN_SG),
        (".git/hooks/x.tf", OPEN_SG),
    ]);
    let run = palisade(dir.path(), &["scan", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let v = run.json();
    assert_eq!(v["summary"]["files_scanned"], 1, "{v:#}");
    assert_eq!(v["findings"], serde_json::json!([]));
}

#[test]
fn non_infrastructure_files_give_nothing() {
    let k8s = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n";
    let package = "{\n  \"name\": \"web\",\n  \"version\": \"1.0.0\",\n  \"scripts\": {\"build\": \"tsc\"}\n}\n";
    let dir = project(&[
        ("k8s/deployment.yaml", k8s),
        ("package.json", package),
        (
            "tsconfig.json",
            "{ \"compilerOptions\": { \"strict\": true } }\n",
        ),
        ("providers.tf", PROVIDER_ONLY),
        ("README.md", "# hi\n"),
    ]);
    let run = palisade(dir.path(), &["scan", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let v = run.json();
    assert_eq!(v["findings"], serde_json::json!([]), "{v:#}");
    assert_eq!(v["errors"], serde_json::json!([]), "{v:#}");
    assert_eq!(v["summary"]["files_scanned"], 1);
}

#[test]
fn explicit_file_paths_are_scanned() {
    let dir = project(&[("a/main.tf", PROVIDER_ONLY), ("b/other.tf", PROVIDER_ONLY)]);
    let run = palisade(dir.path(), &["scan", "--format", "json", "a/main.tf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json()["summary"]["files_scanned"], 1);
}

#[test]
fn output_is_deterministic() {
    let root = repo_root();
    for format in ["json", "text"] {
        let a = palisade(&root, &["scan", "demo", "--format", format]);
        let b = palisade(&root, &["scan", "demo", "--format", format]);
        assert_eq!(a.code, b.code);
        assert_eq!(a.stdout, b.stdout, "{format} output differs between runs");
    }
}

#[test]
fn findings_are_sorted_by_file_line_column_check() {
    let root = repo_root();
    let v = palisade(&root, &["scan", "demo", "--format", "json"]).json();
    let keys: Vec<(String, u64, u64, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["check"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn checks_filter_by_layer_and_every_check_has_one() {
    let all = palisade(&repo_root(), &["checks", "--format", "json"]).json();
    let all = all["checks"].as_array().expect("checks array").clone();
    let layers = ["edge", "network", "identity", "data", "monitoring"];
    let mut total = 0;
    for layer in layers {
        let run = palisade(
            &repo_root(),
            &["checks", "--format", "json", "--layer", layer],
        );
        assert_eq!(run.code, 0);
        let listed = run.json()["checks"]
            .as_array()
            .expect("checks array")
            .clone();
        assert!(listed.iter().all(|c| c["layer"] == layer), "{layer}");
        let expected = all.iter().filter(|c| c["layer"] == layer).count();
        assert_eq!(listed.len(), expected, "{layer}");
        total += listed.len();
    }
    // Every check is in exactly one of the five layers.
    assert_eq!(total, all.len());
    assert!(palisade(&repo_root(), &["checks", "--layer", "identity"])
        .stdout
        .contains("aws-iam-wildcard-action"));
    let wrong = palisade(&repo_root(), &["checks", "--layer", "perimeter"]);
    assert_eq!(wrong.code, 2);
    assert!(wrong.stderr.contains("unknown layer"), "{}", wrong.stderr);
}

#[test]
fn checks_json_lists_metadata() {
    let run = palisade(&repo_root(), &["checks", "--format", "json"]);
    assert_eq!(run.code, 0);
    let v = run.json();
    for c in v["checks"].as_array().expect("checks array") {
        for key in [
            "id",
            "title",
            "severity",
            "service",
            "layer",
            "description",
            "remediation",
            "references",
            "equivalents",
            "aliases",
        ] {
            assert!(c.get(key).is_some(), "{key} missing in {c}");
        }
        // explain works for every listed check and shows its examples.
        let id = c["id"].as_str().unwrap();
        let explained = palisade(&repo_root(), &["explain", id]);
        assert_eq!(explained.code, 0);
        assert!(explained.stdout.contains(id));
        assert!(
            !explained.stdout.contains("not embedded"),
            "{id}: examples missing from the binary"
        );
    }
}

#[test]
fn text_output_ends_with_the_summary_line() {
    let dir = project(&[("main.tf", PROVIDER_ONLY)]);
    let run = palisade(dir.path(), &["scan"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "no findings; 0 errors; 1 file scanned\n");
}

const CFN_YAML: &str = "AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
";

const CFN_JSON: &str = r#"{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Web": {
      "Type": "AWS::EC2::SecurityGroup",
      "Properties": {
        "GroupDescription": "web",
        "SecurityGroupIngress": [
          { "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0" }
        ]
      }
    }
  }
}
"#;

#[test]
fn cloudformation_suppressions_by_comment_and_metadata() {
    require_sg_check!();
    let dir = project(&[("t.yaml", CFN_YAML), ("t.json", CFN_JSON)]);
    let v = palisade(dir.path(), &["scan", "--format", "json"]).json();
    assert_eq!(sg_findings(&v).len(), 2, "both templates fire: {v:#}");
    for f in sg_findings(&v) {
        assert_eq!(f["resource"], "Web");
    }

    let yaml = CFN_YAML.replace(
        "  Web:\n",
        &format!("  # palisade:ignore[{SG}] reviewed\n  Web:\n"),
    );
    let json = CFN_JSON.replace(
        "\"Type\": \"AWS::EC2::SecurityGroup\",",
        &format!(
            "\"Type\": \"AWS::EC2::SecurityGroup\",\n      \"Metadata\": {{ \"palisade\": {{ \"ignore\": [\"{SG}\"] }} }},"
        ),
    );
    let dir = project(&[("t.yaml", &yaml), ("t.json", &json)]);
    let v = palisade(dir.path(), &["scan", "--format", "json"]).json();
    assert!(sg_findings(&v).is_empty(), "{v:#}");
    assert_eq!(v["summary"]["suppressed"], 2);
}

#[test]
fn baseline_hides_known_findings() {
    require_sg_check!();
    let dir = project(&[("main.tf", OPEN_SG)]);
    let first = palisade(
        dir.path(),
        &["scan", "--format", "json", "--output", "baseline.json"],
    );
    assert_eq!(first.code, 1);
    std::fs::write(
        dir.path().join("palisade.toml"),
        "baseline = \"baseline.json\"\n",
    )
    .unwrap();
    let run = palisade(dir.path(), &["scan", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let v = run.json();
    assert!(sg_findings(&v).is_empty());
    assert_eq!(v["summary"]["suppressed"], 1);
    // A new problem in another resource is still reported.
    std::fs::write(
        dir.path().join("more.tf"),
        OPEN_SG.replace("\"ssh\" {", "\"admin\" {"),
    )
    .unwrap();
    let v = palisade(dir.path(), &["scan", "--format", "json"]).json();
    assert_eq!(sg_findings(&v).len(), 1);
}

#[test]
fn sarif_rule_tags_carry_the_layer() {
    let catalog = palisade(&repo_root(), &["checks", "--format", "json"]).json();
    let layer_of = |id: &str| {
        catalog["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .map(|c| c["layer"].as_str().unwrap().to_string())
            .expect("rule is a catalog check")
    };
    let run = palisade(&repo_root(), &["scan", "--format", "sarif", "demo"]);
    let sarif: serde_json::Value = serde_json::from_str(&run.stdout).expect("SARIF is JSON");
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .clone();
    assert!(!rules.is_empty());
    for rule in rules {
        // `ID/SEVERITY` variants carry their check's tags.
        let id = rule["id"].as_str().unwrap().split('/').next().unwrap();
        let tags = rule["properties"]["tags"].as_array().expect("tags");
        assert!(
            tags.iter()
                .any(|t| t.as_str() == Some(layer_of(id).as_str())),
            "{id}: {tags:?}"
        );
    }
}

/// Control characters from a scanned file (ESC, BEL, a lone CR) never reach the terminal raw:
/// the text report shows their escapes, in the snippet and in messages.
#[test]
fn control_characters_from_the_input_are_escaped_in_text_output() {
    let dir = project(&[(
        "main.tf",
        "resource \"aws_security_group\" \"web\" {\n  description = \"\u{1b}[2J\u{7}x\rhidden\"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"] # \u{1b}]0;title\u{7}\n  }\n}\nbroken \u{1b}[31m {\n",
    )]);
    let run = palisade(dir.path(), &["scan", "."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let out = &run.stdout;
    for raw in ['\u{1b}', '\u{7}', '\r'] {
        assert!(!out.contains(raw), "raw {raw:?} in:\n{out}");
    }
    assert!(out.contains("\\x1b]0;title\\x07"), "{out}");
    assert!(out.contains("aws-ec2-sg-open-ingress"), "{out}");
}

/// A policy written as a string whose JSON is invalid is a warning at the string in every
/// format (text, compact, JSON, SARIF, GitHub); it does not fail the scan.
#[test]
fn an_invalid_policy_string_is_a_warning_at_the_string_in_every_format() {
    let dir = project(&[
        (
            "t.yaml",
            "Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: '{\"Statement\": [{\"Effect\": \"Allow\",'\n",
        ),
        (
            "main.tf",
            "resource \"aws_iam_policy\" \"p\" {\n  policy = <<EOF\n{\"Statement\": [\nEOF\n}\n",
        ),
    ]);
    let text = palisade(dir.path(), &["scan", "."]);
    assert_eq!(text.code, 0, "{}{}", text.stdout, text.stderr);
    assert!(
        text.stdout
            .contains("⚠ t.yaml:5:23: this policy document is a string that is not valid JSON"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout
            .contains("⚠ main.tf:2:12: `policy` is a string that is not valid JSON"),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("; 2 warnings"), "{}", text.stdout);
    let compact = palisade(dir.path(), &["scan", "--format", "compact", "."]);
    assert!(
        compact
            .stdout
            .contains("main.tf:2:12: warning: `policy` is a string"),
        "{}",
        compact.stdout
    );
    let json = palisade(dir.path(), &["scan", "--format", "json", "."]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["summary"]["file_warnings"], 2);
    assert_eq!(v["summary"]["errors"], 0);
    assert_eq!(v["file_warnings"][0]["file"], "main.tf");
    assert_eq!(v["file_warnings"][0]["line"], 2);
    assert_eq!(v["file_warnings"][1]["file"], "t.yaml");
    let sarif = palisade(dir.path(), &["scan", "--format", "sarif", "."]);
    let s: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let levels: Vec<&str> = s["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .map(|a| a.iter().filter_map(|n| n["level"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(levels, ["warning", "warning"], "{}", sarif.stdout);
    let github = palisade(dir.path(), &["scan", "--format", "github", "."]);
    assert!(
        github
            .stdout
            .contains("::warning file=main.tf,line=2,col=12"),
        "{}",
        github.stdout
    );
}
