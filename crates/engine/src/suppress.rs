//! Inline suppressions.
//!
//! Where a directive is looked for, for a finding on line L of a resource whose header is on
//! line H and which spans lines H..=E:
//!
//! * `palisade:ignore[id, ...]`, `tfsec:ignore:RULE`, `trivy:ignore:RULE`: in a comment on
//!   line L, L-1, H or H-1 (next to the finding, or before the resource), as the contract says
//!   and as tfsec/Trivy place theirs.
//! * `checkov:skip=RULE`: anywhere on lines H..=E as well, because Checkov's convention is a
//!   comment inside the resource block.
//! * CloudFormation JSON (and JSON-shaped YAML) resources: the resource's `Metadata`
//!   (`{"palisade": {"ignore": ["id"]}}`, Checkov's `{"checkov": {"skip": [{"id": ...}]}}`,
//!   cfn_nag's `{"cfn_nag": {"rules_to_suppress": [{"id": ...}]}}`), read by parsing the first
//!   JSON object inside the resource's extent. For YAML templates the `Metadata` block is read
//!   with a small indentation-based scan (see [`yaml_metadata_ids`]); YAML `#` comments work
//!   as in HCL.
//!
//! Comments are recognised textually: a directive counts when it follows `#` or `//` on the
//! line. Ids inside `palisade:ignore[...]` may be aliases. Peer rule ids match a check when its
//! `equivalents` name them (`checkov:CKV_AWS_24`; tfsec long ids and `AVD-...` ids match both
//! `tfsec:` and `trivy:` equivalents since both tools accept either form).

use palisade_checks::{Check, Finding};
use palisade_model::Model;
use palisade_source::SourceFile;

use crate::resolve::source_of;
use crate::ResolvedFinding;

/// One parsed directive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Directive {
    /// Canonical or alias palisade ids.
    Palisade(Vec<String>),
    /// `checkov:skip=CKV_AWS_24`.
    Checkov(String),
    /// `tfsec:ignore:...` or `trivy:ignore:...` (`*` means every rule).
    TfsecTrivy(String),
    /// cfn_nag rule id from template metadata.
    CfnNag(String),
}

impl Directive {
    pub fn matches(&self, check: &Check) -> bool {
        let eq = |tool: &str, rule: &str| {
            check.meta.equivalents.iter().any(|e| {
                e.split_once(':')
                    .is_some_and(|(t, r)| t == tool && r.eq_ignore_ascii_case(rule))
            })
        };
        match self {
            Directive::Palisade(ids) => ids.iter().any(|id| {
                id == check.meta.id
                    || check.meta.aliases.contains(&id.as_str())
                    || palisade_checks::find(id).is_some_and(|c| c.meta.id == check.meta.id)
            }),
            Directive::Checkov(rule) => eq("checkov", rule),
            Directive::TfsecTrivy(rule) => rule == "*" || eq("tfsec", rule) || eq("trivy", rule),
            Directive::CfnNag(rule) => eq("cfn_nag", rule),
        }
    }

    /// Only `checkov:skip` is honoured anywhere inside the resource.
    pub fn applies_inside_resource(&self) -> bool {
        matches!(self, Directive::Checkov(_))
    }
}

/// The directives in the comment part of one line.
pub fn line_directives(line: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    // Cheap reject: most lines contain none of the markers.
    if !(line.contains("palisade:")
        || line.contains("checkov:")
        || line.contains("tfsec:")
        || line.contains("trivy:"))
    {
        return out;
    }
    let Some(comment_start) = comment_start(line) else {
        return out;
    };
    let comment = &line[comment_start..];
    let mut rest = comment;
    while let Some(pos) = find_marker(rest) {
        rest = &rest[pos..];
        if let Some(after) = rest.strip_prefix("palisade:ignore[") {
            if let Some(end) = after.find(']') {
                let ids = after[..end]
                    .split([',', ' '])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>();
                if !ids.is_empty() {
                    out.push(Directive::Palisade(ids));
                }
                rest = &after[end..];
                continue;
            }
            rest = after;
        } else if let Some(after) = rest.strip_prefix("checkov:skip=") {
            let rule = token(after);
            if !rule.is_empty() {
                out.push(Directive::Checkov(rule.to_string()));
            }
            rest = after;
        } else if let Some(after) = rest
            .strip_prefix("tfsec:ignore:")
            .or_else(|| rest.strip_prefix("trivy:ignore:"))
        {
            let rule = token(after);
            if !rule.is_empty() {
                out.push(Directive::TfsecTrivy(rule.to_string()));
            }
            rest = after;
        } else {
            // A marker prefix that is not a directive (`palisade:foo`): skip past it.
            rest = &rest[1..];
        }
    }
    out
}

