//! CodeBuild: projects (encryption of artifacts and S3 build logs).

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::CodeBuild::Project"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    if kind != "AWS::CodeBuild::Project" {
        return;
    }
    let props = r.props;
    if let Some(a) = present(props, "Artifacts") {
        r.artifacts(a, "artifacts");
    }
    if let Some(list) = present(props, "SecondaryArtifacts") {
        for a in flat_items(list) {
            r.artifacts(a, "secondary artifacts");
        }
    }
    if let Some(s3) = present(props, "LogsConfig").and_then(|l| present(l, "S3Logs")) {
        // S3 logs are off unless `Status: ENABLED`.
        if is(s3, "Status", "ENABLED") {
            r.disabled_flag(s3, "S3 build logs");
        }
    }
}

fn is(node: &Node, key: &str, want: &str) -> bool {
    present(node, key)
        .and_then(Node::as_str)
        .is_some_and(|s| s.eq_ignore_ascii_case(want))
}

impl Adapter<'_> {
    fn artifacts(&mut self, a: &Node, what: &str) {
        // The flag applies to S3 artifacts only: CodePipeline encrypts its own artifact
        // store, and without artifacts there is nothing to encrypt. An unknown type may be S3.
        let other = present(a, "Type")
            .and_then(Node::as_str)
            .is_some_and(|t| !t.eq_ignore_ascii_case("S3"));
        if is_map(a) && !other {
            self.disabled_flag(a, what);
        }
    }

    /// `EncryptionDisabled` (default false): encrypted unless it says `true`.
    fn disabled_flag(&mut self, node: &Node, what: &str) {
        let fallback = node.span;
        let disabled = bool_property(node, "EncryptionDisabled", false, fallback);
        let span = disabled.span;
        let encrypted = disabled.map(&mut |d| !d);
        self.push_encryption(Service::CodeBuild, what, encrypted, None, span);
    }
}
