//! Terraform frontend: tree-sitter-hcl parsing, a small evaluator, adapters into the model.
//!
//! [`load_module`] takes every file of one module directory, parses each once, reports syntax
//! errors as diagnostics, indexes the module's variables, locals, resources and policy
//! documents, reads `terraform.tfvars` / `*.auto.tfvars` (and their `.json` forms), and adapts
//! the resource types Palisade models. Broken input never aborts the module: blocks that
//! parsed are still adapted.

mod adapt;
mod eval;
mod functions;
mod json;
mod lexcheck;
mod plan;
mod policy_doc;
mod syntax;
mod tfjson;

use eval::{BlockRef, Eval, Index};
use palisade_model::{Loaded, Node, NodeKind};
use palisade_source::{Diagnostic, SourceFile};
use tree_sitter::Tree;

pub use plan::{is_plan, plan_resources, PlanResource};

/// Values given for a root module from outside it, as `terraform plan -var` / `-var-file`
/// would: they override `terraform.tfvars` and `*.auto.tfvars`.
#[derive(Clone, Default)]
pub struct TerraformInputs<'a> {
    /// `--var NAME=VALUE` in command-line order (a later one wins). A value starting with `[`
    /// or `{` is read as an HCL list or object; anything else is a string, which Terraform
    /// converts to a number or bool where the variable needs one.
    pub vars: Vec<(String, String)>,
    /// `--var-file` files in command-line order: HCL, or JSON when the name ends in `.json`.
    /// Their spans resolve like any scanned file's, so a finding can name the definition.
    pub var_files: Vec<&'a SourceFile>,
    /// Reads called local modules (`source = "./x"`); without it module calls stay unknown.
    pub modules: Option<&'a dyn ModuleLoader>,
}

/// Gives the frontend the files of another module directory, so that a local module call
/// (`module "x" { source = "../y" }`) can be evaluated. The files must be registered with the
/// caller (their `FileId`s resolve like any scanned file's) so findings inside a called module
/// point at its files.
pub trait ModuleLoader: Sync {
    /// The files of the directory `dir`, written as [`join_dir`] writes it (the directory of
    /// the scanned files' paths, normalised); `None` when that directory was not read.
    fn files(&self, dir: &str) -> Option<Vec<&SourceFile>>;

    /// Trees shared between module loads: a module called from many roots is parsed once.
    fn parse_cache(&self) -> Option<&ParseCache> {
        None
    }

    /// Whether some scanned configuration calls the directory `dir` as a local module (a
    /// hint, see [`local_module_sources`]): its trees then go through the parse cache even
    /// when it is loaded as a root module, so that it is parsed once for both.
    fn is_called(&self, _dir: &str) -> bool {
        false
    }
}

/// Parsed trees by file, shared between the threads of one scan, bounded by the size of the
/// files they hold: a tree takes tens of bytes per byte of source, so keeping every called
/// module's tree for the whole scan would cost more memory than the rest of the scan. The
/// least recently used trees go first; scan units sorted by path keep a repository's
/// examples next to the module they call, so the working set is small.
pub struct ParseCache {
    inner: std::sync::Mutex<CacheInner>,
    budget: usize,
}

#[derive(Default)]
struct CacheInner {
    /// Tree, source length, last use.
    trees: std::collections::HashMap<palisade_source::FileId, (Parsed, usize, u64)>,
    bytes: usize,
    clock: u64,
}

/// A file's tree and its syntax diagnostics ([`syntax::diagnostics`]), computed together
/// once: a module called from many places is walked for them once, not at every call.
type Parsed = (std::sync::Arc<Tree>, std::sync::Arc<Vec<Diagnostic>>);

fn parse_with_diagnostics(file: &SourceFile) -> Result<Parsed, syntax::Unparsed> {
    let tree = syntax::parse(&file.text)?;
    let mut diagnostics = Vec::new();
    syntax::diagnostics(file, &tree, &mut diagnostics);
    Ok((std::sync::Arc::new(tree), std::sync::Arc::new(diagnostics)))
}

impl Default for ParseCache {
    /// Room for trees of 1 MiB of source (about 80 MB of memory, measured on the Terraform
    /// corpus). Less makes every repository's examples parse their module again: at 400 kB
    /// the corpus scan takes a third longer.
    fn default() -> ParseCache {
        ParseCache::with_budget(1 << 20)
    }
}

