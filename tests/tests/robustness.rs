//! Broken input never costs the rest of the scan (DESIGN invariant 4): a truncated `.tf` and a
//! malformed YAML template each give a located error, while findings in the other files, and
//! in the part of the `.tf` before the damage, still come out.

mod common;

use common::*;

const OPEN_SSH_THEN_TRUNCATED: &str = r#"resource "aws_security_group" "before_damage" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_ebs_volume" "cut_off" {
  availability_zone = "eu-west-1a"
  encrypted = 
"#;

const BROKEN_TEMPLATE: &str = "AWSTemplateFormatVersion: \"2010-09-09\"
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: [unclosed
      KmsMasterKeyId: alias/aws/sqs
";

const INTACT_TEMPLATE: &str = "AWSTemplateFormatVersion: \"2010-09-09\"
Resources:
  Data:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: false
";

#[test]
fn broken_files_give_located_errors_and_everything_else_is_still_scanned() {
    let dir = project(&[
        ("tf/main.tf", OPEN_SSH_THEN_TRUNCATED),
        ("cfn/broken.yaml", BROKEN_TEMPLATE),
        ("cfn/intact.yaml", INTACT_TEMPLATE),
    ]);
    let run = palisade(dir.path(), &["scan", "--format", "json"]);
    assert_eq!(
        run.code, 1,
        "findings and parse errors exit 1: {}",
        run.stderr
    );
    let v = run.json();

    let errors = v["errors"].as_array().expect("errors");
    let error_in = |file: &str| {
        errors
            .iter()
            .find(|e| e["file"] == file)
            .unwrap_or_else(|| panic!("no error for {file} in {errors:?}"))
    };
    let tf_error = error_in("tf/main.tf");
    assert!(tf_error["line"].as_u64().unwrap_or(0) >= 10, "{tf_error}");
    assert!(!tf_error["message"].as_str().unwrap_or("").is_empty());
    let yaml_error = error_in("cfn/broken.yaml");
    assert_eq!(yaml_error["line"], 7, "{yaml_error}");
    assert!(yaml_error["column"].as_u64().unwrap_or(0) >= 1);

    let findings = v["findings"].as_array().expect("findings");
    let has = |check: &str, file: &str, line: u64| {
        findings
            .iter()
            .any(|f| f["check"] == check && f["file"] == file && f["line"] == line)
    };
    assert!(
        has("aws-ec2-sg-open-ingress", "tf/main.tf", 6),
        "the resource before the damage is still judged: {findings:?}"
    );
    assert!(
        has("aws-efs-unencrypted", "cfn/intact.yaml", 6),
        "the other template is still scanned: {findings:?}"
    );
}

#[test]
fn every_corpus_file_scans_without_a_crash() {
    // The unusual CloudFormation corpus (Rain module syntax) makes one of the peers abort its
    // whole run; here each file must give findings or located errors, never a crash.
    let corpus = repo_root().join("../shared/corpus/cloudformation-unusual");
    if !corpus.is_dir() {
        eprintln!("skipped: {} is absent", corpus.display());
        return;
    }
    let run = palisade(
        &repo_root(),
        &[
            "scan",
            "--format",
            "json",
            corpus.to_str().expect("utf-8 path"),
        ],
    );
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    let v = run.json();
    for e in v["errors"].as_array().expect("errors") {
        assert!(
            e["line"].as_u64().unwrap_or(0) >= 1,
            "error without a line: {e}"
        );
    }
    assert!(v["summary"]["files_scanned"].as_u64().unwrap_or(0) >= 12);
}
