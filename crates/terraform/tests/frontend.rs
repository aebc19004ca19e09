//! The Terraform frontend through its public API: modules in, model and diagnostics out.

use palisade_model::iam::known_strings;
use palisade_model::{
    Direction, Loaded, PolicyKind, Provenance, Service, SgSource, Span, ValueKind,
};
use palisade_source::{FileId, SourceFile};

fn files(srcs: &[(&str, &str)]) -> Vec<SourceFile> {
    srcs.iter()
        .enumerate()
        .map(|(i, (p, t))| SourceFile::new(FileId(i as u32), format!("mod/{p}"), *t))
        .collect()
}

fn load(srcs: &[(&str, &str)]) -> (Loaded, Vec<SourceFile>) {
    let fs = files(srcs);
    let refs: Vec<&SourceFile> = fs.iter().collect();
    (palisade_terraform::load_module(&refs), fs)
}

fn text(fs: &[SourceFile], sp: Span) -> &str {
    fs[sp.file.0 as usize].slice(sp)
}

fn cidr_texts(l: &Loaded, fs: &[SourceFile], rule: usize) -> Vec<(String, String, Provenance)> {
    l.model.security_group_rules[rule]
        .sources
        .iter()
        .filter_map(|s| match s {
            SgSource::Cidr(v) => v
                .candidates()
                .first()
                .map(|c| (c.value.clone(), text(fs, c.span).to_string(), c.provenance)),
            SgSource::Other(_) => None,
        })
        .collect()
}

#[test]
fn variable_defaults_point_at_the_use_site_and_name_the_definition() {
    let (l, fs) = load(&[
        (
            "variables.tf",
            "variable \"admin\" {\n  default = \"0.0.0.0/0\"\n}\n",
        ),
        (
            "main.tf",
            r#"resource "aws_security_group" "sg" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "TCP"
    cidr_blocks = [var.admin, "10.0.0.0/8"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
"#,
        ),
    ]);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert_eq!(l.model.resources.len(), 1);
    let r = &l.model.resources[0];
    assert_eq!(r.address, "aws_security_group.sg");
    assert_eq!(
        text(&fs, r.header),
        "resource \"aws_security_group\" \"sg\""
    );
    assert_eq!(l.model.security_group_rules.len(), 2);
    let rule = &l.model.security_group_rules[0];
    assert_eq!(rule.direction.get(), Some(&Direction::Ingress));
    assert_eq!(rule.protocol.get().map(String::as_str), Some("tcp"));
    assert_eq!(rule.from_port.get(), Some(&22));
    assert!(text(&fs, rule.span).starts_with("ingress {"));
    let c = cidr_texts(&l, &fs, 0);
    assert_eq!(
        c[0],
        ("0.0.0.0/0".into(), "var.admin".into(), Provenance::Default)
    );
    assert_eq!(
        c[1],
        (
            "10.0.0.0/8".into(),
            "\"10.0.0.0/8\"".into(),
            Provenance::Literal
        )
    );
    let SgSource::Cidr(v) = &rule.sources[0] else {
        panic!()
    };
    assert_eq!(text(&fs, v.defined_at.unwrap()), "\"0.0.0.0/0\"");
    assert_eq!(
        l.model.security_group_rules[1].direction.get(),
        Some(&Direction::Egress)
    );
}

#[test]
fn tfvars_override_defaults_and_missing_values_stay_unknown() {
    let (l, fs) = load(&[
        (
            "main.tf",
            r#"variable "a" { default = "10.0.0.0/8" }
variable "b" {}
variable "c" { default = "10.0.0.0/8" }
resource "aws_security_group_rule" "r" {
  type              = "ingress"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  cidr_blocks       = [var.a, var.b, var.c]
  security_group_id = aws_security_group.x.id
}
"#,
        ),
        (
            "terraform.tfvars",
            "a = \"0.0.0.0/0\"\nc = \"1.1.1.1/32\"\n",
        ),
        ("z.auto.tfvars.json", "{\"c\": \"::/0\"}"),
    ]);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let rule = &l.model.security_group_rules[0];
    assert_eq!(rule.sources.len(), 3);
    let SgSource::Cidr(a) = &rule.sources[0] else {
        panic!()
    };
    let ca = &a.candidates()[0];
    assert_eq!(ca.value, "0.0.0.0/0");
    assert_eq!(ca.provenance, Provenance::Derived);
    assert_eq!(text(&fs, ca.span), "var.a");
    assert_eq!(text(&fs, ca.defined_at.unwrap()), "\"0.0.0.0/0\"");
    let SgSource::Cidr(b) = &rule.sources[1] else {
        panic!()
    };
    assert!(b.candidates().is_empty(), "no default, no tfvars: unknown");
    // The auto.tfvars.json file comes after terraform.tfvars and wins.
    let SgSource::Cidr(c) = &rule.sources[2] else {
        panic!()
    };
    assert_eq!(c.get().map(String::as_str), Some("::/0"));
    assert_eq!(text(&fs, c.defined_at.unwrap()), "\"::/0\"");
    // The rule resource is the rule's span.
    assert!(text(&fs, rule.span).starts_with("resource \"aws_security_group_rule\""));
}

#[test]
fn every_security_group_rule_form() {
    let (l, fs) = load(&[(
        "main.tf",
        r#"
resource "aws_vpc_security_group_ingress_rule" "in" {
  security_group_id = aws_security_group.x.id
  cidr_ipv6         = "::/0"
  ip_protocol       = "-1"
}
resource "aws_vpc_security_group_egress_rule" "out" {
  security_group_id            = aws_security_group.x.id
  referenced_security_group_id = aws_security_group.y.id
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
}
resource "aws_security_group_rule" "sg" {
  type                     = "egress"
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.y.id
  security_group_id        = aws_security_group.x.id
}
resource "aws_default_security_group" "d" {
  ingress {
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }
  dynamic "ingress" {
    for_each = var.rules
    content {
      cidr_blocks = ingress.value
    }
  }
}
resource "aws_security_group" "cond" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.env == "prod" ? ["10.0.0.0/8"] : ["0.0.0.0/0"]
    ipv6_cidr_blocks = var.v6
  }
}
"#,
    )]);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let rules = &l.model.security_group_rules;
    assert_eq!(rules.len(), 5);
    assert_eq!(rules[0].direction.get(), Some(&Direction::Ingress));
    assert_eq!(rules[0].from_port.get(), Some(&0));
    assert_eq!(rules[0].to_port.get(), Some(&65535));
    assert_eq!(cidr_texts(&l, &fs, 0)[0].0, "::/0");
    assert_eq!(rules[1].direction.get(), Some(&Direction::Egress));
    assert!(matches!(rules[1].sources[..], [SgSource::Other(_)]));
    assert_eq!(rules[2].direction.get(), Some(&Direction::Egress));
    assert!(matches!(rules[2].sources[..], [SgSource::Other(_)]));
    assert!(matches!(rules[3].sources[..], [SgSource::Other(_)]));
    // The conditional list: each item applies under its branch; the unknown list is one
    // unknown CIDR.
    let cond = &rules[4];
    assert_eq!(cond.sources.len(), 3);
    let SgSource::Cidr(open) = &cond.sources[1] else {
        panic!()
    };
    let c = open.candidates();
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].value, "0.0.0.0/0");
    assert_eq!(
        c[0].conditions,
        vec![("var.env == \"prod\"".to_string(), false)]
    );
    let SgSource::Cidr(v6) = &cond.sources[2] else {
        panic!()
    };
    assert!(v6.is_unknown());
}

