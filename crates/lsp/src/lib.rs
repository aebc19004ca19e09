//! The language server: `palisade lsp` on standard input and output.
//!
//! Open documents are analysed as the scan would analyse them, with the editor's buffers read
//! instead of the files on disk: a Terraform file together with the other Terraform files of
//! its directory (one module), a CloudFormation template or IAM policy on its own. Findings,
//! syntax errors and evaluation notes become diagnostics, with the module call sites and the
//! places values were defined as related information. Only this crate knows LSP types.
//!
//! Edits are debounced per unit in a spawned task (a burst of keystrokes is analysed once and
//! never holds up a request), the analysis runs on a blocking thread, and a result older than
//! the document's latest version is dropped. The state lock is never held across disk I/O or
//! an await. Only regular files are analysed (a directory URI is not a document), and local
//! module sources are followed only inside the workspace folders. [`transport`] frames the
//! client's messages: a malformed one gets its error response and the session goes on;
//! `exit` ends it at once.

mod convert;
mod transport;

pub use transport::Ended;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use palisade_engine::{ScanOptions, ScanResult};
use tower_lsp_server::jsonrpc::Result as RpcResult;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, CodeActionResponse, Diagnostic, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams, Hover,
    HoverContents, HoverParams, HoverProviderCapability, InitializeParams, InitializeResult,
    InitializedParams, MarkupContent, MarkupKind, MessageType, NumberOrString, Position, Range,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, TextEdit, Uri, WorkspaceEdit,
};
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

/// How long an edit waits for the next one before its unit is analysed.
const DEBOUNCE: Duration = Duration::from_millis(120);

/// Serves the protocol on stdin/stdout until the client exits or closes the stream. Returns
/// at once on `exit`, even while an analysis runs (its thread is abandoned): the caller exits
/// the process with the code [`Ended`] calls for.
pub fn serve_stdio() -> std::io::Result<Ended> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let ended = runtime.block_on(async {
        let (service, socket) = LspService::new(Backend::new);
        // The server reads and writes pipes; `transport::pump` checks what the client sends.
        let (to_server, server_stdin) = tokio::io::duplex(1 << 16);
        let (server_stdout, from_server) = tokio::io::duplex(1 << 16);
        tokio::spawn(Server::new(server_stdin, server_stdout, socket).serve(service));
        transport::pump(
            tokio::io::stdin(),
            tokio::io::stdout(),
            to_server,
            from_server,
        )
        .await
    });
    runtime.shutdown_background();
    Ok(ended)
}

/// An open document.
struct Document {
    uri: Uri,
    version: i32,
    text: String,
}

/// What is analysed together: a Terraform module directory, or one document.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Unit {
    TerraformDir(PathBuf),
    File(PathBuf),
}

impl Unit {
    fn of(path: &Path) -> Unit {
        match path.parent() {
            Some(dir) if is_terraform(path) => Unit::TerraformDir(dir.to_path_buf()),
            _ => Unit::File(path.to_path_buf()),
        }
    }

    /// The directory paths are shown relative to, and the paths to scan. Reads the disk:
    /// never called with the state locked. `buffers`: the open Terraform documents' texts;
    /// `roots`: the workspace folders, outside which no called module is read.
    fn scan_paths(
        &self,
        buffers: &BTreeMap<PathBuf, String>,
        roots: &[PathBuf],
    ) -> (PathBuf, Vec<PathBuf>) {
        match self {
            Unit::File(path) => (
                path.parent().map(Path::to_path_buf).unwrap_or_default(),
                vec![path.clone()],
            ),
            // The directory's Terraform files and those of the local modules it calls, not
            // its subdirectories: typing in a root module must not rescan a repository.
            Unit::TerraformDir(dir) => (
                dir.clone(),
                palisade_engine::terraform_files_with_modules_within(dir, buffers, roots),
            ),
        }
    }
}

fn is_terraform(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".tf") || name.ends_with(".tfvars") || name.ends_with(".tfvars.json")
}