/// Byte offset of the first comment marker (`#` or `//`) on the line. Strings are not tracked:
/// a directive-looking text inside a string literal is rare enough not to matter, and
/// over-suppression there is visible in review.
fn comment_start(line: &str) -> Option<usize> {
    let hash = line.find('#');
    let slashes = line.find("//");
    match (hash, slashes) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn find_marker(s: &str) -> Option<usize> {
    ["palisade:", "checkov:", "tfsec:", "trivy:"]
        .iter()
        .filter_map(|m| s.find(m))
        .min()
}

/// A rule id: up to whitespace, `:` (tfsec's `:exp:DATE` suffix, checkov's `:reason`) or `,`.
fn token(s: &str) -> &str {
    let end = s
        .find(|c: char| c.is_whitespace() || c == ':' || c == ',' || c == '"' || c == '\'')
        .unwrap_or(s.len());
    &s[..end]
}

/// Suppression ids from a CloudFormation JSON resource's `Metadata`. `extent` is the
/// resource's source text (the logical id key and its object, or just the object).
pub fn json_metadata_directives(extent: &str) -> Vec<Directive> {
    if !extent.contains("Metadata") {
        return Vec::new();
    }
    let Some(open) = extent.find('{') else {
        return Vec::new();
    };
    // Parse one value and ignore whatever follows (the extent may end mid-document).
    let mut stream = serde_json::Deserializer::from_str(&extent[open..]).into_iter();
    let Some(Ok(serde_json::Value::Object(resource))) = stream.next() else {
        return Vec::new();
    };
    let Some(metadata) = resource.get("Metadata") else {
        return Vec::new();
    };
    metadata_directives(metadata)
}

fn metadata_directives(metadata: &serde_json::Value) -> Vec<Directive> {
    let mut out = Vec::new();
    let strings = |v: Option<&serde_json::Value>| -> Vec<String> {
        match v {
            Some(serde_json::Value::String(s)) => vec![s.clone()],
            Some(serde_json::Value::Array(items)) => items
                .iter()
                .filter_map(|i| match i {
                    serde_json::Value::String(s) => Some(s.clone()),
                    serde_json::Value::Object(o) => {
                        o.get("id").and_then(|v| v.as_str()).map(str::to_string)
                    }
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    };
    let ids = strings(metadata.pointer("/palisade/ignore"));
    if !ids.is_empty() {
        out.push(Directive::Palisade(ids));
    }
    for id in strings(metadata.pointer("/checkov/skip")) {
        out.push(Directive::Checkov(id));
    }
    for id in strings(metadata.pointer("/cfn_nag/rules_to_suppress")) {
        out.push(Directive::CfnNag(id));
    }
    out
}

/// Suppression ids from a YAML resource's `Metadata` block:
///
/// ```yaml
/// Bucket:
///   Type: AWS::S3::Bucket
///   Metadata:
///     palisade:
///       ignore: [aws-s3-unencrypted]      # or a `- id` list below
///     checkov:
///       skip:
///         - id: CKV_AWS_19
/// ```
///
/// An indentation-based reading of the block, enough for these shapes; anything more exotic
/// (anchors, flow mappings) is simply not recognised, which means not suppressed.
pub fn yaml_metadata_ids(extent: &str) -> Vec<Directive> {
    if !extent.contains("Metadata") {
        return Vec::new();
    }
    let lines: Vec<&str> = extent.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let clean = |l: &str| -> String {
        let l = match l.find(" #") {
            Some(i) => &l[..i],
            None => l,
        };
        l.trim()
            .trim_start_matches("- ")
            .trim()
            .trim_matches(['"', '\''])
            .to_string()
    };
    let mut out = Vec::new();
    let Some(meta) = lines
        .iter()
        .position(|l| l.trim_start().starts_with("Metadata:"))
    else {
        return out;
    };
    let meta_indent = indent(lines[meta]);
    let block: Vec<&str> = lines[meta + 1..]
        .iter()
        .take_while(|l| l.trim().is_empty() || indent(l) > meta_indent)
        .copied()
        .filter(|l| !l.trim().is_empty())
        .collect();
    // (tool key, list key) pairs whose list items are rule ids.
    let wanted = [
        ("palisade:", "ignore:"),
        ("checkov:", "skip:"),
        ("cfn_nag:", "rules_to_suppress:"),
    ];
    for (tool, list_key) in wanted {
        let Some(t) = block.iter().position(|l| l.trim() == tool) else {
            continue;
        };
        let tool_indent = indent(block[t]);
        let sub: Vec<&str> = block[t + 1..]
            .iter()
            .take_while(|l| indent(l) > tool_indent)
            .copied()
            .collect();
        let Some(k) = sub.iter().position(|l| l.trim().starts_with(list_key)) else {
            continue;
        };
        let mut ids = Vec::new();
        let inline = sub[k].trim()[list_key.len()..].trim();
        if let Some(flow) = inline.strip_prefix('[') {
            let flow = flow.split(']').next().unwrap_or("");
            ids.extend(
                flow.split(',')
                    .map(|s| s.trim().trim_matches(['"', '\'']).to_string())
                    .filter(|s| !s.is_empty()),
            );
        } else if !inline.is_empty() {
            ids.push(clean(inline));
        } else {
            let key_indent = indent(sub[k]);
            for l in sub[k + 1..].iter().take_while(|l| indent(l) >= key_indent) {
                let item = clean(l);
                // `- id: X` items (checkov, cfn_nag) or plain `- X` items (palisade).
                if let Some(id) = item.strip_prefix("id:") {
                    ids.push(id.trim().trim_matches(['"', '\'']).to_string());
                } else if l.trim_start().starts_with("- ") && !item.contains(':') {
                    ids.push(item);
                }
            }
        }
        ids.retain(|s| !s.is_empty());
        match tool {
            "palisade:" if !ids.is_empty() => out.push(Directive::Palisade(ids)),
            "checkov:" => out.extend(ids.into_iter().map(Directive::Checkov)),
            "cfn_nag:" => out.extend(ids.into_iter().map(Directive::CfnNag)),
            _ => {}
        }
    }
    out
}

pub(crate) fn is_suppressed(
    check: &palisade_checks::Check,
    f: &Finding,
    r: &ResolvedFinding,
    model: &Model,
    sources: &[SourceFile],
) -> bool {
    let Some(file) = source_of(f.span, sources) else {
        return false;
    };
    let mut near_lines: Vec<(&SourceFile, u32)> =
        vec![(file, r.line), (file, r.line.saturating_sub(1))];
    let resource = f.resource.and_then(|id| model.resources.get(id.0));
    if let Some(res) = resource {
        if let Some(hf) = source_of(res.header, sources) {
            let h = hf.line_col(res.header.start).line;
            near_lines.push((hf, h));
            near_lines.push((hf, h.saturating_sub(1)));
        }
    }
    for (src, line) in &near_lines {
        if *line == 0 {
            continue;
        }
        if line_directives(src.line_text(*line))
            .iter()
            .any(|d| d.matches(check))
        {
            return true;
        }
    }
    let Some(res) = resource else {
        return false;
    };
    let Some(ef) = source_of(res.extent, sources) else {
        return false;
    };
    let extent_text = ef.slice(res.extent);
    // Checkov places its skip comment anywhere inside the resource.
    if extent_text.contains("checkov:skip=")
        && extent_text.lines().any(|l| {
            line_directives(l)
                .iter()
                .any(|d| d.applies_inside_resource() && d.matches(check))
        })
    {
        return true;
    }
    if res.format == palisade_model::Format::CloudFormation && extent_text.contains("Metadata") {
        let directives: Vec<Directive> = if is_json(ef) {
            json_metadata_directives(extent_text)
        } else {
            yaml_metadata_ids(extent_text)
        };
        if directives.iter().any(|d| d.matches(check)) {
            return true;
        }
    }
    false
}

fn is_json(file: &SourceFile) -> bool {
    file.text.trim_start().starts_with('{')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_palisade_comments_in_both_styles() {
        assert_eq!(
            line_directives("  # palisade:ignore[aws-ec2-sg-open-ingress] public web tier"),
            vec![Directive::Palisade(vec!["aws-ec2-sg-open-ingress".into()])]
        );
        assert_eq!(
            line_directives("cidr = \"x\" // palisade:ignore[a-b, c-d]"),
            vec![Directive::Palisade(vec!["a-b".into(), "c-d".into()])]
        );
        // Not in a comment: no directive.
        assert!(line_directives("description = \"palisade:ignore[a]\"").is_empty());
    }

    #[test]
    fn parses_peer_comments() {
        assert_eq!(
            line_directives("#checkov:skip=CKV_AWS_24:Needed for the bastion"),
            vec![Directive::Checkov("CKV_AWS_24".into())]
        );
        assert_eq!(
            line_directives("  #tfsec:ignore:aws-ec2-no-public-ingress-sgr:exp:2030-01-01"),
            vec![Directive::TfsecTrivy(
                "aws-ec2-no-public-ingress-sgr".into()
            )]
        );
        assert_eq!(
            line_directives("# trivy:ignore:AVD-AWS-0107"),
            vec![Directive::TfsecTrivy("AVD-AWS-0107".into())]
        );
        assert!(line_directives("# checkov is great").is_empty());
    }

    #[test]
    fn reads_json_metadata() {
        let extent = r#""Sg": { "Type": "AWS::EC2::SecurityGroup",
            "Metadata": { "palisade": { "ignore": ["aws-ec2-sg-open-ingress"] },
                          "checkov": { "skip": [ { "id": "CKV_AWS_24", "comment": "x" } ] } },
            "Properties": {} }"#;
        assert_eq!(
            json_metadata_directives(extent),
            vec![
                Directive::Palisade(vec!["aws-ec2-sg-open-ingress".into()]),
                Directive::Checkov("CKV_AWS_24".into())
            ]
        );
    }

    #[test]
    fn reads_yaml_metadata() {
        let extent = "  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Metadata:\n      palisade:\n        ignore:\n          - aws-ec2-sg-open-ingress\n      cfn_nag:\n        rules_to_suppress:\n          - id: W2\n            reason: public\n    Properties:\n      GroupDescription: x\n";
        assert_eq!(
            yaml_metadata_ids(extent),
            vec![
                Directive::Palisade(vec!["aws-ec2-sg-open-ingress".into()]),
                Directive::CfnNag("W2".into())
            ]
        );
        let flow = "Sg:\n  Metadata:\n    palisade:\n      ignore: [a-b, \"c-d\"]\n";
        assert_eq!(
            yaml_metadata_ids(flow),
            vec![Directive::Palisade(vec!["a-b".into(), "c-d".into()])]
        );
    }
}

#[cfg(test)]
mod finding_tests {
    use super::*;
    use crate::resolve::resolve;
    use crate::resolve::tests::{setup, FAKE, SG};
    use palisade_checks::Severity;
    use palisade_model::Format;
    use palisade_model::Resource;
    use palisade_source::FileId;

    fn suppressed(text: &str, format: Format) -> bool {
        let (sources, model, f) = setup(text, "0.0.0.0/0", format);
        let r = resolve(&f, &model, &sources).expect("resolves");
        is_suppressed(&FAKE, &f, &r, &model, &sources)
    }

    #[test]
    fn unsuppressed_by_default() {
        assert!(!suppressed(SG, Format::Terraform));
    }

    #[test]
    fn palisade_comment_before_resource_or_finding() {
        assert!(suppressed(
            &format!("# palisade:ignore[aws-ec2-sg-open-ingress] bastion\n{SG}"),
            Format::Terraform
        ));
        assert!(suppressed(
            &SG.replace(
                "    cidr_blocks",
                "    // palisade:ignore[aws-ec2-sg-open-ingress]\n    cidr_blocks"
            ),
            Format::Terraform
        ));
        // Same line, via an alias.
        assert!(suppressed(
            &SG.replace("]\n  }", "] # palisade:ignore[aws-ec2-old-name]\n  }"),
            Format::Terraform
        ));
        // Another check's id does not suppress; a comment two lines above does not either.
        assert!(!suppressed(
            &format!("# palisade:ignore[aws-iam-wildcard-action]\n{SG}"),
            Format::Terraform
        ));
        assert!(!suppressed(
            &format!("# palisade:ignore[aws-ec2-sg-open-ingress]\n\n{SG}"),
            Format::Terraform
        ));
    }

    #[test]
    fn peer_comments_through_equivalents() {
        assert!(suppressed(
            &SG.replace(
                "  ingress {",
                "  #checkov:skip=CKV_AWS_24:reviewed\n  ingress {"
            ),
            Format::Terraform
        ));
        assert!(!suppressed(
            &SG.replace(
                "  ingress {",
                "  #checkov:skip=CKV_AWS_25:other rule\n  ingress {"
            ),
            Format::Terraform
        ));
        assert!(suppressed(
            &format!("#tfsec:ignore:aws-ec2-no-public-ingress-sgr\n{SG}"),
            Format::Terraform
        ));
        assert!(suppressed(
            &format!("#trivy:ignore:AVD-AWS-0107\n{SG}"),
            Format::Terraform
        ));
    }

    #[test]
    fn cloudformation_json_metadata() {
        let template = |meta: &str| {
            format!(
                "{{\"Resources\": {{\n  \"Sg\": {{\n    \"Type\": \"AWS::EC2::SecurityGroup\",{meta}\n    \"Properties\": {{\"SecurityGroupIngress\": [{{\"CidrIp\": \"0.0.0.0/0\"}}]}}\n  }}\n}}}}\n"
            )
        };
        let yes = template(
            "\n    \"Metadata\": {\"palisade\": {\"ignore\": [\"aws-ec2-sg-open-ingress\"]}},",
        );
        let no = template("\n    \"Metadata\": {\"palisade\": {\"ignore\": [\"aws-other\"]}},");
        // The extent is the logical id and its object, as the frontend records it.
        let check = |text: &str| {
            let file = SourceFile::new(FileId(0), "t.json", text);
            let start = text.find("\"Sg\"").unwrap();
            let end = text.rfind("  }").unwrap() + 3;
            let mut model = Model::default();
            let id = model.add_resource(Resource {
                address: "Sg".into(),
                kind: "AWS::EC2::SecurityGroup".into(),
                format: Format::CloudFormation,
                header: file.span(start, start + 4),
                extent: file.span(start, end),
                trace: vec![],
            });
            let at = text.find("0.0.0.0/0").unwrap();
            let f = Finding::on_resource(
                &model,
                FAKE.meta.id,
                Severity::High,
                id,
                file.span(at, at + 9),
                "open",
            );
            let sources = vec![file];
            let r = resolve(&f, &model, &sources).unwrap();
            is_suppressed(&FAKE, &f, &r, &model, &sources)
        };
        assert!(check(&yes));
        assert!(!check(&no));
    }
}
