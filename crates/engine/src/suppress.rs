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
//!
//! Every comment form takes an expiry date and a reason:
//! `palisade:ignore[ID]:exp:2026-12-31 reason`, tfsec's `tfsec:ignore:RULE:exp:2026-12-31`,
//! Trivy's `trivy:ignore:RULE[exp:2026-12-31]`, `checkov:skip=RULE:reason`. The date is the
//! last day the suppression applies; after it the finding is reported again with a note that
//! the suppression expired. A `palisade:ignore` naming no id, `[*]` or an unknown id, and a
//! malformed date, are warnings of the scan, never silently nothing. With `require_reason =
//! true` in `palisade.toml` a suppression without a reason does not apply.

use palisade_checks::{Check, Finding};
use palisade_model::Model;
use palisade_source::SourceFile;

use crate::resolve::{location, source_of};
use crate::{Location, RelatedLocation, ResolvedFinding, SuppressionInfo, SuppressionKind};

/// A calendar date, `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD` (a real calendar day).
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        let leap = date.year.rem_euclid(4) == 0
            && (date.year.rem_euclid(100) != 0 || date.year.rem_euclid(400) == 0);
        let days = [
            31,
            if leap { 29 } else { 28 },
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ];
        let ok = (1..=12).contains(&date.month)
            && date.day >= 1
            && date.day <= days[date.month as usize - 1];
        ok.then_some(date)
    }

    /// Today in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days((secs / 86_400) as i64)
    }

    /// The civil date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
    fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u32;
        Date { year, month, day }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How suppressions are judged in a scan.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
    pub today: Date,
    /// `require_reason` in `palisade.toml`.
    pub require_reason: bool,
}

/// A directive with what came after it in the comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    pub directive: Directive,
    /// `Some(Err(text))` for a date that is not `YYYY-MM-DD`.
    pub expires: Option<Result<Date, String>>,
    pub reason: Option<String>,
}

impl Suppression {
    fn bare(directive: Directive) -> Suppression {
        Suppression {
            directive,
            expires: None,
            reason: None,
        }
    }
}

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

/// The directives in the comment part of one line (those that name something).
pub fn line_directives(line: &str) -> Vec<Directive> {
    line_suppressions(line)
        .into_iter()
        .map(|s| s.directive)
        .filter(|d| !matches!(d, Directive::Palisade(ids) if ids.is_empty()))
        .collect()
}

/// The suppressions in the comment part of one line, with their expiry and reason. A
/// `palisade:ignore` naming nothing is `Directive::Palisade(vec![])`.
pub fn line_suppressions(line: &str) -> Vec<Suppression> {
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
    let mut rest = &line[comment_start..];
    while let Some(pos) = find_marker(rest) {
        rest = &rest[pos..];
        let (directive, after) = if let Some(after) = rest.strip_prefix("palisade:ignore") {
            match after.strip_prefix('[') {
                Some(inner) => match inner.find(']') {
                    Some(end) => {
                        let ids = inner[..end]
                            .split([',', ' '])
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_string)
                            .collect::<Vec<_>>();
                        (Directive::Palisade(ids), &inner[end + 1..])
                    }
                    None => (Directive::Palisade(Vec::new()), inner),
                },
                None => (Directive::Palisade(Vec::new()), after),
            }
        } else if let Some(after) = rest.strip_prefix("checkov:skip=") {
            let rule = token(after);
            if rule.is_empty() {
                rest = after;
                continue;
            }
            (Directive::Checkov(rule.to_string()), &after[rule.len()..])
        } else if let Some(after) = rest
            .strip_prefix("tfsec:ignore:")
            .or_else(|| rest.strip_prefix("trivy:ignore:"))
        {
            let rule = token(after);
            if rule.is_empty() {
                rest = after;
                continue;
            }
            (
                Directive::TfsecTrivy(rule.to_string()),
                &after[rule.len()..],
            )
        } else {
            // A marker prefix that is not a directive (`palisade:foo`): skip past it.
            rest = &rest[1..];
            continue;
        };
        let (expires, after) = expiry(after);
        let end = find_marker(after).unwrap_or(after.len());
        let reason = after[..end]
            .trim_start_matches([':', '-', ' ', '\t'])
            .trim()
            .trim_end_matches(['#', '/'])
            .trim();
        out.push(Suppression {
            directive,
            expires,
            reason: (!reason.is_empty()).then(|| reason.to_string()),
        });
        rest = &after[end..];
    }
    out
}

/// An expiry right after a directive: `:exp:DATE` (palisade, tfsec) or `[exp:DATE]` (Trivy).
fn expiry(after: &str) -> (Option<Result<Date, String>>, &str) {
    let (text, rest) = if let Some(a) = after.strip_prefix(":exp:") {
        let end = a
            .find(|c: char| c.is_whitespace() || c == ',' || c == ']')
            .unwrap_or(a.len());
        (&a[..end], &a[end..])
    } else if let Some(a) = after.strip_prefix("[exp:") {
        let end = a.find(']').unwrap_or(a.len());
        (&a[..end], a.get(end + 1..).unwrap_or(""))
    } else {
        return (None, after);
    };
    let date = Date::parse(text.trim()).ok_or_else(|| text.trim().to_string());
    (Some(date), rest)
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
        .find(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '"' | '\'' | '[' | ']'))
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

