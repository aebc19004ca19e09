//! `palisade lsp` end to end: a client speaking JSON-RPC over the server's stdio opens, edits,
//! hovers and closes documents, and reads the diagnostics the server publishes.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use common::*;
use serde_json::{json, Value};

const WAIT: Duration = Duration::from_secs(30);

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: u64,
}

impl Client {
    fn start(root: &Path) -> Client {
        let mut child = Command::new(bin())
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start palisade lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 {
                        return;
                    }
                    let header = header.trim();
                    if header.is_empty() {
                        break;
                    }
                    if let Some(n) = header.strip_prefix("Content-Length:") {
                        length = n.trim().parse::<usize>().ok();
                    }
                }
                let Some(length) = length else { return };
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let Ok(message) = serde_json::from_slice::<Value>(&body) else {
                    return;
                };
                if tx.send(message).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            messages,
            next_id: 1,
        };
        let root_uri = uri(root);
        let init = client.request(
            "initialize",
            json!({"processId": null, "rootUri": root_uri, "capabilities": {}}),
        );
        assert_eq!(init["result"]["serverInfo"]["name"], "palisade", "{init}");
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its response (notifications read meanwhile are dropped).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(|m| m["id"] == id && m.get("method").is_none())
    }

    fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(m) if wanted(&m) => return m,
                Ok(_) => {}
                Err(e) => panic!("no expected message from the server: {e}"),
            }
        }
    }

    /// The next diagnostics published for `uri` that satisfy `done`.
    fn diagnostics(&mut self, uri: &str, done: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let m = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["diagnostics"]
                    .as_array()
                    .is_some_and(|d| done(d))
        });
        m["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
    }

    fn change(&mut self, uri: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"text": text}]}),
        );
    }

    /// Writes bytes as they are: malformed frames.
    fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).expect("write");
        self.stdin.flush().expect("flush");
    }

    /// Sends `exit` (without `shutdown` unless sent before) and returns the exit code and how
    /// long the process took to end.
    fn exit(mut self) -> (i32, Duration) {
        let t = Instant::now();
        self.notify("exit", Value::Null);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return (status.code().unwrap_or(-1), t.elapsed());
            }
            assert!(t.elapsed() < WAIT, "the server did not exit");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn stop(mut self) -> i32 {
        let r = self.request("shutdown", Value::Null);
        assert!(r.get("error").is_none(), "{r}");
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code().unwrap_or(-1);
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect()
}

const SG: &str = "aws-ec2-sg-open-ingress";

/// `é` and `😀` before the value on its line: 1 and 2 UTF-16 units, 2 and 4 bytes.
const OPEN: &str = r#"resource "aws_security_group" "web" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["é😀", var.cidr]
  }
}
"#;

