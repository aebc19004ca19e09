//! `count` / `for_each` instances, `dynamic` blocks, references to instances, `path.*` and
//! `terraform.workspace`, through the public API.

use palisade_model::{Loaded, Provenance, Service, SgSource, Span, ValueKind};
use palisade_source::{FileId, SourceFile};

fn load(src: &str) -> (Loaded, Vec<SourceFile>) {
    let fs = vec![SourceFile::new(FileId(0), "mod/main.tf", src)];
    let refs: Vec<&SourceFile> = fs.iter().collect();
    (palisade_terraform::load_module(&refs), fs)
}

fn text(fs: &[SourceFile], sp: Span) -> &str {
    fs[sp.file.0 as usize].slice(sp)
}

fn addresses(l: &Loaded) -> Vec<&str> {
    l.model
        .resources
        .iter()
        .map(|r| r.address.as_str())
        .collect()
}

/// (value, text at the span, text at the definition, provenance) of each CIDR of a rule.
fn cidrs(l: &Loaded, fs: &[SourceFile], rule: usize) -> Vec<(String, String, String, Provenance)> {
    l.model.security_group_rules[rule]
        .sources
        .iter()
        .filter_map(|s| match s {
            SgSource::Cidr(v) => v.candidates().first().map(|c| {
                (
                    c.value.clone(),
                    text(fs, c.span).to_string(),
                    v.defined_at
                        .map(|d| text(fs, d).to_string())
                        .unwrap_or_default(),
                    c.provenance,
                )
            }),
            SgSource::Other(_) => None,
        })
        .collect()
}

fn unknown_cidr(l: &Loaded, rule: usize) -> bool {
    l.model.security_group_rules[rule]
        .sources
        .iter()
        .all(|s| matches!(s, SgSource::Cidr(v) if v.is_unknown()))
}

#[test]
fn count_expands_with_indexes_and_count_index_is_known() {
    let (l, fs) = load(
        r#"
variable "cidrs" { default = ["10.0.0.0/8", "0.0.0.0/0"] }
resource "aws_security_group" "sg" {
  count = length(var.cidrs)
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.cidrs[count.index]]
  }
}
"#,
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert_eq!(
        addresses(&l),
        ["aws_security_group.sg[0]", "aws_security_group.sg[1]"]
    );
    assert_eq!(cidrs(&l, &fs, 0)[0].0, "10.0.0.0/8");
    let open = &cidrs(&l, &fs, 1)[0];
    assert_eq!(open.0, "0.0.0.0/0");
    // The use site in the resource, the definition in the variable default.
    assert_eq!(open.1, "var.cidrs");
    assert_eq!(open.2, "\"0.0.0.0/0\"");
    assert_eq!(open.3, Provenance::Default);
}

