//! KMS: customer-managed keys (rotation, key spec and usage).
//!
//! Which key encrypts a store is part of [`crate::encryption::EncryptionAtRest`].

use crate::ResourceId;
use palisade_source::Value;

/// A KMS key resource.
#[derive(Clone, Debug, PartialEq)]
pub struct KmsKey {
    pub owner: ResourceId,
    /// `Omitted(false)` when not written: AWS does not rotate by default.
    pub rotation_enabled: Value<bool>,
    /// `SYMMETRIC_DEFAULT`, `RSA_2048`, ...; rotation applies to symmetric keys only.
    pub key_spec: Value<String>,
    /// `ENCRYPT_DECRYPT` (`Omitted` when not written), `SIGN_VERIFY`, `GENERATE_VERIFY_MAC`;
    /// rotation applies to encryption keys only.
    pub key_usage: Value<String>,
}
