//! CloudWatch Logs log groups: how long what they hold is kept.

use crate::ResourceId;
use palisade_source::Value;

/// What one scan unit declares about CloudWatch Logs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Logs {
    /// Every log group.
    pub groups: Vec<LogGroup>,
}

impl Logs {
    /// Appends another unit's facts, renumbering their resource ids by `offset` (for
    /// [`crate::Model::extend`]).
    pub(crate) fn append(&mut self, other: Logs, offset: usize) {
        crate::append(&mut self.groups, other.groups, offset);
    }
}

impl crate::Owned for LogGroup {
    fn shift(&mut self, offset: usize) {
        self.owner.0 += offset;
    }
}

/// A log group (`aws_cloudwatch_log_group`, `AWS::Logs::LogGroup`).
#[derive(Clone, Debug, PartialEq)]
pub struct LogGroup {
    pub owner: ResourceId,
    /// `retention_in_days` / `RetentionInDays`; `Omitted(0)` when not written: events never
    /// expire. Terraform's `0` also means never.
    pub retention_days: Value<i64>,
}
