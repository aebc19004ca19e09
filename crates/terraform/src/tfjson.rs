//! Terraform's JSON syntax (`*.tf.json`, CDK for Terraform's `cdk.tf.json`) read as the same
//! syntax the HCL evaluator consumes: the JSON is parsed (with located errors) and written
//! out as the equivalent HCL, every byte of which remembers the JSON bytes it came from
//! ([`SourceFile::derived`]). tree-sitter-hcl then parses that text, and the evaluator, the
//! index and the adapters run on it exactly as on a `.tf` file: there is one evaluator, and
//! every span it makes lands in the JSON file.
//!
//! The mapping follows Terraform's JSON configuration syntax: top-level keys are block types
//! (`resource` and `data` by type and name, `module`, `variable`, `locals`, `output`); in a
//! block body a key whose value is an object (or a list of objects) with identifier keys is a
//! nested block, anything else an argument; every string in an expression is a template, so
//! `"${var.x}"` is the expression `var.x`; a variable's `default` is a literal value; `"//"`
//! keys are comments. Meta-arguments that analysis never reads (`depends_on`, `provider`,
//! `lifecycle`, provisioners) and the `terraform` and `provider` blocks are left out.

use palisade_source::{Diagnostic, SourceFile};

/// Nesting past which the file is rejected rather than recursed into.
const MAX_DEPTH: usize = 128;

/// Arguments written as objects that are maps, never nested blocks.
const MAP_ARGUMENTS: &[&str] = &[
    "tags",
    "tags_all",
    "variables",
    "labels",
    "parameters",
    "triggers",
    "metadata",
    "environment_variables",
    "request_parameters",
    "request_templates",
    "response_parameters",
    "response_templates",
    "options",
    "context",
    "default_tags",
];

/// Resource and data arguments analysis never reads (and whose values are references or
/// keywords, not templates).
const SKIPPED_META: &[&str] = &[
    "depends_on",
    "provider",
    "lifecycle",
    "provisioner",
    "connection",
    "providers",
    "//",
];

/// A parsed JSON value with its byte range in the file.
pub(crate) struct J {
    pub(crate) kind: K,
    pub(crate) start: u32,
    pub(crate) end: u32,
}

pub(crate) enum K {
    Null,
    Bool(bool),
    /// The number's text as written.
    Number(String),
    /// Decoded characters, each with the file range it came from.
    Str(Vec<(char, u32, u32)>),
    Array(Vec<J>),
    Object(Vec<(J, J)>),
}

impl J {
    pub(crate) fn text(&self) -> String {
        match &self.kind {
            K::Str(chars) => chars.iter().map(|c| c.0).collect(),
            _ => String::new(),
        }
    }

    pub(crate) fn entries(&self) -> &[(J, J)] {
        match &self.kind {
            K::Object(e) => e,
            _ => &[],
        }
    }
}

/// The HCL equivalent of a Terraform JSON file, as a file whose spans are the JSON file's;
/// a located error when the file is not JSON.
pub fn to_hcl(file: &SourceFile) -> Result<SourceFile, Diagnostic> {
    let mut p = Parser {
        b: file.text.as_bytes(),
        text: &file.text,
        i: 0,
        depth: 0,
    };
    p.ws();
    let root = p.value().map_err(|(at, message)| {
        let at = at.min(file.text.len());
        let mut end = (at + 1).min(file.text.len());
        while !file.text.is_char_boundary(end) {
            end += 1;
        }
        Diagnostic::new(file.span(at, end), format!("JSON syntax error: {message}"))
    })?;
    p.ws();
    if p.i < p.b.len() {
        let at = p.i;
        return Err(Diagnostic::new(
            file.span(at, at + 1),
            "JSON syntax error: unexpected text after the top-level value",
        ));
    }
    let mut out = Out::default();
    if !matches!(root.kind, K::Object(_)) {
        return Err(Diagnostic::new(
            file.span(root.start as usize, root.end as usize),
            "a Terraform JSON file must hold one object",
        ));
    }
    top_level(&mut out, &root);
    Ok(SourceFile::derived(file, out.text, out.starts, out.ends))
}

// ----- JSON ---------------------------------------------------------------------------------

pub(crate) struct Parser<'a> {
    pub(crate) b: &'a [u8],
    pub(crate) text: &'a str,
    pub(crate) i: usize,
    pub(crate) depth: usize,
}

pub(crate) type Fail = (usize, String);