impl ParseCache {
    /// A cache holding trees of at most `budget` bytes of source (at least the last one).
    pub fn with_budget(budget: usize) -> ParseCache {
        ParseCache {
            inner: std::sync::Mutex::new(CacheInner::default()),
            budget,
        }
    }

    fn tree(&self, file: &SourceFile) -> Result<Parsed, syntax::Unparsed> {
        if let Ok(mut inner) = self.inner.lock() {
            inner.clock += 1;
            let now = inner.clock;
            if let Some(entry) = inner.trees.get_mut(&file.id) {
                entry.2 = now;
                return Ok(entry.0.clone());
            }
        }
        // Parsed outside the lock: two threads may parse the same file once each, which is
        // cheaper than serialising every parse.
        let tree = parse_with_diagnostics(file)?;
        if let Ok(mut inner) = self.inner.lock() {
            let now = inner.clock;
            let len = file.text.len();
            if inner
                .trees
                .insert(file.id, (tree.clone(), len, now))
                .is_none()
            {
                inner.bytes += len;
            }
            while inner.bytes > self.budget && inner.trees.len() > 1 {
                let oldest = inner
                    .trees
                    .iter()
                    .filter(|(id, _)| **id != file.id)
                    .min_by_key(|(_, e)| e.2)
                    .map(|(id, e)| (*id, e.1));
                let Some((id, len)) = oldest else { break };
                inner.trees.remove(&id);
                inner.bytes -= len;
            }
        }
        Ok(tree)
    }

    #[cfg(test)]
    fn held(&self) -> Vec<u32> {
        let mut ids: Vec<u32> = self
            .inner
            .lock()
            .map(|i| i.trees.keys().map(|k| k.0).collect())
            .unwrap_or_default();
        ids.sort();
        ids
    }
}

/// The local module sources (`source = "./x"`, `"../x"`) written in a file, found by a quick
/// look at its lines without parsing: a hint for [`ModuleLoader::is_called`], where a miss
/// or a false hit only costs a parse or some cache room.
pub fn local_module_sources(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        // `source = "./x"`, or in Terraform JSON `"source": "./x"`.
        let line = line.trim_start();
        let json = line.starts_with('"');
        let Some(rest) = line.trim_start_matches('"').strip_prefix("source") else {
            continue;
        };
        let rest = if json {
            rest.strip_prefix('"').unwrap_or("=")
        } else {
            rest
        };
        let Some(rest) = rest.trim_start().strip_prefix(if json { ':' } else { '=' }) else {
            continue;
        };
        let Some(rest) = rest.trim_start().strip_prefix('"') else {
            continue;
        };
        let Some((value, _)) = rest.split_once('"') else {
            continue;
        };
        if value.starts_with("./") || value.starts_with("../") || value == "." || value == ".." {
            out.push(value);
        }
    }
    out
}

/// Most module instances evaluated for one root module (all nesting levels together).
const MODULE_BUDGET: usize = 256;

/// `base` joined with the relative path `rel`, normalised without touching the file system
/// (`examples/basic` + `../../` = `.`). The key [`ModuleLoader::files`] is asked for.
pub fn join_dir(base: &str, rel: &str) -> String {
    normalize_dir(&std::path::Path::new(base).join(rel))
}

/// A directory path with `.` and `..` resolved lexically; `.` for the empty path.
pub fn normalize_dir(path: &std::path::Path) -> String {
    use std::path::Component;
    let mut out: Vec<Component<'_>> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                // `..` at the root stays at the root.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(c),
            },
            other => out.push(other),
        }
    }
    let p: std::path::PathBuf = out.iter().collect();
    let s = p.to_string_lossy().to_string();
    if s.is_empty() {
        ".".to_string()
    } else {
        s
    }
}

