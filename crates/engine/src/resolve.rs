//! Resolution of spans into files, lines and columns: findings (with their resource's
//! bounds, module call sites and related locations) and diagnostics.

use palisade_checks::Finding;
use palisade_model::Model;
use palisade_source::{SourceFile, Span};

use crate::{Location, RelatedLocation, ResolvedFinding, ScanError};

pub(crate) fn source_of(span: Span, sources: &[SourceFile]) -> Option<&SourceFile> {
    sources
        .get(span.file.0 as usize)
        .filter(|s| s.id == span.file)
}

pub(crate) fn location(span: Span, sources: &[SourceFile]) -> Option<Location> {
    let file = source_of(span, sources)?;
    let lc = file.line_col(span.start);
    Some(Location {
        file: file.path.to_string_lossy().into_owned(),
        line: lc.line,
        column: lc.column,
    })
}

/// The line of the last character of a span (a span ending just after a newline ends on the
/// line before).
pub(crate) fn last_line(file: &SourceFile, span: Span) -> u32 {
    let end = if span.end > span.start {
        span.end - 1
    } else {
        span.end
    };
    file.line_col(end).line
}

pub(crate) fn resolve_diagnostic(
    d: &palisade_source::Diagnostic,
    sources: &[SourceFile],
) -> ScanError {
    match source_of(d.span, sources) {
        Some(file) => {
            let lc = file.line_col(d.span.start);
            ScanError {
                file: file.path.to_string_lossy().into_owned(),
                line: lc.line,
                column: lc.column,
                message: d.message.clone(),
                source: Some((
                    d.span.file.0 as usize,
                    (d.span.start as usize).min(file.text.len()),
                )),
            }
        }
        None => ScanError {
            file: String::new(),
            line: 1,
            column: 1,
            message: d.message.clone(),
            source: None,
        },
    }
}

pub(crate) fn resolve(
    f: &Finding,
    model: &Model,
    sources: &[SourceFile],
) -> Option<ResolvedFinding> {
    // A span into a file we do not know cannot be shown; dropping it beats a wrong location.
    let file = source_of(f.span, sources)?;
    let start = file.line_col(f.span.start);
    let end = file.line_col(f.span.end);
    let resource = f.resource.and_then(|id| model.resources.get(id.0));
    let extent = resource.map(|r| r.extent).unwrap_or(f.extent);
    let (resource_start_line, resource_end_line) = match source_of(extent, sources) {
        Some(ef) if extent.file == f.span.file => {
            (ef.line_col(extent.start).line, last_line(ef, extent))
        }
        _ => (start.line, last_line(file, f.span)),
    };
    let trace = resource
        .map(|r| {
            r.trace
                .iter()
                .filter_map(|s| location(*s, sources))
                .collect()
        })
        .unwrap_or_default();
    let mut related: Vec<RelatedLocation> = f
        .related
        .iter()
        .filter_map(|r| {
            Some(RelatedLocation {
                location: location(r.span, sources)?,
                message: r.message.clone(),
            })
        })
        .collect();
    // A resource the AWS CDK synthesised names its construct: the code to change is there.
    if let Some((path, span)) = resource.and_then(|r| r.construct.as_ref()) {
        if let Some(at) = location(*span, sources) {
            related.push(RelatedLocation {
                location: at,
                message: format!("synthesised by the CDK construct {path}"),
            });
        }
    }
    // A finding written in another file than its resource (an S3 encryption configuration,
    // maybe in a called module, for a bucket declared elsewhere) names where the resource is.
    if let Some(r) = resource.filter(|r| r.header.file != f.span.file) {
        if let Some(at) = location(r.header, sources) {
            related.push(RelatedLocation {
                location: at,
                message: format!("{} is declared here", r.address),
            });
        }
    }
    Some(ResolvedFinding {
        file: file.path.to_string_lossy().into_owned(),
        line: start.line,
        column: start.column,
        check: f.check,
        message: f.message.clone(),
        end_line: end.line,
        end_column: end.column,
        severity: f.severity,
        resource: resource.map(|r| r.address.clone()),
        resource_start_line: resource_start_line.min(start.line),
        resource_end_line: resource_end_line.max(start.line),
        trace,
        related,
        source: f.span.file.0 as usize,
        start_offset: (f.span.start as usize).min(file.text.len()),
        end_offset: (f.span.end as usize).min(file.text.len()),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use palisade_checks::{Check, CheckMeta, Severity};
    use palisade_model::{Format, Resource, ResourceId};
    use palisade_source::FileId;

    pub(crate) static FAKE: Check = Check {
        meta: CheckMeta {
            id: "aws-ec2-sg-open-ingress",
            aliases: &["aws-ec2-old-name"],
            title: "t",
            severity: Severity::High,
            service: "ec2",
            layer: palisade_checks::Layer::Network,
            description: "d",
            remediation: "r",
            references: &[],
            equivalents: &[
                "checkov:CKV_AWS_24",
                "tfsec:aws-ec2-no-public-ingress-sgr",
                "trivy:AVD-AWS-0107",
            ],
            examples: &[],
        },
        run: |_, _| {},
    };

    /// A one-resource model over `text`; the finding is on the first occurrence of `needle`.
    pub(crate) fn setup(
        text: &str,
        needle: &str,
        format: Format,
    ) -> (Vec<SourceFile>, Model, Finding) {
        let file = SourceFile::new(FileId(0), "main.tf", text);
        let header_start = text
            .find("resource")
            .or_else(|| text.find("\"Sg\""))
            .unwrap_or(0);
        let header = file.span(header_start, header_start + 8);
        let extent = file.span(header_start, text.trim_end().len());
        let mut model = Model::default();
        let id = model.add_resource(Resource {
            address: "aws_security_group.web".into(),
            kind: "aws_security_group".into(),
            format,
            header,
            extent,
            trace: vec![],
            construct: None,
        });
        let start = text.find(needle).expect("needle");
        let finding = Finding::on_resource(
            &model,
            FAKE.meta.id,
            Severity::High,
            id,
            file.span(start, start + needle.len()),
            "open",
        );
        (vec![file], model, finding)
    }

    pub(crate) const SG: &str = "resource \"aws_security_group\" \"web\" {\n  ingress {\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n";

    #[test]
    fn resolves_lines_columns_and_resource_bounds() {
        let text = format!("# header comment\n{SG}");
        let (sources, model, f) = setup(&text, "\"0.0.0.0/0\"", Format::Terraform);
        let r = resolve(&f, &model, &sources).unwrap();
        assert_eq!((r.line, r.column), (4, 20));
        assert_eq!((r.end_line, r.end_column), (4, 31));
        assert_eq!((r.resource_start_line, r.resource_end_line), (2, 6));
        assert_eq!(r.resource.as_deref(), Some("aws_security_group.web"));
        assert_eq!(r.file, "main.tf");
    }

    #[test]
    fn a_span_into_an_unknown_file_is_dropped_not_misplaced() {
        let (sources, model, mut f) = setup(SG, "0.0.0.0/0", Format::Terraform);
        f.span.file = FileId(7);
        assert!(resolve(&f, &model, &sources).is_none());
        f.resource = Some(ResourceId(99));
        f.span.file = FileId(0);
        let r = resolve(&f, &model, &sources).unwrap();
        assert_eq!(r.resource, None, "a dangling resource id is not trusted");
    }
}
