//! Scan benchmark: `cargo bench -p palisade-engine`.
//!
//! For each corpus (`$PALISADE_CORPUS/{terraform,cloudformation}`, default
//! `<repo>/../shared/corpus`; an absent corpus is skipped) it prints files, MB, the best wall
//! time of N full scans, files/s, MB/s, the peak resident memory, and the parse-only time of
//! the same files (the frontends' `parse_only`, in parallel), so the engine's overhead over the
//! parse floor is visible. The Terraform corpus is measured twice: as `palisade scan` runs
//! (local module calls followed) and as `terraform-modules`, with `--no-follow-modules`, so
//! that what following modules costs is visible. Each corpus is measured in a fresh child process (this binary run
//! with `--child CORPUS`) so that peak memory (VmHWM) of one does not leak into the other.
//! Then it scans generated explosive inputs (nested for-expressions, a thousand chained
//! conditionals and locals, a huge `count`, 2,000 chained CloudFormation conditions, deeply
//! nested `Fn::If`, a YAML alias bomb): each must finish in linear time, with a note where
//! evaluation was bounded, instead of taking minutes.
//! Finally it times `palisade scan <one small file> --format json` end to end, and the
//! edit-to-diagnostics latency of `palisade lsp` on the corpus's largest Terraform file, using
//! the release binary next to this benchmark (build it first with `cargo build --release`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use palisade_engine::{parse_floor, scan, ConfigChoice, ScanOptions};

const RUNS: usize = 5;
const LATENCY_RUNS: usize = 21;
/// How many of the slowest checks the per-check line names.
const TOP_CHECKS: usize = 5;

