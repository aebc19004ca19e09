//! Hostile repositories: files that are not regular files, ignore files and configurations
//! that would block the walk, wide encodings. Every input is generated here, at run time.

use palisade_engine::{scan, ConfigChoice, ScanOptions, ScanResult};
use std::path::{Path, PathBuf};
use std::time::Duration;

const OPEN_SG: &str = "resource \"aws_security_group\" \"web\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n";

fn write(dir: &Path, rel: &str, text: &[u8]) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(p, text).expect("write");
}

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo {}", path.display());
}

/// Scans on another thread and fails (instead of hanging the suite) if it blocks.
fn scan_bounded(paths: Vec<PathBuf>, options: ScanOptions) -> Result<ScanResult, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(scan(&paths, &options).map_err(|e| e.to_string()));
    });
    rx.recv_timeout(Duration::from_secs(60))
        .expect("the scan blocked")
}

fn options(cwd: &Path) -> ScanOptions {
    ScanOptions {
        config: ConfigChoice::Disabled,
        cwd: Some(cwd.to_path_buf()),
        ..ScanOptions::default()
    }
}

fn errors(r: &ScanResult) -> Vec<(String, String)> {
    let mut e: Vec<(String, String)> = r
        .errors
        .iter()
        .map(|e| (e.file.clone(), e.message.clone()))
        .collect();
    e.sort();
    e
}

#[test]
fn fifos_sockets_and_unsafe_ignore_files_are_reported_never_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "main.tf", OPEN_SG.as_bytes());
    mkfifo(&root.join("x.tf"));
    mkfifo(&root.join("y.yaml"));
    let _socket = std::os::unix::net::UnixListener::bind(root.join("s.json")).expect("socket");
    // A subdirectory whose .gitignore is a link to /dev/zero, and one whose .ignore is a FIFO.
    write(root, "zero/z.tf", OPEN_SG.as_bytes());
    std::os::unix::fs::symlink("/dev/zero", root.join("zero/.gitignore")).expect("symlink");
    write(root, "fifo/f.tf", OPEN_SG.as_bytes());
    mkfifo(&root.join("fifo/.ignore"));
    let r = scan_bounded(vec![root.to_path_buf()], options(root)).expect("scan");
    assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    assert_eq!(r.findings[0].file, "main.tf");
    let e = errors(&r);
    let messages: Vec<String> = e.iter().map(|(f, m)| format!("{f}: {m}")).collect();
    assert_eq!(e.len(), 5, "{messages:#?}");
    assert!(messages[0].starts_with("fifo/.ignore: an ignore file that is not a regular file; this directory was not scanned"), "{messages:#?}");
    assert!(
        messages[1].starts_with("s.json: not a regular file"),
        "{messages:#?}"
    );
    assert!(
        messages[2].starts_with("x.tf: not a regular file"),
        "{messages:#?}"
    );
    assert!(
        messages[3].starts_with("y.yaml: not a regular file"),
        "{messages:#?}"
    );
    assert!(
        messages[4].starts_with("zero/.gitignore: an ignore file that is not a regular file"),
        "{messages:#?}"
    );

    // The root's own ignore file unsafe: nothing is skipped, no ignore file is read.
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "main.tf", OPEN_SG.as_bytes());
    mkfifo(&root.join(".gitignore"));
    let r = scan_bounded(vec![root.to_path_buf()], options(root)).expect("scan");
    assert_eq!(r.findings.len(), 1);
    let e = errors(&r);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].1.contains("no ignore file was read"), "{e:?}");

    // A FIFO given by name.
    mkfifo(&root.join("x.tf"));
    let r = scan_bounded(vec![root.join("x.tf")], options(root)).expect("scan");
    let e = errors(&r);
    assert_eq!(
        e,
        [(
            "x.tf".to_string(),
            "not a regular file or directory; not read".to_string()
        )]
    );
}

#[test]
fn a_configuration_that_is_not_a_regular_file_is_refused_with_a_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "main.tf", OPEN_SG.as_bytes());
    std::os::unix::fs::symlink("/dev/zero", root.join("palisade.toml")).expect("symlink");
    let discovered = ScanOptions {
        config: ConfigChoice::Discover,
        ..options(root)
    };
    let r = scan_bounded(vec![root.to_path_buf()], discovered);
    let Err(e) = r else {
        panic!("a device as palisade.toml was accepted")
    };
    assert!(
        e.contains("palisade.toml") && e.contains("not a regular file (a device)"),
        "{e}"
    );
    std::fs::remove_file(root.join("palisade.toml")).expect("rm");
    mkfifo(&root.join("palisade.toml"));
    let explicit = ScanOptions {
        config: ConfigChoice::File(root.join("palisade.toml")),
        ..options(root)
    };
    let Err(e) = scan_bounded(vec![root.to_path_buf()], explicit) else {
        panic!("a FIFO as palisade.toml was accepted")
    };
    assert!(e.contains("not a regular file (a FIFO)"), "{e}");
}

