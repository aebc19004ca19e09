//! Prints the model of one module directory, each fact with its location:
//! `cargo run -p palisade-terraform --example dump -- demo/terraform`.
use palisade_source::{FileId, SourceFile, Span};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let mut files = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    for p in paths {
        if p.is_file() {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            files.push(SourceFile::new(FileId(files.len() as u32), p, text));
        }
    }
    let refs: Vec<&SourceFile> = files.iter().collect();
    let l = palisade_terraform::load_module(&refs);
    let at = |s: Span| {
        let f = &files[s.file.0 as usize];
        let lc = f.line_col(s.start);
        let snippet: String = f.slice(s).chars().take(50).collect();
        format!(
            "{}:{}:{} {:?}",
            f.path.display(),
            lc.line,
            lc.column,
            snippet
        )
    };
    for d in &l.diagnostics {
        println!("DIAG {} {}", at(d.span), d.message);
    }
    let m = &l.model;
    for p in &m.policies {
        let owner = p
            .owner
            .map(|o| m.resource(o).address.clone())
            .unwrap_or_default();
        println!(
            "POLICY {owner} {} {:?} complete={}",
            p.attribute, p.document.kind, p.document.complete
        );
        for s in &p.document.statements {
            println!(
                "  allow={} actions={:?}",
                s.is_allow(),
                s.actions()
                    .iter()
                    .map(|(a, sp)| (a.to_string(), at(*sp)))
                    .collect::<Vec<_>>()
            );
            if let Some(cs) = s.condition.get() {
                for c in cs {
                    println!(
                        "  cond {} {} {:?} at {}",
                        c.operator,
                        c.key,
                        palisade_model::iam::known_strings(Some(&c.values))
                            .iter()
                            .map(|v| v.0)
                            .collect::<Vec<_>>(),
                        at(c.span)
                    );
                }
            }
        }
    }
    for r in &m.security_group_rules {
        println!(
            "SG {} {:?} {:?} {:?}-{:?} at {}",
            m.resource(r.owner).address,
            r.direction.get(),
            r.protocol.get(),
            r.from_port.get(),
            r.to_port.get(),
            at(r.span)
        );
        for s in &r.sources {
            if let palisade_model::SgSource::Cidr(v) = s {
                for c in v.candidates() {
                    println!(
                        "   cidr {} {:?} at {} defined {:?}",
                        c.value,
                        c.provenance,
                        at(c.span),
                        c.defined_at.map(at)
                    );
                }
            }
        }
    }
    for r in &m.nacl_rules {
        println!(
            "NACL {} {:?} {:?} {:?} at {}",
            m.resource(r.owner).address,
            r.direction.get(),
            r.cidr.as_ref().and_then(|c| c.get()),
            r.from_port.get(),
            at(r.span)
        );
    }
    for e in &m.encryption {
        println!(
            "ENC {} {} encrypted={:?} kms={:?} at {}",
            m.resource(e.owner).address,
            e.store,
            e.encrypted
                .candidates()
                .first()
                .map(|c| (*c.value, c.provenance)),
            e.kms_key.as_ref().map(|k| k.kind.clone()),
            at(e.span)
        );
    }
    for k in &m.kms_keys {
        println!(
            "KMS {} rotation={:?} at {}",
            m.resource(k.owner).address,
            k.rotation_enabled.get(),
            at(k.rotation_enabled.span)
        );
    }
}
