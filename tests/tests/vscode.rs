//! The VS Code extension's tests (`editors/vscode/test`, run by Node's test runner with the
//! VS Code API replaced by recorders): activation starts `palisade lsp` for the right files.
//!
//! Needs `node` on the PATH. `.ci/run` sets `PALISADE_REQUIRE_NODE` when it is there, so that
//! in CI the test cannot be skipped; elsewhere it says it was skipped.

mod common;

use std::process::Command;

use common::*;

#[test]
fn the_vscode_extension_starts_the_server_for_infrastructure_files() {
    if !tool_available("node", "PALISADE_REQUIRE_NODE") {
        return;
    }
    let out = Command::new("node")
        .args(["--test", "test/"])
        .current_dir(repo_root().join("editors/vscode"))
        .output()
        .expect("run node --test");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("# pass 2"), "{stdout}");
    assert!(stdout.contains("# fail 0"), "{stdout}");
}
