//! CloudWatch Logs: log groups (their key).

use super::*;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::Logs::LogGroup"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, _kind: &str) {
    r.always_encrypted(Service::CloudWatchLogs, "log group", "KmsKeyId")
}