#[test]
fn diagnostics_follow_the_buffer_as_it_is_edited() {
    let dir = project(&[(
        "variables.tf",
        "variable \"cidr\" {\n  default = \"0.0.0.0/0\"\n}\n",
    )]);
    let root = dir.path().canonicalize().expect("canonical temp dir");
    // The buffer is not on disk yet: the server reads it, with variables.tf from disk.
    let main = uri(&root.join("main.tf"));
    let mut client = Client::start(&root);
    client.open(&main, "terraform", OPEN);
    let found = client.diagnostics(&main, |d| !d.is_empty());
    assert_eq!(codes(&found), [SG], "{found:?}");
    let d = &found[0];
    assert_eq!(d["source"], "palisade");
    assert_eq!(d["severity"], 1, "high is an error: {d}");
    // `var.cidr` on line 5 (0-based), after `    cidr_blocks = ["é😀", `: 25 characters,
    // 26 UTF-16 units.
    assert_eq!(
        d["range"]["start"],
        json!({"line": 5, "character": 26}),
        "{d}"
    );
    assert_eq!(
        d["range"]["end"],
        json!({"line": 5, "character": 34}),
        "{d}"
    );
    // Where the value was defined: the variable's default in the other file.
    let related = d["relatedInformation"].as_array().expect("related");
    assert_eq!(
        related[0]["location"]["uri"],
        uri(&root.join("variables.tf"))
    );
    assert_eq!(related[0]["location"]["range"]["start"]["line"], 1);

    // Hover on the finding explains the check.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": main}, "position": {"line": 5, "character": 30}}),
    );
    let text = hover["result"]["contents"]["value"].as_str().unwrap_or("");
    assert!(text.contains(SG), "{hover}");
    let nothing = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": main}, "position": {"line": 0, "character": 1}}),
    );
    assert_eq!(nothing["result"], Value::Null, "{nothing}");

    // Fixing the buffer clears the finding; nothing was saved.
    let fixed = OPEN.replace("var.cidr", "\"10.0.0.0/8\"");
    client.change(&main, 2, &fixed);
    client.diagnostics(&main, |d| d.is_empty());

    // A half-typed file: a located syntax error, and the intact block is still analysed.
    let broken = format!("{OPEN}resource \"aws_s3_bucket\" \"half\" {{\n  bucket = \n");
    client.change(&main, 3, &broken);
    let found = client.diagnostics(&main, |d| d.len() >= 2);
    assert!(codes(&found).contains(&SG), "{found:?}");
    let syntax: Vec<&Value> = found
        .iter()
        .filter(|d| d["message"].as_str().is_some_and(|m| m.contains("syntax")))
        .collect();
    assert!(!syntax.is_empty(), "{found:?}");
    assert!(
        syntax[0]["range"]["start"]["line"].as_u64() >= Some(8),
        "{found:?}"
    );

    assert_eq!(client.stop(), 0);
}

#[test]
fn templates_are_analysed_alone_and_closing_falls_back_to_the_disk() {
    let on_disk = "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n      KmsKeyId: !Ref Key\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n";
    let dir = project(&[("template.yaml", on_disk)]);
    let root = dir.path().canonicalize().expect("canonical temp dir");
    let template = uri(&root.join("template.yaml"));
    let mut client = Client::start(&root);
    // The buffer drops the key: the log group is no longer encrypted with a customer key.
    let edited =
        "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n";
    client.open(&template, "yaml", edited);
    let found = client.diagnostics(&template, |d| !d.is_empty());
    assert_eq!(codes(&found), ["aws-cloudwatch-no-cmk"], "{found:?}");
    assert_eq!(
        found[0]["severity"], 3,
        "low is information: {:?}",
        found[0]
    );
    assert_eq!(
        found[0]["range"]["start"],
        json!({"line": 1, "character": 2})
    );
    // Closed without saving: what is on disk is clean.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": template}}),
    );
    client.diagnostics(&template, |d| d.is_empty());
    assert_eq!(client.stop(), 0);
}

#[test]
fn a_clean_document_gets_an_empty_publish() {
    let dir = project(&[]);
    let root = dir.path().canonicalize().expect("canonical temp dir");
    let policy = uri(&root.join("policy.json"));
    let mut client = Client::start(&root);
    let clean = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}"#;
    client.open(&policy, "json", clean);
    // Analysed, and nothing found: an empty list for this version, not silence.
    let m = client.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == policy
    });
    assert_eq!(m["params"]["diagnostics"], json!([]), "{m}");
    assert_eq!(m["params"]["version"], 1, "{m}");
    // The same document granting every action: the finding appears.
    client.change(&policy, 2, &clean.replace("s3:GetObject", "*"));
    let found = client.diagnostics(&policy, |d| !d.is_empty());
    assert_eq!(codes(&found), ["aws-iam-wildcard-action"], "{found:?}");
    assert_eq!(client.stop(), 0);
}

