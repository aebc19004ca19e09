//! Terraform plan JSON (`terraform show -json plan.out`): planned values of every module
//! (registry modules included) judged like configuration, unknown-after-apply values never
//! firing, findings located at the configuration's resource blocks when it is found (next to
//! the plan or `--plan-source DIR`) and in the plan otherwise, and no double report when the
//! plan and its configuration are scanned together.

mod common;

use common::*;

/// A plan of a root module with an open security group and a database whose encryption is
/// known only after apply, calling a registry module whose database is public and unencrypted.
const PLAN: &str = r#"{
  "format_version": "1.2",
  "terraform_version": "1.9.5",
  "planned_values": {
    "root_module": {
      "resources": [
        {
          "address": "aws_security_group.web",
          "mode": "managed",
          "type": "aws_security_group",
          "name": "web",
          "values": {
            "name": "web",
            "ingress": [
              {
                "cidr_blocks": ["0.0.0.0/0"],
                "from_port": 22,
                "to_port": 22,
                "protocol": "tcp",
                "ipv6_cidr_blocks": [],
                "self": false
              }
            ],
            "tags": null
          }
        },
        {
          "address": "aws_db_instance.db",
          "mode": "managed",
          "type": "aws_db_instance",
          "name": "db",
          "values": {
            "engine": "postgres",
            "instance_class": "db.t3.micro",
            "publicly_accessible": false
          }
        }
      ],
      "child_modules": [
        {
          "address": "module.storage",
          "resources": [
            {
              "address": "module.storage.aws_db_instance.this[0]",
              "mode": "managed",
              "type": "aws_db_instance",
              "name": "this",
              "index": 0,
              "values": {
                "engine": "mysql",
                "instance_class": "db.t3.micro",
                "publicly_accessible": true,
                "storage_encrypted": false
              }
            }
          ]
        }
      ]
    }
  },
  "resource_changes": [
    {
      "address": "aws_db_instance.db",
      "mode": "managed",
      "type": "aws_db_instance",
      "name": "db",
      "change": {
        "actions": ["create"],
        "after_unknown": {"storage_encrypted": true, "arn": true}
      }
    }
  ]
}
"#;

/// The configuration the plan was made from. On its own, `storage_encrypted` omitted on
/// `aws_db_instance.db` reads as the service default (unencrypted), and the registry module
/// is not fetched.
const MAIN_TF: &str = r#"resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.cidr]
  }
}

variable "cidr" {
  default = "0.0.0.0/0"
}

resource "aws_db_instance" "db" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
}

module "storage" {
  source  = "terraform-aws-modules/rds/aws"
  version = "6.0.0"
}
"#;

const SG_OPEN: &str = "aws-ec2-sg-open-ingress";
const RDS_PUBLIC: &str = "aws-rds-public";
const RDS_UNENCRYPTED: &str = "aws-rds-unencrypted";

/// 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> u64 {
    let at = text.find(needle).expect(needle);
    text[..at].matches('\n').count() as u64 + 1
}

