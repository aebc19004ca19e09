//! Directory Service: Simple AD and AWS Managed Microsoft AD (the administrator password).

use super::*;
use palisade_model::secrets::PasswordService;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "AWS::DirectoryService::SimpleAD",
        "AWS::DirectoryService::MicrosoftAD",
    ],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, _kind: &str) {
    r.password(
        &["Password"],
        PasswordService::DirectoryService,
        "admin password",
    );
}
