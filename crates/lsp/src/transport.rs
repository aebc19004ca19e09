//! The framing in front of tower-lsp-server: reads the client's byte stream itself, so that
//! one malformed message costs its error response and nothing more, and `exit` ends the
//! process at once.
//!
//! tower-lsp-server's reader stops for good at the first message it cannot decode (a body
//! that is not JSON or not UTF-8, a broken header), which ends the server. Here every message
//! is framed and checked first (a `Content-Length` header, a UTF-8 JSON object with
//! `"jsonrpc": "2.0"`): a bad one gets a JSON-RPC error response (`-32700` parse error,
//! `-32600` invalid request) and reading goes on at the next header; a good one is passed on
//! to the server unchanged. A `Content-Length` that is too short leaves the rest of the body
//! before the next header, which is skipped; one that is too long is noticed when the next
//! header turns up inside the body while the body is still incomplete.
//!
//! The server's own output is framed again on its way to stdout, so that error responses
//! written here never interleave with its messages.

use serde_json::{json, Value};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;

/// A body larger than this is refused (and skipped) instead of buffered.
const MAX_BODY: usize = 64 << 20;

const HEADER: &[u8] = b"Content-Length:";

/// How the session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    /// `exit` after `shutdown`: exit code 0.
    Exit,
    /// `exit` without `shutdown`: exit code 1, as the protocol says.
    ExitWithoutShutdown,
    /// The client closed the stream.
    Closed,
}

