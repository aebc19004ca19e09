//! CloudWatch Logs: log groups (their key, their retention).

use super::*;
use palisade_model::logs::LogGroup;

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &["AWS::Logs::LogGroup"],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[];

fn adapt(r: &mut Adapter<'_>, _kind: &str) {
    r.always_encrypted(Service::CloudWatchLogs, "log group", "KmsKeyId");
    // `RetentionInDays` not written: events never expire.
    let retention_days = match present(r.props, "RetentionInDays") {
        Some(v) => {
            let mut days = v.to_int_value();
            days.span = property_span(r.props, "RetentionInDays").unwrap_or(v.span);
            days
        }
        None => Value::omitted(0, r.header),
    };
    r.model.logs.groups.push(LogGroup {
        owner: r.id,
        retention_days,
    });
}