/// Evaluates a called module: its `.tf` files with `inputs` bound to its variables. Returns
/// its model (addresses not yet prefixed), the diagnostics of its files, and its outputs.
pub(crate) fn load_called(
    files: &[&SourceFile],
    inputs: Vec<(String, Node)>,
    env: &eval::ModuleEnv<'_>,
    dir: &str,
    fuel: u64,
) -> (
    (palisade_model::Model, adapt::Unresolved),
    Vec<Diagnostic>,
    Node,
    u64,
    palisade_model::EvalStats,
) {
    let mut diagnostics = Vec::new();
    let json_forms = json_configs(files, &mut diagnostics);
    let mut configs: Vec<(&SourceFile, std::sync::Arc<Tree>)> = Vec::new();
    let cache = env.loader.and_then(|l| l.parse_cache());
    let all: Vec<&SourceFile> = files.iter().copied().chain(json_forms.iter()).collect();
    for &file in &all {
        let file = match json_forms.iter().find(|j| j.id == file.id) {
            Some(hcl) if !std::ptr::eq(hcl, file) => continue,
            _ => file,
        };
        let name = file
            .path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        // A called module's tfvars files are not read: only a root module's are.
        if kind_in(file, &name, &json_forms) != FileKind::Config {
            continue;
        }
        let parsed = match cache {
            Some(c) => c.tree(file),
            None => parse_with_diagnostics(file),
        };
        match parsed {
            Ok((tree, found)) => {
                diagnostics.extend(found.iter().cloned());
                configs.push((file, tree));
            }
            Err(why) => diagnostics.push(why.diagnostic(file)),
        }
    }
    let config_refs: Vec<(&SourceFile, &Tree)> = configs
        .iter()
        .map(|(f, t)| (*f, std::borrow::Borrow::<Tree>::borrow(t)))
        .collect();
    let index = build_index(&config_refs);
    let mut ev = Eval::new(&index, 0);
    ev.fuel = fuel;
    ev.module_dir = dir.to_string();
    ev.env = Some(env);
    ev.module_inputs = inputs.into_iter().collect();
    let (model, unresolved) = adapt::run_called(&mut ev);
    let outputs = ev.outputs();
    diagnostics.append(&mut ev.notes);
    let left = ev.fuel;
    ((model, unresolved), diagnostics, outputs, left, ev.stats)
}

/// Loads one module directory: all its `.tf` files (and `terraform.tfvars`, `*.auto.tfvars`,
/// their `.json` forms) evaluated together.
pub fn load_module(files: &[&SourceFile]) -> Loaded {
    load_module_with(files, &TerraformInputs::default())
}

/// [`load_module`] for a root module with values given on the command line.
pub fn load_module_with(files: &[&SourceFile], inputs: &TerraformInputs<'_>) -> Loaded {
    let mut diagnostics = Vec::new();
    let dir = module_dir(files);
    let shared_cache = inputs
        .modules
        .filter(|l| l.is_called(&dir))
        .and_then(|l| l.parse_cache());
    let json_forms = json_configs(files, &mut diagnostics);
    let mut configs: Vec<(&SourceFile, std::sync::Arc<Tree>)> = Vec::new();
    let mut tfvars_hcl: Vec<(&SourceFile, std::sync::Arc<Tree>)> = Vec::new();
    let mut tfvars_json: Vec<&SourceFile> = Vec::new();
    let all: Vec<&SourceFile> = files.iter().copied().chain(json_forms.iter()).collect();
    for &file in &all {
        // The HCL form of a JSON configuration stands in for it.
        let file = match json_forms.iter().find(|j| j.id == file.id) {
            Some(hcl) if !std::ptr::eq(hcl, file) => continue,
            _ => file,
        };
        let name = file
            .path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let kind = kind_in(file, &name, &json_forms);
        if matches!(kind, FileKind::Other | FileKind::ConfigJson) {
            continue;
        }
        if kind == FileKind::TfvarsJson {
            tfvars_json.push(file);
            continue;
        }
        // Only a directory other configurations call goes through the scan's parse cache:
        // holding every root's tree would evict the trees that are reused.
        let parsed = match shared_cache {
            Some(cache) if kind == FileKind::Config => cache.tree(file),
            _ => parse_with_diagnostics(file),
        };
        let tree = match parsed {
            Ok((tree, found)) => {
                diagnostics.extend(found.iter().cloned());
                tree
            }
            Err(why) => {
                diagnostics.push(why.diagnostic(file));
                continue;
            }
        };
        match kind {
            FileKind::Config => configs.push((file, tree)),
            _ => tfvars_hcl.push((file, tree)),
        }
    }
    // Var files given on the command line, parsed before the evaluator borrows the trees.
    let mut var_files: Vec<(&SourceFile, Option<Tree>)> = Vec::new();
    for &file in &inputs.var_files {
        if file.path.to_string_lossy().ends_with(".json") {
            var_files.push((file, None));
            continue;
        }
        match syntax::parse(&file.text) {
            Ok(tree) => {
                syntax::diagnostics(file, &tree, &mut diagnostics);
                var_files.push((file, Some(tree)));
            }
            Err(why) => diagnostics.push(why.diagnostic(file)),
        }
    }
    let budget = std::cell::Cell::new(MODULE_BUDGET);
    let module_fuel = std::cell::Cell::new(eval::MODULE_FUEL);
    let env = eval::ModuleEnv {
        loader: inputs.modules,
        chain: vec![dir.clone()],
        budget: &budget,
        root_dir: dir.clone(),
        fuel: &module_fuel,
        prefix: String::new(),
    };
    let config_refs: Vec<(&SourceFile, &Tree)> = configs
        .iter()
        .map(|(f, t)| (*f, std::borrow::Borrow::<Tree>::borrow(t)))
        .collect();
    let index = build_index(&config_refs);
    let total: usize = files.iter().map(|f| f.text.len()).sum();
    let mut ev = Eval::new(&index, total);
    ev.module_dir = dir;
    ev.env = Some(&env);
    load_tfvars(&mut ev, &tfvars_hcl, &tfvars_json, &mut diagnostics);
    for (file, tree) in &var_files {
        match tree {
            Some(tree) => hcl_vars(&mut ev, file, tree),
            None => json_vars(&mut ev, file, &mut diagnostics),
        }
    }
    for (name, value) in &inputs.vars {
        let node = cli_value(value);
        ev.tfvars.insert(name.clone(), node);
        ev.cli_vars.insert(name.clone());
    }
    let model = adapt::run(&mut ev);
    diagnostics.append(&mut ev.notes);
    Loaded {
        model,
        diagnostics,
        stats: ev.stats,
    }
}

