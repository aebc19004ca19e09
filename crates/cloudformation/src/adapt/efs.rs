//! EFS: file systems (encryption).

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::EFS::FileSystem"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, _kind: &str) {
    r.flag_and_key(
        Service::Efs,
        "file system",
        r.props,
        "Encrypted",
        "KmsKeyId",
        r.header,
    );
}