#[test]
fn network_acls() {
    let (l, _) = load(&[(
        "main.tf",
        r#"
resource "aws_network_acl" "a" {
  vpc_id = "vpc-1"
  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "ALLOW"
    cidr_block = "0.0.0.0/0"
    from_port  = 22
    to_port    = 22
  }
}
resource "aws_network_acl_rule" "r" {
  network_acl_id = "acl-1"
  rule_number    = 200
  protocol       = "-1"
  rule_action    = "allow"
  ipv6_cidr_block = "::/0"
}
"#,
    )]);
    let n = &l.model.nacl_rules;
    assert_eq!(n.len(), 2);
    assert_eq!(n[0].action.get().map(String::as_str), Some("allow"));
    assert_eq!(n[0].rule_number.get(), Some(&100));
    assert_eq!(
        n[0].cidr.as_ref().and_then(|c| c.get()).map(String::as_str),
        Some("0.0.0.0/0")
    );
    assert_eq!(n[1].direction.get(), Some(&Direction::Ingress));
    assert_eq!(
        n[1].direction.candidates()[0].provenance,
        Provenance::Omitted
    );
    assert_eq!(n[1].to_port.get(), Some(&65535));
    assert_eq!(
        n[1].ipv6_cidr
            .as_ref()
            .and_then(|c| c.get())
            .map(String::as_str),
        Some("::/0")
    );
}

#[test]
fn heredoc_policies_have_exact_spans_even_with_interpolation() {
    let src = "variable \"bucket\" { default = \"b\" }\nresource \"aws_iam_policy\" \"p\" {\n  policy = <<-EOF\n    {\n      \"Statement\": [{\n        \"Effect\": \"Allow\",\n        \"Resource\": \"arn:aws:s3:::${var.bucket}/*\",\n        \"Action\": [\"s3:Get*\", \"iam:*\"],\n        \"Principal\": {\"AWS\": ${jsonencode(var.arns)}}\n      }]\n    }\n  EOF\n}\n";
    let (l, fs) = load(&[("main.tf", src)]);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let p = &l.model.policies[0];
    assert_eq!(p.attribute, "policy");
    assert_eq!(p.document.kind, PolicyKind::Identity);
    let st = &p.document.statements[0];
    let actions = st.actions();
    assert_eq!(actions.len(), 2);
    assert_eq!(actions[1].0, "iam:*");
    assert_eq!(text(&fs, actions[1].1), "\"iam:*\"");
    let res = known_strings(st.resource.as_ref());
    assert_eq!(res[0].0, "arn:aws:s3:::b/*");
    // The unknown principal list is not guessed.
    let pr = st.principal.as_ref().unwrap();
    assert!(pr.entries[0].values.is_unknown());
}