impl Parser<'_> {
    pub(crate) fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn unexpected(&self) -> Fail {
        match self.text.get(self.i..).and_then(|r| r.chars().next()) {
            Some(c) => (self.i, format!("unexpected `{c}`")),
            None => (self.i, "unexpected end of input".to_string()),
        }
    }

    pub(crate) fn value(&mut self) -> Result<J, Fail> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err((self.i, "nested too deeply".to_string()));
        }
        let start = self.i;
        let kind = match self.b.get(self.i) {
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => K::Str(self.string()?),
            Some(b't') if self.b[self.i..].starts_with(b"true") => {
                self.i += 4;
                K::Bool(true)
            }
            Some(b'f') if self.b[self.i..].starts_with(b"false") => {
                self.i += 5;
                K::Bool(false)
            }
            Some(b'n') if self.b[self.i..].starts_with(b"null") => {
                self.i += 4;
                K::Null
            }
            Some(c) if *c == b'-' || c.is_ascii_digit() => {
                while self.i < self.b.len()
                    && matches!(
                        self.b[self.i],
                        b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'
                    )
                {
                    self.i += 1;
                }
                K::Number(self.text.get(start..self.i).unwrap_or("0").to_string())
            }
            _ => return Err(self.unexpected()),
        };
        self.depth -= 1;
        Ok(J {
            kind,
            start: start as u32,
            end: self.i as u32,
        })
    }

    fn object(&mut self) -> Result<K, Fail> {
        self.i += 1;
        let mut entries = Vec::new();
        self.ws();
        if self.b.get(self.i) == Some(&b'}') {
            self.i += 1;
            return Ok(K::Object(entries));
        }
        loop {
            self.ws();
            if self.b.get(self.i) != Some(&b'"') {
                return Err(self.unexpected());
            }
            let key = self.value()?;
            self.ws();
            if self.b.get(self.i) != Some(&b':') {
                return Err(self.unexpected());
            }
            self.i += 1;
            self.ws();
            let value = self.value()?;
            entries.push((key, value));
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(K::Object(entries));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn array(&mut self) -> Result<K, Fail> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.b.get(self.i) == Some(&b']') {
            self.i += 1;
            return Ok(K::Array(items));
        }
        loop {
            self.ws();
            items.push(self.value()?);
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(K::Array(items));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    /// A string from its opening quote; each decoded character with its source range.
    fn string(&mut self) -> Result<Vec<(char, u32, u32)>, Fail> {
        let open = self.i;
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let at = self.i;
            match self.b.get(self.i) {
                None | Some(b'\n') => {
                    return Err((open, "unterminated string".to_string()));
                }
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let c = match self.b.get(self.i + 1) {
                        Some(b'n') => '\n',
                        Some(b't') => '\t',
                        Some(b'r') => '\r',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'/') => '/',
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'u') => {
                            let hex = |k: usize| {
                                self.text
                                    .get(k..k + 4)
                                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                            };
                            let unit =
                                hex(self.i + 2).ok_or((at, "invalid \\u escape".to_string()))?;
                            let (c, len) = match char::from_u32(unit) {
                                Some(c) => (c, 6),
                                None => {
                                    let low = match self.text.get(self.i + 6..self.i + 8) {
                                        Some("\\u") => hex(self.i + 8),
                                        _ => None,
                                    };
                                    let c = low.and_then(|low| {
                                        char::decode_utf16([unit as u16, low as u16]).next()?.ok()
                                    });
                                    (c.unwrap_or('\u{fffd}'), if low.is_some() { 12 } else { 6 })
                                }
                            };
                            self.i += len;
                            out.push((c, at as u32, self.i as u32));
                            continue;
                        }
                        _ => return Err((at, "invalid escape".to_string())),
                    };
                    self.i += 2;
                    out.push((c, at as u32, self.i as u32));
                }
                Some(_) => {
                    let c = self.text[self.i..].chars().next().unwrap_or('\u{fffd}');
                    self.i += c.len_utf8().max(1);
                    out.push((c, at as u32, self.i as u32));
                }
            }
        }
    }
}

// ----- HCL ----------------------------------------------------------------------------------

/// The HCL text being written, with the JSON range of every byte.
#[derive(Default)]
pub(crate) struct Out {
    pub(crate) text: String,
    pub(crate) starts: Vec<u32>,
    pub(crate) ends: Vec<u32>,
}

impl Out {
    pub(crate) fn put(&mut self, s: &str, start: u32, end: u32) {
        self.text.push_str(s);
        self.starts.extend(std::iter::repeat_n(start, s.len()));
        self.ends.extend(std::iter::repeat_n(end, s.len()));
    }

    fn put_char(&mut self, c: char, start: u32, end: u32) {
        let mut buf = [0u8; 4];
        self.put(c.encode_utf8(&mut buf), start, end);
    }

