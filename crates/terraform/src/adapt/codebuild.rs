//! CodeBuild: projects (encryption of artifacts and S3 build logs).

use super::{blocks, flag, store, string, Cx, LinkRow, ServiceAdapter};
use palisade_model::encryption::Service;
use palisade_model::{Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_codebuild_project"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, _header: Span) {
    if kind != "aws_codebuild_project" {
        return;
    }
    for (name, what) in [
        ("artifacts", "artifacts"),
        ("secondary_artifacts", "secondary artifacts"),
    ] {
        for (b, sp) in blocks(n, name) {
            // The flag applies to S3 artifacts only: CodePipeline encrypts its own artifact
            // store, and without artifacts there is nothing to encrypt.
            if is_not(string(b, "type"), "S3") {
                continue;
            }
            disabled_flag(cx, id, b, sp, what);
        }
    }
    for (logs, _) in blocks(n, "logs_config") {
        for (s3, sp) in blocks(logs, "s3_logs") {
            // S3 logs are off unless `status = "ENABLED"`.
            if is(string(s3, "status"), "ENABLED") {
                disabled_flag(cx, id, s3, sp, "S3 build logs");
            }
        }
    }
}

/// `encryption_disabled` (default false): encrypted unless it says `true`.
fn disabled_flag(cx: &mut Cx, id: ResourceId, b: &Node, block: Span, what: &str) {
    let (disabled, sp) = flag(b, "encryption_disabled", false, block);
    let encrypted = disabled.map(&mut |d| !d);
    store(
        cx,
        id,
        Service::CodeBuild,
        what,
        encrypted,
        None,
        sp.unwrap_or(block),
    );
}

/// A known value other than `want` (an unknown type may be S3).
fn is_not(v: Option<palisade_model::Value<String>>, want: &str) -> bool {
    v.and_then(|v| v.get().map(|s| !s.eq_ignore_ascii_case(want)))
        .unwrap_or(false)
}

fn is(v: Option<palisade_model::Value<String>>, want: &str) -> bool {
    v.and_then(|v| v.get().map(|s| s.eq_ignore_ascii_case(want)))
        .unwrap_or(false)
}