#[test]
fn nothing_deployed_nothing_modelled() {
    let (l, _) = load(
        r#"
variable "on" { default = false }
resource "aws_security_group" "zero" {
  count = 0
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_s3_bucket" "off" {
  count = var.on ? 1 : 0
}
resource "aws_ebs_volume" "none" {
  for_each = {}
}
resource "aws_ebs_volume" "noset" {
  for_each = toset([])
}
data "aws_iam_policy_document" "d" {
  count = 0
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}
"#,
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert!(addresses(&l).is_empty(), "{:?}", addresses(&l));
    assert!(l.model.security_group_rules.is_empty());
    assert!(l.model.policies.is_empty());
}

#[test]
fn for_each_binds_each_key_and_value_at_the_use_site() {
    let (l, fs) = load(
        r#"
resource "aws_security_group" "sg" {
  for_each = {
    admin  = "0.0.0.0/0"
    office = "10.1.0.0/16"
  }
  description = each.key
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [each.value]
  }
}
resource "aws_ebs_volume" "v" {
  for_each  = toset(["a", "b"])
  encrypted = each.key == "b"
}
"#,
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert_eq!(
        addresses(&l),
        [
            "aws_security_group.sg[\"admin\"]",
            "aws_security_group.sg[\"office\"]",
            "aws_ebs_volume.v[\"a\"]",
            "aws_ebs_volume.v[\"b\"]",
        ]
    );
    let admin = &cidrs(&l, &fs, 0)[0];
    assert_eq!(admin.0, "0.0.0.0/0");
    assert_eq!(admin.1, "each.value", "points into the resource");
    assert_eq!(admin.2, "\"0.0.0.0/0\"", "names the definition");
    assert_eq!(admin.3, Provenance::Derived);
    assert_eq!(cidrs(&l, &fs, 1)[0].0, "10.1.0.0/16");
    let enc: Vec<Option<bool>> = l
        .model
        .encryption
        .iter()
        .map(|e| e.encrypted.get().copied())
        .collect();
    assert_eq!(enc, [Some(false), Some(true)]);
}

#[test]
fn unknown_count_or_for_each_keeps_one_instance_with_unknown_values() {
    let (l, _) = load(
        r#"
variable "n" {}
variable "m" {}
resource "aws_security_group" "a" {
  count = var.n
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [count.index == 0 ? "0.0.0.0/0" : "10.0.0.0/8"]
  }
}
resource "aws_security_group" "b" {
  for_each = var.m
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [each.value]
  }
}
"#,
    );
    assert_eq!(
        addresses(&l),
        ["aws_security_group.a", "aws_security_group.b"]
    );
    assert!(
        unknown_cidr(&l, 0)
            || {
                // A conditional on an unknown index: neither branch is certain.
                let c = &l.model.security_group_rules[0].sources[0];
                matches!(c, SgSource::Cidr(v) if matches!(v.kind, ValueKind::Conditional { .. } | ValueKind::Unknown))
            }
    );
    assert!(unknown_cidr(&l, 1));
}

#[test]
fn expansion_is_capped_with_a_note() {
    let (l, fs) = load(
        r#"
resource "aws_ebs_volume" "v" {
  count = 5000
}
"#,
    );
    assert_eq!(l.model.resources.len(), 1000);
    assert_eq!(l.model.resources[999].address, "aws_ebs_volume.v[999]");
    assert_eq!(l.diagnostics.len(), 1);
    assert!(l.diagnostics[0].message.contains("5000"));
    assert_eq!(text(&fs, l.diagnostics[0].span), "count = 5000");
}

#[test]
fn policy_documents_with_count_and_for_each() {
    let (l, fs) = load(
        r#"
data "aws_iam_policy_document" "d" {
  for_each = { ro = "s3:GetObject", all = "s3:*" }
  statement {
    actions   = [each.value]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "c" {
  count = 1
  statement {
    actions   = ["ec2:Describe*"]
    resources = ["*"]
  }
}
resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.c[0].json
}
resource "aws_iam_policy" "p" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = data.aws_iam_policy_document.d["all"].json == "" ? "x" : "y", Resource = "*" }] })
}
"#,
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let docs: Vec<(&str, String, &str)> = l
        .model
        .policies
        .iter()
        .filter(|p| p.attribute == "statement")
        .map(|p| {
            let st = &p.document.statements[0];
            let (action, sp) = st.actions()[0];
            (
                l.model.resource(p.owner.unwrap()).address.as_str(),
                action.to_string(),
                text(&fs, sp),
            )
        })
        .collect();
    assert_eq!(
        docs,
        [
            (
                "data.aws_iam_policy_document.d[\"ro\"]",
                "s3:GetObject".to_string(),
                "each.value"
            ),
            (
                "data.aws_iam_policy_document.d[\"all\"]",
                "s3:*".to_string(),
                "each.value"
            ),
            (
                "data.aws_iam_policy_document.c[0]",
                "ec2:Describe*".to_string(),
                "\"ec2:Describe*\""
            ),
        ]
    );
    // `c[0]` is used as a trust policy.
    let c = l
        .model
        .policies
        .iter()
        .find(|p| l.model.resource(p.owner.unwrap()).address.ends_with("c[0]"))
        .unwrap();
    assert_eq!(c.document.kind, palisade_model::PolicyKind::Trust);
}