#[test]
fn jsonencode_policies_point_at_hcl_values() {
    let src = r#"resource "aws_iam_role_policy" "p" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:*"]
      Resource = "*"
    }]
  })
}
resource "aws_organizations_policy" "scp" {
  content = "{\"Statement\": {\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"}}"
}
resource "aws_iam_policy" "fromfile" {
  policy = file("p.json")
}
"#;
    let (l, fs) = load(&[("main.tf", src)]);
    assert_eq!(l.model.policies.len(), 2, "file() is unknown: no policy");
    let a = l.model.policies[0].document.statements[0].actions();
    assert_eq!(text(&fs, a[1].1), "\"s3:*\"");
    let scp = &l.model.policies[1];
    assert_eq!(scp.document.kind, PolicyKind::ControlPolicy);
    let a = scp.document.statements[0].actions();
    assert_eq!(a[0].0, "*");
    assert_eq!(text(&fs, a[0].1), "\\\"*\\\"");
}

#[test]
fn policy_document_data_sources() {
    let src = r#"
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.gh.arn]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:org/*"]
    }
  }
}
data "aws_iam_policy_document" "base" {
  statement {
    sid     = "A"
    actions = ["s3:GetObject"]
  }
  statement {
    sid       = "B"
    effect    = "Deny"
    not_actions = ["iam:*"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "merged" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [jsonencode({ Statement = [{ Sid = "A", Effect = "Allow", Action = "ec2:*" }] })]
  dynamic "statement" {
    for_each = var.extra
    content {
      actions = statement.value
    }
  }
}
data "aws_iam_policy_document" "bucket" {
  statement {
    actions = ["s3:*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}
resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.merged.json
}
"#;
    let (l, fs) = load(&[("main.tf", src)]);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    // One policy per data source, except `base`, which only feeds `merged` and is judged
    // there; the role and the policy do not repeat them.
    assert_eq!(l.model.policies.len(), 3);
    let by = |addr: &str| {
        l.model
            .policies
            .iter()
            .find(|p| l.model.resource(p.owner.unwrap()).address == addr)
            .unwrap_or_else(|| panic!("{addr}"))
    };
    let trust = by("data.aws_iam_policy_document.trust");
    assert_eq!(trust.document.kind, PolicyKind::Trust);
    let st = &trust.document.statements[0];
    assert!(st.is_allow());
    assert_eq!(
        text(&fs, st.actions()[0].1),
        "\"sts:AssumeRoleWithWebIdentity\""
    );
    let conds = st.conditions_on("token.actions.githubusercontent.com:sub");
    assert_eq!(conds.len(), 1);
    assert_eq!(conds[0].operator, "StringLike");
    assert!(text(&fs, conds[0].span).starts_with("condition {"));
    let pr = st.principal.as_ref().unwrap();
    assert_eq!(pr.entries[0].kind, "Federated");
    assert!(l
        .model
        .resources
        .iter()
        .any(|r| r.address == "data.aws_iam_policy_document.base"));
    assert!(
        !l.model
            .policies
            .iter()
            .any(|p| l.model.resource(p.owner.unwrap()).address
                == "data.aws_iam_policy_document.base")
    );
    let merged = by("data.aws_iam_policy_document.merged");
    assert!(!merged.document.complete, "dynamic statement");
    let sts = &merged.document.statements;
    assert_eq!(sts.len(), 2);
    assert_eq!(sts[0].actions()[0].0, "ec2:*", "override replaced sid A");
    assert!(!sts[1].is_allow());
    let bucket = by("data.aws_iam_policy_document.bucket");
    assert_eq!(bucket.document.kind, PolicyKind::Resource);
    assert_eq!(
        bucket.document.statements[0]
            .principal
            .as_ref()
            .unwrap()
            .entries[0]
            .kind,
        "*"
    );
}

#[test]
fn a_document_feeding_another_is_judged_once_unless_also_used() {
    let src = r#"
data "aws_iam_policy_document" "base" {
  statement {
    actions   = ["s3:*"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "shared" {
  statement {
    actions   = ["sqs:*"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "merged" {
  source_policy_documents = [data.aws_iam_policy_document.base.json, data.aws_iam_policy_document.shared.json]
}
resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.merged.json
}
resource "aws_iam_policy" "q" {
  policy = data.aws_iam_policy_document.shared.json
}
"#;
    let (l, _) = load(&[("main.tf", src)]);
    let owners: Vec<&str> = l
        .model
        .policies
        .iter()
        .map(|p| l.model.resource(p.owner.unwrap()).address.as_str())
        .collect();
    assert_eq!(
        owners,
        vec![
            "data.aws_iam_policy_document.shared",
            "data.aws_iam_policy_document.merged"
        ]
    );
    let merged = &l.model.policies[1].document;
    let actions: Vec<&str> = merged.statements.iter().map(|s| s.actions()[0].0).collect();
    assert_eq!(actions, vec!["s3:*", "sqs:*"]);
}

#[test]
fn permission_set_inline_policies_are_identity_policies() {
    let src = "resource \"aws_ssoadmin_permission_set_inline_policy\" \"p\" {\n  inline_policy = jsonencode({ Statement = [{ Effect = \"Allow\", Action = \"*\", Resource = \"*\" }] })\n}\n";
    let (l, _) = load(&[("main.tf", src)]);
    assert_eq!(l.model.policies.len(), 1);
    assert_eq!(l.model.policies[0].document.kind, PolicyKind::Identity);
    assert_eq!(l.model.policies[0].attribute, "inline_policy");
}

#[test]
fn a_document_name_given_twice_is_judged_in_each_block() {
    // Terraform rejects the second block, but a directory of copied examples holds both:
    // each is read on its own; references name the first.
    let a = "data \"aws_iam_policy_document\" \"d\" {\n  statement {\n    actions = [\"s3:GetObject\"]\n  }\n}\n";
    let b =
        "data \"aws_iam_policy_document\" \"d\" {\n  statement {\n    actions = [\"*\"]\n  }\n}\n";
    let (l, fs) = load(&[("a.tf", a), ("b.tf", b)]);
    let actions: Vec<String> = l
        .model
        .policies
        .iter()
        .map(|p| text(&fs, p.document.statements[0].actions()[0].1).to_string())
        .collect();
    assert_eq!(actions, vec!["\"s3:GetObject\"", "\"*\""]);
}

#[test]
fn encryption_at_rest_per_service() {
    let src = r#"
resource "aws_s3_bucket" "a" { bucket = "a" }
resource "aws_s3_bucket_server_side_encryption_configuration" "a" {
  bucket = aws_s3_bucket.a.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
resource "aws_s3_bucket" "plain" { bucket = "p" }
resource "aws_ebs_volume" "v" { size = 1 }
resource "aws_instance" "i" {
  ami = "ami-1"
  ebs_block_device {
    device_name = "/dev/sdb"
    encrypted   = true
    kms_key_id  = aws_kms_key.k.arn
  }
}
resource "aws_db_instance" "db" {
  storage_encrypted = false
}
resource "aws_db_instance" "replica" {
  replicate_source_db = aws_db_instance.db.identifier
}
resource "aws_dynamodb_table" "t" {
  server_side_encryption {
    enabled = true
  }
}
resource "aws_sns_topic" "s" {}
resource "aws_sqs_queue" "q" { sqs_managed_sse_enabled = false }
resource "aws_kinesis_stream" "k" { encryption_type = "KMS" }
resource "aws_opensearch_domain" "o" {
  encrypt_at_rest { enabled = true }
}
resource "aws_cloudwatch_log_group" "l" { kms_key_id = var.key }
resource "aws_kms_key" "k" {}
resource "aws_kms_key" "rot" {
  enable_key_rotation = true
  customer_master_key_spec = "RSA_2048"
}
"#;
    let (l, fs) = load(&[("main.tf", src)]);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let enc = |addr: &str| {
        l.model
            .encryption
            .iter()
            .filter(|e| l.model.resource(e.owner).address == addr)
            .collect::<Vec<_>>()
    };
    let a = enc("aws_s3_bucket.a");
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].encrypted.get(), Some(&true));
    let key = a[0].kms_key.as_ref().unwrap();
    assert_eq!(key.get().map(String::as_str), Some("alias/aws/s3"));
    assert!(text(&fs, a[0].span).starts_with("apply_server_side_encryption_by_default"));
    assert_eq!(
        enc("aws_s3_bucket_server_side_encryption_configuration.a").len(),
        0,
        "linked to the bucket"
    );
    let plain = enc("aws_s3_bucket.plain");
    assert_eq!(
        plain[0].encrypted.candidates()[0].provenance,
        Provenance::Omitted
    );
    assert_eq!(plain[0].encrypted.get(), Some(&true));
    let v = enc("aws_ebs_volume.v");
    assert_eq!(v[0].encrypted.get(), Some(&false));
    assert_eq!(text(&fs, v[0].span), "resource \"aws_ebs_volume\" \"v\"");
    let i = enc("aws_instance.i");
    assert_eq!(i.len(), 2);
    assert_eq!(i[0].store, "root block device");
    assert_eq!(i[0].encrypted.get(), Some(&false));
    assert_eq!(i[1].encrypted.get(), Some(&true));
    assert!(matches!(
        i[1].kms_key.as_ref().unwrap().kind,
        ValueKind::Reference(_)
    ));
    let db = enc("aws_db_instance.db");
    assert_eq!(db[0].service, Service::Rds);
    assert_eq!(db[0].encrypted.get(), Some(&false));
    assert_eq!(text(&fs, db[0].encrypted.span), "storage_encrypted = false");
    assert!(enc("aws_db_instance.replica")[0].encrypted.is_unknown());
    let t = enc("aws_dynamodb_table.t");
    assert_eq!(
        t[0].kms_key.as_ref().unwrap().get().map(String::as_str),
        Some("alias/aws/dynamodb")
    );
    assert_eq!(enc("aws_sns_topic.s")[0].encrypted.get(), Some(&false));
    assert_eq!(enc("aws_sqs_queue.q")[0].encrypted.get(), Some(&false));
    assert_eq!(enc("aws_kinesis_stream.k")[0].encrypted.get(), Some(&true));
    assert_eq!(
        enc("aws_opensearch_domain.o")[0].encrypted.get(),
        Some(&true)
    );
    let lg = enc("aws_cloudwatch_log_group.l");
    assert!(lg[0].kms_key.as_ref().unwrap().is_unknown());
    let keys = &l.model.kms_keys;
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[0].rotation_enabled.get(), Some(&false));
    assert!(!keys[0].rotation_enabled.is_written());
    assert_eq!(keys[1].rotation_enabled.get(), Some(&true));
    assert_eq!(keys[1].key_spec.get().map(String::as_str), Some("RSA_2048"));
}

#[test]
fn truncated_file_keeps_the_resources_before_the_damage() {
    let src = r#"resource "aws_ebs_volume" "ok" {
  size = 1
}

resource "aws_security_group" "broken" {
  ingress {
    cidr_blocks = ["0.0.0.0/0"
"#;
    let (l, fs) = load(&[
        ("main.tf", src),
        ("other.tf", "resource \"aws_kms_key\" \"k\" {}\n"),
    ]);
    assert!(!l.diagnostics.is_empty());
    let d = &l.diagnostics[0];
    assert_eq!(d.span.file, FileId(0));
    assert!(d.message.starts_with("syntax error"), "{}", d.message);
    assert!(
        l.diagnostics
            .iter()
            .any(|d| d.message.contains("missing '}'") || d.message.contains("missing ']'")),
        "{:?}",
        l.diagnostics
    );
    let addrs: Vec<&str> = l
        .model
        .resources
        .iter()
        .map(|r| r.address.as_str())
        .collect();
    assert!(addrs.contains(&"aws_ebs_volume.ok"), "{addrs:?}");
    assert!(addrs.contains(&"aws_kms_key.k"), "{addrs:?}");
    let _ = fs;
}

#[test]
fn unexpected_tokens_are_located() {
    let (l, fs) = load(&[(
        "main.tf",
        "resource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = true\n}\n}}} = = \n",
    )]);
    assert!(!l.diagnostics.is_empty());
    let d = &l.diagnostics[0];
    assert!(d.message.contains("unexpected"), "{}", d.message);
    assert_eq!(fs[0].line_col(d.span.start).line, 4);
    assert_eq!(l.model.kms_keys.len(), 1);
}

#[test]
fn provider_only_new_syntax_and_unknown_types_are_silent() {
    let src = r#"
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.0" }
  }
}
provider "aws" { region = "eu-west-1" }
variable "x" {
  type = object({ a = optional(string, "d"), b = optional(number) })
  nullable = false
  validation {
    condition     = length(var.x.a) > 0
    error_message = "no"
  }
}
ephemeral "aws_secretsmanager_secret_version" "s" { secret_id = "x" }
check "health" {
  assert {
    condition     = provider::aws::arn_parse("arn:aws:iam::1:root").service == "iam"
    error_message = "bad"
  }
}
import {
  to = aws_s3_bucket.b
  id = "b"
}
moved {
  from = aws_s3_bucket.a
  to   = aws_s3_bucket.b
}
removed {
  from = aws_s3_bucket.c
  lifecycle { destroy = false }
}
resource "terraform_data" "d" { input = ephemeral.aws_secretsmanager_secret_version.s.secret_string }
resource "google_storage_bucket" "g" { name = "x" }
output "o" { value = { for k, v in var.x : k => v } }
"#;
    let (l, _) = load(&[("main.tf", src), ("vars.tf", "variable \"y\" {}\n")]);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert!(l.model.resources.is_empty());
}

#[test]
fn operators_bind_postfixes_to_their_last_operand() {
    let src = r#"
variable "env" { default = "prod" }
resource "aws_security_group" "s" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = "prod" == var.env ? ["0.0.0.0/0"] : []
  }
}
"#;
    let (l, fs) = load(&[("main.tf", src)]);
    let c = cidr_texts(&l, &fs, 0);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].0, "0.0.0.0/0");
}

/// Random slices of real files must never panic (and must finish quickly).
#[test]
fn garbage_never_panics() {
    let mut samples: Vec<String> = vec![
        "resource \"a\" \"b\" { x = [for".into(),
        "<<EOF\n${".into(),
        "x = \"${\"${\"${".into(),
        "locals { a = local.a }\nresource \"aws_s3_bucket\" \"b\" { policy = local.a }".into(),
        "\u{0}\u{1}\u{FFFD}{{{{[[[[((((".into(),
    ];
    let corpus =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/terraform");
    let mut stack = vec![corpus];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "tf") && samples.len() < 400 {
                if let Ok(t) = std::fs::read_to_string(&p) {
                    samples.push(t);
                }
            }
        }
    }
    // A small deterministic generator: no dependency, reproducible failures.
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let start = std::time::Instant::now();
    // `PALISADE_FUZZ_ROUNDS` runs longer locally.
    let rounds: usize = std::env::var("PALISADE_FUZZ_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(400);
    for round in 0..rounds {
        let s = &samples[round % samples.len()];
        let bytes = s.as_bytes();
        let a = (next() as usize) % (bytes.len() + 1);
        let b = a + (next() as usize) % (bytes.len() - a + 1);
        let mut slice = bytes[a..b].to_vec();
        // Flip a few bytes too.
        for _ in 0..(next() % 4) {
            if !slice.is_empty() {
                let i = (next() as usize) % slice.len();
                slice[i] = (next() % 128) as u8;
            }
        }
        let text = String::from_utf8_lossy(&slice).to_string();
        let name = if round % 7 == 0 {
            "terraform.tfvars"
        } else {
            "main.tf"
        };
        let (l, _) = load(&[(name, &text), ("x.auto.tfvars.json", &text)]);
        for d in &l.diagnostics {
            assert!(d.span.end as usize <= text.len().max(1) + 1);
        }
    }
    assert!(start.elapsed().as_secs() < 60 || rounds > 400);
}

#[test]
fn conditional_policies_keep_both_branches() {
    let src = r#"
resource "aws_iam_policy" "p" {
  policy = var.admin ? jsonencode({
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  }) : jsonencode({
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
  })
}
"#;
    let (l, _) = load(&[("main.tf", src)]);
    let doc = &l.model.policies[0].document;
    assert_eq!(doc.statements.len(), 2);
    assert_eq!(doc.statements[0].actions()[0].0, "*");
    assert_eq!(
        doc.statements[0].when,
        vec![("var.admin".to_string(), true)]
    );
    assert_eq!(
        doc.statements[1].when,
        vec![("var.admin".to_string(), false)]
    );
}

#[test]
fn deep_and_chained_input_finishes() {
    let deep = format!(
        "resource \"aws_security_group\" \"s\" {{\n  ingress {{\n    cidr_blocks = {}\"0.0.0.0/0\"{}\n  }}\n}}\n",
        "[".repeat(20_000),
        "]".repeat(20_000)
    );
    let mut chained =
        String::from("variable \"c\" {}\nresource \"aws_ebs_volume\" \"v\" {\n  encrypted = ");
    for _ in 0..1000 {
        chained.push_str("var.c ? true : ");
    }
    chained.push_str("false\n}\n");
    let parens = format!(
        "locals {{\n  x = {}1{}\n}}\n",
        "(-".repeat(5_000),
        ")".repeat(5_000)
    );
    let t = std::time::Instant::now();
    for src in [&deep, &chained, &parens] {
        let (l, _) = load(&[("main.tf", src)]);
        let _ = l.model;
    }
    assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
}

/// A key given twice never hides a finding: the later value is analysed (Terraform keeps it
/// in an object constructor, IAM in JSON) and every duplicate is reported at its second place,
/// naming the first. An argument given twice in a block is Terraform's own error.
#[test]
fn duplicate_keys_are_judged_by_the_last_value_and_reported() {
    let src = r#"resource "aws_security_group" "web" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_iam_policy" "hcl" {
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*", Action = "*" }]
  })
}
resource "aws_iam_policy" "heredoc" {
  policy = <<EOF
{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Action": "iam:*"}]}
EOF
}
"#;
    let (l, fs) = load(&[("main.tf", src)]);
    let f = &fs[0];
    let cidrs = cidr_texts(&l, &fs, 0);
    assert_eq!(cidrs[0].0, "0.0.0.0/0");
    assert_eq!(
        l.model.policies[0].document.statements[0].actions()[0].0,
        "*"
    );
    let heredoc = l.model.policies[1].document.statements[0].actions();
    assert_eq!(heredoc.len(), 1);
    assert_eq!(text(&fs, heredoc[0].1), "\"iam:*\"");
    let mut found: Vec<(u32, u32, String)> = l
        .diagnostics
        .iter()
        .map(|d| {
            let at = f.line_col(d.span.start);
            (at.line, at.column, d.message.clone())
        })
        .collect();
    found.sort();
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (7, 5));
    assert!(found[0].2.starts_with(
        "duplicate key `cidr_blocks`: already given at line 6, column 5; Terraform rejects"
    ));
    assert_eq!((found[1].0, found[1].1), (12, 79));
    assert!(found[1].2.contains("`Action`") && found[1].2.contains("line 12, column 38"));
    assert_eq!((found[2].0, found[2].1), (17, 79));
    assert!(found[2].2.contains("line 17, column 36"));
}

/// `1e3` is valid HCL that tree-sitter-hcl 1.1 reads as `1` and a block type `e3` swallowing
/// the next lines: the resource after such numbers must still be analysed, with their values.
#[test]
fn the_block_after_an_exponent_number_is_still_analysed() {
    let src = r#"locals {
  timeout = 1e3
  ratio   = 5E-1
}
resource "aws_security_group" "web" {
  ingress {
    from_port   = 2.2e1
    to_port     = 22e0
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
"#;
    let (l, fs) = load(&[("main.tf", src)]);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert_eq!(l.model.resources.len(), 1);
    let rule = &l.model.security_group_rules[0];
    assert_eq!(rule.from_port.get(), Some(&22));
    assert_eq!(rule.to_port.get(), Some(&22));
    assert_eq!(text(&fs, rule.to_port.span), "22e0");
    assert_eq!(cidr_texts(&l, &fs, 0)[0].0, "0.0.0.0/0");
}

/// Syntax that makes tree-sitter's error recovery quadratic stops at the CPU limit with a
/// located error; the other files of the module are still analysed.
#[test]
fn a_pathological_file_is_stopped_and_located_while_its_neighbours_are_analysed() {
    let garbage = "}{".repeat(40_000);
    let good = "resource \"aws_security_group\" \"web\" {\n  ingress {\n    from_port = 22\n    to_port = 22\n    protocol = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n";
    let t = std::time::Instant::now();
    let (l, fs) = load(&[("bad.tf", &garbage), ("main.tf", good)]);
    assert!(
        t.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        t.elapsed()
    );
    assert_eq!(l.diagnostics.len(), 1, "{:?}", l.diagnostics);
    let d = &l.diagnostics[0];
    assert_eq!(d.span.file, fs[0].id);
    assert!(d.span.start > 0, "located where the parse stopped");
    assert!(
        d.message.starts_with("parsing stopped here"),
        "{}",
        d.message
    );
    assert_eq!(l.model.security_group_rules.len(), 1);
}

/// A policy string that is not JSON is said, at the string, not skipped in silence.
#[test]
fn a_policy_heredoc_that_is_not_json_is_reported_at_the_string() {
    let src = "resource \"aws_iam_policy\" \"p\" {\n  policy = <<EOF\n{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\",]\nEOF\n}\n";
    let (l, fs) = load(&[("main.tf", src)]);
    assert!(l.model.policies.is_empty());
    // Once, though the evaluator and the adapter both read the string.
    assert_eq!(l.diagnostics.len(), 1, "{:?}", l.diagnostics);
    let d = &l.diagnostics[0];
    assert_eq!(d.level, palisade_source::Level::Warning);
    assert_eq!(fs[0].line_col(d.span.start).line, 2);
    assert!(
        fs[0].slice(d.span).starts_with("<<EOF"),
        "{:?}",
        fs[0].slice(d.span)
    );
    assert_eq!(
        d.message,
        "`policy` is a string that is not valid JSON (AWS rejects it when it is deployed); it was not analysed"
    );
}

/// Policies written as strings elsewhere than in place (a local heredoc, a variable's default,
/// a quoted string of `source_policy_documents`): a string that is not JSON is a warning at
/// the string, where it is written; a key given twice in one keeps its last value and is
/// reported at the string, naming both places in its text.
#[test]
fn policy_strings_from_elsewhere_report_invalid_json_and_duplicate_keys() {
    let src = r#"locals {
  broken = <<EOF
{"Statement": [{"Effect": "Allow" "Action": "*"}]}
EOF
  twice = <<EOF
{"Statement": [{"Effect": "Allow", "Resource": "*",
  "Action": "s3:GetObject", "Action": "*"}]}
EOF
}
variable "trust" {
  default = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\", \"AWS\": \"*\"}, \"Action\": \"sts:AssumeRole\"}]}"
}
resource "aws_iam_policy" "broken" {
  policy = local.broken
}
resource "aws_s3_bucket_policy" "twice" {
  bucket = "b"
  policy = local.twice
}
resource "aws_iam_role" "r" {
  assume_role_policy = var.trust
}
data "aws_iam_policy_document" "d" {
  source_policy_documents = ["{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\""]
}
"#;
    let (l, fs) = load(&[("main.tf", src)]);
    let f = &fs[0];
    let bucket = l
        .model
        .policies
        .iter()
        .find(|p| p.document.kind == PolicyKind::Resource)
        .expect("the bucket policy");
    assert_eq!(bucket.document.statements[0].actions()[0].0, "*");
    let trust = l
        .model
        .policies
        .iter()
        .find(|p| p.document.kind == PolicyKind::Trust)
        .expect("the trust policy");
    let principal = format!("{:?}", trust.document.statements[0].principal);
    assert!(
        principal.contains("\"*\"") && !principal.contains("111122223333"),
        "{principal}"
    );
    let mut found: Vec<(u32, palisade_source::Level, String)> = l
        .diagnostics
        .iter()
        .map(|d| (f.line_col(d.span.start).line, d.level, d.message.clone()))
        .collect();
    found.sort();
    use palisade_source::Level::{Error, Warning};
    assert_eq!(found.len(), 4, "{found:?}");
    // The local heredoc that is not JSON, at the heredoc (not at its use).
    assert_eq!((found[0].0, found[0].1), (2, Warning));
    assert!(found[0]
        .2
        .starts_with("`policy` is a string that is not valid JSON"));
    // The key given twice in the local heredoc: both places in its text.
    assert_eq!((found[1].0, found[1].1), (5, Error));
    assert_eq!(
        found[1].2,
        "duplicate key `Action` in the JSON of this string: given at line 2, column 3 of the \
         string and again at line 2, column 29; the later value is analysed, as IAM and JSON \
         decoders read it"
    );
    // The variable's default, with `AWS` twice in its principal.
    assert_eq!((found[2].0, found[2].1), (11, Error));
    assert!(found[2].2.contains("duplicate key `AWS`"), "{found:?}");
    // The unterminated source document of the data source.
    assert_eq!((found[3].0, found[3].1), (24, Warning));
    assert!(found[3]
        .2
        .starts_with("`source_policy_documents` is a string"));
}

/// Every resource the adapters read a policy from (resource policies of S3, SQS, SNS, KMS, ECR,
/// Secrets Manager, OpenSearch and Glacier, a trust policy, an inline role policy), written as
/// `jsonencode` and as a heredoc, with `Action` given twice: the last value is judged and each
/// duplicate is reported at the second key, naming the first.
#[test]
fn duplicate_policy_keys_are_judged_by_the_last_value_in_every_policy_place() {
    let places: [(&str, &str, &str); 10] = [
        ("aws_s3_bucket_policy", "policy", "bucket = \"b\""),
        ("aws_sqs_queue_policy", "policy", "queue_url = \"q\""),
        ("aws_sns_topic_policy", "policy", "arn = \"t\""),
        ("aws_kms_key", "policy", "description = \"k\""),
        ("aws_ecr_repository_policy", "policy", "repository = \"r\""),
        (
            "aws_secretsmanager_secret_policy",
            "policy",
            "secret_arn = \"s\"",
        ),
        (
            "aws_opensearch_domain_policy",
            "access_policies",
            "domain_name = \"d\"",
        ),
        ("aws_glacier_vault", "access_policy", "name = \"v\""),
        ("aws_iam_role", "assume_role_policy", "name = \"r\""),
        ("aws_iam_role_policy", "policy", "role = \"r\""),
    ];
    for heredoc in [false, true] {
        let mut src = String::new();
        let mut expected = Vec::new();
        for (i, (kind, attr, other)) in places.iter().enumerate() {
            src.push_str(&format!("resource \"{kind}\" \"r{i}\" {{\n  {other}\n"));
            let line = src.lines().count() + 2;
            if heredoc {
                src.push_str(&format!(
                    "  {attr} = <<EOF\n{{\"Statement\": [{{\"Effect\": \"Allow\", \"Principal\": \"*\", \
                     \"Resource\": \"*\",\n  \"Action\": \"s3:GetObject\", \"Action\": \"*\"}}]}}\nEOF\n}}\n"
                ));
                // The keys are on the heredoc's second line.
                let line = line + 1;
                expected.push((line, 29, format!("line {line}, column 3")));
            } else {
                src.push_str(&format!(
                    "  {attr} = jsonencode({{ Statement = [{{ Effect = \"Allow\", Principal = \"*\",\n    \
                     Resource = \"*\", Action = \"s3:GetObject\", Action = \"*\" }}] }})\n}}\n"
                ));
                expected.push((line, 46, format!("line {line}, column 21")));
            }
        }
        let (l, fs) = load(&[("main.tf", &src)]);
        let judged: Vec<String> = l
            .model
            .policies
            .iter()
            .map(|p| {
                let actions = p.document.statements[0].actions();
                assert_eq!(actions.len(), 1, "{src}");
                actions[0].0.to_string()
            })
            .collect();
        assert_eq!(judged, vec!["*"; places.len()], "{src}");
        let mut found: Vec<(usize, u32, String)> = l
            .diagnostics
            .iter()
            .map(|d| {
                let at = fs[0].line_col(d.span.start);
                (at.line as usize, at.column, d.message.clone())
            })
            .collect();
        found.sort();
        assert_eq!(found.len(), places.len(), "{found:?}");
        for ((line, column, message), (l2, c2, first)) in found.iter().zip(&expected) {
            assert_eq!((line, column), (l2, c2), "{message}");
            assert!(
                message.starts_with("duplicate key `Action`: already given at ")
                    && message.contains(first.as_str()),
                "{message} / {first}"
            );
        }
    }
}

/// Terraform's JSON syntax, read through its HCL form: an argument given twice keeps the later
/// value and is reported at the second key naming the first, both in the JSON file's lines.
#[test]
fn an_argument_given_twice_in_terraform_json_is_located_in_the_json() {
    let src = r#"{"resource": {"aws_security_group": {"web": {
  "ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp",
               "cidr_blocks": ["10.0.0.0/8"], "cidr_blocks": ["0.0.0.0/0"]}]}}}}
"#;
    let (l, fs) = load(&[("main.tf.json", src)]);
    let cidrs = cidr_texts(&l, &fs, 0);
    assert_eq!(cidrs.len(), 1, "{cidrs:?}");
    assert_eq!(cidrs[0].0, "0.0.0.0/0");
    assert_eq!(l.diagnostics.len(), 1, "{:?}", l.diagnostics);
    let d = &l.diagnostics[0];
    let at = fs[0].line_col(d.span.start);
    assert_eq!((at.line, at.column), (3, 47));
    assert!(
        d.message
            .starts_with("duplicate key `cidr_blocks`: already given at line 3, column 16;"),
        "{}",
        d.message
    );
}