/// The module's directory as `path.module` gives it: the files' parent, `.` when the files sit
/// in the current directory.
fn module_dir(files: &[&SourceFile]) -> String {
    let dir = files
        .first()
        .and_then(|f| f.path.parent())
        .map(|p| p.to_string_lossy().to_string())
        .unwrap_or_default();
    normalize_dir(std::path::Path::new(&dir))
}

/// Loads a Terraform plan JSON (see [`plan`]): its planned resources adapted like a module's,
/// every span in the plan file.
pub fn load_plan(file: &SourceFile) -> Loaded {
    let mut diagnostics = Vec::new();
    let hcl = match plan::to_hcl(file) {
        Ok(hcl) => hcl,
        Err(d) => {
            return Loaded {
                model: palisade_model::Model::default(),
                diagnostics: vec![d],
                stats: Default::default(),
            }
        }
    };
    let tree = match syntax::parse(&hcl.text) {
        Ok(tree) => tree,
        Err(why) => {
            diagnostics.push(why.diagnostic(&hcl));
            return Loaded {
                model: palisade_model::Model::default(),
                diagnostics,
                stats: Default::default(),
            };
        }
    };
    let configs = [(&hcl, &tree)];
    let index = build_index(&configs);
    let mut ev = Eval::new(&index, file.text.len());
    ev.module_dir = module_dir(&[file]);
    let mut model = adapt::run(&mut ev);
    diagnostics.append(&mut ev.notes);
    // Findings name the resource by its address in the plan.
    let planned = plan::plan_resources(file);
    let by_label: std::collections::HashMap<String, &str> = planned
        .iter()
        .map(|pr| {
            let mode = if pr.mode == "data" { "data." } else { "" };
            let label = plan::label_of(pr);
            (format!("{mode}{}.{label}", pr.kind), pr.address.as_str())
        })
        .collect();
    for r in &mut model.resources {
        if let Some(address) = by_label.get(&r.address) {
            r.address = address.to_string();
        }
    }
    Loaded {
        model,
        diagnostics,
        stats: ev.stats,
    }
}

/// A `resource`, `data` or `module` block of a configuration file.
#[derive(Clone, Debug)]
pub struct BlockHeader {
    /// `resource`, `data` or `module`.
    pub ty: String,
    pub labels: Vec<String>,
    /// The block's first line.
    pub span: palisade_model::Span,
    /// A module block's `source`, when a literal.
    pub source: Option<String>,
}

