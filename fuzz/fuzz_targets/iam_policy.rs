//! The standalone IAM policy frontend.
#![no_main]

use libfuzzer_sys::fuzz_target;
use palisade_source::{FileId, SourceFile};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let file = SourceFile::new(FileId(0), "fuzz/policy.json", text.as_ref());
    let _ = palisade_cloudformation::load_policy(&file);
});