#[test]
fn the_quick_fix_inserts_a_suppression_that_silences_the_finding() {
    let dir = project(&[]);
    let root = dir.path().canonicalize().expect("canonical temp dir");
    let main = uri(&root.join("main.tf"));
    let text = OPEN.replace("var.cidr", "\"0.0.0.0/0\"");
    let mut client = Client::start(&root);
    client.open(&main, "terraform", &text);
    let found = client.diagnostics(&main, |d| !d.is_empty());
    assert_eq!(codes(&found), [SG], "{found:?}");
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": main}, "range": found[0]["range"],
               "context": {"diagnostics": found}}),
    );
    let action = &actions["result"][0];
    assert_eq!(action["kind"], "quickfix", "{actions}");
    let edits = action["edit"]["changes"][&main].as_array().expect("edits");
    assert_eq!(edits.len(), 1, "{actions}");
    let insert = edits[0]["newText"].as_str().expect("text");
    assert!(
        insert.starts_with(&format!("    # palisade:ignore[{SG}]")),
        "{insert:?}"
    );
    assert_eq!(
        edits[0]["range"]["start"],
        json!({"line": 5, "character": 0})
    );
    // Applied as an editor would: the finding is gone.
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    lines.insert(5, insert);
    client.change(&main, 2, &lines.concat());
    client.diagnostics(&main, |d| d.is_empty());
    assert_eq!(client.stop(), 0);
}

#[test]
fn a_finding_inside_a_called_module_shows_at_the_call_site() {
    let dir = project(&[(
        "modules/sg/main.tf",
        "variable \"cidr\" {\n  default = \"10.0.0.0/8\"\n}\nresource \"aws_security_group\" \"this\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [var.cidr]\n  }\n}\n",
    )]);
    let root = dir.path().canonicalize().expect("canonical temp dir");
    let caller = uri(&root.join("examples/open/main.tf"));
    let mut client = Client::start(&root);
    client.open(
        &caller,
        "terraform",
        "locals {\n  everyone = \"0.0.0.0/0\"\n}\n\nmodule \"web\" {\n  source = \"../../modules/sg\"\n  cidr   = local.everyone\n}\n",
    );
    let found = client.diagnostics(&caller, |d| !d.is_empty());
    assert_eq!(codes(&found), [SG], "{found:?}");
    let d = &found[0];
    // At the `module "web"` block of the edited file, naming the module's line.
    assert_eq!(d["range"]["start"]["line"], 4, "{d}");
    let message = d["message"].as_str().unwrap_or("");
    assert!(
        message.contains("module.web.aws_security_group.this"),
        "{message}"
    );
    assert!(
        message.ends_with("(in ../../modules/sg/main.tf:9)"),
        "{message}"
    );
    let related = d["relatedInformation"].as_array().expect("related");
    assert_eq!(
        related[0]["location"]["uri"],
        uri(&root.join("modules/sg/main.tf")),
        "{d}"
    );
    assert_eq!(related[0]["location"]["range"]["start"]["line"], 8, "{d}");
    // The module open as well, with a problem of its own (a literal rule): its own unit
    // publishes for it, and the callers' analyses never overwrite that.
    let module = uri(&root.join("modules/sg/main.tf"));
    let module_text = std::fs::read_to_string(root.join("modules/sg/main.tf")).expect("module");
    let module_open = format!(
        "{module_text}resource \"aws_security_group\" \"admin\" {{\n  ingress {{\n    from_port   = 3389\n    to_port     = 3389\n    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }}\n}}\n"
    );
    client.open(&module, "terraform", &module_open);
    let own = client.diagnostics(&module, |d| !d.is_empty());
    assert_eq!(codes(&own), [SG], "{own:?}");
    assert_eq!(own[0]["range"]["start"]["line"], 16, "{own:?}");
    // The module's rule fixed (its own range, whatever the caller passes): the caller,
    // analysed again though it did not change, loses its finding; and gets it back.
    let fixed_module = module_open.replace("[var.cidr]", "[\"10.2.0.0/16\"]");
    client.change(&module, 2, &fixed_module);
    client.diagnostics(&caller, |d| d.is_empty());
    client.change(&module, 3, &module_open);
    let back = client.diagnostics(&caller, |d| !d.is_empty());
    assert_eq!(codes(&back), [SG], "{back:?}");
    // The caller passing a closed range: nothing.
    client.change(
        &caller,
        2,
        "module \"web\" {\n  source = \"../../modules/sg\"\n  cidr   = \"10.1.0.0/16\"\n}\n",
    );
    client.diagnostics(&caller, |d| d.is_empty());
    // The module's own finding is still what the server knows for it.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": module}, "position": {"line": 16, "character": 20}}),
    );
    assert!(
        hover["result"]["contents"]["value"]
            .as_str()
            .is_some_and(|t| t.contains(SG)),
        "{hover}"
    );
    assert_eq!(client.stop(), 0);
}

