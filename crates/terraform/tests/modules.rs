//! Local module calls: inputs, outputs, nesting, addresses, traces, cycles, remote sources.

use palisade_model::{Loaded, Provenance, SgSource, Span};
use palisade_source::{FileId, SourceFile};
use palisade_terraform::{ModuleLoader, TerraformInputs};

struct Dirs(Vec<SourceFile>);

impl ModuleLoader for Dirs {
    fn files(&self, dir: &str) -> Option<Vec<&SourceFile>> {
        let v: Vec<&SourceFile> = self
            .0
            .iter()
            .filter(|f| {
                palisade_terraform::normalize_dir(
                    f.path.parent().unwrap_or(std::path::Path::new("")),
                ) == dir
            })
            .collect();
        (!v.is_empty()).then_some(v)
    }
}

const ROOT: &str = r#"module "net" {
  source = "../modules/sg"
  cidr   = "0.0.0.0/0"
}
module "quiet" {
  source = "../modules/sg/"
  cidr   = "10.0.0.0/8"
}
module "many" {
  count  = 2
  source = "../modules/sg"
  cidr   = "10.0.0.${count.index}/32"
}
module "remote" {
  source  = "terraform-aws-modules/security-group/aws"
  version = "5.0.0"
}
module "loop" {
  source = "../modules/loop"
}
resource "aws_security_group" "uses_output" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [module.net.cidr, module.remote.security_group_id]
  }
}
"#;

const SG: &str = r#"variable "cidr" {}
resource "aws_security_group" "this" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.cidr]
  }
}
module "inner" {
  source = "./inner"
}
output "cidr" {
  value = var.cidr
}
"#;

fn load() -> (Loaded, Vec<SourceFile>) {
    let fs = vec![
        SourceFile::new(FileId(0), "root/main.tf", ROOT),
        SourceFile::new(FileId(1), "modules/sg/main.tf", SG),
        SourceFile::new(
            FileId(2),
            "modules/sg/inner/main.tf",
            "resource \"aws_ebs_volume\" \"v\" {}\n",
        ),
        SourceFile::new(
            FileId(3),
            "modules/loop/main.tf",
            "module \"again\" {\n  source = \"../loop\"\n}\n",
        ),
    ];
    let loader = Dirs(fs.clone());
    let inputs = TerraformInputs {
        modules: Some(&loader),
        ..TerraformInputs::default()
    };
    let l = palisade_terraform::load_module_with(&[&fs[0]], &inputs);
    (l, fs)
}

fn text(fs: &[SourceFile], sp: Span) -> &str {
    fs[sp.file.0 as usize].slice(sp)
}

#[test]
fn called_modules_are_evaluated_with_their_inputs() {
    let (l, fs) = load();
    let mut addrs: Vec<&str> = l
        .model
        .resources
        .iter()
        .map(|r| r.address.as_str())
        .collect();
    addrs.sort();
    assert_eq!(
        addrs,
        [
            "aws_security_group.uses_output",
            "module.many[0].aws_security_group.this",
            "module.many[0].module.inner.aws_ebs_volume.v",
            "module.many[1].aws_security_group.this",
            "module.many[1].module.inner.aws_ebs_volume.v",
            "module.net.aws_security_group.this",
            "module.net.module.inner.aws_ebs_volume.v",
            "module.quiet.aws_security_group.this",
            "module.quiet.module.inner.aws_ebs_volume.v",
        ]
    );
    let rule_of = |addr: &str| {
        l.model
            .security_group_rules
            .iter()
            .find(|r| l.model.resource(r.owner).address == addr)
            .unwrap_or_else(|| panic!("{addr}"))
    };
    let cidr = |addr: &str| match &rule_of(addr).sources[0] {
        SgSource::Cidr(v) => v.clone(),
        SgSource::Other(_) => panic!("not a CIDR"),
    };
    let net = cidr("module.net.aws_security_group.this");
    let c = &net.candidates()[0];
    assert_eq!(c.value, "0.0.0.0/0");
    // The finding points at the resource in the module, naming the caller's argument.
    assert_eq!(text(&fs, c.span), "var.cidr");
    assert_eq!(c.span.file, FileId(1));
    assert_eq!(text(&fs, net.defined_at.unwrap()), "\"0.0.0.0/0\"");
    assert_eq!(c.provenance, Provenance::Derived);
    assert_eq!(
        cidr("module.quiet.aws_security_group.this")
            .get()
            .map(String::as_str),
        Some("10.0.0.0/8")
    );
    assert_eq!(
        cidr("module.many[1].aws_security_group.this")
            .get()
            .map(String::as_str),
        Some("10.0.0.1/32")
    );
    // An output used by the caller: at the use site, naming the output.
    let rule = rule_of("aws_security_group.uses_output");
    let SgSource::Cidr(out) = &rule.sources[0] else {
        panic!("not a CIDR")
    };
    assert_eq!(out.get().map(String::as_str), Some("0.0.0.0/0"));
    assert_eq!(text(&fs, out.span), "module.net.cidr");
    // A registry module is never fetched: its outputs are unknown.
    let SgSource::Cidr(remote) = &rule.sources[1] else {
        panic!("not a CIDR")
    };
    assert!(remote.is_unknown());
}