/// What the suppressions around a finding decide.
#[derive(Debug)]
pub(crate) enum Verdict {
    /// Reported, with notes about suppressions that matched but did not apply (expired, or
    /// without the reason the configuration requires).
    Reported(Vec<RelatedLocation>),
    Suppressed(SuppressionInfo),
}

/// The suppressions already read in one unit: by line, and those written inside each
/// resource. A finding's lookup then costs the same however many findings share a line (a
/// minified one-line template with 40,000 findings reads its line once, not 40,000 times).
#[derive(Default)]
pub(crate) struct Memo {
    lines: std::collections::HashMap<(palisade_source::FileId, u32), Vec<Suppression>>,
    inside: std::collections::HashMap<usize, Vec<(Suppression, Option<Location>)>>,
}

/// Judges the suppressions that could apply to a finding (see the module documentation for
/// where they are looked for). The first applicable one wins.
pub(crate) fn judge(
    check: &palisade_checks::Check,
    f: &Finding,
    r: &ResolvedFinding,
    model: &Model,
    sources: &[SourceFile],
    policy: &Policy,
    memo: &mut Memo,
) -> Verdict {
    let notes = Vec::new();
    let Some(file) = source_of(f.span, sources) else {
        return Verdict::Reported(notes);
    };
    // (suppression, where it is written)
    let mut candidates: Vec<(Suppression, Option<Location>)> = Vec::new();
    let at = |src: &SourceFile, line: u32| {
        Some(Location {
            file: src.path.to_string_lossy().into_owned(),
            line,
            column: 1,
        })
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
    near_lines.dedup_by_key(|(src, line)| (src.id, *line));
    for (src, line) in &near_lines {
        if *line == 0 {
            continue;
        }
        let found = memo
            .lines
            .entry((src.id, *line))
            .or_insert_with(|| line_suppressions(src.line_text(*line)));
        for s in found.iter() {
            candidates.push((s.clone(), at(src, *line)));
        }
    }
    if let Some(id) = f.resource {
        if let Some(inside) = memo.inside.get(&id.0) {
            candidates.extend(inside.iter().cloned());
        } else {
            let found = inside_resource(resource, sources, at);
            candidates.extend(found.iter().cloned());
            memo.inside.insert(id.0, found);
        }
    }
    judge_candidates(check, candidates, notes, policy)
}

/// Suppressions written inside a resource: Checkov skips anywhere in it, CloudFormation
/// `Metadata`.
fn inside_resource(
    resource: Option<&palisade_model::Resource>,
    sources: &[SourceFile],
    at: impl Fn(&SourceFile, u32) -> Option<Location>,
) -> Vec<(Suppression, Option<Location>)> {
    let mut candidates = Vec::new();
    if let Some(res) = resource {
        if let Some(ef) = source_of(res.extent, sources) {
            let extent_text = ef.slice(res.extent);
            // Checkov places its skip comment anywhere inside the resource.
            if extent_text.contains("checkov:skip=") {
                let first = ef.line_col(res.extent.start).line;
                for (i, l) in extent_text.lines().enumerate() {
                    for s in line_suppressions(l) {
                        if s.directive.applies_inside_resource() {
                            candidates.push((s, at(ef, first + i as u32)));
                        }
                    }
                }
            }
            if res.format == palisade_model::Format::CloudFormation
                && extent_text.contains("Metadata")
            {
                let directives: Vec<Directive> = if is_json(ef) {
                    json_metadata_directives(extent_text)
                } else {
                    yaml_metadata_ids(extent_text)
                };
                let header = location(res.header, sources);
                for d in directives {
                    candidates.push((Suppression::bare(d), header.clone()));
                }
            }
        }
    }
    candidates
}

fn judge_candidates(
    check: &palisade_checks::Check,
    candidates: Vec<(Suppression, Option<Location>)>,
    mut notes: Vec<RelatedLocation>,
    policy: &Policy,
) -> Verdict {
    for (s, loc) in candidates {
        if !s.directive.matches(check) {
            continue;
        }
        let expires = match &s.expires {
            Some(Ok(date)) if *date < policy.today => {
                if let Some(loc) = &loc {
                    notes.push(RelatedLocation {
                        location: loc.clone(),
                        message: format!("suppression expired on {date}"),
                    });
                }
                continue;
            }
            // A malformed date is a warning of the scan and suppresses nothing.
            Some(Err(_)) => continue,
            Some(Ok(date)) => Some(date.to_string()),
            None => None,
        };
        if policy.require_reason && s.reason.is_none() {
            if let Some(loc) = &loc {
                notes.push(RelatedLocation {
                    location: loc.clone(),
                    message: "suppression gives no reason, which palisade.toml requires (`require_reason`)".into(),
                });
            }
            continue;
        }
        return Verdict::Suppressed(SuppressionInfo {
            kind: SuppressionKind::InSource,
            location: loc,
            reason: s.reason,
            expires,
        });
    }
    notes.sort();
    notes.dedup();
    Verdict::Reported(notes)
}

/// Warnings about the suppression comments of one file: a `palisade:ignore` naming no check,
/// `[*]` or an unknown id, a malformed expiry date, and (with `require_reason`) a suppression
/// without a reason.
pub(crate) fn lint(file: &SourceFile, policy: &Policy) -> Vec<String> {
    let mut out = Vec::new();
    let markers = ["palisade:", "checkov:", "tfsec:", "trivy:"];
    if !markers.iter().any(|m| file.text.contains(m)) {
        return out;
    }
    let path = file.path.to_string_lossy();
    for (i, line) in file.text.lines().enumerate() {
        let n = i + 1;
        for s in line_suppressions(line) {
            if let Directive::Palisade(ids) = &s.directive {
                if ids.is_empty() {
                    out.push(format!(
                        "{path}:{n}: `palisade:ignore` names no check id, so it suppresses nothing (write `palisade:ignore[ID] reason`)"
                    ));
                }
                for id in ids {
                    if id == "*" {
                        out.push(format!(
                            "{path}:{n}: `palisade:ignore[*]` suppresses nothing: name the check ids"
                        ));
                    } else if palisade_checks::find(id).is_none() {
                        out.push(format!(
                            "{path}:{n}: `palisade:ignore[{id}]` names an unknown check id (see `palisade checks`), so it suppresses nothing"
                        ));
                    }
                }
            }
            if let Some(Err(text)) = &s.expires {
                out.push(format!(
                    "{path}:{n}: suppression expiry `{text}` is not a YYYY-MM-DD date, so it suppresses nothing"
                ));
            }
            if policy.require_reason && s.reason.is_none() {
                out.push(format!(
                    "{path}:{n}: suppression gives no reason, which palisade.toml requires (`require_reason`), so it suppresses nothing"
                ));
            }
        }
    }
    out
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
    fn expiry_and_reason_in_every_comment_form() {
        let one = |l: &str| line_suppressions(l).into_iter().next().unwrap();
        let date = |s: &str| Some(Ok(Date::parse(s).unwrap()));
        let s = one("# palisade:ignore[aws-ec2-sg-open-ingress]:exp:2026-12-31 bastion, reviewed");
        assert_eq!(s.expires, date("2026-12-31"));
        assert_eq!(s.reason.as_deref(), Some("bastion, reviewed"));
        let s = one("#tfsec:ignore:aws-ec2-no-public-ingress-sgr:exp:2025-01-02");
        assert_eq!(s.expires, date("2025-01-02"));
        assert_eq!(s.reason, None);
        let s = one("# trivy:ignore:AVD-AWS-0107[exp:2025-01-02] temporary");
        assert_eq!(s.directive, Directive::TfsecTrivy("AVD-AWS-0107".into()));
        assert_eq!(s.expires, date("2025-01-02"));
        assert_eq!(s.reason.as_deref(), Some("temporary"));
        let s = one("#checkov:skip=CKV_AWS_24:Needed for the bastion");
        assert_eq!(s.reason.as_deref(), Some("Needed for the bastion"));
        let s = one("# palisade:ignore[x]:exp:2026-02-30");
        assert_eq!(s.expires, Some(Err("2026-02-30".into())));
        assert_eq!(
            one("# palisade:ignore reason").directive,
            Directive::Palisade(vec![])
        );
        assert_eq!(
            one("# palisade:ignore[*]").directive,
            Directive::Palisade(vec!["*".into()])
        );
    }

    #[test]
    fn dates_parse_and_today_is_a_real_day() {
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("2026-1-01").is_none());
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days(20_454).to_string(), "2026-01-01");
        assert!(Date::today() > Date::parse("2025-01-01").unwrap());
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

    const POLICY: Policy = Policy {
        today: Date {
            year: 2026,
            month: 6,
            day: 1,
        },
        require_reason: false,
    };
    use crate::resolve::resolve;
    use crate::resolve::tests::{setup, FAKE, SG};
    use palisade_checks::Severity;
    use palisade_model::Format;
    use palisade_model::Resource;
    use palisade_source::FileId;

    fn suppressed(text: &str, format: Format) -> bool {
        let (sources, model, f) = setup(text, "0.0.0.0/0", format);
        let r = resolve(&f, &model, &sources).expect("resolves");
        matches!(
            judge(
                &FAKE,
                &f,
                &r,
                &model,
                &sources,
                &POLICY,
                &mut Memo::default()
            ),
            Verdict::Suppressed(_)
        )
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
                construct: None,
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
            matches!(
                judge(
                    &FAKE,
                    &f,
                    &r,
                    &model,
                    &sources,
                    &POLICY,
                    &mut Memo::default()
                ),
                Verdict::Suppressed(_)
            )
        };
        assert!(check(&yes));
        assert!(!check(&no));
    }
}
