//! The CloudFormation frontend (YAML or JSON by content): detection, then the template loader.
#![no_main]

use libfuzzer_sys::fuzz_target;
use palisade_source::{FileId, SourceFile};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let file = SourceFile::new(FileId(0), "fuzz/template.yaml", text.as_ref());
    let _ = palisade_cloudformation::detect(&file);
    let _ = palisade_cloudformation::load_template(&file);
});
