//! Runs every example of every check through the whole pipeline (discovery, frontend, checks,
//! resolution) and compares with what the example declares: a bad example fires exactly its
//! expected findings of that check (line and the source text the span starts with), a good
//! example fires none. All failures are reported together with the actual findings.

use std::fmt::Write as _;
use std::path::PathBuf;

use palisade_engine::{scan, ConfigChoice, ScanOptions};

#[test]
fn check_examples() {
    let examples_dir = palisade_checks::examples_dir();
    let mut failures = Vec::new();
    let mut ran = 0;
    for check in palisade_checks::all() {
        let id = check.meta.id;
        if check.meta.examples.is_empty() {
            failures.push(format!("{id}: has no examples"));
            continue;
        }
        for example in check.meta.examples {
            ran += 1;
            let src = examples_dir.join(id).join(example.file);
            let label = format!("{id} {}", example.file);
            let text = match std::fs::read(&src) {
                Ok(t) => t,
                Err(e) => {
                    failures.push(format!("{label}: cannot read {}: {e}", src.display()));
                    continue;
                }
            };
            // Alone in a fresh directory so that no other file (or palisade.toml) interferes,
            // keeping the file name since format detection may look at it.
            let dir = tempfile::tempdir().expect("temp dir");
            let name = PathBuf::from(example.file)
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("example"));
            let path = dir.path().join(&name);
            std::fs::write(&path, &text).expect("write example");
            let options = ScanOptions {
                config: ConfigChoice::Disabled,
                cwd: Some(dir.path().to_path_buf()),
                ..ScanOptions::default()
            };
            let result = match scan(&[dir.path().to_path_buf()], &options) {
                Ok(r) => r,
                Err(e) => {
                    failures.push(format!("{label}: scan failed: {e}"));
                    continue;
                }
            };

            let mut problems = Vec::new();
            for e in &result.errors {
                problems.push(format!(
                    "error {}:{}:{}: {}",
                    e.file, e.line, e.column, e.message
                ));
            }
            let mine: Vec<_> = result.findings.iter().filter(|f| f.check == id).collect();
            let mut used = vec![false; mine.len()];
            for (line, want) in example.expect {
                let hit = mine.iter().enumerate().position(|(i, f)| {
                    !used[i] && f.line == *line && {
                        let text = &result.sources[f.source].text;
                        text.get(f.start_offset..)
                            .is_some_and(|t| t.starts_with(want))
                    }
                });
                match hit {
                    Some(i) => used[i] = true,
                    None => problems.push(format!("missing: line {line} starting with {want:?}")),
                }
            }
            for (i, f) in mine.iter().enumerate() {
                if !used[i] {
                    problems.push(format!("unexpected finding at line {}", f.line));
                }
            }
            if !problems.is_empty() {
                let mut msg = format!("{label}:\n");
                for p in problems {
                    let _ = writeln!(msg, "    {p}");
                }
                let _ = writeln!(msg, "  actual findings:");
                for f in &result.findings {
                    let text = &result.sources[f.source].text;
                    let snippet: String = text
                        .get(f.start_offset..f.end_offset)
                        .unwrap_or("")
                        .chars()
                        .take(60)
                        .collect();
                    let _ = writeln!(
                        msg,
                        "    {}:{}:{} {} [{}] {:?} ({})",
                        f.file,
                        f.line,
                        f.column,
                        f.check,
                        f.severity.as_str(),
                        snippet,
                        f.message
                    );
                }
                failures.push(msg);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {ran} examples failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
