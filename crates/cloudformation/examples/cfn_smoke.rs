//! Smoke test over directories of real files: how each file is classified, how many
//! diagnostics and facts come out, and how long it takes (two worker threads, like the CI
//! machine). `cargo run --release -p palisade-cloudformation --example cfn_smoke -- DIR...`
use palisade_cloudformation::{detect, load_policy, load_template, parse_only, DocumentKind};
use palisade_source::{FileId, SourceFile};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml" | "json" | "template")
        ) {
            out.push(p);
        }
    }
}

#[derive(Default)]
struct Tally {
    cfn: usize,
    policy: usize,
    other: usize,
    diagnostics: Vec<String>,
    resources: usize,
    facts: usize,
    rules: usize,
    policies: usize,
    statements: usize,
    encryption: usize,
}

fn main() {
    for dir in std::env::args().skip(1) {
        let mut paths = Vec::new();
        collect(Path::new(&dir), &mut paths);
        let files: Vec<SourceFile> = paths
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let text = std::fs::read_to_string(p).ok()?;
                Some(SourceFile::new(FileId(i as u32), p.clone(), text))
            })
            .collect();
        let bytes: usize = files.iter().map(|f| f.text.len()).sum();
        let t0 = Instant::now();
        let parsed_ok = files.iter().filter(|f| parse_only(f)).count();
        let parse_time = t0.elapsed();
        let t0 = Instant::now();
        let half = files.len().div_ceil(2);
        let tallies: Vec<Tally> = std::thread::scope(|s| {
            let handles: Vec<_> = files
                .chunks(half.max(1))
                .map(|chunk| s.spawn(move || scan(chunk)))
                .collect();
            handles.into_iter().filter_map(|h| h.join().ok()).collect()
        });
        let wall = t0.elapsed();
        let mut total = Tally::default();
        for t in tallies {
            total.cfn += t.cfn;
            total.policy += t.policy;
            total.other += t.other;
            total.resources += t.resources;
            total.facts += t.facts;
            total.rules += t.rules;
            total.policies += t.policies;
            total.statements += t.statements;
            total.encryption += t.encryption;
            total.diagnostics.extend(t.diagnostics);
        }
        println!(
            "{dir}: {} files, {:.2} MB; CloudFormation {}, IAM policy {}, other {}; {} resources, {} facts, {} diagnostics; scan {:.3}s on 2 threads; parse-only {:.3}s on 1 thread ({parsed_ok} parsed cleanly)",
            files.len(),
            bytes as f64 / 1e6,
            total.cfn,
            total.policy,
            total.other,
            total.resources,
            total.facts,
            total.diagnostics.len(),
            wall.as_secs_f64(),
            parse_time.as_secs_f64(),
        );
        println!(
            "  facts: {} network rules, {} policies ({} statements), {} encryption/KMS facts",
            total.rules, total.policies, total.statements, total.encryption
        );
        for d in total.diagnostics.iter().take(40) {
            println!("  {d}");
        }
    }
}

fn scan(files: &[SourceFile]) -> Tally {
    let mut t = Tally::default();
    for f in files {
        let loaded = match detect(f) {
            DocumentKind::CloudFormation => {
                t.cfn += 1;
                load_template(f)
            }
            DocumentKind::IamPolicy => {
                t.policy += 1;
                load_policy(f)
            }
            DocumentKind::Other => {
                t.other += 1;
                t.diagnostics
                    .push(format!("{}: classified as other", f.path.display()));
                continue;
            }
        };
        let m = &loaded.model;
        t.resources += m.resources.len();
        t.rules += m.security_group_rules.len() + m.nacl_rules.len();
        t.policies += m.policies.len();
        t.statements += m
            .policies
            .iter()
            .map(|p| p.document.statements.len())
            .sum::<usize>();
        t.encryption += m.encryption.len() + m.kms_keys.len();
        t.facts += m.policies.len()
            + m.security_group_rules.len()
            + m.nacl_rules.len()
            + m.encryption.len()
            + m.kms_keys.len();
        for d in loaded.diagnostics {
            let lc = f.line_col(d.span.start);
            t.diagnostics.push(format!(
                "{}:{}:{}: {}",
                f.path.display(),
                lc.line,
                lc.column,
                d.message
            ));
        }
    }
    t
}
