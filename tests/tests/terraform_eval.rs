//! Terraform evaluation end to end: `--var` / `--var-file`, `count` / `for_each` addresses and
//! `dynamic` blocks as the JSON report shows them.

mod common;

use common::*;

const MAIN: &str = r#"variable "admin_cidr" {
  default = "10.0.0.0/8"
}

variable "enabled" {
  default = false
}

resource "aws_security_group" "ssh" {
  count = var.enabled ? 1 : 0
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr]
  }
}
"#;

fn sg(v: &serde_json::Value) -> Vec<serde_json::Value> {
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["check"] == SG)
        .cloned()
        .collect()
}

#[test]
fn without_inputs_the_disabled_group_is_not_reported() {
    assert!(has_check(SG), "{SG} is missing from the catalog");
    let dir = project(&[("main.tf", MAIN)]);
    let run = palisade(dir.path(), &["scan", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(sg(&run.json()).is_empty());
}

#[test]
fn var_and_var_file_turn_the_group_on_and_open_it() {
    assert!(has_check(SG), "{SG} is missing from the catalog");
    let dir = project(&[
        ("main.tf", MAIN),
        // Discovered tfvars are overridden by the command line.
        ("terraform.tfvars", "enabled = false\n"),
        ("prod.tfvars", "admin_cidr = \"0.0.0.0/0\"\n"),
    ]);
    let run = palisade(
        dir.path(),
        &[
            "scan",
            "--format",
            "json",
            "--var",
            "enabled=true",
            "--var-file",
            "prod.tfvars",
        ],
    );
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let v = run.json();
    assert_eq!(v["errors"], serde_json::json!([]));
    let f = sg(&v);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0]["resource"], "aws_security_group.ssh[0]");
    assert_eq!(f[0]["file"], "main.tf");
    assert_eq!(f[0]["line"], 15, "the use site in the resource");
    // The definition is named in the var file.
    let related = f[0]["related"].as_array().cloned().unwrap_or_default();
    assert!(
        related
            .iter()
            .any(|r| r["file"] == "prod.tfvars" && r["line"] == 1),
        "{related:?}"
    );
}

#[test]
fn a_var_value_wins_over_var_files_and_json_var_files_work() {
    assert!(has_check(SG), "{SG} is missing from the catalog");
    let dir = project(&[
        ("main.tf", MAIN),
        (
            "on.tfvars.json",
            "{\"enabled\": true, \"admin_cidr\": \"0.0.0.0/0\"}\n",
        ),
    ]);
    let open = palisade(
        dir.path(),
        &["scan", "--format", "json", "--var-file", "on.tfvars.json"],
    );
    assert_eq!(open.code, 1, "{}", open.stdout);
    assert_eq!(sg(&open.json()).len(), 1);
    let closed = palisade(
        dir.path(),
        &[
            "scan",
            "--format",
            "json",
            "--var-file",
            "on.tfvars.json",
            "--var",
            "admin_cidr=192.168.0.0/16",
        ],
    );
    assert_eq!(closed.code, 0, "{}", closed.stdout);
    assert!(sg(&closed.json()).is_empty());
    // A list value given on the command line.
    let list = palisade(
        dir.path(),
        &[
            "scan",
            "--format",
            "json",
            "--var",
            "enabled=true",
            "--var",
            "admin_cidr=[\"0.0.0.0/0\"]",
        ],
    );
    // `cidr_blocks = [var.admin_cidr]` is then a nested list: not a CIDR string, so unknown.
    assert_eq!(list.code, 0, "{}", list.stdout);
}

#[test]
fn bad_var_arguments_are_usage_errors() {
    let dir = project(&[("main.tf", MAIN)]);
    let run = palisade(dir.path(), &["scan", "--var", "novalue"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = palisade(dir.path(), &["scan", "--var-file", "missing.tfvars"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("missing.tfvars"), "{}", run.stderr);
}

#[test]
fn instances_and_dynamic_blocks_are_reported_by_address_inside_content() {
    assert!(has_check(SG), "{SG} is missing from the catalog");
    let dir = project(&[(
        "main.tf",
        r#"resource "aws_security_group" "web" {
  for_each = toset(["a", "b"])
  dynamic "ingress" {
    for_each = [22]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
"#,
    )]);
    let run = palisade(dir.path(), &["scan", "--format", "json"]);
    let f = sg(&run.json());
    let resources: Vec<&str> = f.iter().filter_map(|x| x["resource"].as_str()).collect();
    assert_eq!(
        resources,
        [
            "aws_security_group.web[\"a\"]",
            "aws_security_group.web[\"b\"]"
        ]
    );
    for x in &f {
        assert_eq!(x["line"], 9, "at the CIDR inside content: {x}");
    }
}

#[test]
fn findings_inside_a_local_module_carry_the_call_site_trace() {
    assert!(has_check(SG), "{SG} is missing from the catalog");
    let dir = project(&[
        (
            "modules/sg/main.tf",
            r#"variable "cidr" {
  default = "10.0.0.0/8"
}
resource "aws_security_group" "this" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.cidr]
  }
}
"#,
        ),
        (
            "examples/open/main.tf",
            r#"module "web" {
  source = "../../modules/sg"
  cidr   = "0.0.0.0/0"
}
"#,
        ),
    ]);
    // Without module following, the module scanned on its own is closed.
    let off = palisade(
        dir.path(),
        &["scan", "--format", "json", "--no-follow-modules"],
    );
    assert_eq!(off.code, 0, "{}", off.stdout);
    // Followed by default.
    let run = palisade(dir.path(), &["scan", "--format", "json"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let f = sg(&run.json());
    // Scanned on its own, the module's default is closed; called with 0.0.0.0/0 it is open.
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0]["resource"], "module.web.aws_security_group.this");
    assert_eq!(f[0]["file"], "modules/sg/main.tf");
    assert_eq!(f[0]["line"], 9);
    let trace = f[0]["trace"].as_array().expect("trace");
    assert_eq!(trace.len(), 1);
    assert_eq!(trace[0]["file"], "examples/open/main.tf");
    assert_eq!(trace[0]["line"], 1);
}

