//! Evaluator unit tests: expressions through real parsing, indexing and evaluation.

use crate::eval_local_for_test as eval;
use palisade_model::{Node, NodeKind, Provenance, StrPart};

fn local(src: &str, name: &str) -> Node {
    eval(&[("main.tf", src)], name).0
}

fn s(n: &Node) -> Option<&str> {
    n.as_str()
}

fn strings(n: &Node) -> Vec<String> {
    match &n.kind {
        NodeKind::List(items) => items
            .iter()
            .map(|i| match &i.kind {
                NodeKind::String(s) => s.clone(),
                NodeKind::Number(x) => x.to_string(),
                other => format!("{other:?}"),
            })
            .collect(),
        other => vec![format!("not a list: {other:?}")],
    }
}

#[test]
fn literals_and_collections() {
    let src = r#"
locals {
  n    = 0x1F
  list = [1, "two", true, null]
  obj  = { a = 1, "b" = 2, (local.k) = 3 }
  k    = "dyn"
}
"#;
    assert_eq!(local(src, "n").kind, NodeKind::Number(31.0));
    let l = local(src, "list");
    let NodeKind::List(items) = &l.kind else {
        panic!("{l:?}")
    };
    assert_eq!(items.len(), 4);
    assert_eq!(items[3].kind, NodeKind::Null);
    let o = local(src, "obj");
    assert_eq!(o.get("dyn").map(|v| &v.kind), Some(&NodeKind::Number(3.0)));
    assert_eq!(o.get("b").map(|v| &v.kind), Some(&NodeKind::Number(2.0)));
}

#[test]
fn escapes_and_interpolation() {
    let src = r#"
variable "org" { default = "acme" }
variable "secret" {}
locals {
  esc     = "a\"b\\n$${x}\u00e9"
  interp  = "repo:${var.org}/app:*"
  partial = "repo:${var.secret}/app"
  single  = "${var.org}"
  direct  = "%{ if true }x%{ endif }y"
}
"#;
    assert_eq!(s(&local(src, "esc")), Some("a\"b\\n${x}é"));
    let i = local(src, "interp");
    assert_eq!(s(&i), Some("repo:acme/app:*"));
    assert_eq!(i.provenance, Provenance::Derived);
    assert_eq!(
        local(src, "partial").kind,
        NodeKind::Partial(vec![
            StrPart::Text("repo:".into()),
            StrPart::Unknown,
            StrPart::Text("/app".into())
        ])
    );
    // A lone interpolation is the value itself (a default, not a derived string).
    assert_eq!(local(src, "single").provenance, Provenance::Default);
    // Directives are not evaluated: the string is partial, never a wrong literal.
    assert!(matches!(local(src, "direct").kind, NodeKind::Partial(_)));
}

#[test]
fn heredocs_keep_text_and_strip_indentation() {
    let src = "locals {\n  plain = <<EOT\n  one\n    two\nEOT\n  flush = <<-EOT\n    one\n      two ${local.x}\n    EOT\n  x = \"!\"\n}\n";
    assert_eq!(s(&local(src, "plain")), Some("  one\n    two\n"));
    assert_eq!(s(&local(src, "flush")), Some("one\n  two !\n"));
}

