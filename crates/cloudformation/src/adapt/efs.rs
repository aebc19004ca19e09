//! EFS: file systems (encryption).

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::EFS::FileSystem"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    match kind {
        "AWS::EFS::FileSystem" => r.flag_and_key(
            Service::Efs,
            "file system",
            r.props,
            "Encrypted",
            "KmsKeyId",
            r.header,
        ),
        _ => {}
    }
}