#[test]
fn stats_report_module_calls_and_unknown_values_on_stderr() {
    let dir = project(&[
        (
            "modules/sg/main.tf",
            "variable \"cidr\" {}\nresource \"aws_security_group\" \"this\" {\n  ingress {\n    cidr_blocks = [var.cidr]\n  }\n}\n",
        ),
        (
            "examples/a/main.tf",
            "module \"web\" {\n  source = \"../../modules/sg\"\n  cidr   = \"10.0.0.0/8\"\n}\nmodule \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\nmodule \"gone\" {\n  source = \"../../../outside\"\n}\n",
        ),
    ]);
    let run = palisade(dir.path(), &["scan", "--format", "json", "--stats"]);
    // The report on stdout stays valid JSON; the statistics go to stderr.
    run.json();
    assert!(
        run.stderr.contains(
            "module calls: 1 resolved, 1 registry/git (not fetched), 1 local not followed (1 outside the scanned paths)"
        ),
        "{}",
        run.stderr
    );
    // modules/sg on its own: one unknown CIDR; through the call: one known CIDR.
    assert!(
        run.stderr
            .contains("attribute values: 2, 50.0% unknown, 0.0% references"),
        "{}",
        run.stderr
    );
    // The call leaving the scanned paths is worth a warning even without --stats.
    let quiet = palisade(dir.path(), &["scan", "--format", "json"]);
    assert!(!quiet.stderr.contains("stats:"), "{}", quiet.stderr);
    assert!(
        quiet
            .stderr
            .contains("warning: 1 local module call(s) name directories outside the scanned paths"),
        "{}",
        quiet.stderr
    );
}

#[test]
fn a_problem_written_in_a_module_is_reported_once_not_per_caller() {
    assert!(has_check(SG), "{SG} is missing from the catalog");
    let module = r#"variable "cidr" {}
resource "aws_security_group" "this" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = [var.cidr]
  }
}
"#;
    let caller = |cidr: &str| {
        format!("module \"web\" {{\n  source = \"../../modules/sg\"\n  cidr   = \"{cidr}\"\n}}\n")
    };
    let (a, b) = (caller("0.0.0.0/0"), caller("0.0.0.0/0"));
    let dir = project(&[
        ("modules/sg/main.tf", module),
        ("examples/a/main.tf", &a),
        ("examples/b/main.tf", &b),
    ]);
    let run = palisade(dir.path(), &["scan", "--format", "json"]);
    let f = sg(&run.json());
    let got: Vec<(u64, &str, usize, usize)> = f
        .iter()
        .map(|x| {
            (
                x["line"].as_u64().unwrap_or(0),
                x["resource"].as_str().unwrap_or(""),
                x["trace"].as_array().map_or(0, |t| t.len()),
                x["related"].as_array().map_or(0, |r| r.len()),
            )
        })
        .collect();
    // Line 7, a literal in the module: once, from the module's own scan, without a trace.
    // Line 13, from the callers' input: once, with the first caller's trace; the other
    // caller's call site is a related location (besides where the value was defined).
    assert_eq!(got.len(), 2, "{f:#?}");
    assert_eq!(got[0], (7, "aws_security_group.this", 0, 0), "{f:#?}");
    assert_eq!(
        (got[1].0, got[1].1, got[1].2),
        (13, "module.web.aws_security_group.this", 1)
    );
    assert_eq!(f[1]["trace"][0]["file"], "examples/a/main.tf");
    let related = f[1]["related"].as_array().expect("related");
    assert!(
        related.iter().any(|r| r["file"] == "examples/b/main.tf"
            && r["message"]
                .as_str()
                .unwrap_or("")
                .starts_with("also reached through")),
        "{related:#?}"
    );
}