#[test]
fn traces_name_every_call_site_outermost_first() {
    let (l, fs) = load();
    let inner = l
        .model
        .resources
        .iter()
        .find(|r| r.address == "module.net.module.inner.aws_ebs_volume.v")
        .unwrap();
    let trace: Vec<&str> = inner.trace.iter().map(|s| text(&fs, *s)).collect();
    assert_eq!(trace, ["module \"net\"", "module \"inner\""]);
    assert_eq!(inner.header.file, FileId(2));
}

#[test]
fn module_cycles_are_reported_not_looped() {
    let (l, fs) = load();
    let cycles: Vec<&str> = l
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("cycle"))
        .map(|d| text(&fs, d.span))
        .collect();
    assert_eq!(cycles, ["source = \"../loop\""], "{:?}", l.diagnostics);
}

#[test]
fn stats_count_module_calls_and_unknown_values() {
    let (l, _) = load();
    let s = l.stats;
    // net, quiet, many (one call, two instances) and, inside each of the four instances of
    // modules/sg, `inner`: 3 + 4 resolved. The loop module is resolved once; its call of
    // itself is a cycle, not followed.
    assert_eq!(s.modules_resolved, 8, "{s:?}");
    assert_eq!(s.modules_remote, 1, "{s:?}");
    assert_eq!(s.modules_unresolved, 1, "{s:?}");
    // The cycle is not a directory outside the scan.
    assert_eq!(s.modules_outside, 0, "{s:?}");
    // uses_output: 3 known ports/protocol, a known CIDR, an unknown one; the four module
    // groups: 3 known + 1 known CIDR each; the volumes have no attributes.
    assert_eq!(s.values, 5 + 4 * 4, "{s:?}");
    assert_eq!(s.values_unknown, 1, "{s:?}");
    assert_eq!(s.values_reference, 0, "{s:?}");

    // Without a loader every local call is counted as not followed.
    let fs = [SourceFile::new(FileId(0), "root/main.tf", ROOT)];
    let l = palisade_terraform::load_module(&[&fs[0]]);
    assert_eq!(
        (
            l.stats.modules_resolved,
            l.stats.modules_remote,
            l.stats.modules_unresolved
        ),
        (0, 1, 4)
    );
}