    /// A quoted label or key, located at the JSON string.
    pub(crate) fn label(&mut self, key: &J) {
        self.put("\"", key.start, key.start + 1);
        if let K::Str(chars) = &key.kind {
            for &(c, s, e) in chars {
                literal_char(self, c, s, e);
            }
        }
        self.put("\"", key.end.saturating_sub(1), key.end);
    }

    /// An argument or block name: the identifier, located at the whole JSON key.
    pub(crate) fn name(&mut self, key: &J) {
        self.put(&key.text(), key.start, key.end);
    }
}

pub(crate) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// A character of a quoted string's literal text, escaped for HCL.
fn literal_char(out: &mut Out, c: char, s: u32, e: u32) {
    match c {
        '"' => out.put("\\\"", s, e),
        '\\' => out.put("\\\\", s, e),
        '\n' => out.put("\\n", s, e),
        '\r' => out.put("\\r", s, e),
        '\t' => out.put("\\t", s, e),
        c if (c as u32) < 0x20 => out.put(&format!("\\u{:04x}", c as u32), s, e),
        c => out.put_char(c, s, e),
    }
}

fn top_level(out: &mut Out, root: &J) {
    for (key, value) in root.entries() {
        match key.text().as_str() {
            ty @ ("resource" | "data") => {
                for (kind, named) in value.entries() {
                    for (name, body) in named.entries() {
                        for body in bodies(body) {
                            out.put(ty, name.start, name.end);
                            out.put(" ", name.start, name.end);
                            out.label(kind);
                            out.put(" ", name.start, name.end);
                            out.label(name);
                            block_body(out, body, Context::Resource);
                        }
                    }
                }
            }
            ty @ ("module" | "output") => {
                for (name, body) in value.entries() {
                    for body in bodies(body) {
                        out.put(ty, name.start, name.end);
                        out.put(" ", name.start, name.end);
                        out.label(name);
                        let context = match ty {
                            "module" => Context::Arguments,
                            _ => Context::Output,
                        };
                        block_body(out, body, context);
                    }
                }
            }
            "variable" => {
                for (name, body) in value.entries() {
                    out.put("variable", name.start, name.end);
                    out.put(" ", name.start, name.end);
                    out.label(name);
                    out.put(" {\n", body.start, body.start + 1);
                    for (k, v) in body.entries() {
                        if matches!(k.text().as_str(), "default" | "sensitive" | "nullable") {
                            out.name(k);
                            out.put(" = ", k.end, k.end);
                            expression(out, v, false);
                            out.put("\n", v.end, v.end);
                        }
                    }
                    out.put("}\n", body.end.saturating_sub(1), body.end);
                }
            }
            "locals" => {
                for body in bodies(value) {
                    block_body(out, body, Context::Locals);
                }
            }
            // `terraform`, `provider`, `moved`, `import`, `check`, `//`: nothing analysed.
            _ => {}
        }
    }
}