#[test]
fn dynamic_blocks_expand_with_spans_inside_content() {
    let (l, fs) = load(
        r#"
locals {
  rules = [
    { port = 22, cidr = "0.0.0.0/0" },
    { port = 443, cidr = "10.0.0.0/8" },
  ]
}
variable "unknown_rules" {}
resource "aws_security_group" "default_iterator" {
  dynamic "ingress" {
    for_each = local.rules
    content {
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = [ingress.value.cidr]
      description = "rule ${ingress.key}"
    }
  }
}
resource "aws_security_group" "named_iterator" {
  dynamic "egress" {
    for_each = { web = "0.0.0.0/0" }
    iterator = rule
    content {
      from_port   = 0
      to_port     = 0
      protocol    = "-1"
      cidr_blocks = [rule.value]
      description = rule.key
    }
  }
}
resource "aws_security_group" "unknown" {
  dynamic "ingress" {
    for_each = var.unknown_rules
    content {
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
resource "aws_instance" "i" {
  dynamic "root_block_device" {
    for_each = [true]
    content {
      encrypted = root_block_device.value
    }
  }
}
"#,
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let rules = &l.model.security_group_rules;
    assert_eq!(
        rules.len(),
        3,
        "two generated ingress, one egress, none unknown"
    );
    let first = &cidrs(&l, &fs, 0)[0];
    assert_eq!(first.0, "0.0.0.0/0");
    assert_eq!(first.1, "ingress.value.cidr");
    assert_eq!(first.2, "\"0.0.0.0/0\"");
    assert_eq!(rules[0].from_port.get(), Some(&22));
    assert_eq!(rules[1].from_port.get(), Some(&443));
    assert!(text(&fs, rules[0].span).starts_with("content {"));
    assert_eq!(
        rules[1].description.as_ref().and_then(|d| d.get().cloned()),
        Some("rule 1".to_string())
    );
    assert_eq!(cidrs(&l, &fs, 2)[0].0, "0.0.0.0/0");
    assert_eq!(cidrs(&l, &fs, 2)[0].1, "rule.value");
    assert_eq!(
        rules[2].description.as_ref().and_then(|d| d.get().cloned()),
        Some("web".to_string())
    );
    let root = l
        .model
        .encryption
        .iter()
        .find(|e| e.service == Service::Ebs)
        .unwrap();
    assert_eq!(root.encrypted.get(), Some(&true));
    assert_eq!(
        text(&fs, root.encrypted.span),
        "encrypted = root_block_device.value"
    );
}

#[test]
fn dynamic_statements_in_policy_documents() {
    let (l, fs) = load(
        r#"
variable "extra" {}
data "aws_iam_policy_document" "known" {
  dynamic "statement" {
    for_each = { read = ["s3:GetObject"], admin = ["iam:*"] }
    content {
      sid       = statement.key
      actions   = statement.value
      resources = ["*"]
    }
  }
}
data "aws_iam_policy_document" "unknown" {
  dynamic "statement" {
    for_each = var.extra
    content {
      actions   = ["*"]
      resources = ["*"]
    }
  }
}
"#,
    );
    let known = &l.model.policies[0].document;
    assert!(known.complete);
    assert_eq!(known.statements.len(), 2);
    let (action, sp) = known.statements[1].actions()[0];
    assert_eq!(action, "iam:*");
    assert_eq!(text(&fs, sp), "statement.value");
    let unknown = &l.model.policies[1].document;
    assert!(!unknown.complete);
    assert!(unknown.statements.is_empty());
}

#[test]
fn encryption_resources_link_to_bucket_instances() {
    let (l, _) = load(
        r#"
resource "aws_s3_bucket" "b" {
  count = 2
}
resource "aws_s3_bucket_server_side_encryption_configuration" "e" {
  count  = 2
  bucket = aws_s3_bucket.b[count.index].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:eu-west-1:1:key/${count.index}"
    }
  }
}
resource "aws_s3_bucket" "m" {
  for_each = toset(["logs", "data"])
}
resource "aws_s3_bucket_server_side_encryption_configuration" "only_logs" {
  bucket = aws_s3_bucket.m["logs"].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:eu-west-1:1:key/logs"
    }
  }
}
"#,
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let by_bucket: Vec<(&str, Option<String>)> = l
        .model
        .encryption
        .iter()
        .map(|e| {
            (
                l.model.resource(e.owner).address.as_str(),
                e.kms_key.as_ref().and_then(|k| k.get().cloned()),
            )
        })
        .collect();
    // Every configuration found its bucket: no store stands for a configuration resource.
    assert_eq!(
        by_bucket,
        [
            (
                "aws_s3_bucket.b[0]",
                Some("arn:aws:kms:eu-west-1:1:key/0".into())
            ),
            (
                "aws_s3_bucket.b[1]",
                Some("arn:aws:kms:eu-west-1:1:key/1".into())
            ),
            (
                "aws_s3_bucket.m[\"logs\"]",
                Some("arn:aws:kms:eu-west-1:1:key/logs".into())
            ),
            ("aws_s3_bucket.m[\"data\"]", None),
        ]
    );
}

#[test]
fn workspace_and_paths_are_known() {
    let (l, _) = load(
        r#"
resource "aws_s3_bucket_server_side_encryption_configuration" "e" {
  bucket = "b"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "${terraform.workspace}:${path.module}:${path.root}:${path.cwd}"
    }
  }
}
"#,
    );
    let key = l.model.encryption[0].kms_key.as_ref().unwrap();
    assert_eq!(key.get().map(String::as_str), Some("default:mod:mod:mod"));
}

