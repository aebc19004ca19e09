//! References between resources become model links: rule resources to their group, bucket
//! configuration resources to their bucket, policies and attachments to their role, user or
//! group, also across `count` / `for_each` instances and through locals.

use palisade_model::{LinkKind, Loaded, Model};
use palisade_source::{FileId, SourceFile};

fn load(src: &str) -> (Loaded, Vec<SourceFile>) {
    let fs = vec![SourceFile::new(FileId(0), "mod/main.tf", src)];
    let refs: Vec<&SourceFile> = fs.iter().collect();
    (palisade_terraform::load_module(&refs), fs)
}

/// (from address, kind, to address, text of the attribute holding the reference).
fn links(m: &Model, fs: &[SourceFile]) -> Vec<(String, LinkKind, String, String)> {
    let mut out: Vec<_> = m
        .links
        .iter()
        .map(|l| {
            (
                m.resource(l.from).address.clone(),
                l.kind,
                m.resource(l.to).address.clone(),
                fs[l.span.file.0 as usize].slice(l.span).to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

fn id_of(m: &Model, address: &str) -> palisade_model::ResourceId {
    let i = m
        .resources
        .iter()
        .position(|r| r.address == address)
        .unwrap_or_else(|| panic!("no resource {address}"));
    palisade_model::ResourceId(i)
}

#[test]
fn rule_resources_attach_to_their_group() {
    let (l, fs) = load(
        r#"
resource "aws_security_group" "web" { name = "web" }
resource "aws_default_security_group" "default" {}
locals { sg = aws_security_group.web.id }
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = local.sg
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = "${aws_default_security_group.default.id}"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}
resource "aws_vpc_security_group_egress_rule" "external" {
  security_group_id = var.external_group
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}
variable "external_group" {}
"#,
    );
    let m = &l.model;
    let got = links(m, &fs);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        got[0],
        (
            "aws_security_group_rule.ssh".into(),
            LinkKind::SecurityGroup,
            "aws_security_group.web".into(),
            "security_group_id = local.sg".into()
        )
    );
    assert_eq!(got[1].2, "aws_default_security_group.default");
    // `group_of` answers for every rule: the linked group, else the rule resource itself.
    let groups: Vec<String> = m
        .security_group_rules
        .iter()
        .map(|r| m.resource(m.group_of(r)).address.clone())
        .collect();
    assert_eq!(
        groups,
        [
            "aws_security_group.web",
            "aws_default_security_group.default",
            "aws_vpc_security_group_egress_rule.external"
        ]
    );
    let web = id_of(m, "aws_security_group.web");
    assert_eq!(m.links_to(web, LinkKind::SecurityGroup).count(), 1);
}

#[test]
fn bucket_configurations_attach_to_their_bucket_instances() {
    let (l, fs) = load(
        r#"
resource "aws_s3_bucket" "b" {
  for_each = toset(["logs", "data"])
  bucket   = each.key
}
resource "aws_s3_bucket" "single" { bucket = "single" }
resource "aws_s3_bucket_public_access_block" "pab" {
  for_each                = toset(["logs", "data"])
  bucket                  = aws_s3_bucket.b[each.key].id
  block_public_acls       = true
}
resource "aws_s3_bucket_logging" "log" {
  bucket        = aws_s3_bucket.single.bucket
  target_bucket = aws_s3_bucket.b["logs"].id
  target_prefix = "x/"
}
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.single.arn
  policy = "{}"
}
resource "aws_s3_bucket_versioning" "v" {
  count  = 0
  bucket = aws_s3_bucket.single.id
  versioning_configuration { status = "Enabled" }
}
resource "aws_s3_bucket_acl" "wrong_type" {
  bucket = aws_kms_key.k.id
}
"#,
    );
    let got = links(&l.model, &fs);
    let pairs = |kind: LinkKind| -> Vec<(&str, &str)> {
        got.iter()
            .filter(|(_, k, _, _)| *k == kind)
            .map(|(a, _, b, _)| (a.as_str(), b.as_str()))
            .collect()
    };
    // The logging configuration's destination receives the logs.
    assert_eq!(
        pairs(LinkKind::LogDestination),
        [("aws_s3_bucket_logging.log", "aws_s3_bucket.b[\"logs\"]")]
    );
    assert_eq!(got.len(), 5, "{got:?}");
    assert_eq!(
        pairs(LinkKind::Bucket),
        [
            ("aws_s3_bucket_logging.log", "aws_s3_bucket.single"),
            ("aws_s3_bucket_policy.p", "aws_s3_bucket.single"),
            (
                "aws_s3_bucket_public_access_block.pab[\"data\"]",
                "aws_s3_bucket.b[\"data\"]"
            ),
            (
                "aws_s3_bucket_public_access_block.pab[\"logs\"]",
                "aws_s3_bucket.b[\"logs\"]"
            ),
        ]
    );
}

#[test]
fn policies_and_attachments_attach_to_roles_users_and_groups() {
    let (l, fs) = load(
        r#"
resource "aws_iam_role" "app" {
  count              = 2
  name               = "app-${count.index}"
  assume_role_policy = "{}"
}
resource "aws_iam_user" "ci" { name = "ci" }
resource "aws_iam_group" "ops" { name = "ops" }
resource "aws_iam_policy" "admin" { policy = "{}" }
resource "aws_iam_role_policy" "inline" {
  count  = 2
  role   = aws_iam_role.app[count.index].name
  policy = "{}"
}
resource "aws_iam_user_policy" "u" {
  user   = aws_iam_user.ci.name
  policy = "{}"
}
resource "aws_iam_group_policy" "g" {
  group  = aws_iam_group.ops.name
  policy = "{}"
}
resource "aws_iam_role_policy_attachment" "a" {
  role       = aws_iam_role.app[1].name
  policy_arn = aws_iam_policy.admin.arn
}
resource "aws_iam_user_policy_attachment" "managed" {
  user       = aws_iam_user.ci.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
resource "aws_iam_policy_attachment" "many" {
  name       = "many"
  roles      = [aws_iam_role.app[0].name]
  users      = [aws_iam_user.ci.name]
  groups     = [aws_iam_group.ops.name]
  policy_arn = aws_iam_policy.admin.arn
}
"#,
    );
    let got: Vec<(String, LinkKind, String)> = links(&l.model, &fs)
        .into_iter()
        .map(|(a, k, b, _)| (a, k, b))
        .collect();
    let want = [
        (
            "aws_iam_group_policy.g",
            LinkKind::Principal,
            "aws_iam_group.ops",
        ),
        (
            "aws_iam_policy_attachment.many",
            LinkKind::Principal,
            "aws_iam_group.ops",
        ),
        (
            "aws_iam_policy_attachment.many",
            LinkKind::Principal,
            "aws_iam_role.app[0]",
        ),
        (
            "aws_iam_policy_attachment.many",
            LinkKind::Principal,
            "aws_iam_user.ci",
        ),
        (
            "aws_iam_policy_attachment.many",
            LinkKind::Policy,
            "aws_iam_policy.admin",
        ),
        (
            "aws_iam_role_policy.inline[0]",
            LinkKind::Principal,
            "aws_iam_role.app[0]",
        ),
        (
            "aws_iam_role_policy.inline[1]",
            LinkKind::Principal,
            "aws_iam_role.app[1]",
        ),
        (
            "aws_iam_role_policy_attachment.a",
            LinkKind::Principal,
            "aws_iam_role.app[1]",
        ),
        (
            "aws_iam_role_policy_attachment.a",
            LinkKind::Policy,
            "aws_iam_policy.admin",
        ),
        (
            "aws_iam_user_policy.u",
            LinkKind::Principal,
            "aws_iam_user.ci",
        ),
        (
            "aws_iam_user_policy_attachment.managed",
            LinkKind::Principal,
            "aws_iam_user.ci",
        ),
    ];
    let want: Vec<(String, LinkKind, String)> = want
        .iter()
        .map(|(a, k, b)| (a.to_string(), *k, b.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn unknown_counts_link_to_the_single_instance_and_modules_keep_links_inside() {
    let (l, _) = load(
        r#"
variable "n" {}
resource "aws_security_group" "sg" { count = var.n }
resource "aws_security_group_rule" "r" {
  type              = "ingress"
  security_group_id = aws_security_group.sg[0].id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
"#,
    );
    let m = &l.model;
    assert_eq!(m.links.len(), 1);
    assert_eq!(m.resource(m.links[0].to).address, "aws_security_group.sg");
    // Renumbering when models are merged keeps links pointing at the same resources.
    let mut merged = Model::default();
    merged.extend(l.model.clone());
    merged.extend(l.model.clone());
    assert_eq!(merged.links.len(), 2);
    for link in &merged.links {
        assert_eq!(merged.resource(link.to).address, "aws_security_group.sg");
        assert_eq!(
            merged.resource(link.from).address,
            "aws_security_group_rule.r"
        );
    }
    assert_ne!(merged.links[0].from, merged.links[1].from);
}

#[test]
fn db_security_group_ingress_is_a_rule_on_an_unknown_port() {
    let (l, fs) = load(
        r#"
resource "aws_db_security_group" "db" {
  name = "rds_sg"
  ingress {
    cidr = "0.0.0.0/0"
  }
  ingress {
    security_group_name = "app"
  }
}
"#,
    );
    let rules = &l.model.security_group_rules;
    assert_eq!(rules.len(), 2);
    let palisade_model::SgSource::Cidr(c) = &rules[0].sources[0] else {
        panic!("not a CIDR")
    };
    assert_eq!(c.get().map(String::as_str), Some("0.0.0.0/0"));
    assert_eq!(fs[0].slice(c.span), "\"0.0.0.0/0\"");
    assert!(rules[0].from_port.is_unknown() && rules[0].to_port.is_unknown());
    assert_eq!(rules[0].protocol.get().map(String::as_str), Some("tcp"));
    assert!(matches!(
        rules[1].sources[..],
        [palisade_model::SgSource::Other(_)]
    ));
}

#[test]
fn an_address_declared_twice_resolves_within_the_referencing_file() {
    let bucket_and_sse = |key: &str| {
        format!(
            "resource \"aws_s3_bucket\" \"b\" {{ bucket = \"x\" }}\nresource \"aws_s3_bucket_server_side_encryption_configuration\" \"e\" {{\n  bucket = aws_s3_bucket.b.id\n  rule {{\n    apply_server_side_encryption_by_default {{\n      sse_algorithm     = \"aws:kms\"\n      kms_master_key_id = \"{key}\"\n    }}\n  }}\n}}\n"
        )
    };
    let (a, b) = (bucket_and_sse("key-a"), bucket_and_sse("key-b"));
    let fs = [
        SourceFile::new(FileId(0), "dir/a.tf", a.as_str()),
        SourceFile::new(FileId(1), "dir/b.tf", b.as_str()),
    ];
    let refs: Vec<&SourceFile> = fs.iter().collect();
    let l = palisade_terraform::load_module(&refs);
    let m = &l.model;
    let keys: Vec<(u32, Option<String>)> = m
        .encryption
        .iter()
        .map(|e| {
            (
                m.resource(e.owner).header.file.0,
                e.kms_key.as_ref().and_then(|k| k.get().cloned()),
            )
        })
        .collect();
    assert_eq!(
        keys,
        [
            (0, Some("key-a".to_string())),
            (1, Some("key-b".to_string()))
        ]
    );
    for link in &m.links {
        assert_eq!(
            m.resource(link.from).header.file,
            m.resource(link.to).header.file
        );
    }
    assert_eq!(m.links.len(), 2);
}

#[test]
fn main_route_tables_link_to_their_vpc_and_flow_log_inputs_stay_unknown() {
    let (l, fs) = load(
        r#"
variable "vpc_id" {
  default = null
}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_default_route_table" "main" {
  default_route_table_id = aws_vpc.main.default_route_table_id
}
resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
}
resource "aws_main_route_table_association" "main" {
  vpc_id         = aws_vpc.main.id
  route_table_id = aws_route_table.public.id
}
resource "aws_route" "internet" {
  route_table_id         = aws_vpc.main.main_route_table_id
  destination_cidr_block = "0.0.0.0/0"
}
resource "aws_flow_log" "input" {
  vpc_id = var.vpc_id
}
resource "aws_flow_log" "none" {
  vpc_id = null
}
"#,
    );
    let all = links(&l.model, &fs);
    for expected in [
        (
            "aws_default_route_table.main",
            LinkKind::InVpc,
            "aws_vpc.main",
        ),
        (
            "aws_main_route_table_association.main",
            LinkKind::InVpc,
            "aws_vpc.main",
        ),
        (
            "aws_main_route_table_association.main",
            LinkKind::RouteTable,
            "aws_route_table.public",
        ),
        ("aws_route.internet", LinkKind::RouteTable, "aws_vpc.main"),
    ] {
        assert!(
            all.iter()
                .any(|(f, k, t, _)| (f.as_str(), *k, t.as_str()) == expected),
            "{expected:?} not in {all:?}"
        );
    }
    let flow_logs = &l.model.flow_logs;
    assert_eq!(flow_logs.len(), 2);
    assert_eq!(
        flow_logs[0].targets.len(),
        1,
        "a null module input is an unknown target"
    );
    assert!(flow_logs[0].targets[0].is_unknown());
    assert!(
        flow_logs[1].targets.is_empty(),
        "a literal null names nothing"
    );
}