/// The `resource`, `data` and `module` blocks of configuration files.
pub fn block_headers(files: &[&SourceFile]) -> Vec<BlockHeader> {
    let mut out = Vec::new();
    for &file in files {
        let Ok(tree) = syntax::parse(&file.text) else {
            continue;
        };
        let mut items = Vec::new();
        syntax::body_items(tree.root_node(), &mut items, 0);
        for item in items {
            if syntax::kind_of(item) != "block" {
                continue;
            }
            let ty = syntax::block_type(file, item);
            if !matches!(ty, "resource" | "data" | "module") {
                continue;
            }
            let labels = syntax::block_labels(file, item)
                .into_iter()
                .map(str::to_string)
                .collect();
            let source = (ty == "module")
                .then(|| {
                    syntax::block_items(item).into_iter().find_map(|a| {
                        let (name, value) = syntax::attribute_parts(a)?;
                        if syntax::text(file, name) != "source" {
                            return None;
                        }
                        let v = syntax::text(file, value).trim();
                        let v = v.strip_prefix('"')?.strip_suffix('"')?;
                        (!v.contains('"') && !v.contains("${")).then(|| v.to_string())
                    })
                })
                .flatten();
            let start = item.start_byte();
            let line_end = file.text[start..]
                .find('\n')
                .map(|n| start + n)
                .unwrap_or(file.text.len())
                .min(item.end_byte());
            let end = file.text[start..line_end].trim_end().len() + start;
            out.push(BlockHeader {
                ty: ty.to_string(),
                labels,
                span: file.span(start, end.max(start + 1)),
                source,
            });
        }
    }
    out
}

/// Parses one file and drops the tree: the parse floor the benchmark compares against.
pub fn parse_only(file: &SourceFile) -> bool {
    if file.path.to_string_lossy().ends_with(".tf.json") {
        return tfjson::to_hcl(file).is_ok_and(|hcl| syntax::parse(&hcl.text).is_ok());
    }
    syntax::parse(&file.text).is_ok()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Config,
    /// `*.tf.json`: read through its HCL form.
    ConfigJson,
    Tfvars,
    TfvarsJson,
    Other,
}

fn file_kind(name: &str) -> FileKind {
    if name.ends_with(".tfvars.json") {
        FileKind::TfvarsJson
    } else if name.ends_with(".tfvars") {
        FileKind::Tfvars
    } else if name.ends_with(".tf") {
        FileKind::Config
    } else if name.ends_with(".tf.json") {
        FileKind::ConfigJson
    } else {
        FileKind::Other
    }
}

/// A file's kind, the HCL form of a JSON configuration (one of `json_forms`) being one.
fn kind_in(file: &SourceFile, name: &str, json_forms: &[SourceFile]) -> FileKind {
    if json_forms.iter().any(|j| std::ptr::eq(j, file)) {
        FileKind::Config
    } else {
        file_kind(name)
    }
}

/// The HCL form of each Terraform JSON configuration among `files` (see [`tfjson`]), in the
/// order given; a file that is not JSON gives its located error instead.
fn json_configs(files: &[&SourceFile], diagnostics: &mut Vec<Diagnostic>) -> Vec<SourceFile> {
    let mut out = Vec::new();
    for &file in files {
        let name = file
            .path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if file_kind(&name) != FileKind::ConfigJson {
            continue;
        }
        match tfjson::to_hcl(file) {
            Ok(hcl) => out.push(hcl),
            Err(d) => diagnostics.push(d),
        }
    }
    out
}