#[test]
fn new_syntax_inside_modelled_resources_is_tolerated() {
    let (l, _) = load(
        r#"
ephemeral "random_password" "p" { length = 16 }
resource "terraform_data" "t" { input = ephemeral.random_password.p.result }
resource "aws_ebs_volume" "v" {
  encrypted  = provider::aws::arn_parse("arn:aws:kms:eu-west-1:1:key/x").service == "kms"
  kms_key_id = ephemeral.random_password.p.result
  lifecycle {
    precondition {
      condition     = true
      error_message = "no"
    }
    postcondition {
      condition     = self.encrypted
      error_message = "no"
    }
  }
}
variable "o" {
  type     = object({ a = optional(string, "x") })
  nullable = false
  default  = {}
  validation {
    condition     = var.o != null
    error_message = "no"
  }
}
check "c" {
  data "aws_caller_identity" "me" {}
  assert {
    condition     = true
    error_message = "no"
  }
}
import {
  to = aws_ebs_volume.v
  id = "vol-1"
}
moved {
  from = aws_ebs_volume.old
  to   = aws_ebs_volume.v
}
removed {
  from = aws_ebs_volume.gone
  lifecycle { destroy = false }
}
"#,
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert_eq!(addresses(&l), ["aws_ebs_volume.v"]);
    let e = &l.model.encryption[0];
    // A provider function and an ephemeral value are unknown: nothing can fire on them.
    assert!(e.encrypted.is_unknown());
    assert!(e.kms_key.as_ref().unwrap().is_unknown());
}

#[test]
fn command_line_values_override_tfvars_and_point_at_the_use_site() {
    let fs = vec![
        SourceFile::new(
            FileId(0),
            "mod/main.tf",
            r#"variable "cidrs" {}
variable "one" { default = "10.0.0.0/8" }
resource "aws_security_group" "sg" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = concat(var.cidrs, [var.one])
  }
}
"#,
        ),
        SourceFile::new(FileId(1), "mod/terraform.tfvars", "one = \"10.9.0.0/16\"\n"),
        SourceFile::new(FileId(2), "prod.tfvars", "one = \"0.0.0.0/0\"\n"),
    ];
    let module: Vec<&SourceFile> = fs[..2].iter().collect();
    let inputs = palisade_terraform::TerraformInputs {
        vars: vec![("cidrs".into(), "[\"::/0\"]".into())],
        var_files: vec![&fs[2]],
        modules: None,
    };
    let l = palisade_terraform::load_module_with(&module, &inputs);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let got = cidrs(&l, &fs, 0);
    assert_eq!(got[0].0, "::/0");
    assert_eq!(got[0].1, "var.cidrs");
    assert_eq!(got[0].2, "", "a --var value has no definition site");
    assert_eq!(
        got[1].0, "0.0.0.0/0",
        "the var file wins over terraform.tfvars"
    );
    assert_eq!(got[1].2, "\"0.0.0.0/0\"");
    assert_eq!(got[1].3, Provenance::Derived);
}
