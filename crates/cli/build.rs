//! Embeds the check examples (`checks/examples/<id>/...`) into the binary so that
//! `palisade explain` shows them from an installed binary, wherever the source tree is.

use std::fs;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.is_file() {
            out.push(p);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("manifest dir"));
    let examples = manifest.join("../../checks/examples");
    println!("cargo:rerun-if-changed={}", examples.display());
    let mut files = Vec::new();
    collect(&examples, &mut files);
    files.sort();
    let mut out = String::from("/// (check id, path under the check's folder, contents)\npub static EXAMPLES: &[(&str, &str, &str)] = &[\n");
    for f in &files {
        // Directories are watched for added files; each file for edits.
        println!("cargo:rerun-if-changed={}", f.display());
        let Ok(rel) = f.strip_prefix(&examples) else {
            continue;
        };
        let mut parts = rel.components();
        let Some(id) = parts.next() else { continue };
        let id = id.as_os_str().to_string_lossy().into_owned();
        let rest = parts.as_path().to_string_lossy().into_owned();
        if rest.is_empty() || fs::read_to_string(f).is_err() {
            continue;
        }
        let abs = fs::canonicalize(f).expect("example path");
        out.push_str(&format!(
            "    ({id:?}, {rest:?}, include_str!({:?})),\n",
            abs.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("examples.rs");
    fs::write(dest, out).expect("write examples.rs");
}