/// One malformed message (bad JSON, invalid UTF-8, an unknown `jsonrpc` version, a
/// `Content-Length` too short or too long, a header without a length) gets its error response;
/// the server goes on reading and answers the next request.
#[test]
fn a_malformed_message_gets_an_error_and_the_server_goes_on() {
    let dir = project(&[("main.tf", OPEN)]);
    let root = dir.path().canonicalize().expect("canonical temp dir");
    let mut client = Client::start(&root);
    let hover_at = |id: u64| {
        json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
               "params": {"textDocument": {"uri": uri(&root.join("main.tf"))},
                          "position": {"line": 0, "character": 0}}})
        .to_string()
    };
    let error_code = |m: &Value| m["error"]["code"].as_i64();
    let cases: Vec<(&str, Vec<u8>, i64)> = vec![
        (
            "bad JSON",
            b"Content-Length: 9\r\n\r\n{\"jsonrpc\"".to_vec(),
            -32700,
        ),
        (
            "invalid UTF-8",
            b"Content-Length: 4\r\n\r\n\xff\xfe\xfd\xfc".to_vec(),
            -32700,
        ),
        (
            "jsonrpc 1.0",
            {
                let body = r#"{"jsonrpc":"1.0","id":99,"method":"textDocument/hover"}"#;
                format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
            },
            -32600,
        ),
        (
            "no length",
            b"Content-Type: application/json\r\n\r\n".to_vec(),
            -32700,
        ),
        (
            "length too short",
            {
                let body = hover_at(500);
                format!("Content-Length: 10\r\n\r\n{body}").into_bytes()
            },
            -32700,
        ),
    ];
    for (what, bytes, code) in cases {
        client.send_raw(&bytes);
        let m = client.wait_for(|m| m.get("error").is_some());
        assert_eq!(error_code(&m), Some(code), "{what}: {m}");
        if what == "jsonrpc 1.0" {
            assert_eq!(m["id"], 99, "{m}");
        }
        // Still serving: a well-formed request right after is answered.
        let r = client.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri(&root.join("main.tf"))},
                   "position": {"line": 0, "character": 0}}),
        );
        assert!(r.get("error").is_none(), "{what}: {r}");
    }
    // A length too long: the next message's header inside the body ends it; that next
    // message is still answered.
    let body = hover_at(7777);
    let real = hover_at(7778);
    client.send_raw(
        format!(
            "Content-Length: 5000\r\n\r\n{body}Content-Length: {}\r\n\r\n{real}",
            real.len()
        )
        .as_bytes(),
    );
    let m = client.wait_for(|m| m.get("error").is_some());
    assert_eq!(error_code(&m), Some(-32700), "{m}");
    let answered = client.wait_for(|m| m["id"] == 7778);
    assert!(answered.get("error").is_none(), "{answered}");
    assert_eq!(client.stop(), 0);
}

/// `exit` ends the process at once, with exit code 1 when no `shutdown` came first, even
/// while an analysis runs; after `shutdown` the code is 0.
#[test]
fn exit_ends_the_server_at_once_with_the_protocol_exit_code() {
    let dir = project(&[("main.tf", OPEN)]);
    let root = dir.path().canonicalize().expect("canonical temp dir");
    let mut client = Client::start(&root);
    // An analysis that takes its parse's full second of CPU time.
    client.open(
        &uri(&root.join("slow.tf")),
        "terraform",
        &"}{".repeat(40_000),
    );
    std::thread::sleep(Duration::from_millis(100));
    let (code, took) = client.exit();
    assert_eq!(code, 1);
    assert!(took < Duration::from_millis(800), "{took:?}");

    let mut client = Client::start(&root);
    let r = client.request("shutdown", Value::Null);
    assert!(r.get("error").is_none(), "{r}");
    let (code, _) = client.exit();
    assert_eq!(code, 0);
}