fn build_index<'t>(configs: &[(&'t SourceFile, &'t Tree)]) -> Index<'t> {
    let mut ix = Index::default();
    for &(file, tree) in configs {
        let mut items = Vec::new();
        syntax::body_items(tree.root_node(), &mut items, 0);
        for item in items {
            if syntax::kind_of(item) != "block" {
                continue;
            }
            let labels = syntax::block_labels(file, item);
            match (syntax::block_type(file, item), &labels[..]) {
                ("resource", [kind, name, ..]) => ix.resources.push(BlockRef {
                    file,
                    node: item,
                    kind,
                    name,
                }),
                ("data", [kind @ ("aws_kms_alias" | "aws_kms_key"), name, ..]) => {
                    ix.kms_data.push(BlockRef {
                        file,
                        node: item,
                        kind,
                        name,
                    })
                }
                ("data", ["aws_iam_policy_document", name, ..])
                    if !ix.policy_docs.contains_key(name) =>
                {
                    ix.policy_doc_order.push(name);
                    ix.policy_docs.insert(
                        name,
                        BlockRef {
                            file,
                            node: item,
                            kind: "aws_iam_policy_document",
                            name,
                        },
                    );
                }
                ("data", ["aws_iam_policy_document", name, ..]) => {
                    ix.policy_doc_repeats.push(BlockRef {
                        file,
                        node: item,
                        kind: "aws_iam_policy_document",
                        name,
                    })
                }
                ("module", [name, ..]) if !ix.module_calls.contains_key(name) => {
                    ix.module_blocks.push(BlockRef {
                        file,
                        node: item,
                        kind: "module",
                        name,
                    });
                    ix.module_order.push(name);
                    ix.module_calls.insert(
                        name,
                        BlockRef {
                            file,
                            node: item,
                            kind: "module",
                            name,
                        },
                    );
                }
                ("module", [name, ..]) => ix.module_blocks.push(BlockRef {
                    file,
                    node: item,
                    kind: "module",
                    name,
                }),
                // The value of an output and the default of a variable are looked up when
                // used: a called module's index is built per call, and most of a big
                // module's variables and outputs are never read.
                ("output", [name, ..]) => ix.outputs.push((name, file, item)),
                ("variable", [name, ..]) => {
                    ix.variables.entry(name).or_insert((file, item));
                }
                ("locals", _) => {
                    for a in syntax::block_items(item) {
                        if syntax::kind_of(a) != "attribute" {
                            continue;
                        }
                        if let Some((n, v)) = syntax::attribute_parts(a) {
                            ix.locals.entry(syntax::text(file, n)).or_insert((file, v));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    ix
}

/// Precedence as Terraform applies it: `terraform.tfvars`, `terraform.tfvars.json`, then the
/// `*.auto.tfvars` files in lexical order; later files win.
fn tfvars_rank(file: &SourceFile) -> (u8, String) {
    let name = file
        .path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let rank = match name.as_str() {
        "terraform.tfvars" => 0,
        "terraform.tfvars.json" => 1,
        n if n.ends_with(".auto.tfvars") || n.ends_with(".auto.tfvars.json") => 2,
        // Other var files are only read with `-var-file`; the engine should not pass them.
        _ => 3,
    };
    (rank, name)
}

fn load_tfvars<'t, T: std::borrow::Borrow<Tree>>(
    ev: &mut Eval<'t>,
    hcl: &'t [(&'t SourceFile, T)],
    json_files: &[&'t SourceFile],
    diagnostics: &mut Vec<Diagnostic>,
) {
    enum Src<'a> {
        Hcl(&'a SourceFile, &'a Tree),
        Json(&'a SourceFile),
    }
    let mut all: Vec<Src<'t>> = hcl.iter().map(|(f, t)| Src::Hcl(f, t.borrow())).collect();
    all.extend(json_files.iter().map(|f| Src::Json(f)));
    all.sort_by_key(|s| match s {
        Src::Hcl(f, _) | Src::Json(f) => tfvars_rank(f),
    });
    for src in all {
        match src {
            Src::Hcl(file, tree) => hcl_vars(ev, file, tree),
            Src::Json(file) => json_vars(ev, file, diagnostics),
        }
    }
}

/// The assignments of an HCL var file.
fn hcl_vars<'t>(ev: &mut Eval<'t>, file: &'t SourceFile, tree: &'t Tree) {
    let mut items = Vec::new();
    syntax::body_items(tree.root_node(), &mut items, 0);
    for a in items {
        if syntax::kind_of(a) != "attribute" {
            continue;
        }
        if let Some((n, v)) = syntax::attribute_parts(a) {
            let value = ev.expr(file, v);
            let name = syntax::text(file, n).to_string();
            ev.cli_vars.remove(&name);
            ev.tfvars.insert(name, value);
        }
    }
}

/// The members of a JSON var file (one object).
fn json_vars(ev: &mut Eval<'_>, file: &SourceFile, diagnostics: &mut Vec<Diagnostic>) {
    let map = json::SpanMap::Identity {
        file: file.id,
        base: 0,
    };
    match json::parse_reporting(&file.text, &map, &[]) {
        Some((
            Node {
                kind: NodeKind::Map(entries),
                ..
            },
            duplicates,
        )) => {
            for d in duplicates {
                diagnostics.push(Diagnostic::duplicate_key(
                    file,
                    &d.kept.name,
                    d.dropped.span,
                    d.kept.span,
                    "the later value is analysed, as Terraform reads it",
                ));
            }
            for (k, v) in entries {
                ev.cli_vars.remove(&k.name);
                ev.tfvars.insert(k.name, v);
            }
        }
        _ => diagnostics.push(Diagnostic::new(
            file.span(0, 0),
            "invalid JSON: a .tfvars.json file must hold one object",
        )),
    }
}

/// A `--var` value: a list or object written in HCL when it starts with `[` or `{` (as
/// Terraform reads values of complex variables), else the string itself. It has no file: its
/// spans are replaced by the use site when the variable is read.
fn cli_value(value: &str) -> Node {
    let trimmed = value.trim_start();
    if !(trimmed.starts_with('[') || trimmed.starts_with('{')) {
        return Node::new(
            NodeKind::String(value.to_string()),
            palisade_model::Span::default(),
            palisade_model::Provenance::Derived,
        );
    }
    let file = SourceFile::new(
        palisade_source::FileId(u32::MAX),
        "<--var>",
        format!("v = {value}\n"),
    );
    let unknown = || Node::unknown(palisade_model::Span::default());
    let Ok(tree) = syntax::parse(&file.text) else {
        return unknown();
    };
    if tree.root_node().has_error() {
        return unknown();
    }
    let mut items = Vec::new();
    syntax::body_items(tree.root_node(), &mut items, 0);
    let Some((_, expr)) = items.first().and_then(|a| syntax::attribute_parts(*a)) else {
        return unknown();
    };
    // A value on its own: no module names are in scope.
    let index = Index::default();
    let mut ev = Eval::new(&index, file.text.len());
    ev.expr(&file, expr)
}

/// Evaluates `local.NAME` of a module written as `(path, text)` pairs: the evaluator's unit
/// tests go through real parsing and indexing.
#[cfg(test)]
pub(crate) fn eval_local_for_test(files: &[(&str, &str)], name: &str) -> (Node, Vec<SourceFile>) {
    let sources: Vec<SourceFile> = files
        .iter()
        .enumerate()
        .map(|(i, (p, t))| SourceFile::new(palisade_source::FileId(i as u32), *p, *t))
        .collect();
    let mut configs = Vec::new();
    let mut tfvars = Vec::new();
    for f in &sources {
        let tree = syntax::parse(&f.text).expect("parser");
        match file_kind(&f.path.to_string_lossy()) {
            FileKind::Config => configs.push((f, tree)),
            _ => tfvars.push((f, tree)),
        }
    }
    let config_refs: Vec<(&SourceFile, &Tree)> = configs
        .iter()
        .map(|(f, t)| (*f, std::borrow::Borrow::<Tree>::borrow(t)))
        .collect();
    let index = build_index(&config_refs);
    let mut ev = Eval::new(&index, 0);
    let mut diags = Vec::new();
    load_tfvars(&mut ev, &tfvars, &[], &mut diags);
    let node = ev.local_for_test(name);
    drop(ev);
    drop(index);
    drop(configs);
    drop(tfvars);
    (node, sources)
}

#[cfg(test)]
mod tests;

/// Makes tree-sitter allocate its trees and parse stacks with mimalloc instead of the C
/// library's `malloc`. Parsing allocates a small node for nearly every token and frees the
/// whole tree afterwards; with glibc's allocator that is about a sixth of a scan's CPU time
/// (profiled on the Terraform corpus), with mimalloc much less. A binary that calls this
/// should also use `mimalloc::MiMalloc` as its Rust global allocator, so that one allocator
/// serves the whole process.
///
/// # Safety
///
/// Call it before any tree-sitter parser or tree exists (first thing in `main`): memory
/// allocated by one allocator must never be freed by the other.
pub unsafe fn use_mimalloc_for_trees() {
    // SAFETY: the caller guarantees no tree-sitter allocation exists yet; the four functions
    // are mimalloc's drop-in replacements for malloc, calloc, realloc and free.
    unsafe {
        tree_sitter::set_allocator(
            Some(libmimalloc_sys::mi_malloc),
            Some(libmimalloc_sys::mi_calloc),
            Some(libmimalloc_sys::mi_realloc),
            Some(libmimalloc_sys::mi_free),
        );
    }
}
