//! The check reference page (`docs/checks.md`), generated from the same metadata that drives
//! `palisade checks`, `palisade explain` and the examples test, so the three cannot drift.
//! `checks/tests/reference.rs` fails when the committed page is stale.

use crate::{all, Check};

/// The whole reference page as Markdown.
pub fn markdown() -> String {
    let checks = all();
    let mut out = String::from(
        "# Palisade check reference\n\n\
         Generated from the check catalog (`checks/src/rules/`); do not edit by hand. \
         Regenerate with `PALISADE_UPDATE_DOCS=1 cargo test -p palisade-checks --test reference`.\n\n\
         | id | severity | service | title |\n|---|---|---|---|\n",
    );
    for c in &checks {
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
    for c in &checks {
        out.push('\n');
        out.push_str(&section(c));
    }
    out
}

fn section(check: &Check) -> String {
    let m = &check.meta;
    let mut s = format!(
        "## {}\n\n**{}** — default severity {}, service `{}`\n\n{}\n\n### How to fix\n\n{}\n",
        m.id,
        m.title,
        m.severity.as_str(),
        m.service,
        m.description,
        m.remediation
    );
    if !m.aliases.is_empty() {
        s.push_str(&format!("\nFormer ids: {}\n", m.aliases.join(", ")));
    }
    if !m.references.is_empty() {
        s.push_str("\n### References\n\n");
        for r in m.references {
            s.push_str(&format!("- {r}\n"));
        }
    }
    if !m.equivalents.is_empty() {
        s.push_str(&format!(
            "\n### Equivalent rules in other tools\n\n{}\n",
            m.equivalents
                .iter()
                .map(|e| format!("`{e}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    s.push_str("\n### Examples\n\n");
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