#[test]
fn utf16_and_utf32_files_are_decoded_and_scanned() {
    let template = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Web:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: é\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n";
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let utf16 = |be: bool| -> Vec<u8> {
        let mut out = if be {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in template.encode_utf16() {
            out.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        out
    };
    let utf32 = |be: bool| -> Vec<u8> {
        let mut out = if be {
            vec![0, 0, 0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE, 0, 0]
        };
        for c in template.chars() {
            let v = c as u32;
            out.extend(if be { v.to_be_bytes() } else { v.to_le_bytes() });
        }
        out
    };
    write(root, "a16le.yaml", &utf16(false));
    write(root, "b16be.yaml", &utf16(true));
    write(root, "c32le.yaml", &utf32(false));
    write(root, "d32be.yaml", &utf32(true));
    // A BOM with a broken body is reported, not skipped.
    write(root, "e-broken.yaml", &[0xFF, 0xFE, 0x00, 0xD8, 0x41]);
    let r = scan_bounded(vec![root.to_path_buf()], options(root)).expect("scan");
    let found: Vec<(String, u32, u32)> = r
        .findings
        .iter()
        .map(|f| (f.file.clone(), f.line, f.column))
        .collect();
    assert_eq!(
        found,
        ["a16le.yaml", "b16be.yaml", "c32le.yaml", "d32be.yaml"]
            .iter()
            .map(|f| (f.to_string(), 11, 19))
            .collect::<Vec<_>>()
    );
    let e = errors(&r);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].0, "e-broken.yaml");
    assert!(e[0].1.contains("UTF-16LE"), "{e:?}");
}

#[test]
fn an_unreadable_directory_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "main.tf", OPEN_SG.as_bytes());
    write(root, "locked/inner.tf", OPEN_SG.as_bytes());
    let locked = root.join("locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let readable = std::fs::read_dir(&locked).is_ok();
    let r = scan_bounded(vec![root.to_path_buf()], options(root));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let r = r.expect("scan");
    if readable {
        // Root reads any directory: nothing to observe here.
        eprintln!("skipped: running with privileges that read a mode-000 directory");
        return;
    }
    let e = errors(&r);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].0, "locked");
    assert!(e[0].1.starts_with("cannot read:"), "{e:?}");
}

/// A minified one-line template with 40,000 findings: lines, columns and suppressions come
/// from the line index and a per-unit memo, so the scan stays linear in the findings (it was
/// quadratic: every finding rescanned the 3 MB line).
#[test]
fn a_one_line_template_with_40000_findings_resolves_linearly() {
    let rule =
        r#"{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"CidrIp":"0.0.0.0/0","Description":"é"}"#;
    let rules = vec![rule; 40_000].join(",");
    let text = format!(
        r#"{{"AWSTemplateFormatVersion":"2010-09-09","Resources":{{"Web":{{"Type":"AWS::EC2::SecurityGroup","Properties":{{"GroupDescription":"w","SecurityGroupIngress":[{rules}]}}}}}}}}"#
    );
    assert_eq!(text.lines().count(), 1);
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "t.json", text.as_bytes());
    let t = std::time::Instant::now();
    let r = scan_bounded(vec![root.to_path_buf()], options(root)).expect("scan");
    let took = t.elapsed();
    eprintln!("40,000 findings on one line: {took:?}");
    let open: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.check == "aws-ec2-sg-open-ingress")
        .collect();
    assert_eq!(open.len(), 40_000, "{}", r.findings.len());
    // The last rule's CIDR, found by counting characters (the é before it moves columns).
    let last = open.iter().map(|f| f.column).max().unwrap_or(0);
    let at = text.rfind("\"0.0.0.0/0\"").unwrap_or(0);
    assert_eq!(last as usize, text[..at].chars().count() + 1);
    // Debug build on a shared machine; the release build takes a fraction of this.
    assert!(took < Duration::from_secs(30), "{took:?}");
}

/// Size limits: HCL files (whose parse costs up to ~200 bytes of memory per byte) stop at
/// 1 MiB, YAML and JSON at 4 MiB; a file past its limit is an error naming the limit, never
/// read whole (the read is bounded), and a file just under it is analysed.
#[test]
fn files_past_their_size_limit_are_errors_and_files_under_it_are_analysed() {
    use palisade_engine::{MAX_FILE_BYTES, MAX_TERRAFORM_FILE_BYTES};
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let pad = |text: &str, size: u64| {
        let mut t = text.to_string();
        t.push('#');
        t.push_str(&"x".repeat(size as usize - t.len() - 1));
        t.push('\n');
        assert_eq!(t.len() as u64, size);
        t
    };
    write(
        root,
        "big/main.tf",
        pad(OPEN_SG, MAX_TERRAFORM_FILE_BYTES + 1).as_bytes(),
    );
    write(
        root,
        "ok/main.tf",
        pad(OPEN_SG, MAX_TERRAFORM_FILE_BYTES - 1024).as_bytes(),
    );
    let yaml = "Resources:\n  Web:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: w\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n";
    write(
        root,
        "ok/t.yaml",
        pad(yaml, 2 * MAX_TERRAFORM_FILE_BYTES).as_bytes(),
    );
    write(root, "big/t.yaml", pad(yaml, MAX_FILE_BYTES + 1).as_bytes());
    // Terraform's JSON syntax is parsed through its HCL form: the Terraform limit.
    let mut tf_json = String::from("{\"locals\": {\"x\": \"");
    tf_json.push_str(&"x".repeat(MAX_TERRAFORM_FILE_BYTES as usize));
    tf_json.push_str("\"}}\n");
    write(root, "big/cdk.tf.json", tf_json.as_bytes());
    let r = scan_bounded(vec![root.to_path_buf()], options(root)).expect("scan");
    assert_eq!(
        errors(&r),
        [
            (
                "big/cdk.tf.json".to_string(),
                "file is larger than 1 MiB (the size limit of Terraform files); not scanned"
                    .to_string()
            ),
            (
                "big/main.tf".to_string(),
                "file is larger than 1 MiB (the size limit of Terraform files); not scanned"
                    .to_string()
            ),
            (
                "big/t.yaml".to_string(),
                "file is larger than 4 MiB (the size limit); not scanned".to_string()
            ),
        ]
    );
    let mut found: Vec<&str> = r.findings.iter().map(|f| f.file.as_str()).collect();
    found.dedup();
    assert_eq!(found, ["ok/main.tf", "ok/t.yaml"], "{:?}", r.findings);
}
