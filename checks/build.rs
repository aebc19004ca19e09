//! Generates the check registry from the files in `src/rules/`, so that adding a check is
//! adding one file (plus its examples) and nothing else.

use std::fs;
use std::path::Path;

fn main() {
    let rules = Path::new("src/rules");
    println!("cargo:rerun-if-changed=src/rules");
    let mut modules: Vec<String> = fs::read_dir(rules)
        .expect("checks/src/rules exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".rs") && n != "mod.rs")
        .map(|n| n.trim_end_matches(".rs").to_string())
        .collect();
    modules.sort();
    let mut out = String::new();
    for m in &modules {
        let path = fs::canonicalize(rules.join(format!("{m}.rs"))).expect("rule file");
        out.push_str(&format!(
            "#[path = {:?}]\npub mod {m};\n",
            path.display().to_string()
        ));
    }
    out.push_str("\n/// Every check, in id order once sorted by the caller.\npub static ALL: &[&crate::Check] = &[\n");
    for m in &modules {
        out.push_str(&format!("    &{m}::CHECK,\n"));
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("registry.rs");
    fs::write(dest, out).expect("write registry");
}
