//! Security Hub: the hub of an account, the standards it runs and their controls.

use crate::ResourceId;
use palisade_source::Value;

/// What one scan unit declares about Security Hub.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SecurityHub {
    /// Every hub.
    pub hubs: Vec<Hub>,
    /// Every standard subscribed (`aws_securityhub_standards_subscription`, `AWS::SecurityHub::Standard`).
    pub standards: Vec<ResourceId>,
    /// Controls declared (possibly) disabled.
    pub disabled_controls: Vec<DisabledControl>,
}

impl SecurityHub {
    /// Appends another unit's facts, renumbering their resource ids by `offset` (for
    /// [`crate::Model::extend`]).
    pub(crate) fn append(&mut self, other: SecurityHub, offset: usize) {
        crate::append(&mut self.hubs, other.hubs, offset);
        crate::append(&mut self.standards, other.standards, offset);
        crate::append(&mut self.disabled_controls, other.disabled_controls, offset);
    }
}

impl crate::Owned for Hub {
    fn shift(&mut self, offset: usize) {
        self.owner.0 += offset;
    }
}

impl crate::Owned for DisabledControl {
    fn shift(&mut self, offset: usize) {
        self.owner.0 += offset;
    }
}

/// A hub (`aws_securityhub_account`, `AWS::SecurityHub::Hub`).
#[derive(Clone, Debug, PartialEq)]
pub struct Hub {
    pub owner: ResourceId,
    /// `enable_default_standards` / `EnableDefaultStandards`; `Omitted(true)` when not
    /// written (both default to enabling the default standards).
    pub default_standards: Value<bool>,
}

/// A control of a standard declared disabled: `aws_securityhub_standards_control` with
/// `control_status = "DISABLED"`, `aws_securityhub_standards_control_association` with
/// `association_status = "DISABLED"`, or an item of `DisabledStandardsControls` of
/// `AWS::SecurityHub::Standard`.
#[derive(Clone, Debug, PartialEq)]
pub struct DisabledControl {
    pub owner: ResourceId,
    /// The control (its ARN or id) as written, for messages; `disabled` is its span.
    pub control: Value<String>,
    /// True where the control is disabled (a status read as something else is false).
    pub disabled: Value<bool>,
}
