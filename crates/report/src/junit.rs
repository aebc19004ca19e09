//! JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure DevOps): one test
//! suite per check, one failing test case per finding, one erroring test case per file that
//! could not be parsed; a clean scan is one passing test case so the report is never empty.

use palisade_engine::ScanResult;
use std::collections::BTreeMap;

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters other than tab and newlines are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

pub fn junit(result: &ScanResult) -> String {
    // BTreeMap: suites in check-id order (deterministic output).
    let mut suites: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for f in &result.findings {
        let name = format!(
            "{} {}:{}",
            f.resource.as_deref().unwrap_or("policy"),
            f.file,
            f.line
        );
        suites.entry(f.check).or_default().push(format!(
            "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\">\n      <failure message=\"{}\" type=\"{}\">{}:{}:{}: [{}] {}</failure>\n    </testcase>\n",
            escape(&name),
            escape(f.check),
            escape(&f.file),
            f.line,
            escape(&f.message),
            f.severity.as_str(),
            escape(&f.file),
            f.line,
            f.column,
            f.severity.as_str(),
            escape(&f.message)
        ));
    }
    let mut errors = Vec::new();
    for e in &result.errors {
        errors.push(format!(
            "    <testcase name=\"{}\" classname=\"palisade.parse\" file=\"{}\" line=\"{}\">\n      <error message=\"{}\">{}:{}:{}: {}</error>\n    </testcase>\n",
            escape(&e.file),
            escape(&e.file),
            e.line,
            escape(&e.message),
            escape(&e.file),
            e.line,
            e.column,
            escape(&e.message)
        ));
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let tests = result.findings.len() + result.errors.len();
    out.push_str(&format!(
        "<testsuites name=\"palisade\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
        tests.max(1),
        result.findings.len(),
        result.errors.len()
    ));
    for (check, cases) in &suites {
        out.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
            escape(check),
            cases.len(),
            cases.len()
        ));
        for c in cases {
            out.push_str(c);
        }
        out.push_str("  </testsuite>\n");
    }
    if !errors.is_empty() {
        out.push_str(&format!(
            "  <testsuite name=\"palisade.parse\" tests=\"{}\" failures=\"0\" errors=\"{}\">\n",
            errors.len(),
            errors.len()
        ));
        for c in &errors {
            out.push_str(c);
        }
        out.push_str("  </testsuite>\n");
    }
    if tests == 0 {
        out.push_str(&format!(
            "  <testsuite name=\"palisade\" tests=\"1\" failures=\"0\" errors=\"0\">\n    <testcase name=\"{} files scanned, no findings\" classname=\"palisade\"/>\n  </testsuite>\n",
            result.files_scanned
        ));
    }
    out.push_str("</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot; ");
    }
}
