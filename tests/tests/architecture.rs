//! Guards for the architectural invariants of DESIGN.md that are about structure rather than
//! behaviour: which crate may depend on which (invariants 1 and 6, and the direction of the
//! arrows), and that library crates never print (invariant 6: stdout carries the LSP protocol).

use std::fs;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ lives in the repository")
        .to_path_buf()
}

/// The `[dependencies]` names of a crate's Cargo.toml (not dev- or build-dependencies).
fn dependencies(manifest: &Path) -> Vec<String> {
    let text = fs::read_to_string(manifest).expect("manifest readable");
    let mut in_deps = false;
    let mut deps = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line == "[dependencies]";
            continue;
        }
        if in_deps && !line.is_empty() && !line.starts_with('#') {
            if let Some((name, _)) = line.split_once('=') {
                deps.push(name.trim().trim_end_matches(".workspace").to_string());
            }
        }
    }
    deps
}

const SYNTAX_CRATES: &[&str] = &[
    "tree-sitter",
    "tree-sitter-hcl",
    "saphyr",
    "saphyr-parser",
    "jsonc-parser",
    "serde_json",
];

#[test]
fn checks_and_model_never_see_syntax() {
    for manifest in [
        "checks/Cargo.toml",
        "crates/model/Cargo.toml",
        "crates/iam/Cargo.toml",
    ] {
        let deps = dependencies(&repo().join(manifest));
        assert!(
            !deps.is_empty() || manifest.contains("iam"),
            "{manifest} has no dependencies?"
        );
        for dep in &deps {
            assert!(
                !SYNTAX_CRATES.contains(&dep.as_str()),
                "{manifest} depends on the parser crate {dep}: checks read the model only"
            );
            assert!(
                !dep.starts_with("palisade-terraform")
                    && !dep.starts_with("palisade-cloudformation"),
                "{manifest} depends on a frontend ({dep}): arrows point from frontends to the model"
            );
        }
    }
}

#[test]
fn dependency_arrows_point_the_designed_way() {
    // crate -> palisade crates it must NOT depend on.
    let forbidden: &[(&str, &[&str])] = &[
        ("crates/source/Cargo.toml", &["palisade-"]),
        (
            "crates/iam/Cargo.toml",
            &["palisade-model", "palisade-checks", "palisade-engine"],
        ),
        (
            "crates/model/Cargo.toml",
            &[
                "palisade-terraform",
                "palisade-cloudformation",
                "palisade-checks",
                "palisade-engine",
            ],
        ),
        (
            "crates/terraform/Cargo.toml",
            &[
                "palisade-checks",
                "palisade-engine",
                "palisade-report",
                "palisade-cloudformation",
            ],
        ),
        (
            "crates/cloudformation/Cargo.toml",
            &[
                "palisade-checks",
                "palisade-engine",
                "palisade-report",
                "palisade-terraform",
            ],
        ),
        ("checks/Cargo.toml", &["palisade-engine", "palisade-report"]),
        ("crates/engine/Cargo.toml", &["palisade-report"]),
        (
            "crates/lsp/Cargo.toml",
            &[
                "palisade-report",
                "palisade-terraform",
                "palisade-cloudformation",
            ],
        ),
    ];
    for (manifest, banned) in forbidden {
        for dep in dependencies(&repo().join(manifest)) {
            for b in *banned {
                let hit = if b.ends_with('-') {
                    dep.starts_with(b) && dep != "palisade-source"
                } else {
                    dep == *b
                };
                assert!(!hit, "{manifest} must not depend on {dep}");
            }
        }
    }
    // Nothing depends on the CLI except the end-to-end tests that run it.
    for entry in fs::read_dir(repo().join("crates")).expect("crates/") {
        let manifest = entry.expect("entry").path().join("Cargo.toml");
        if manifest.exists() && !manifest.starts_with(repo().join("crates/cli")) {
            let deps = dependencies(&manifest);
            assert!(
                !deps.contains(&"palisade".to_string()),
                "{} depends on the CLI",
                manifest.display()
            );
        }
    }
}

#[test]
fn only_the_lsp_crate_knows_lsp_types() {
    let mut manifests = vec![repo().join("checks/Cargo.toml")];
    for entry in fs::read_dir(repo().join("crates"))
        .expect("crates/")
        .flatten()
    {
        manifests.push(entry.path().join("Cargo.toml"));
    }
    let lsp = repo().join("crates/lsp/Cargo.toml");
    assert!(
        dependencies(&lsp).contains(&"tower-lsp-server".to_string()),
        "the server is built on tower-lsp-server"
    );
    for manifest in manifests.iter().filter(|m| m.exists() && **m != lsp) {
        for dep in dependencies(manifest) {
            assert!(
                !dep.contains("lsp") || dep == "palisade-lsp",
                "{} depends on {dep}: only crates/lsp knows LSP types",
                manifest.display()
            );
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            // Unit-test modules and examples may print; shipped library code may not.
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name != "tests" && name != "examples" && name != "benches" {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
            out.push(path);
        }
    }
}

#[test]
fn library_crates_never_print() {
    let mut files = Vec::new();
    for dir in [
        "crates/source",
        "crates/iam",
        "crates/model",
        "crates/terraform",
        "crates/cloudformation",
        "checks",
        "crates/engine",
        "crates/report",
        // Above all the server: its stdout carries the protocol.
        "crates/lsp",
    ] {
        rust_files(&repo().join(dir).join("src"), &mut files);
    }
    assert!(
        files.len() > 10,
        "expected to find the library sources, found {}",
        files.len()
    );
    let mut offenders = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("source readable");
        // Stop at the unit-test module: tests may print.
        let shipped = text.split("#[cfg(test)]").next().unwrap_or("");
        for (i, line) in shipped.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for macro_name in ["println!", "print!", "eprintln!", "eprint!", "dbg!"] {
                if code.contains(macro_name) {
                    offenders.push(format!("{}:{}: {}", file.display(), i + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "library code prints:\n{}",
        offenders.join("\n")
    );
}
