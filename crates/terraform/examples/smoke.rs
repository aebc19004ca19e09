//! Loads every module directory under a path and prints counts and timings:
//! `cargo run --release -p palisade-terraform --example smoke -- ../shared/corpus/terraform`.
use palisade_source::{FileId, SourceFile};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn walk(dir: &Path, out: &mut BTreeMap<PathBuf, Vec<PathBuf>>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "tf" || x == "tfvars") {
            out.entry(dir.to_path_buf()).or_default().push(p);
        }
    }
}

fn main() {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/terraform".into());
    let mut dirs = BTreeMap::new();
    walk(Path::new(&root), &mut dirs);
    let mut files = Vec::new();
    let mut id = 0u32;
    let mut groups = Vec::new();
    for (_, paths) in dirs {
        let start = files.len();
        for p in paths {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            files.push(SourceFile::new(FileId(id), p, text));
            id += 1;
        }
        groups.push(start..files.len());
    }
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    let t = Instant::now();
    for f in &files {
        palisade_terraform::parse_only(f);
    }
    let parse = t.elapsed();
    let t = Instant::now();
    let (mut diags, mut res, mut pol, mut sg, mut nacl, mut enc, mut kms) = (0, 0, 0, 0, 0, 0, 0);
    for g in &groups {
        let refs: Vec<&SourceFile> = files[g.clone()].iter().collect();
        let l = palisade_terraform::load_module(&refs);
        for d in &l.diagnostics {
            let f = &files[d.span.file.0 as usize];
            let lc = f.line_col(d.span.start);
            eprintln!(
                "{}:{}:{}: {}",
                f.path.display(),
                lc.line,
                lc.column,
                d.message
            );
        }
        diags += l.diagnostics.len();
        res += l.model.resources.len();
        pol += l.model.policies.len();
        sg += l.model.security_group_rules.len();
        nacl += l.model.nacl_rules.len();
        enc += l.model.encryption.len();
        kms += l.model.kms_keys.len();
    }
    let load = t.elapsed();
    println!(
        "files {} ({:.1} MB) modules {} | parse-only {:?} | load {:?} | diagnostics {diags} | resources {res} policies {pol} sg_rules {sg} nacl {nacl} encryption {enc} kms {kms}",
        files.len(),
        bytes as f64 / 1e6,
        groups.len(),
        parse,
        load
    );
}
