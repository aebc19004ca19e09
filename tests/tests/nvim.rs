//! Neovim as the client of `palisade lsp` (headless, `tests/nvim/diagnostics.lua`): the
//! diagnostics of the demo's network file appear in the buffer, and follow an unsaved edit.
//!
//! Needs `nvim` on the PATH. `.ci/run` installs it and sets `PALISADE_REQUIRE_NVIM`, so that in
//! CI a missing Neovim fails the test; elsewhere the test says it was skipped.

mod common;

use std::process::Command;

use common::*;

#[test]
fn neovim_shows_the_findings_and_follows_an_edit() {
    if !tool_available("nvim", "PALISADE_REQUIRE_NVIM") {
        return;
    }
    let demo = repo_root().join("demo/terraform");
    let files: Vec<(String, String)> = ["network.tf", "variables.tf", "providers.tf"]
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(demo.join(name)).expect("demo file");
            (name.to_string(), text)
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let dir = project(&refs);
    let network = &files[0].1;
    // The line of the rule resource open to 0.0.0.0/0 on 443: replaced by a private range.
    let (index, line) = network
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("cidr_ipv4") && l.contains("0.0.0.0/0"))
        .expect("the web_https rule in the demo");
    let script = repo_root().join("tests/nvim/diagnostics.lua");
    let out = Command::new("nvim")
        .args(["--headless", "--clean", "-u", "NONE", "-c"])
        .arg(format!("luafile {}", script.display()))
        .current_dir(dir.path())
        .env("PALISADE", bin())
        .env("FILE", dir.path().join("network.tf"))
        .env("EXPECT", "4")
        .env("EDIT_LINE", (index + 1).to_string())
        .env("EDIT_TEXT", line.replace("0.0.0.0/0", "10.0.0.0/8"))
        .env("EXPECT_AFTER", "3")
        .output()
        .expect("run nvim");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    let sg = "aws-ec2-sg-open-ingress";
    let nacl = "aws-ec2-nacl-open-ingress";
    let egress = "aws-ec2-sg-open-egress";
    let expected_before = [
        format!("11:20:ERROR:{sg}"),
        format!("18:20:INFO:{egress}"),
        format!("{}:23:INFO:{sg}", index + 1),
        format!("50:20:ERROR:{nacl}"),
    ];
    let expected_after = [
        format!("11:20:ERROR:{sg}"),
        format!("18:20:INFO:{egress}"),
        format!("50:20:ERROR:{nacl}"),
    ];
    let mut expected: Vec<String> = expected_before.to_vec();
    expected.push("edit".into());
    expected.extend(expected_after);
    assert_eq!(lines, expected, "{stdout}");
}
