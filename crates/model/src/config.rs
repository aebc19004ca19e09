//! AWS Config: the configuration recorder and where it delivers what it records.

use crate::ResourceId;
use palisade_source::Value;

/// What one scan unit declares about AWS Config.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AwsConfig {
    /// Every configuration recorder.
    pub recorders: Vec<Recorder>,
    /// Every delivery channel (`aws_config_delivery_channel`, `AWS::Config::DeliveryChannel`).
    pub delivery_channels: Vec<ResourceId>,
}

impl AwsConfig {
    /// Appends another unit's facts, renumbering their resource ids by `offset` (for
    /// [`crate::Model::extend`]).
    pub(crate) fn append(&mut self, other: AwsConfig, offset: usize) {
        crate::append(&mut self.recorders, other.recorders, offset);
        crate::append(&mut self.delivery_channels, other.delivery_channels, offset);
    }
}

impl crate::Owned for Recorder {
    fn shift(&mut self, offset: usize) {
        self.owner.0 += offset;
    }
}

/// A configuration recorder (`aws_config_configuration_recorder`,
/// `AWS::Config::ConfigurationRecorder`).
#[derive(Clone, Debug, PartialEq)]
pub struct Recorder {
    pub owner: ResourceId,
    /// Whether every supported resource type is recorded: `all_supported` / `AllSupported`
    /// (false also for a recording strategy other than `ALL_SUPPORTED_RESOURCE_TYPES`, or a
    /// CloudFormation recording group listing `ResourceTypes` without `AllSupported`).
    /// `Omitted(true)` without a recording group: the recorder then records everything.
    pub all_supported: Value<bool>,
}