#[test]
fn operators_and_conditionals() {
    let src = r#"
variable "open" { default = true }
variable "unknown" {}
locals {
  math   = 1 + 2 * 3 - -1
  cmp    = 2 >= 1 && !(1 == 2)
  pick   = var.open ? "0.0.0.0/0" : "10.0.0.0/8"
  cond   = var.unknown == "prod" ? "10.0.0.0/8" : "0.0.0.0/0"
  short  = false && var.unknown
  strcmp = "a" != "b"
}
"#;
    assert_eq!(local(src, "math").kind, NodeKind::Number(8.0));
    assert_eq!(local(src, "cmp").kind, NodeKind::Bool(true));
    assert_eq!(s(&local(src, "pick")), Some("0.0.0.0/0"));
    match local(src, "cond").kind {
        NodeKind::Conditional {
            condition,
            when_true,
            when_false,
        } => {
            assert_eq!(condition, "var.unknown == \"prod\"");
            assert_eq!(when_true.as_str(), Some("10.0.0.0/8"));
            assert_eq!(when_false.as_str(), Some("0.0.0.0/0"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(local(src, "short").kind, NodeKind::Bool(false));
    assert_eq!(local(src, "strcmp").kind, NodeKind::Bool(true));
}

#[test]
fn for_expressions_and_splats() {
    let src = r#"
locals {
  cidrs = ["10.0.0.0/8", "0.0.0.0/0", "192.168.0.0/16"]
  upper = [for c in local.cidrs : upper(c) if c != "0.0.0.0/0"]
  byidx = { for i, c in local.cidrs : c => i }
  group = { for c in local.cidrs : substr(c, 0, 1) => c... }
  objs  = [{ id = "a" }, { id = "b" }]
  ids   = local.objs[*].id
  ids2  = local.objs.*.id
  first = local.cidrs[1]
  legacy = local.cidrs.0
}
"#;
    assert_eq!(
        strings(&local(src, "upper")),
        ["10.0.0.0/8", "192.168.0.0/16"]
    );
    let m = local(src, "byidx");
    assert_eq!(
        m.get("0.0.0.0/0").map(|v| &v.kind),
        Some(&NodeKind::Number(1.0))
    );
    // An unsupported function in the key makes the whole object unknown, not wrong.
    assert!(local(src, "group").is_unknown());
    assert_eq!(strings(&local(src, "ids")), ["a", "b"]);
    assert_eq!(strings(&local(src, "ids2")), ["a", "b"]);
    assert_eq!(s(&local(src, "first")), Some("0.0.0.0/0"));
    assert_eq!(s(&local(src, "legacy")), Some("10.0.0.0/8"));
}

#[test]
fn functions() {
    let src = r#"
variable "nothing" {}
locals {
  concat   = concat(["a"], ["b", "c"])
  merge    = merge({ a = 1, b = 2 }, { b = 3 })
  lookup   = lookup({ a = "x" }, "a", "d")
  lookupd  = lookup({ a = "x" }, "z", "d")
  format   = format("arn:aws:s3:::%s/%d", "bucket", 7)
  formatu  = format("%s-x", var.nothing)
  join     = join(",", ["a", "b"])
  split    = split(",", "a,b,c")
  flatten  = flatten([["a"], ["b", ["c"]]])
  coalesce = coalesce("", null, "z")
  try      = try(var.nothing.x, "fallback")
  tryk     = try("known", "fallback")
  length   = length(["a", "b"])
  element  = element(["a", "b"], 3)
  toset    = toset(["a", "a", "b"])
  misc     = [lower("AB"), upper("ab"), replace("a-b", "-", "_"), tostring(5)]
  keys     = keys({ x = 1, y = 2 })
  contains = contains(["a"], "a")
  compact  = compact(["a", "", null])
  spread   = concat([["a"], ["b"]]...)
  file     = file("policy.json")
  provider = provider::aws::arn_parse("arn:aws:iam::1:root")
}
"#;
    assert_eq!(strings(&local(src, "concat")), ["a", "b", "c"]);
    let m = local(src, "merge");
    assert_eq!(m.get("b").map(|v| &v.kind), Some(&NodeKind::Number(3.0)));
    assert_eq!(s(&local(src, "lookup")), Some("x"));
    assert_eq!(s(&local(src, "lookupd")), Some("d"));
    assert_eq!(s(&local(src, "format")), Some("arn:aws:s3:::bucket/7"));
    assert_eq!(
        local(src, "formatu").kind,
        NodeKind::Partial(vec![StrPart::Unknown, StrPart::Text("-x".into())])
    );
    assert_eq!(s(&local(src, "join")), Some("a,b"));
    assert_eq!(strings(&local(src, "split")), ["a", "b", "c"]);
    assert_eq!(strings(&local(src, "flatten")), ["a", "b", "c"]);
    assert_eq!(s(&local(src, "coalesce")), Some("z"));
    // The first argument is unknown (it might have succeeded at apply time): unknown.
    assert!(local(src, "try").is_unknown());
    assert_eq!(s(&local(src, "tryk")), Some("known"));
    assert_eq!(local(src, "length").kind, NodeKind::Number(2.0));
    assert_eq!(s(&local(src, "element")), Some("b"));
    assert_eq!(strings(&local(src, "toset")), ["a", "b"]);
    assert_eq!(strings(&local(src, "misc")), ["ab", "AB", "a_b", "5"]);
    assert_eq!(strings(&local(src, "keys")), ["x", "y"]);
    assert_eq!(local(src, "contains").kind, NodeKind::Bool(true));
    assert_eq!(strings(&local(src, "compact")), ["a"]);
    assert_eq!(strings(&local(src, "spread")), ["a", "b"]);
    assert!(local(src, "file").is_unknown());
    assert!(local(src, "provider").is_unknown());
}

#[test]
fn jsondecode_of_a_literal_keeps_spans() {
    let src = "locals {\n  doc = jsondecode(\"{\\\"a\\\": [\\\"x\\\"]}\")\n}\n";
    let (n, files) = eval(&[("main.tf", src)], "doc");
    let a = n.get("a").expect("a");
    let NodeKind::List(items) = &a.kind else {
        panic!("{a:?}")
    };
    assert_eq!(files[0].slice(items[0].span), "\\\"x\\\"");
}

#[test]
fn jsondecode_of_a_variable_remembers_the_definition() {
    let src = "variable \"doc\" {\n  default = \"{\\\"a\\\": 1}\"\n}\nlocals {\n  d = jsondecode(var.doc)\n}\n";
    let (n, files) = eval(&[("main.tf", src)], "d");
    let a = n.get("a").expect("a");
    assert_eq!(a.kind, NodeKind::Number(1.0));
    // The test helper moves values back to their definition: the variable's default.
    assert_eq!(files[0].slice(a.span), "\"{\\\"a\\\": 1}\"");
    assert_eq!(a.provenance, Provenance::Default);
}

#[test]
fn locals_across_files_and_cycles() {
    let files = [
        (
            "a.tf",
            "locals {\n  a = \"${local.b}-x\"\n  c = local.d\n}\n",
        ),
        ("b.tf", "locals {\n  b = \"y\"\n  d = local.c\n}\n"),
    ];
    let (a, _) = eval(&files, "a");
    assert_eq!(a.as_str(), Some("y-x"));
    let (c, _) = eval(&files, "c");
    assert!(c.is_unknown());
}

#[test]
fn references_to_resources_and_unknown_roots() {
    let src = r#"
locals {
  key   = aws_kms_key.k.arn
  idx   = aws_kms_key.k[0].arn
  deep  = aws_s3_bucket.b.versioning[0].enabled
  count = count.index
  each  = each.value
  mod   = module.m.out
  data  = data.aws_caller_identity.current.account_id
}
"#;
    match local(src, "key").kind {
        NodeKind::Reference(r) => {
            assert_eq!(r.target, "aws_kms_key.k");
            assert_eq!(r.attribute.as_deref(), Some("arn"));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(local(src, "idx").kind, NodeKind::Reference(_)));
    for n in ["deep", "count", "each", "mod", "data"] {
        assert!(local(src, n).is_unknown(), "{n}");
    }
}

#[test]
fn tfvars_override_defaults() {
    let files = [
        (
            "main.tf",
            "variable \"x\" {\n  default = \"d\"\n}\nlocals {\n  v = var.x\n}\n",
        ),
        ("terraform.tfvars", "x = \"from-tfvars\"\n"),
    ];
    let (v, srcs) = eval(&files, "v");
    assert_eq!(v.as_str(), Some("from-tfvars"));
    assert_eq!(srcs[1].slice(v.span), "\"from-tfvars\"");
}

#[test]
fn explosive_input_is_bounded() {
    // Each level doubles the list: 2^40 items if unbounded.
    let mut src = String::from("locals {\n  l0 = [\"a\", \"b\"]\n");
    for i in 1..40 {
        src.push_str(&format!(
            "  l{i} = concat(local.l{p}, local.l{p})\n",
            p = i - 1
        ));
    }
    src.push_str("}\n");
    let t = std::time::Instant::now();
    let n = local(&src, "l39");
    assert!(n.is_unknown());
    assert!(t.elapsed().as_secs() < 30); // a hang guard, not a speed test
                                         // Deep nesting stops at the depth bound instead of overflowing the stack.
    let deep = format!(
        "locals {{\n  x = {}1{}\n}}\n",
        "[".repeat(500),
        "]".repeat(500)
    );
    let _ = local(&deep, "x");
}

#[test]
fn nested_reuse_of_large_values_is_bounded() {
    // 64^4 = 16M nodes if copies were free.
    let src = r#"
locals {
  big = [for i in range(1) : i]
  l   = split(",", join(",", [for i in split(",", "a,b,c,d,e,f,g,h") : "${i},${i},${i},${i},${i},${i},${i},${i}"]))
  l2  = [for a in local.l : [for b in local.l : [for c in local.l : local.l]]]
}
"#;
    let t = std::time::Instant::now();
    let _ = local(src, "l2");
    assert!(t.elapsed().as_secs() < 30, "{:?}", t.elapsed()); // a hang guard, not a speed test
}

#[test]
fn parse_cache_keeps_recent_trees_within_its_budget() {
    use palisade_source::{FileId, SourceFile};
    let files: Vec<SourceFile> = (0..4)
        .map(|i| SourceFile::new(FileId(i), format!("m{i}/main.tf"), "locals { a = 1 }\n"))
        .collect();
    let len = files[0].text.len();
    let cache = crate::ParseCache::with_budget(2 * len);
    cache.tree(&files[0]).expect("tree");
    cache.tree(&files[1]).expect("tree");
    // A hit refreshes file 0, so file 1 is the least recently used when file 2 comes.
    cache.tree(&files[0]).expect("tree");
    cache.tree(&files[2]).expect("tree");
    assert_eq!(cache.held(), [0, 2]);
    // A file larger than the whole budget is still held on its own (the last one used).
    let tiny = crate::ParseCache::with_budget(1);
    tiny.tree(&files[3]).expect("tree");
    tiny.tree(&files[1]).expect("tree");
    assert_eq!(tiny.held(), [1]);
}

#[test]
fn local_module_sources_are_found_without_parsing() {
    let text = r#"
module "a" {
  source  = "../../"
}
module "b" { source = "./modules/x" }
module "c" {
  source = "terraform-aws-modules/vpc/aws"
}
  source="../y"
# source = "./commented" starts with a comment sign: not a source
"#;
    assert_eq!(
        crate::local_module_sources(text),
        ["../../", "../y"],
        "one-line blocks are missed, which only costs a parse"
    );
}

#[test]
fn kind_table_agrees_with_tree_sitter_on_every_node() {
    let text = r#"
variable "x" { default = { a = [1, "two", true, null] } }
locals {
  t = <<-EOT
    ${var.x.a[0]} %{ for v in var.x.a }${v}%{ endfor }
  EOT
  f = [for k, v in var.x : upper(k) if v != null]
  s = var.x.a[*].b
  c = !true ? -1 : 2 * 3 % 4
}
resource "aws_s3_bucket" "b" {
  dynamic "x" {
    for_each = {}
    content { y = x.value... }
  }
  broken = {
"#;
    let tree = crate::syntax::parse(text).expect("tree");
    let mut stack = vec![tree.root_node()];
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        assert_eq!(crate::syntax::kind_of(n), n.kind());
        seen += 1;
        let mut cursor = n.walk();
        stack.extend(n.children(&mut cursor));
    }
    assert!(seen > 100, "{seen}");
    assert!(
        tree.root_node().has_error(),
        "the sample should include an ERROR node"
    );
}

#[test]
fn variable_paths_read_inside_the_value() {
    let src = r#"
variable "m" {
  default = {
    a = ["x", "y"]
    b = { c = "deep" }
  }
}
variable "l" { default = [{ x = 1 }, { x = 2 }] }
variable "none" {}
locals {
  entry   = var.m["a"][1]
  attr    = var.m.b.c
  mixed   = var.m.b["c"]
  whole   = var.m.a
  missing = var.m["zzz"]
  range   = var.l[5]
  splat   = var.l[*].x
  after   = var.l[1].x
  unknown = var.none["k"]
  keyed   = var.m[var.none]
}
"#;
    assert_eq!(s(&local(src, "entry")), Some("y"));
    assert_eq!(local(src, "entry").provenance, Provenance::Default);
    assert_eq!(s(&local(src, "attr")), Some("deep"));
    assert_eq!(s(&local(src, "mixed")), Some("deep"));
    assert_eq!(strings(&local(src, "whole")), ["x", "y"]);
    assert_eq!(strings(&local(src, "splat")), ["1", "2"]);
    assert_eq!(local(src, "after").kind, NodeKind::Number(2.0));
    for name in ["missing", "range", "unknown", "keyed"] {
        assert!(local(src, name).is_unknown(), "{name}");
    }
    // The value keeps where it was written: `"y"` in the default.
    let (n, files) = eval(&[("main.tf", src)], "entry");
    assert_eq!(files[0].slice(n.span), "\"y\"");
}

#[test]
fn exponent_numbers_are_made_readable_without_moving_offsets() {
    use crate::syntax::exponent_fixup;
    assert_eq!(exponent_fixup("a = 1e3\n").as_deref(), Some("a = 103\n"));
    assert_eq!(
        exponent_fixup("a = [1E+3, -2e-3, 0e0]").as_deref(),
        Some("a = [1003, -2003, 000]")
    );
    assert_eq!(
        exponent_fixup("a = \"${1e3}\"").as_deref(),
        Some("a = \"${103}\"")
    );
    // Not numbers: identifiers, fractions (already read), an exponent without digits.
    for text in [
        "web1e3 = 1",
        "a-1e3 = 1",
        "a = 1.5e3",
        "a = 1e",
        "a = 1ex",
        "a = x.1e3",
    ] {
        assert_eq!(exponent_fixup(text), None, "{text}");
    }
    // The value comes from the file's text.
    let n = local("locals {\n  a = 1e3\n  b = 2E-1\n}\n", "a");
    assert_eq!(n.kind, NodeKind::Number(1000.0));
    let n = local("locals {\n  a = 1e3\n  b = 2E-1\n}\n", "b");
    assert_eq!(n.kind, NodeKind::Number(0.2));
}

#[test]
fn pathological_syntax_stops_within_the_cpu_limit_with_a_located_error() {
    use crate::syntax::{parse_within, Unparsed};
    use palisade_source::{FileId, SourceFile};
    // tree-sitter's error recovery is quadratic here: unbounded, 40 kB take 15 s.
    let text = "}{".repeat(20_000);
    let limit = std::time::Duration::from_millis(200);
    let t = std::time::Instant::now();
    let result = parse_within(&text, limit);
    let Err(Unparsed::Stopped(at)) = result else {
        panic!("not stopped: {:?}", result.map(|_| ()));
    };
    // CPU time is at most wall time: the stop came soon after the limit.
    assert!(
        t.elapsed() < std::time::Duration::from_secs(30),
        "{:?}",
        t.elapsed()
    );
    assert!(at > 0 && at < text.len());
    let file = SourceFile::new(FileId(0), "m/main.tf", text.as_str());
    let d = Unparsed::Stopped(at).diagnostic(&file);
    assert_eq!(d.span.start as usize, at);
    assert!(d.message.starts_with("parsing stopped here"));
}
