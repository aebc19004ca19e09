//! docs/ci.md's GitHub Actions workflow and GitLab CI job: each is parsed as YAML, and every
//! `palisade` command it runs is run (by the binary under test) on a copy of the demo
//! project, with the files it names checked. The pre-commit set-up is tested by
//! `precommit.rs`.

mod common;

use saphyr::{LoadableYamlNode, YamlOwned};

use common::*;

/// The fenced ```yaml blocks of docs/ci.md whose first line is `# NAME`.
fn yaml_block(first_line: &str) -> YamlOwned {
    let doc = std::fs::read_to_string(repo_root().join("docs/ci.md")).expect("docs/ci.md");
    let block = doc
        .split("```yaml\n")
        .skip(1)
        .filter_map(|b| b.split("```").next())
        .find(|b| b.starts_with(first_line))
        .unwrap_or_else(|| panic!("docs/ci.md has a yaml block starting with {first_line}"));
    let mut docs = YamlOwned::load_from_str(block).expect("the block is YAML");
    assert_eq!(docs.len(), 1);
    docs.remove(0)
}

fn copy_demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                copy(&e.path(), &to.join(e.file_name()));
            } else {
                std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
            }
        }
    }
    copy(&repo_root().join("demo"), dir.path());
    dir
}

/// Runs a `palisade ...` command line (plain words, no quoting) in `dir`.
fn run_command(dir: &std::path::Path, line: &str) -> Run {
    let words: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(words[0], "palisade", "{line}");
    palisade(dir, &words[1..])
}

#[test]
fn the_github_actions_workflow_runs() {
    let wf = yaml_block("# .github/workflows/palisade.yml");
    assert_eq!(wf["permissions"]["security-events"].as_str(), Some("write"));
    let steps = wf["jobs"]["palisade"]["steps"].as_vec().expect("steps");
    let runs: Vec<&str> = steps
        .iter()
        .filter_map(|s| s.as_mapping_get("run").and_then(|r| r.as_str()))
        .collect();
    assert!(
        runs.iter().any(|r| r.starts_with("cargo install --locked")),
        "{runs:?}"
    );
    let upload = steps
        .iter()
        .find(|s| {
            s.as_mapping_get("uses")
                .and_then(|u| u.as_str())
                .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@"))
        })
        .expect("an upload-sarif step");
    let sarif_file = upload["with"]["sarif_file"].as_str().expect("sarif_file");

    let dir = copy_demo();
    let scans: Vec<&&str> = runs.iter().filter(|r| r.starts_with("palisade ")).collect();
    assert_eq!(scans.len(), 1, "{runs:?}");
    let run = run_command(dir.path(), scans[0]);
    assert_eq!(run.code, 1, "the demo has findings: {}", run.stderr);
    // Annotations on stdout, SARIF in the file the upload step reads.
    assert!(
        run.stdout.lines().any(|l| l.starts_with("::error file=")),
        "{}",
        run.stdout
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join(sarif_file)).unwrap())
            .unwrap();
    assert!(!sarif["runs"][0]["results"].as_array().unwrap().is_empty());
}

#[test]
fn the_gitlab_job_runs() {
    let ci = yaml_block("# .gitlab-ci.yml");
    let job = &ci["palisade"];
    let script: Vec<&str> = job["script"]
        .as_vec()
        .expect("script")
        .iter()
        .filter_map(|l| l.as_str())
        .collect();
    assert!(
        script[0].starts_with("cargo install --locked"),
        "{script:?}"
    );
    let junit = job["artifacts"]["reports"]["junit"]
        .as_str()
        .expect("junit report");
    let kept = job["artifacts"]["paths"].as_vec().expect("artifact paths");

    let dir = copy_demo();
    let run = run_command(dir.path(), script[1]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.lines().any(|l| l.contains(": high: ")),
        "compact in the log: {}",
        run.stdout
    );
    let xml = std::fs::read_to_string(dir.path().join(junit)).unwrap();
    assert!(xml.starts_with("<?xml") && xml.contains("<failure "));
    for p in kept {
        let p = p.as_str().unwrap();
        assert!(dir.path().join(p).is_file(), "artifact {p} written");
    }
}