#[test]
fn huge_fan_out_deep_nesting_and_self_calls_are_bounded_with_notes() {
    let sg = "resource \"aws_security_group\" \"g\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [var.cidr]\n  }\n}\nvariable \"cidr\" {}\noutput \"cidr\" { value = var.cidr }\n";
    let mut texts = vec![(
        "root/main.tf".to_string(),
        "module \"fan\" {\n  count  = 100000\n  source = \"./leaf\"\n  cidr   = \"0.0.0.0/0\"\n}\nmodule \"self\" {\n  source = \"./\"\n}\n"
            .to_string(),
    )];
    // A second root: the fan-out above spends the first root's whole instance budget.
    texts.push((
        "deep/main.tf".to_string(),
        "module \"deep\" {\n  source = \"../root/d0\"\n  cidr   = \"0.0.0.0/0\"\n}\n".to_string(),
    ));
    texts.push(("root/leaf/main.tf".to_string(), sg.to_string()));
    let mut dir = String::from("root/d0");
    for depth in 0..40 {
        let next = format!("d{}", depth + 1);
        texts.push((
            format!("{dir}/main.tf"),
            format!("{sg}module \"next\" {{\n  source = \"./{next}\"\n  cidr   = module.twice[1].cidr\n}}\nmodule \"twice\" {{\n  count  = 2\n  source = \"{up}leaf\"\n  cidr   = var.cidr\n}}\n", up = "../".repeat(depth + 1)),
        ));
        dir = format!("{dir}/{next}");
    }
    let fs: Vec<SourceFile> = texts
        .iter()
        .enumerate()
        .map(|(i, (p, t))| SourceFile::new(FileId(i as u32), p.as_str(), t.as_str()))
        .collect();
    let loader = Dirs(fs.clone());
    let inputs = TerraformInputs {
        modules: Some(&loader),
        ..TerraformInputs::default()
    };
    let t = std::time::Instant::now();
    let l = palisade_terraform::load_module_with(&[&fs[0]], &inputs);
    let deep = palisade_terraform::load_module_with(&[&fs[1]], &inputs);
    assert!(t.elapsed().as_secs() < 30, "took {:?}", t.elapsed()); // a hang guard, not a speed test
    let notes: Vec<&str> = l
        .diagnostics
        .iter()
        .chain(&deep.diagnostics)
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("too many module instances")),
        "{notes:?}"
    );
    assert!(
        notes.iter().any(|n| n.contains("nested deeper")),
        "{notes:?}"
    );
    assert!(
        notes.iter().any(|n| n.contains("module cycle")),
        "{notes:?}"
    );
    // At most the per-root budget of module instances was evaluated.
    assert!(
        l.model.resources.len() <= 256,
        "{}",
        l.model.resources.len()
    );
    assert!(
        deep.model.resources.len() <= 256,
        "{}",
        deep.model.resources.len()
    );
    // The chain passes the caller's value down through outputs of sibling calls: the
    // deepest group followed still knows it.
    let m = &deep.model;
    let deepest = m
        .security_group_rules
        .iter()
        .filter(|r| m.resource(r.owner).address.starts_with("module.deep."))
        .max_by_key(|r| m.resource(r.owner).trace.len())
        .expect("deep rules");
    assert!(m.resource(deepest.owner).trace.len() >= 10);
    let SgSource::Cidr(cidr) = &deepest.sources[0] else {
        panic!("not a CIDR")
    };
    assert_eq!(cidr.get().map(String::as_str), Some("0.0.0.0/0"));
}

#[test]
fn references_across_module_boundaries_never_link_to_a_namesake() {
    let fs = vec![
        SourceFile::new(
            FileId(0),
            "root/main.tf",
            r#"resource "aws_security_group" "this" {}
module "net" {
  source = "../net"
}
resource "aws_security_group_rule" "r" {
  type              = "ingress"
  security_group_id = module.net.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
"#,
        ),
        SourceFile::new(
            FileId(1),
            "net/main.tf",
            r#"resource "aws_security_group" "this" {}
resource "aws_security_group_rule" "inner" {
  type              = "ingress"
  security_group_id = aws_security_group.this.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8"]
}
output "id" { value = aws_security_group.this.id }
"#,
        ),
    ];
    let loader = Dirs(fs.clone());
    let inputs = TerraformInputs {
        modules: Some(&loader),
        ..TerraformInputs::default()
    };
    let l = palisade_terraform::load_module_with(&[&fs[0]], &inputs);
    let m = &l.model;
    let mut links: Vec<(String, String)> = m
        .links
        .iter()
        .map(|k| {
            (
                m.resource(k.from).address.clone(),
                m.resource(k.to).address.clone(),
            )
        })
        .collect();
    links.sort();
    assert_eq!(
        links,
        [
            (
                "aws_security_group_rule.r".to_string(),
                "module.net.aws_security_group.this".to_string()
            ),
            (
                "module.net.aws_security_group_rule.inner".to_string(),
                "module.net.aws_security_group.this".to_string()
            ),
        ]
    );
}

#[test]
fn s3_encryption_links_inside_a_called_module() {
    let fs = vec![
        SourceFile::new(
            FileId(0),
            "root/main.tf",
            "module \"b\" {\n  source = \"../bucket\"\n}\n",
        ),
        SourceFile::new(
            FileId(1),
            "bucket/main.tf",
            r#"resource "aws_s3_bucket" "this" { bucket = "x" }
resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:key/k"
    }
  }
}
"#,
        ),
    ];
    let loader = Dirs(fs.clone());
    let inputs = TerraformInputs {
        modules: Some(&loader),
        ..TerraformInputs::default()
    };
    let l = palisade_terraform::load_module_with(&[&fs[0]], &inputs);
    let m = &l.model;
    assert_eq!(m.encryption.len(), 1, "{:?}", m.encryption);
    assert_eq!(
        m.resource(m.encryption[0].owner).address,
        "module.b.aws_s3_bucket.this"
    );
    assert!(m.encryption[0].kms_key.is_some());
    assert_eq!(m.links.len(), 1);
}
