//! The check reference page (`docs/checks.md`), generated from the same metadata that drives
//! `palisade checks`, `palisade explain` and the examples test, so the three cannot drift.
//! `checks/tests/reference.rs` fails when the committed page is stale.

use crate::{all, Check, Layer};

/// The whole reference page as Markdown: a summary of the layers, then one table and the
/// check sections of each layer, in the order a request meets them.
pub fn markdown() -> String {
    let checks = all();
    let mut out = String::from(
        "# Palisade check reference\n\n\
         Generated from the check catalog (`checks/src/rules/`); do not edit by hand. \
         Regenerate with `PALISADE_UPDATE_DOCS=1 cargo test -p palisade-checks --test reference`.\n\n\
         Checks are grouped by the layer of AWS defense in depth they guard.\n\n\
         | layer | covers | checks |\n|---|---|---|\n",
    );
    for layer in Layer::ALL {
        let count = checks.iter().filter(|c| c.meta.layer == layer).count();
        out.push_str(&format!(
            "| [{}](#layer-{}) | {} | {count} |\n",
            layer.as_str(),
            layer.as_str(),
            layer.describe()
        ));
    }
    for layer in Layer::ALL {
        let in_layer: Vec<_> = checks.iter().filter(|c| c.meta.layer == layer).collect();
        out.push_str(&format!(
            "\n## Layer: {}\n\n{}.\n\n",
            layer.as_str(),
            layer.describe()
        ));
        if in_layer.is_empty() {
            out.push_str("No checks yet.\n");
            continue;
        }
        out.push_str("| id | severity | service | title |\n|---|---|---|---|\n");
        for c in &in_layer {
            let m = &c.meta;
            out.push_str(&format!(
                "| [`{}`](#{}) | {} | {} | {} |\n",
                m.id,
                m.id,
                m.severity.as_str(),
                m.service,
                m.title.replace('|', "\\|")
            ));
        }
        for c in &in_layer {
            out.push('\n');
            out.push_str(&section(c));
        }
    }
    out
}

fn section(check: &Check) -> String {
    let m = &check.meta;
    let mut s = format!(
        "### {}\n\n**{}** — default severity {}, service `{}`, layer {}\n\n{}\n\n#### How to fix\n\n{}\n",
        m.id,
        m.title,
        m.severity.as_str(),
        m.service,
        m.layer.as_str(),
        m.description,
        m.remediation
    );
    if !m.aliases.is_empty() {
        s.push_str(&format!("\nFormer ids: {}\n", m.aliases.join(", ")));
    }
    if !m.references.is_empty() {
        s.push_str("\n#### References\n\n");
        for r in m.references {
            s.push_str(&format!("- {r}\n"));
        }
    }
    if !m.equivalents.is_empty() {
        s.push_str(&format!(
            "\n#### Equivalent rules in other tools\n\n{}\n",
            m.equivalents
                .iter()
                .map(|e| format!("`{e}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    s.push_str("\n#### Examples\n\n");
    for e in m.examples {
        let kind = if e.expect.is_empty() {
            "passes"
        } else {
            "fails"
        };
        s.push_str(&format!(
            "- [`{}`](../checks/examples/{}/{}) {kind}\n",
            e.file, m.id, e.file
        ));
    }
    s
}
