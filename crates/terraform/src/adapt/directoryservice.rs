//! Directory Service: directories (the administrator password).

use super::{password, Cx, LinkRow, ServiceAdapter};
use palisade_model::secrets::PasswordService;
use palisade_model::{Node, ResourceId, Span};

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["aws_directory_service_directory"],
    link_only: &[],
    links: LINKS,
    adapt,
    finish: None,
};

const LINKS: &[LinkRow] = &[];

fn adapt(cx: &mut Cx, id: ResourceId, kind: &str, n: &Node, _header: Span) {
    if kind == "aws_directory_service_directory" {
        password(
            cx,
            id,
            n,
            "password",
            PasswordService::DirectoryService,
            "admin password",
        );
    }
}
