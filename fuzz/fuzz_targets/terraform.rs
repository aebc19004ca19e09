//! The Terraform frontend on one `.tf` file (with a `terraform.tfvars` when the input holds a
//! NUL byte: the part after it).
#![no_main]

use libfuzzer_sys::fuzz_target;
use palisade_source::{FileId, SourceFile};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (config, tfvars) = match text.split_once('\0') {
        Some((c, v)) => (c, Some(v)),
        None => (text.as_ref(), None),
    };
    let main = SourceFile::new(FileId(0), "fuzz/main.tf", config);
    let vars = tfvars.map(|v| SourceFile::new(FileId(1), "fuzz/terraform.tfvars", v));
    let mut files = vec![&main];
    files.extend(vars.as_ref());
    let _ = palisade_terraform::load_module(&files);
});