/// (check, file, line, resource named in the message) of the findings of the checks looked at.
fn found(v: &serde_json::Value) -> Vec<(String, String, u64, String)> {
    let mut out: Vec<_> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| [SG_OPEN, RDS_PUBLIC, RDS_UNENCRYPTED].contains(&f["check"].as_str().unwrap()))
        .map(|f| {
            let message = f["message"].as_str().unwrap();
            let named = if message.contains("module.storage.aws_db_instance.this[0]") {
                "module.storage.aws_db_instance.this[0]"
            } else if message.contains("aws_db_instance.db") {
                "aws_db_instance.db"
            } else {
                "aws_security_group.web"
            };
            (
                f["check"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                named.to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

fn f(check: &str, file: &str, line: u64, named: &str) -> (String, String, u64, String) {
    (check.to_string(), file.to_string(), line, named.to_string())
}

#[test]
fn a_plan_alone_is_judged_from_its_planned_values_and_located_in_the_plan() {
    let dir = project(&[("plans/plan.json", PLAN)]);
    let run = palisade(
        dir.path(),
        &["scan", "--format", "json", "--stats", "plans"],
    );
    let v = run.json();
    assert_eq!(v["summary"]["files_scanned"], 1, "{v:#}");
    assert_eq!(v["errors"], serde_json::json!([]));
    let module_db = "module.storage.aws_db_instance.this[0]";
    assert_eq!(
        found(&v),
        vec![
            f(
                SG_OPEN,
                "plans/plan.json",
                line_of(PLAN, "\"0.0.0.0/0\""),
                "aws_security_group.web"
            ),
            // The registry module's resources are in the plan: complete results.
            f(
                RDS_PUBLIC,
                "plans/plan.json",
                line_of(PLAN, "\"publicly_accessible\": true"),
                module_db
            ),
            f(
                RDS_UNENCRYPTED,
                "plans/plan.json",
                line_of(PLAN, "\"storage_encrypted\": false"),
                module_db
            ),
        ],
        "{v:#}"
    );
    // `storage_encrypted` of aws_db_instance.db is unknown after apply: it never fires (it
    // would, read as omitted).
    let stats = run
        .stderr
        .lines()
        .find(|l| l.starts_with("palisade: stats:"))
        .expect("stats line");
    assert!(!stats.contains("plan.json"), "{stats}");
    // A text report names the plan's line too.
    let run = palisade(dir.path(), &["scan", "--format", "text", "plans"]);
    let at = format!("plans/plan.json:{}:", line_of(PLAN, "\"0.0.0.0/0\""));
    assert!(run.stdout.contains(&at), "{}", run.stdout);
}

#[test]
fn a_plan_next_to_its_configuration_points_at_the_blocks_and_replaces_its_results() {
    let dir = project(&[("infra/plan.json", PLAN), ("infra/main.tf", MAIN_TF)]);
    let run = palisade(dir.path(), &["scan", "--format", "json", "infra"]);
    let v = run.json();
    let module_db = "module.storage.aws_db_instance.this[0]";
    let module_block = line_of(MAIN_TF, "module \"storage\"");
    // Root resources at their resource block; a registry module's at the module block. The
    // configuration's own findings (the open ingress at `cidr_blocks`, the database read as
    // unencrypted) are not reported besides: the plan's results replace them.
    assert_eq!(
        found(&v),
        vec![
            f(SG_OPEN, "infra/main.tf", 1, "aws_security_group.web"),
            f(RDS_PUBLIC, "infra/main.tf", module_block, module_db),
            f(RDS_UNENCRYPTED, "infra/main.tf", module_block, module_db),
        ],
        "{v:#}"
    );
    // The planned value is related information.
    let sg = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["check"] == SG_OPEN)
        .unwrap();
    assert!(
        sg["related"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["file"] == "infra/plan.json"
                && r["line"] == line_of(PLAN, "\"0.0.0.0/0\"")
                && r["message"]
                    .as_str()
                    .unwrap()
                    .contains("planned value of `aws_security_group.web`")),
        "{sg:#}"
    );
    // The configuration alone gives its own results (at the attribute, and the database
    // unencrypted by default): the replacement is what removed them above.
    let alone = project(&[("infra/main.tf", MAIN_TF)]);
    let v = palisade(alone.path(), &["scan", "--format", "json", "infra"]).json();
    assert_eq!(
        found(&v),
        vec![
            f(
                SG_OPEN,
                "infra/main.tf",
                line_of(MAIN_TF, "cidr_blocks"),
                "aws_security_group.web"
            ),
            f(
                RDS_UNENCRYPTED,
                "infra/main.tf",
                line_of(MAIN_TF, "resource \"aws_db_instance\""),
                "aws_db_instance.db"
            ),
        ],
        "{v:#}"
    );
}

#[test]
fn plan_source_names_the_configuration_of_a_plan_kept_elsewhere() {
    let dir = project(&[("plans/plan.json", PLAN), ("infra/main.tf", MAIN_TF)]);
    let run = palisade(
        dir.path(),
        &[
            "scan",
            "--format",
            "json",
            "--plan-source",
            "infra",
            "plans",
        ],
    );
    let v = run.json();
    let module_db = "module.storage.aws_db_instance.this[0]";
    let module_block = line_of(MAIN_TF, "module \"storage\"");
    assert_eq!(
        found(&v),
        vec![
            f(SG_OPEN, "infra/main.tf", 1, "aws_security_group.web"),
            f(RDS_PUBLIC, "infra/main.tf", module_block, module_db),
            f(RDS_UNENCRYPTED, "infra/main.tf", module_block, module_db),
        ],
        "{v:#}"
    );
    // Without it, the plan's own lines.
    let v = palisade(dir.path(), &["scan", "--format", "json", "plans"]).json();
    assert!(found(&v).iter().all(|x| x.1 == "plans/plan.json"), "{v:#}");
    // A SARIF report carries the block's region.
    let run = palisade(
        dir.path(),
        &[
            "scan",
            "--format",
            "sarif",
            "--plan-source",
            "infra",
            "plans",
        ],
    );
    let sarif = run.json();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(
        results.iter().any(|r| r["ruleId"] == SG_OPEN
            && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .ends_with("infra/main.tf")
            && r["locations"][0]["physicalLocation"]["region"]["startLine"] == 1),
        "{sarif:#}"
    );
}

/// A plan of a root module calling a local module `./modules/net`, whose security group is
/// open; the plan also holds a resource of that module that its `.tf` files do not declare.
const LOCAL_PLAN: &str = r#"{
  "format_version": "1.2",
  "terraform_version": "1.9.5",
  "planned_values": {
    "root_module": {
      "child_modules": [
        {
          "address": "module.net",
          "resources": [
            {
              "address": "module.net.aws_security_group.this",
              "mode": "managed",
              "type": "aws_security_group",
              "name": "this",
              "values": {
                "ingress": [{"cidr_blocks": ["0.0.0.0/0"], "from_port": 3389, "to_port": 3389, "protocol": "tcp"}]
              }
            },
            {
              "address": "module.net.aws_security_group.generated",
              "mode": "managed",
              "type": "aws_security_group",
              "name": "generated",
              "values": {
                "ingress": [{"cidr_blocks": ["0.0.0.0/0"], "from_port": 22, "to_port": 22, "protocol": "tcp"}]
              }
            }
          ]
        }
      ]
    }
  }
}
"#;

const LOCAL_ROOT_TF: &str = "variable \"open\" {\n  default = \"0.0.0.0/0\"\n}\n\nmodule \"net\" {\n  source = \"./modules/net\"\n  cidr   = var.open\n}\n";

const LOCAL_MODULE_TF: &str = "variable \"cidr\" {}\n\nresource \"aws_security_group\" \"this\" {\n  ingress {\n    from_port   = 3389\n    to_port     = 3389\n    protocol    = \"tcp\"\n    cidr_blocks = [var.cidr]\n  }\n}\n";

#[test]
fn a_resource_of_a_local_module_points_at_its_block_inside_the_module() {
    let files = [
        ("plans/plan.json", LOCAL_PLAN),
        ("infra/main.tf", LOCAL_ROOT_TF),
        ("infra/modules/net/main.tf", LOCAL_MODULE_TF),
    ];
    let dir = project(&files);
    let module_block = line_of(LOCAL_ROOT_TF, "module \"net\"");
    let inner = line_of(LOCAL_MODULE_TF, "resource \"aws_security_group\"");
    let expected = vec![
        f(
            SG_OPEN,
            "infra/main.tf",
            module_block,
            "aws_security_group.web",
        ),
        f(
            SG_OPEN,
            "infra/modules/net/main.tf",
            inner,
            "aws_security_group.web",
        ),
    ];
    // The configuration kept elsewhere and outside the scan.
    let v = palisade(
        dir.path(),
        &[
            "scan",
            "--format",
            "json",
            "--plan-source",
            "infra",
            "plans",
        ],
    )
    .json();
    assert_eq!(found(&v), expected, "{v:#}");
    let messages: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["message"].as_str().unwrap())
        .collect();
    // The module's own resource at its block; the one its `.tf` does not declare at the call.
    for (address, file, line) in [
        (
            "module.net.aws_security_group.this",
            "infra/modules/net/main.tf",
            inner,
        ),
        (
            "module.net.aws_security_group.generated",
            "infra/main.tf",
            module_block,
        ),
    ] {
        assert!(
            v["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x["message"].as_str().unwrap().contains(address)
                    && x["file"] == file
                    && x["line"] == line),
            "{messages:?}"
        );
    }
    // Scanned together with the configuration (the module directory included): the plan's
    // results only, the module's own analysis replaced too.
    let v = palisade(
        dir.path(),
        &[
            "scan",
            "--format",
            "json",
            "--plan-source",
            "infra",
            "plans",
            "infra",
        ],
    )
    .json();
    assert_eq!(found(&v), expected, "{v:#}");
    // The plan next to the configuration.
    let next = project(&[
        ("infra/plan.json", LOCAL_PLAN),
        ("infra/main.tf", LOCAL_ROOT_TF),
        ("infra/modules/net/main.tf", LOCAL_MODULE_TF),
    ]);
    let v = palisade(next.path(), &["scan", "--format", "json", "infra"]).json();
    assert_eq!(found(&v), expected, "{v:#}");
}

#[test]
fn a_plan_of_another_configuration_in_the_same_folder_replaces_nothing() {
    // The folder's own configuration declares other resources than the plan holds.
    let other = "resource \"aws_security_group\" \"own\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n";
    let dir = project(&[("mixed/plan.json", PLAN), ("mixed/main.tf", other)]);
    let v = palisade(dir.path(), &["scan", "--format", "json", "mixed"]).json();
    let got = found(&v);
    // The folder's finding stays, at its attribute; the plan's stay in the plan.
    assert!(
        got.contains(&f(
            SG_OPEN,
            "mixed/main.tf",
            line_of(other, "cidr_blocks"),
            "aws_security_group.web"
        )),
        "{v:#}"
    );
    assert!(
        got.contains(&f(
            SG_OPEN,
            "mixed/plan.json",
            line_of(PLAN, "\"0.0.0.0/0\""),
            "aws_security_group.web"
        )),
        "{v:#}"
    );
    assert_eq!(got.len(), 4, "{v:#}");
}