/// One step of the reader over its buffer.
#[derive(Debug, PartialEq)]
pub(crate) enum Frame {
    /// A complete body.
    Message(Vec<u8>),
    /// A header or body that cannot be a message; the bytes were skipped.
    Malformed(&'static str),
    /// More input is needed.
    Incomplete,
}

/// Frames messages out of a growing buffer, skipping garbage between them.
#[derive(Default)]
pub(crate) struct Framer {
    buf: Vec<u8>,
    /// How far an incomplete body was searched for a header: each byte is searched once.
    searched: usize,
}

impl Framer {
    pub(crate) fn push(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// The next frame, if the buffer holds one. `eof`: no more input will come, so an
    /// incomplete body is malformed.
    pub(crate) fn next(&mut self, eof: bool) -> Frame {
        // Garbage before a header (the tail of a body whose length was given too short).
        match find_header(&self.buf, 0) {
            Some(0) => {}
            Some(at) => {
                self.buf.drain(..at);
            }
            None => {
                // Keep what could be the start of a header.
                let keep = self.buf.len().min(HEADER.len() - 1);
                let drop = self.buf.len() - keep;
                let garbage = self.buf[..drop].iter().any(|b| !b.is_ascii_whitespace());
                self.buf.drain(..drop);
                if eof {
                    self.buf.clear();
                }
                return if garbage {
                    Frame::Malformed("bytes outside any message")
                } else {
                    Frame::Incomplete
                };
            }
        }
        let Some(header_end) = find(&self.buf, b"\r\n\r\n") else {
            if self.buf.len() > 4096 || eof {
                self.buf.drain(..HEADER.len().min(self.buf.len()));
                return Frame::Malformed("header without an end");
            }
            return Frame::Incomplete;
        };
        let body_start = header_end + 4;
        let length = parse_length(&self.buf[..header_end]);
        let Some(length) = length.filter(|n| *n <= MAX_BODY) else {
            self.buf.drain(..body_start);
            return Frame::Malformed("missing or invalid Content-Length");
        };
        let available = self.buf.len() - body_start;
        if available < length {
            // A header inside the incomplete body: the length was given too long.
            let from = self.searched.saturating_sub(HEADER.len()).max(body_start);
            if let Some(next) = find_header(&self.buf, from) {
                if find(&self.buf[next..], b"\r\n\r\n").is_some() {
                    self.buf.drain(..next);
                    self.searched = 0;
                    return Frame::Malformed("Content-Length longer than the message");
                }
            }
            self.searched = self.buf.len();
            if eof {
                self.buf.clear();
                return Frame::Malformed("message cut short by the end of input");
            }
            return Frame::Incomplete;
        }
        let body: Vec<u8> = self.buf[body_start..body_start + length].to_vec();
        self.buf.drain(..body_start + length);
        self.searched = 0;
        Frame::Message(body)
    }
}

/// Where the next `Content-Length:` header (case-insensitive) starts at or after `from`.
fn find_header(buf: &[u8], from: usize) -> Option<usize> {
    let rest = buf.get(from..)?;
    rest.windows(HEADER.len())
        .position(|w| w.eq_ignore_ascii_case(HEADER))
        .map(|i| from + i)
}

fn find(buf: &[u8], needle: &[u8]) -> Option<usize> {
    buf.windows(needle.len()).position(|w| w == needle)
}

/// The `Content-Length` of a header block (other headers are ignored).
fn parse_length(headers: &[u8]) -> Option<usize> {
    let text = std::str::from_utf8(headers).ok()?;
    text.split("\r\n").find_map(|line| {
        let (name, value) = line.split_once(':')?;
        if !name.trim().eq_ignore_ascii_case("content-length") {
            return None;
        }
        value.trim().parse().ok()
    })
}

/// What a body is, once checked.
#[derive(Debug, PartialEq)]
pub(crate) enum Checked {
    /// Pass it on; `method` when it is a request or notification.
    Valid { method: Option<String> },
    /// Answer with this error response.
    Invalid(Value),
}

pub(crate) fn check(body: &[u8]) -> Checked {
    let Ok(text) = std::str::from_utf8(body) else {
        return Checked::Invalid(error(Value::Null, -32700, "Parse error: not UTF-8"));
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Checked::Invalid(error(Value::Null, -32700, &format!("Parse error: {e}")))
        }
    };
    let Some(object) = value.as_object() else {
        return Checked::Invalid(error(
            Value::Null,
            -32600,
            "Invalid Request: not a JSON object",
        ));
    };
    let id = object.get("id").cloned().unwrap_or(Value::Null);
    let id = match id {
        Value::Number(_) | Value::String(_) | Value::Null => id,
        _ => Value::Null,
    };
    if object.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return Checked::Invalid(error(
            id,
            -32600,
            "Invalid Request: \"jsonrpc\" must be \"2.0\"",
        ));
    }
    let method = match object.get("method") {
        Some(Value::String(m)) => Some(m.clone()),
        Some(_) => {
            return Checked::Invalid(error(
                id,
                -32600,
                "Invalid Request: \"method\" must be a string",
            ))
        }
        None if object.contains_key("result") || object.contains_key("error") => None,
        None => {
            return Checked::Invalid(error(id, -32600, "Invalid Request: no \"method\""));
        }
    };
    Checked::Valid { method }
}

