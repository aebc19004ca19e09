//! Shared logic of the encryption-at-rest checks (`aws-<service>-unencrypted`, `aws-<service>-no-cmk`).