/// The debounce is a spawned task: a burst of 1,000 edits never holds up a hover.
#[test]
fn hover_answers_during_a_burst_of_edits() {
    let dir = project(&[(
        "variables.tf",
        "variable \"cidr\" {\n  default = \"0.0.0.0/0\"\n}\n",
    )]);
    let root = dir.path().canonicalize().expect("canonical temp dir");
    let main = uri(&root.join("main.tf"));
    let mut client = Client::start(&root);
    client.open(&main, "terraform", OPEN);
    let found = client.diagnostics(&main, |d| !d.is_empty());
    let at = found[0]["range"]["start"].clone();
    for version in 2..1002 {
        client.change(&main, version, OPEN);
    }
    let t = Instant::now();
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": main}, "position": at}),
    );
    let took = t.elapsed();
    assert!(
        hover["result"]["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.contains(SG)),
        "{hover}"
    );
    eprintln!("hover after a 1,000-edit burst answered in {took:?}");
    // The old in-handler sleep made this 1,000 × 120 ms / 4.
    assert!(took < Duration::from_secs(2), "{took:?}");
    assert_eq!(client.stop(), 0);
}

/// A directory URI is not a document (scanning it would scan a tree); a FIFO named `x.tf`
/// next to an open file is never opened (it would block); module sources outside the
/// workspace folders are not followed.
#[test]
fn only_regular_files_inside_the_workspace_are_read() {
    let dir = project(&[
        ("ws/sub/open.tf", "resource \"aws_security_group\" \"a\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n"),
        ("outside/sg/main.tf", "variable \"cidr\" {}\nresource \"aws_security_group\" \"this\" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [var.cidr]\n  }\n}\n"),
    ]);
    let root = dir.path().canonicalize().expect("canonical temp dir");
    let ws = root.join("ws");
    let fifo = ws.join("app/blocked.tf");
    std::fs::create_dir_all(fifo.parent().expect("parent")).expect("mkdir");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let mut client = Client::start(&ws);
    // The directory: nothing is published for the file inside it.
    client.open(&uri(&ws.join("sub")), "terraform", "");
    // A caller whose module lies outside the workspace, next to the FIFO.
    let caller = uri(&ws.join("app/main.tf"));
    client.open(
        &caller,
        "terraform",
        "module \"web\" {\n  source = \"../../outside/sg\"\n  cidr   = \"0.0.0.0/0\"\n}\nresource \"aws_security_group\" \"b\" {\n  ingress {\n    from_port   = 3389\n    to_port     = 3389\n    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n",
    );
    let found = client.diagnostics(&caller, |d| !d.is_empty());
    // Only the caller's own rule: the outside module was not read.
    assert_eq!(codes(&found), [SG], "{found:?}");
    assert_eq!(found[0]["range"]["start"]["line"], 9, "{found:?}");
    // A quick fix asked for the FIFO, never opened: answered, without blocking on it.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&fifo)}, "range": found[0]["range"],
               "context": {"diagnostics": found}}),
    );
    assert!(actions.get("error").is_none(), "{actions}");
    // Still serving, and nothing was ever published for the directory's file.
    let r = client.request("shutdown", Value::Null);
    assert!(r.get("error").is_none(), "{r}");
    let open_tf = uri(&ws.join("sub/open.tf"));
    while let Ok(m) = client.messages.try_recv() {
        assert_ne!(m["params"]["uri"], open_tf, "{m}");
    }
    let (code, _) = client.exit();
    assert_eq!(code, 0);
}