#[test]
fn a_module_resource_configures_the_caller_bucket_it_is_given() {
    let module = r#"variable "bucket" {}
variable "algorithm" {
  default = "aws:kms"
}
resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = var.bucket
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.algorithm
      kms_master_key_id = "arn:aws:kms:us-east-1:111122223333:key/abc"
    }
  }
}
"#;
    let root = r#"resource "aws_s3_bucket" "data" {
  bucket = "data"
}
module "data_encryption" {
  source = "../modules/encryption"
  bucket = aws_s3_bucket.data.id
}
resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}
module "logs_encryption" {
  source    = "../modules/encryption"
  bucket    = aws_s3_bucket.logs.id
  algorithm = "AES256"
}
"#;
    let dir = project(&[
        ("modules/encryption/main.tf", module),
        ("root/main.tf", root),
    ]);
    let run = palisade(dir.path(), &["scan", "--format", "json"]);
    let report = run.json();
    let s3: Vec<(String, String, u64)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| {
            f["check"]
                .as_str()
                // The encryption checks: the buckets declare no public access block either.
                .is_some_and(|c| c == "aws-s3-no-cmk" || c == "aws-s3-unencrypted")
        })
        .map(|f| {
            (
                f["check"].as_str().unwrap_or("").to_string(),
                f["resource"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    // `data` is encrypted with a customer key by the module it is passed to: nothing. `logs`
    // gets AES256 from its module call: reported at the module's `sse_algorithm` value, the
    // use of the input that decided it (naming the call's `algorithm = "AES256"`).
    assert_eq!(
        s3,
        [(
            "aws-s3-no-cmk".to_string(),
            "aws_s3_bucket.logs".to_string(),
            9
        )],
        "{}",
        run.stdout
    );
    // The finding is in the module's file; it names where the bucket is declared.
    let finding = report["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["check"] == "aws-s3-no-cmk"))
        .expect("the no-cmk finding");
    assert_eq!(finding["file"], "modules/encryption/main.tf");
    let declared: Vec<(&str, u64)> = finding["related"]
        .as_array()
        .expect("related")
        .iter()
        .filter(|r| r["message"] == "aws_s3_bucket.logs is declared here")
        .map(|r| {
            (
                r["file"].as_str().unwrap_or(""),
                r["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(declared, [("root/main.tf", 8)], "{finding:#}");
    // Without following the calls, the buckets have no encryption resource pointing at them.
    let off = palisade(
        dir.path(),
        &["scan", "--format", "json", "--no-follow-modules"],
    );
    let off = off.json();
    let unlinked = off["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["check"] == "aws-s3-no-cmk")
        .count();
    assert_eq!(unlinked, 2, "{off}");
}

#[test]
fn a_bounded_expansion_is_a_note_that_does_not_fail_the_scan() {
    let dir = project(&[(
        "main.tf",
        r#"resource "aws_security_group" "many" {
  count = 5000
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
"#,
    )]);
    let run = palisade(dir.path(), &["scan", "--format", "json"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let v = run.json();
    assert_eq!(v["errors"], serde_json::json!([]));
    let notes = v["notes"].as_array().expect("notes");
    assert_eq!(notes.len(), 1, "{v:#}");
    assert_eq!(notes[0]["file"], "main.tf");
    // At the `count` that was bounded.
    assert_eq!(notes[0]["line"], 2);
    assert!(
        notes[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("5000 instances")),
        "{v:#}"
    );
    assert_eq!(v["summary"]["notes"], 1);
    // The text report shows it too, and says so in the summary line.
    let text = palisade(dir.path(), &["scan"]);
    assert_eq!(text.code, 0, "{}", text.stdout);
    assert!(
        text.stdout
            .contains("main.tf:2:3: expands to 5000 instances"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout.contains("; 1 note (evaluation bounded)"),
        "{}",
        text.stdout
    );
}

#[test]
fn a_cidr_with_host_bits_opens_a_cloudformation_group_but_not_a_terraform_one() {
    assert!(has_check(SG), "{SG} is missing from the catalog");
    // The EC2 API masks `1.0.0.0/0` to `0.0.0.0/0`; the Terraform provider refuses it at plan.
    let dir = project(&[
        (
            "tf/main.tf",
            r#"resource "aws_security_group" "db" {
  ingress {
    from_port   = 3306
    to_port     = 3306
    protocol    = "tcp"
    cidr_blocks = ["1.0.0.0/0", "0.0.0.0/0"]
  }
}
"#,
        ),
        (
            "cfn/template.yaml",
            "Resources:\n  Db:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: db\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 3306\n          ToPort: 3306\n          CidrIp: 1.0.0.0/0\n",
        ),
    ]);
    let run = palisade(dir.path(), &["scan", "--format", "json"]);
    let got: Vec<(String, u64)> = sg(&run.json())
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    // One finding each: the template's masked CIDR, and only the valid `0.0.0.0/0` in HCL.
    assert_eq!(
        got,
        [
            ("cfn/template.yaml".to_string(), 10),
            ("tf/main.tf".to_string(), 6)
        ],
        "{}",
        run.stdout
    );
    let tf = sg(&run.json())
        .into_iter()
        .find(|f| f["file"] == "tf/main.tf")
        .expect("the Terraform finding");
    assert!(
        tf["message"]
            .as_str()
            .is_some_and(|m| m.ends_with("from 0.0.0.0/0 (the whole IPv4 internet)")),
        "{tf}"
    );
}