#[derive(Default)]
struct State {
    documents: BTreeMap<PathBuf, Document>,
    /// Bumped on every change of a unit: a debounced analysis runs only if it is still the
    /// latest.
    generation: HashMap<Unit, u64>,
    /// Files each unit last published diagnostics for, so that fixed ones are cleared.
    published: HashMap<Unit, BTreeSet<PathBuf>>,
    /// The findings last published per file, for hover.
    findings: HashMap<PathBuf, Vec<convert::Published>>,
    /// The files each unit's last analysis read: a caller's unit reads the modules it calls,
    /// so an edit there analyses the caller again too.
    scanned: HashMap<Unit, BTreeSet<PathBuf>>,
}

/// The server; cheap to clone into the tasks it spawns.
#[derive(Clone)]
struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
    /// The workspace folders (or the root URI): the only places called modules are read.
    roots: Arc<Mutex<Vec<PathBuf>>>,
}

impl Backend {
    fn new(client: Client) -> Backend {
        Backend {
            client,
            state: Arc::new(Mutex::new(State::default())),
            roots: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// Records a new generation of `unit` and spawns its analysis, which waits `delay` and
    /// runs unless another change came in meanwhile. Returns at once: a burst of edits never
    /// holds up the requests behind it.
    fn schedule(&self, unit: Unit, delay: Duration) {
        let generation = {
            let Ok(mut state) = self.state.lock() else {
                return;
            };
            let g = state.generation.entry(unit.clone()).or_insert(0);
            *g += 1;
            *g
        };
        let this = self.clone();
        tokio::spawn(async move { this.analyse(unit, generation, delay).await });
    }

    async fn analyse(&self, unit: Unit, generation: u64, delay: Duration) {
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        if !self.is_current(&unit, generation) {
            return;
        }
        // A URI naming a directory (or a FIFO, a device) is not a document: scanning it would
        // scan a whole tree, or block. A path that does not exist is an unsaved buffer.
        if let Unit::File(path) = &unit {
            if not_a_document(path).await {
                return;
            }
        }
        // The open Terraform buffers, copied under the lock; the module walk reads the disk
        // after it is released.
        let terraform_buffers: BTreeMap<PathBuf, String> = match self.state.lock() {
            Ok(state) => state
                .documents
                .iter()
                .filter(|(p, _)| is_terraform(p))
                .map(|(p, d)| (p.clone(), d.text.clone()))
                .collect(),
            Err(_) => return,
        };
        let roots = self.roots.lock().map(|r| r.clone()).unwrap_or_default();
        let walk_unit = unit.clone();
        let Ok((unit_dir, paths)) =
            tokio::task::spawn_blocking(move || walk_unit.scan_paths(&terraform_buffers, &roots))
                .await
        else {
            return;
        };
        // Snapshot the buffers; the scan reads them instead of the disk.
        let buffers = {
            let Ok(mut state) = self.state.lock() else {
                return;
            };
            state
                .scanned
                .insert(unit.clone(), paths.iter().cloned().collect());
            let buffers: BTreeMap<PathBuf, String> = state
                .documents
                .iter()
                .filter(|(p, _)| paths.contains(p))
                .map(|(p, d)| (p.clone(), d.text.clone()))
                .collect();
            buffers
        };
        // Paths are shown relative to a directory above every scanned file, so that module
        // sources (`../../modules/x`) resolve against the scanned directories.
        let cwd = common_ancestor(
            paths
                .iter()
                .map(PathBuf::as_path)
                .chain([unit_dir.as_path()]),
        );
        let options = ScanOptions {
            cwd: Some(cwd.clone()),
            buffers,
            ..ScanOptions::default()
        };
        let scan_paths = paths.clone();
        let scanned =
            tokio::task::spawn_blocking(move || palisade_engine::scan(&scan_paths, &options)).await;
        if !self.is_current(&unit, generation) {
            return;
        }
        match scanned {
            Ok(Ok(result)) => self.publish(&unit, &cwd, &unit_dir, &paths, &result).await,
            Ok(Err(e)) => {
                self.client
                    .log_message(MessageType::WARNING, format!("palisade: {e}"))
                    .await
            }
            Err(e) => {
                self.client
                    .log_message(
                        MessageType::ERROR,
                        format!("palisade: the analysis failed: {e}"),
                    )
                    .await
            }
        }
    }

    /// Analyses the unit of `path` and then every other unit whose last analysis read it (the
    /// callers of an edited module).
    fn schedule_affected(&self, path: &Path, delay: Duration) {
        let own = Unit::of(path);
        let others: Vec<Unit> = match self.state.lock() {
            Ok(state) => state
                .scanned
                .iter()
                .filter(|(unit, files)| **unit != own && files.contains(path))
                .map(|(unit, _)| unit.clone())
                .collect(),
            Err(_) => Vec::new(),
        };
        self.schedule(own, delay);
        for unit in others {
            self.schedule(unit, Duration::ZERO);
        }
    }

    fn is_current(&self, unit: &Unit, generation: u64) -> bool {
        self.state
            .lock()
            .map(|s| s.generation.get(unit) == Some(&generation))
            .unwrap_or(false)
    }

    /// Sends the diagnostics of one analysis: for every file of the unit's directory that has
    /// some, for every open document there (an empty list says it was analysed and is clean),
    /// and an empty list for files the unit reported on last time and no longer does.
    async fn publish(
        &self,
        unit: &Unit,
        cwd: &Path,
        unit_dir: &Path,
        scanned: &[PathBuf],
        result: &ScanResult,
    ) {
        let mut by_file = convert::diagnostics(result, cwd, unit_dir);
        let mut sends: Vec<(Uri, Vec<Diagnostic>, Option<i32>)> = Vec::new();
        {
            let Ok(mut state) = self.state.lock() else {
                return;
            };
            // Only this unit's own files: a called module's are its own unit's to publish.
            for path in scanned.iter().filter(|p| p.parent() == Some(unit_dir)) {
                if state.documents.contains_key(path) {
                    by_file.entry(path.clone()).or_default();
                }
            }
            let before = state.published.remove(unit).unwrap_or_default();
            let now: BTreeSet<PathBuf> = by_file.keys().cloned().collect();
            for path in before.difference(&now) {
                state.findings.remove(path);
                if let Some(uri) = uri_of(&state, path) {
                    sends.push((uri, Vec::new(), None));
                }
            }
            for (path, published) in by_file {
                let Some(uri) = uri_of(&state, &path) else {
                    continue;
                };
                let version = state.documents.get(&path).map(|d| d.version);
                let diagnostics = published.iter().map(|p| p.diagnostic.clone()).collect();
                sends.push((uri, diagnostics, version));
                state.findings.insert(path, published);
            }
            state.published.insert(unit.clone(), now);
        }
        for (uri, diagnostics, version) in sends {
            self.client
                .publish_diagnostics(uri, diagnostics, version)
                .await;
        }
    }
}

/// The deepest directory holding every path (`/` at worst).
fn common_ancestor<'p>(mut paths: impl Iterator<Item = &'p Path>) -> PathBuf {
    let Some(first) = paths.next() else {
        return PathBuf::from("/");
    };
    let mut common = first.to_path_buf();
    for p in paths {
        while !p.starts_with(&common) {
            if !common.pop() {
                return PathBuf::from("/");
            }
        }
    }
    common
}

/// Whether `path` exists and is something other than a regular file (a directory, a FIFO, a
/// device). Follows symlinks.
async fn not_a_document(path: &Path) -> bool {
    tokio::fs::metadata(path).await.is_ok_and(|m| !m.is_file())
}

fn uri_of(state: &State, path: &Path) -> Option<Uri> {
    match state.documents.get(path) {
        Some(d) => Some(d.uri.clone()),
        None => Uri::from_file_path(path),
    }
}

fn path_of(uri: &Uri) -> Option<PathBuf> {
    uri.to_file_path().map(|p| p.into_owned())
}

impl LanguageServer for Backend {
    #[allow(deprecated)] // `root_uri`: clients without workspace folders still send it.
    async fn initialize(&self, params: InitializeParams) -> RpcResult<InitializeResult> {
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| path_of(&f.uri))
            .collect();
        if roots.is_empty() {
            roots.extend(params.root_uri.as_ref().and_then(path_of));
        }
        if let Ok(mut r) = self.roots.lock() {
            *r = roots;
        }
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "palisade".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::FULL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
                ..ServerCapabilities::default()
            },
            ..InitializeResult::default()
        })
    }

    async fn initialized(&self, _: InitializedParams) {}

    async fn shutdown(&self) -> RpcResult<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let Some(path) = path_of(&doc.uri) else {
            return;
        };
        if not_a_document(&path).await {
            self.client
                .log_message(
                    MessageType::WARNING,
                    format!(
                        "palisade: {} is not a regular file; not analysed",
                        path.display()
                    ),
                )
                .await;
            return;
        }
        if let Ok(mut state) = self.state.lock() {
            state.documents.insert(
                path.clone(),
                Document {
                    uri: doc.uri,
                    version: doc.version,
                    text: doc.text,
                },
            );
        }
        self.schedule(Unit::of(&path), Duration::ZERO);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let Some(path) = path_of(&params.text_document.uri) else {
            return;
        };
        // Full synchronisation: the last change holds the whole text.
        let Some(change) = params.content_changes.into_iter().last() else {
            return;
        };
        if let Ok(mut state) = self.state.lock() {
            if let Some(doc) = state.documents.get_mut(&path) {
                doc.version = params.text_document.version;
                doc.text = change.text;
            }
        }
        self.schedule_affected(&path, DEBOUNCE);
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        if let Some(path) = path_of(&params.text_document.uri) {
            self.schedule_affected(&path, Duration::ZERO);
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let Some(path) = path_of(&params.text_document.uri) else {
            return;
        };
        if let Ok(mut state) = self.state.lock() {
            state.documents.remove(&path);
        }
        // What is on disk is what stays: analysed again without the buffer.
        self.schedule_affected(&path, Duration::ZERO);
    }

    /// A quick fix per finding: a `palisade:ignore[ID]` comment on the line before it, with
    /// its indentation (HCL and YAML; JSON has no comments, its templates suppress through
    /// `Metadata`).
    async fn code_action(&self, params: CodeActionParams) -> RpcResult<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let Some(path) = path_of(&uri) else {
            return Ok(None);
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if name.ends_with(".json") {
            return Ok(None);
        }
        let text = match self.state.lock() {
            Ok(state) => state.documents.get(&path).map(|d| d.text.clone()),
            Err(_) => return Ok(None),
        };
        let text = match text {
            Some(text) => text,
            // Not open: the file on disk, if it is a regular file within the size limit, read
            // on a blocking thread (a FIFO or a device is never opened).
            None => {
                let on_disk = path.clone();
                tokio::task::spawn_blocking(move || {
                    palisade_engine::read_regular(&on_disk, palisade_engine::size_limit(&on_disk))
                })
                .await
                .ok()
                .and_then(Result::ok)
                .unwrap_or_default()
            }
        };
        let mut actions = Vec::new();
        for d in &params.context.diagnostics {
            let Some(check) = d.code.as_ref().and_then(|c| match c {
                NumberOrString::String(s) => palisade_checks::find(s),
                NumberOrString::Number(_) => None,
            }) else {
                continue;
            };
            let line = d.range.start.line;
            let indent: String = text
                .split('\n')
                .nth(line as usize)
                .unwrap_or("")
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            let comment = format!(
                "{indent}# palisade:ignore[{}] reviewed: why this is acceptable\n",
                check.meta.id
            );
            let at = Position::new(line, 0);
            let edit = TextEdit::new(Range::new(at, at), comment);
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Suppress {} on this line", check.meta.id),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![d.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                    ..WorkspaceEdit::default()
                }),
                ..CodeAction::default()
            }));
        }
        Ok((!actions.is_empty()).then_some(actions))
    }

    async fn hover(&self, params: HoverParams) -> RpcResult<Option<Hover>> {
        let at = params.text_document_position_params;
        let Some(path) = path_of(&at.text_document.uri) else {
            return Ok(None);
        };
        let Ok(state) = self.state.lock() else {
            return Ok(None);
        };
        let text: Vec<String> = state
            .findings
            .get(&path)
            .into_iter()
            .flatten()
            .filter(|p| convert::contains(&p.diagnostic.range, at.position))
            .filter_map(|p| p.check)
            .filter_map(palisade_checks::find)
            .map(|check| convert::explain(&check.meta))
            .collect();
        if text.is_empty() {
            return Ok(None);
        }
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: text.join("\n\n---\n\n"),
            }),
            range: None,
        }))
    }
}