fn error(id: Value, code: i64, message: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// Serves one session: `input` is the client's stream, `output` where everything is written.
/// `server_in` and `server_out` are the server's ends of the two pipes it runs on. Returns
/// when the client sends `exit` or closes its stream, without waiting for work in flight.
pub(crate) async fn pump<I, O, SI, SO>(
    mut input: I,
    mut output: O,
    mut server_in: SI,
    mut server_out: SO,
) -> Ended
where
    I: AsyncRead + Unpin,
    O: AsyncWrite + Unpin + Send + 'static,
    SI: AsyncWrite + Unpin,
    SO: AsyncRead + Unpin + Send + 'static,
{
    let (tx, mut rx) = mpsc::unbounded_channel::<Vec<u8>>();
    // One writer: the server's messages and our error responses, whole frames each.
    let writer = tokio::spawn(async move {
        while let Some(bytes) = rx.recv().await {
            if output.write_all(&bytes).await.is_err() || output.flush().await.is_err() {
                return;
            }
        }
    });
    let server_tx = tx.clone();
    let relay = tokio::spawn(async move {
        let mut framer = Framer::default();
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            match server_out.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => framer.push(&chunk[..n]),
            }
            while let Frame::Message(body) = framer.next(false) {
                if server_tx.send(frame(&body)).is_err() {
                    return;
                }
            }
        }
    });
    let mut framer = Framer::default();
    let mut chunk = vec![0u8; 64 * 1024];
    let mut shutdown = false;
    let mut eof = false;
    let ended = 'session: loop {
        loop {
            match framer.next(eof) {
                Frame::Incomplete => break,
                Frame::Malformed(why) => {
                    let _ = tx.send(frame(
                        error(Value::Null, -32700, &format!("Parse error: {why}"))
                            .to_string()
                            .as_bytes(),
                    ));
                }
                Frame::Message(body) => match check(&body) {
                    Checked::Invalid(response) => {
                        let _ = tx.send(frame(response.to_string().as_bytes()));
                    }
                    Checked::Valid { method } => {
                        match method.as_deref() {
                            Some("exit") => {
                                break 'session if shutdown {
                                    Ended::Exit
                                } else {
                                    Ended::ExitWithoutShutdown
                                };
                            }
                            Some("shutdown") => shutdown = true,
                            _ => {}
                        }
                        if server_in.write_all(&frame(&body)).await.is_err() {
                            break 'session Ended::Closed;
                        }
                        let _ = server_in.flush().await;
                    }
                },
            }
        }
        if eof {
            break Ended::Closed;
        }
        match input.read(&mut chunk).await {
            Ok(0) | Err(_) => eof = true,
            Ok(n) => framer.push(&chunk[..n]),
        }
    };
    relay.abort();
    drop(tx);
    // What was already queued (the response to `shutdown`, say) still goes out.
    let _ = tokio::time::timeout(std::time::Duration::from_millis(200), writer).await;
    ended
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn frames(input: &[u8]) -> Vec<Frame> {
        let mut f = Framer::default();
        f.push(input);
        let mut out = Vec::new();
        loop {
            match f.next(true) {
                Frame::Incomplete => return out,
                other => out.push(other),
            }
            if out.len() > 20 {
                return out;
            }
        }
    }

    #[test]
    fn frames_survive_wrong_lengths_and_garbage() {
        let good = r#"{"jsonrpc":"2.0","method":"a"}"#;
        // Too short: the tail is skipped up to the next header.
        let short = format!("Content-Length: 5\r\n\r\n{good}{}", msg(good));
        assert_eq!(
            frames(short.as_bytes()),
            vec![
                Frame::Message(good.as_bytes()[..5].to_vec()),
                Frame::Message(good.as_bytes().to_vec())
            ]
        );
        // Too long: the next header inside the body ends it.
        let long = format!("Content-Length: 500\r\n\r\n{good}{}", msg(good));
        assert_eq!(
            frames(long.as_bytes()),
            vec![
                Frame::Malformed("Content-Length longer than the message"),
                Frame::Message(good.as_bytes().to_vec())
            ]
        );
        // A header without a length, a length that is not a number.
        let bad = format!(
            "Content-Type: x\r\n\r\n{}Content-Length: x\r\n\r\n{}",
            msg(good),
            msg(good)
        );
        let got = frames(bad.as_bytes());
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0], Frame::Message(good.as_bytes().to_vec()));
        assert_eq!(
            got[1],
            Frame::Malformed("missing or invalid Content-Length")
        );
        assert_eq!(got[2], Frame::Message(good.as_bytes().to_vec()));
    }

    #[test]
    fn bodies_are_checked() {
        assert!(matches!(check(b"{"), Checked::Invalid(e) if e["error"]["code"] == -32700));
        assert!(matches!(check(b"\xff\xfe"), Checked::Invalid(e) if e["error"]["code"] == -32700));
        let v1 = check(br#"{"jsonrpc":"1.0","id":7,"method":"x"}"#);
        assert!(
            matches!(&v1, Checked::Invalid(e) if e["error"]["code"] == -32600 && e["id"] == 7),
            "{v1:?}"
        );
        assert!(matches!(check(b"[1]"), Checked::Invalid(e) if e["error"]["code"] == -32600));
        assert_eq!(
            check(br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#),
            Checked::Valid {
                method: Some("shutdown".into())
            }
        );
        assert_eq!(
            check(br#"{"jsonrpc":"2.0","id":1,"result":null}"#),
            Checked::Valid { method: None }
        );
    }
}
