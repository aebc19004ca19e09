//! A whole scan of one file, as the CLI runs it (discovery of an editor buffer, detection,
//! loading, checks, suppressions, line resolution) and both reports. The first byte picks the
//! file name, the rest is the file's content.
#![no_main]

use libfuzzer_sys::fuzz_target;
use palisade_engine::{scan, ConfigChoice, ScanOptions};
use std::collections::BTreeMap;
use std::path::PathBuf;

const NAMES: [&str; 4] = ["main.tf", "template.yaml", "template.json", "policy.json"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    // A path that does not exist: the buffer is the only content, nothing is read from disk.
    let path = PathBuf::from("/nonexistent-palisade-fuzz").join(name);
    let options = ScanOptions {
        config: ConfigChoice::Disabled,
        cwd: Some(PathBuf::from("/nonexistent-palisade-fuzz")),
        buffers: BTreeMap::from([(path.clone(), String::from_utf8_lossy(rest).into_owned())]),
        ..ScanOptions::default()
    };
    if let Ok(result) = scan(&[path], &options) {
        let _ = palisade_report::json(&result);
        let _ = palisade_report::text(&result, palisade_report::TextOptions::default());
    }
});
