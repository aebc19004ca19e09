//! AWS Backup: vaults (their key).

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::Backup::BackupVault"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    if kind == "AWS::Backup::BackupVault" {
        r.always_encrypted(Service::Backup, "vault", "EncryptionKeyArn");
    }
}