fn corpus_root() -> PathBuf {
    match std::env::var_os("PALISADE_CORPUS") {
        Some(p) => PathBuf::from(p),
        None => {
            let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
            std::fs::canonicalize(&p).unwrap_or(p)
        }
    }
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn options() -> ScanOptions {
    ScanOptions {
        config: ConfigChoice::Disabled,
        time_checks: true,
        ..ScanOptions::default()
    }
}

/// Measures one corpus in this process and prints one line.
fn child(name: &str, dir: &Path) {
    let paths = [dir.to_path_buf()];
    // `terraform-modules`: the same corpus without following local module calls
    // (`--no-follow-modules`), to show what following them costs.
    let options = || ScanOptions {
        follow_modules: !name.ends_with("-modules"),
        ..options()
    };
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..RUNS {
        let t = Instant::now();
        let result = match scan(&paths, &options()) {
            Ok(r) => r,
            Err(e) => {
                println!("{name:15} scan failed: {e}");
                return;
            }
        };
        best = best.min(t.elapsed());
        last = Some(result);
    }
    // Peak memory of the scans, before the parse-only runs add anything.
    let peak = peak_rss_mb().unwrap_or(f64::NAN);
    let Some(result) = last else { return };
    let mut parse_best = Duration::MAX;
    for _ in 0..RUNS {
        if let Ok(floor) = parse_floor(&paths, &options()) {
            parse_best = parse_best.min(floor.parse);
        }
    }
    let mb = result.bytes_scanned as f64 / 1_000_000.0;
    let secs = best.as_secs_f64();
    let t = result.timings;
    println!(
        "{name:15} {:>6} files {:>7.2} MB  wall {:>8.1} ms  {:>8.0} files/s {:>7.1} MB/s  peak {:>6.1} MB  parse-only {:>7.1} ms  ({} findings, {} errors)",
        result.files_scanned,
        mb,
        secs * 1000.0,
        result.files_scanned as f64 / secs,
        mb / secs,
        peak,
        parse_best.as_secs_f64() * 1000.0,
        result.findings.len(),
        result.errors.len(),
    );
    println!(
        "{:15} phases of the last run: discover {:.1} ms, read {:.1} ms, classify {:.1} ms, analyze {:.1} ms (load {:.1} ms + checks {:.1} ms of CPU)",
        "",
        ms(t.discover),
        ms(t.read),
        ms(t.classify),
        ms(t.analyze),
        ms(t.load_cpu),
        ms(t.check_cpu)
    );
    print_check_times(&result.check_times);
}

/// The checks' time of the last run by layer, and the checks that took the most.
fn print_check_times(times: &[(&'static str, Duration)]) {
    let layer_of = |id: &str| palisade_checks::find(id).map(|c| c.meta.layer);
    let by_layer: Vec<String> = palisade_checks::Layer::ALL
        .iter()
        .map(|&layer| {
            let sum: Duration = times
                .iter()
                .filter(|(id, _)| layer_of(id) == Some(layer))
                .map(|(_, t)| *t)
                .sum();
            format!("{} {:.1}", layer.as_str(), ms(sum))
        })
        .collect();
    let mut top: Vec<&(&str, Duration)> = times.iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let top: Vec<String> = top
        .iter()
        .take(TOP_CHECKS)
        .map(|(id, t)| format!("{id} {:.1}", ms(*t)))
        .collect();
    println!(
        "{:15} checks by layer (ms of CPU): {}; slowest: {}",
        "",
        by_layer.join(", "),
        top.join(", ")
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The release `palisade` binary in the same target directory as this benchmark.
fn release_binary() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    // <target>/release/deps/scan-<hash>
    let release = exe.parent()?.parent()?;
    let bin = release.join("palisade");
    bin.is_file().then_some(bin)
}

fn latency() {
    let Some(bin) = release_binary() else {
        println!("one-file latency: skipped (run `cargo build --release` first)");
        return;
    };
    let dir = std::env::temp_dir().join(format!("palisade-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("main.tf");
    let text = "resource \"aws_security_group\" \"web\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n";
    if std::fs::write(&file, text).is_err() {
        println!("one-file latency: skipped (cannot write a temp file)");
        return;
    }
    let mut times = Vec::new();
    for _ in 0..LATENCY_RUNS {
        let t = Instant::now();
        let status = Command::new(&bin)
            .args(["scan", "--no-config", "--format", "json"])
            .arg(&file)
            .stdout(std::process::Stdio::null())
            .status();
        if status.is_err() {
            println!("one-file latency: cannot run {}", bin.display());
            return;
        }
        times.push(t.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "one-file latency: median {:.2} ms over {LATENCY_RUNS} runs of `palisade scan <1 file> --format json` (min {:.2} ms)",
        ms(median),
        ms(times[0])
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Frames one JSON-RPC message for a language server's stdin.
fn lsp_frame(message: &str) -> String {
    format!("Content-Length: {}\r\n\r\n{message}", message.len())
}

/// Reads messages from a language server's stdout until one contains `needle`.
fn lsp_wait(reader: &mut impl std::io::BufRead, needle: &str) -> bool {
    loop {
        let mut length = 0;
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                return false;
            }
            let header = header.trim();
            if header.is_empty() {
                break;
            }
            if let Some(n) = header.strip_prefix("Content-Length:") {
                length = n.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return false;
        }
        if String::from_utf8_lossy(&body).contains(needle) {
            return true;
        }
    }
}

/// Edit-to-diagnostics latency of `palisade lsp` on the largest Terraform file of the corpus
/// (analysed with its directory, as in an editor): the time from a `didChange` to the
/// diagnostics of that version, which includes the server's debounce.
fn lsp_latency(corpus: &Path) {
    use std::io::Write;
    let Some(bin) = release_binary() else {
        return;
    };
    let largest = walk_files(&corpus.join("terraform"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "tf"))
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0));
    let Some(file) = largest else {
        return;
    };
    let Ok(text) = std::fs::read_to_string(&file) else {
        return;
    };
    let Ok(mut child) = Command::new(&bin)
        .arg("lsp")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
    else {
        println!("lsp latency: cannot run {}", bin.display());
        return;
    };
    let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        return;
    };
    let mut reader = std::io::BufReader::new(stdout);
    let uri = format!("file://{}", file.display());
    let quoted = serde_json::Value::String(text.clone()).to_string();
    let mut send = |m: String| stdin.write_all(lsp_frame(&m).as_bytes()).is_ok();
    send(r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#.into());
    lsp_wait(&mut reader, r#""id":1"#);
    send(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#.into());
    send(format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":"{uri}","languageId":"terraform","version":1,"text":{quoted}}}}}}}"#
    ));
    lsp_wait(&mut reader, "publishDiagnostics");
    let mut times = Vec::new();
    for version in 2..2 + LATENCY_RUNS as i32 {
        // A comment typed at the end: the whole module is analysed again.
        let edited = serde_json::Value::String(format!("{text}\n# edit {version}\n")).to_string();
        let t = Instant::now();
        send(format!(
            r#"{{"jsonrpc":"2.0","method":"textDocument/didChange","params":{{"textDocument":{{"uri":"{uri}","version":{version}}},"contentChanges":[{{"text":{edited}}}]}}}}"#
        ));
        if !lsp_wait(&mut reader, &format!(r#""version":{version}"#)) {
            println!("lsp latency: the server stopped answering");
            return;
        }
        times.push(t.elapsed());
    }
    send(r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#.into());
    send(r#"{"jsonrpc":"2.0","method":"exit"}"#.into());
    let _ = child.wait();
    times.sort();
    let shown = file.strip_prefix(corpus).unwrap_or(&file);
    println!(
        "lsp latency: edit to diagnostics median {:.1} ms (min {:.1} ms, {LATENCY_RUNS} edits, 120 ms of it debounce) on {} ({} bytes, with its directory)",
        ms(times[times.len() / 2]),
        ms(times[0]),
        shown.display(),
        text.len()
    );
}

fn walk_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// Local modules called 100,000 times, nested 40 deep, and calling themselves: each bounded
/// (instances per root, depth, cycles) with a note. `(file name, contents)` pairs under one
/// directory.
fn explosive_modules() -> Vec<(String, String)> {
    let sg = "resource \"aws_security_group\" \"g\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [var.cidr]\n  }\n}\nvariable \"cidr\" {}\noutput \"cidr\" { value = var.cidr }\n";
    let mut files = vec![(
        "main.tf".to_string(),
        "module \"fan\" {\n  count  = 100000\n  source = \"./leaf\"\n  cidr   = \"0.0.0.0/0\"\n}\nmodule \"deep\" {\n  source = \"./d0\"\n  cidr   = \"0.0.0.0/0\"\n}\nmodule \"self\" {\n  source = \"./\"\n}\n"
            .to_string(),
    )];
    files.push(("leaf/main.tf".to_string(), sg.to_string()));
    let mut dir = String::from("d0");
    for depth in 0..40 {
        let next = format!("d{}", depth + 1);
        files.push((
            format!("{dir}/main.tf"),
            format!("{sg}module \"next\" {{\n  source = \"./{next}\"\n  cidr   = module.twice[1].cidr\n}}\nmodule \"twice\" {{\n  count  = 2\n  source = \"{up}leaf\"\n  cidr   = var.cidr\n}}\n", up = "../".repeat(depth + 1)),
        ));
        dir = format!("{dir}/{next}");
    }
    files
}

/// Inputs designed to make a naive evaluator explode: `(file name, contents)`.
fn explosive_inputs() -> Vec<(&'static str, String)> {
    let mut out = Vec::new();

    // Six nested for-expressions over 30 items: 729 million combinations if unbounded.
    let mut nested = String::from("locals {\n  xs = [for i in range(30) : i]\n  nested = flatten(");
    for depth in 0..6 {
        nested.push_str(&format!("[for v{depth} in local.xs : "));
    }
    nested.push_str("v5");
    nested.push_str(&"]".repeat(6));
    nested.push_str(")\n}\n");
    nested.push_str("resource \"aws_security_group\" \"n\" {\n  ingress {\n    from_port   = 0\n    to_port     = 65535\n    protocol    = \"tcp\"\n    cidr_blocks = [for x in local.nested : \"0.0.0.0/0\"]\n  }\n}\n");
    out.push(("tf-nested/main.tf", nested));

    // A thousand locals, each a conditional over the previous one.
    let mut chained = String::from("locals {\n  c0 = \"0.0.0.0/0\"\n");
    for i in 1..1000 {
        chained.push_str(&format!(
            "  c{i} = local.c{} == \"x\" ? local.c{} : local.c{}\n",
            i - 1,
            i - 1,
            i - 1
        ));
    }
    chained.push_str("}\nresource \"aws_security_group_rule\" \"r\" {\n  type        = \"ingress\"\n  protocol    = \"-1\"\n  from_port   = 0\n  to_port     = 0\n  cidr_blocks = [local.c999]\n  security_group_id = \"sg-1\"\n}\n");
    out.push(("tf-chained/main.tf", chained));

    // A huge count and a for_each over a large generated map.
    out.push((
        "tf-count/main.tf",
        "resource \"aws_ebs_volume\" \"many\" {\n  count             = 1000000\n  availability_zone = \"eu-west-1a\"\n  size              = 1\n}\nresource \"aws_ebs_volume\" \"each\" {\n  for_each          = { for i in range(100000) : tostring(i) => i }\n  availability_zone = \"eu-west-1a\"\n  size              = each.value\n}\n".to_string(),
    ));

    // 2,000 chained CloudFormation conditions and a 200-deep Fn::If.
    let mut conditions = String::from("AWSTemplateFormatVersion: \"2010-09-09\"\nParameters:\n  Env:\n    Type: String\n    Default: prod\nConditions:\n  C0: !Equals [!Ref Env, prod]\n");
    for i in 1..2000 {
        conditions.push_str(&format!(
            "  C{i}: !And [!Condition C{}, !Condition C{}]\n",
            i - 1,
            i - 1
        ));
    }
    conditions.push_str("Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Condition: C1999\n    Properties:\n      GroupDescription: x\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: ");
    conditions.push_str(&"!If [C1, ".repeat(200));
    conditions.push_str("0.0.0.0/0");
    conditions.push_str(&", 10.0.0.0/8]".repeat(200));
    conditions.push('\n');
    out.push(("cfn-conditions/template.yaml", conditions));

    // A YAML alias bomb: each level references the previous one ten times.
    let mut bomb = String::from("AWSTemplateFormatVersion: \"2010-09-09\"\nMappings:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        bomb.push_str(&format!("  a{i}: &a{i} [{refs}]\n"));
    }
    bomb.push_str("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n");
    out.push(("cfn-alias-bomb/template.yaml", bomb));
    out
}

/// Scans each explosive input on its own and prints the time and what was reported.
fn explosive() {
    let dir = std::env::temp_dir().join(format!("palisade-explosive-{}", std::process::id()));
    for (name, text) in explosive_inputs() {
        let path = dir.join(name);
        let written = path
            .parent()
            .map(|p| std::fs::create_dir_all(p).is_ok())
            .unwrap_or(false)
            && std::fs::write(&path, text.as_bytes()).is_ok();
        if !written {
            println!("explosive: cannot write {}", path.display());
            continue;
        }
        let t = Instant::now();
        match scan(std::slice::from_ref(&path), &options()) {
            Ok(r) => {
                let first = r
                    .errors
                    .first()
                    .or(r.notes.first())
                    .map(|e| format!("; {}", e.message))
                    .unwrap_or_default();
                println!(
                    "explosive {:30} {:>8} bytes  {:>8.1} ms  {} findings, {} errors, {} notes{first}",
                    name,
                    text.len(),
                    ms(t.elapsed()),
                    r.findings.len(),
                    r.errors.len(),
                    r.notes.len()
                );
            }
            Err(e) => println!("explosive {name:30} scan failed: {e}"),
        }
    }
    // A whole directory: the module calls need their files next to each other.
    let root = dir.join("tf-modules");
    let files = explosive_modules();
    let bytes: usize = files.iter().map(|f| f.1.len()).sum();
    let written = files.iter().all(|(rel, text)| {
        let path = root.join(rel);
        path.parent()
            .map(|p| std::fs::create_dir_all(p).is_ok())
            .unwrap_or(false)
            && std::fs::write(&path, text.as_bytes()).is_ok()
    });
    if written {
        let t = Instant::now();
        match scan(std::slice::from_ref(&root), &options()) {
            Ok(r) => println!(
                "explosive {:30} {:>8} bytes  {:>8.1} ms  {} findings, {} errors, {} notes; {} module calls followed",
                "tf-modules/ (41 dirs)",
                bytes,
                ms(t.elapsed()),
                r.findings.len(),
                r.errors.len(),
                r.notes.len(),
                r.stats.modules_resolved
            ),
            Err(e) => println!("explosive tf-modules scan failed: {e}"),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The allocators the `palisade` binary uses (see its `main`), so that figures match it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // SAFETY: first thing in main; nothing has been parsed yet.
    unsafe { palisade_engine::use_mimalloc_for_parsing() };
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        if let (Some(name), Some(dir)) = (args.get(i + 1), args.get(i + 2)) {
            child(name, Path::new(dir));
        }
        return;
    }
    let root = corpus_root();
    println!(
        "palisade scan benchmark: best of {RUNS} runs, {} threads, corpus {}",
        rayon::current_num_threads(),
        root.display()
    );
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    for name in ["terraform", "terraform-modules", "cloudformation"] {
        let dir = root.join(name.trim_end_matches("-modules"));
        if !dir.is_dir() {
            println!("{name:15} skipped: {} not found", dir.display());
            continue;
        }
        // A fresh process per corpus keeps peak memory figures apart.
        let out = Command::new(&exe)
            .arg("--child")
            .arg(name)
            .arg(&dir)
            .output();
        match out {
            Ok(o) => {
                print!("{}", String::from_utf8_lossy(&o.stdout));
                if !o.status.success() {
                    println!(
                        "{name:15} child failed: {}",
                        String::from_utf8_lossy(&o.stderr)
                    );
                }
            }
            Err(e) => println!("{name:15} cannot start child: {e}"),
        }
    }
    explosive();
    latency();
    lsp_latency(&root);
}