/// A block body given as an object or as a list of objects (one block each).
pub(crate) fn bodies(v: &J) -> Vec<&J> {
    match &v.kind {
        K::Object(_) => vec![v],
        K::Array(items) => items
            .iter()
            .filter(|i| matches!(i.kind, K::Object(_)))
            .collect(),
        _ => Vec::new(),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    /// A resource, data source or nested block: objects may be nested blocks.
    Resource,
    /// A module call: every key is an argument.
    Arguments,
    /// An output: only `value` is read.
    Output,
    /// `locals`: every key is a local.
    Locals,
}

/// Whether an argument's object value (or list of objects) is a nested block.
pub(crate) fn is_block(name: &str, v: &J) -> bool {
    if MAP_ARGUMENTS.contains(&name) || matches!(name, "count" | "for_each") {
        return false;
    }
    let object_ok = |o: &J| o.entries().iter().all(|(k, _)| is_identifier(&k.text()));
    match &v.kind {
        K::Object(_) => object_ok(v),
        K::Array(items) => {
            !items.is_empty()
                && items
                    .iter()
                    .all(|i| matches!(i.kind, K::Object(_)) && object_ok(i))
        }
        _ => false,
    }
}

fn block_body(out: &mut Out, body: &J, context: Context) {
    let open = if context == Context::Locals {
        "locals {\n"
    } else {
        " {\n"
    };
    out.put(open, body.start, body.start + 1);
    for (k, v) in body.entries() {
        let name = k.text();
        if !is_identifier(&name) {
            continue;
        }
        match context {
            Context::Output if name != "value" => continue,
            Context::Resource | Context::Arguments if SKIPPED_META.contains(&name.as_str()) => {
                continue
            }
            _ => {}
        }
        if context == Context::Resource && name == "dynamic" {
            for (label, spec) in v.entries() {
                for spec in bodies(spec) {
                    dynamic(out, label, spec);
                }
            }
            continue;
        }
        if context == Context::Resource && is_block(&name, v) {
            for b in bodies(v) {
                out.name(k);
                block_body(out, b, Context::Resource);
            }
            continue;
        }
        out.name(k);
        out.put(" = ", k.end, k.end);
        expression(out, v, true);
        out.put("\n", v.end, v.end);
    }
    out.put("}\n", body.end.saturating_sub(1), body.end);
}

/// `"dynamic": {"LABEL": {"for_each": ..., "iterator": "x", "content": {...}}}`.
fn dynamic(out: &mut Out, label: &J, spec: &J) {
    out.put("dynamic", label.start, label.end);
    out.put(" ", label.start, label.end);
    out.label(label);
    out.put(" {\n", spec.start, spec.start + 1);
    for (k, v) in spec.entries() {
        match k.text().as_str() {
            "for_each" => {
                out.name(k);
                out.put(" = ", k.end, k.end);
                expression(out, v, true);
                out.put("\n", v.end, v.end);
            }
            "iterator" if is_identifier(&v.text()) => {
                out.name(k);
                out.put(" = ", k.end, k.end);
                out.put(&v.text(), v.start, v.end);
                out.put("\n", v.end, v.end);
            }
            "content" => {
                for b in bodies(v) {
                    out.name(k);
                    block_body(out, b, Context::Resource);
                }
            }
            _ => {}
        }
    }
    out.put("}\n", spec.end.saturating_sub(1), spec.end);
}

/// A JSON value as an HCL expression. `template`: strings are templates (`"${var.x}"`);
/// otherwise (a variable's default) they are literal text.
pub(crate) fn expression(out: &mut Out, v: &J, template: bool) {
    match &v.kind {
        K::Null => out.put("null", v.start, v.end),
        K::Bool(b) => out.put(if *b { "true" } else { "false" }, v.start, v.end),
        K::Number(text) => out.put(text, v.start, v.end),
        K::Str(chars) => string(out, v, chars, template),
        K::Array(items) => {
            out.put("[", v.start, v.start + 1);
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.put(", ", item.start, item.start);
                }
                expression(out, item, template);
            }
            out.put("]", v.end.saturating_sub(1), v.end);
        }
        K::Object(entries) => {
            out.put("{\n", v.start, v.start + 1);
            for (k, val) in entries {
                if k.text() == "//" {
                    continue;
                }
                out.label(k);
                out.put(" = ", k.end, k.end);
                expression(out, val, template);
                out.put("\n", val.end, val.end);
            }
            out.put("}", v.end.saturating_sub(1), v.end);
        }
    }
}

/// A string as an HCL quoted template. Inside `${ }` / `%{ }` the characters are the
/// expression's own (its quotes are not escaped); outside they are literal text.
fn string(out: &mut Out, v: &J, chars: &[(char, u32, u32)], template: bool) {
    out.put("\"", v.start, v.start + 1);
    let mut i = 0;
    while i < chars.len() {
        let (c, s, e) = chars[i];
        let next = chars.get(i + 1).map(|n| n.0);
        let opens = matches!(c, '$' | '%') && next == Some('{');
        let escaped =
            matches!(c, '$' | '%') && next == Some(c) && chars.get(i + 2).map(|n| n.0) == Some('{');
        if !template && opens {
            // A literal `${`: written `$${`.
            out.put_char(c, s, e);
            out.put_char(c, s, e);
            i += 1;
            continue;
        }
        if escaped {
            for &(c, s, e) in &chars[i..i + 3] {
                out.put_char(c, s, e);
            }
            i += 3;
            continue;
        }
        if template && opens {
            // The interpolation up to its closing brace, written as it is.
            let mut depth = 0usize;
            let mut quoted = false;
            let mut j = i;
            while j < chars.len() {
                let (c, s, e) = chars[j];
                out.put_char(c, s, e);
                match c {
                    '\\' if quoted => {
                        if let Some(&(n, s, e)) = chars.get(j + 1) {
                            out.put_char(n, s, e);
                            j += 1;
                        }
                    }
                    '"' => quoted = !quoted,
                    '{' if !quoted => depth += 1,
                    '}' if !quoted => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            j += 1;
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            i = j;
            continue;
        }
        literal_char(out, c, s, e);
        i += 1;
    }
    out.put("\"", v.end.saturating_sub(1), v.end);
}
