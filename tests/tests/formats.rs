//! SARIF and JUnit reports carry the same findings as the JSON contract.

mod common;

use common::*;

fn demo(format: &str) -> Run {
    palisade(&repo_root(), &["scan", "demo", "--format", format])
}

#[test]
fn sarif_has_one_result_per_finding_with_its_rule_and_region() {
    let json = demo("json").json();
    let findings = json["findings"].as_array().expect("findings").clone();
    assert!(!findings.is_empty());
    let run = demo("sarif");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let sarif: serde_json::Value = serde_json::from_str(&run.stdout).expect("SARIF is JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let run0 = &sarif["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().expect("rules");
    let results = run0["results"].as_array().expect("results");
    assert_eq!(results.len(), findings.len());
    for (r, f) in results.iter().zip(&findings) {
        let loc = &r["locations"][0]["physicalLocation"];
        // The check's rule, or its variant for another severity (`ID/critical`).
        let rule_id = r["ruleId"].as_str().expect("ruleId");
        assert_eq!(rule_id.split('/').next(), f["check"].as_str());
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], rule_id, "ruleIndex points at the rule");
        let expected = match f["severity"].as_str() {
            Some("critical") => "9.5",
            Some("high") => "8.0",
            Some("medium") => "5.5",
            _ => "3.0",
        };
        assert_eq!(
            rules[index]["properties"]["security-severity"], expected,
            "the rule's security-severity is its results' severity: {rule_id}"
        );
        assert!(rules[index]["helpUri"].as_str().is_some_and(
            |u| u.ends_with(&format!("docs/checks.md#{}", f["check"].as_str().unwrap()))
        ));
        let name = rules[index]["name"].as_str().unwrap();
        assert!(
            name.chars().next().unwrap().is_ascii_uppercase() && !name.contains('-'),
            "{name}"
        );
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(rules[index]["help"]["markdown"]
            .as_str()
            .is_some_and(|h| h.contains("How to fix")));
        assert_eq!(loc["artifactLocation"]["uri"], f["file"]);
        assert_eq!(loc["region"]["startLine"], f["line"]);
        assert_eq!(loc["region"]["startColumn"], f["column"]);
        assert_eq!(loc["region"]["endLine"], f["end_line"]);
        let expected_level = match f["severity"].as_str() {
            Some("critical" | "high") => "error",
            Some("medium") => "warning",
            _ => "note",
        };
        assert_eq!(r["level"], expected_level);
        assert!(r["partialFingerprints"]["palisade/v1"]
            .as_str()
            .is_some_and(|s| s.len() == 16));
    }
}

#[test]
fn junit_has_one_failure_per_finding_and_escapes_markup() {
    let json = demo("json").json();
    let count = json["findings"].as_array().expect("findings").len();
    let run = demo("junit");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.starts_with("<?xml"));
    assert_eq!(run.stdout.matches("<failure ").count(), count);
    assert!(run.stdout.contains(&format!("failures=\"{count}\"")));
    // Messages quote `sub` patterns with backticks and may hold < & >: none leak unescaped.
    for line in run.stdout.lines().filter(|l| l.contains("<failure")) {
        let inner = line.split("message=\"").nth(1).unwrap_or("");
        let value = inner.split('"').next().unwrap_or("");
        assert!(!value.contains('<') && !value.contains('>'), "{line}");
    }
}

#[test]
fn junit_of_a_clean_scan_is_one_passing_case() {
    let dir = project(&[("main.tf", PROVIDER_ONLY)]);
    let run = palisade(dir.path(), &["scan", "--format", "junit"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("failures=\"0\""));
    assert_eq!(run.stdout.matches("<testcase ").count(), 1);
}

/// A configured severity is the severity of the rule and its results; related locations are
/// linked from the message.
#[test]
fn sarif_rules_follow_configured_severities_and_messages_link_related_locations() {
    let dir = project(&[
        (
            "palisade.toml",
            "[severity]\naws-ec2-sg-open-ingress = \"low\"\n",
        ),
        (
            "main.tf",
            "variable \"cidr\" {\n  default = \"0.0.0.0/0\"\n}\n\nresource \"aws_security_group\" \"ssh\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [var.cidr]\n  }\n}\n",
        ),
    ]);
    let run = palisade(dir.path(), &["scan", "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_str(&run.stdout).expect("SARIF");
    let run0 = &sarif["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    let result = &run0["results"][0];
    assert_eq!(result["ruleId"], "aws-ec2-sg-open-ingress");
    assert_eq!(result["level"], "note");
    let rule = &rules[result["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["properties"]["security-severity"], "3.0", "{rule}");
    assert_eq!(rule["name"], "AwsEc2SgOpenIngress");
    let related = result["relatedLocations"].as_array().expect("related");
    let id = related[0]["id"].as_u64().unwrap();
    let message = result["message"]["text"].as_str().unwrap();
    assert!(
        message.contains(&format!("[value defined here]({id})")),
        "{message}"
    );
    assert_eq!(related[0]["physicalLocation"]["region"]["startLine"], 2);
}
