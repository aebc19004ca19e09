//! What the caller asks of a scan.

use std::collections::BTreeMap;
use std::path::PathBuf;

use palisade_checks::Severity;

use crate::ConfigChoice;

#[derive(Clone, Debug)]
pub struct ScanOptions {
    pub config: ConfigChoice,
    /// Findings below this severity are dropped (after severity overrides).
    pub min_severity: Option<Severity>,
    /// Base for displayed paths; the current directory when `None`.
    pub cwd: Option<PathBuf>,
    /// `--var NAME=VALUE` for the Terraform root modules scanned, in command-line order.
    pub terraform_vars: Vec<(String, String)>,
    /// `--var-file FILE` (relative to `cwd`) for the Terraform root modules scanned.
    pub terraform_var_files: Vec<PathBuf>,
    /// Evaluate local Terraform module calls (`source = "../x"`) among the scanned
    /// directories (on by default): findings inside a called module carry the caller's
    /// address prefix and the call sites.
    pub follow_modules: bool,
    /// Editor buffers by absolute path: read instead of the file on disk. A buffer whose file
    /// does not exist yet is scanned when its path is given.
    pub buffers: BTreeMap<PathBuf, String>,
    /// `--exclude` patterns (gitignore syntax, relative to `cwd`), besides the config's.
    pub exclude: Vec<String>,
    /// `--check`: only these checks (ids, former ids or peer rule ids); all when empty.
    pub checks: Vec<String>,
    /// `--skip-check`: not these checks (same ids).
    pub skip_checks: Vec<String>,
    /// `--baseline`: this baseline instead of the config's.
    pub baseline: Option<PathBuf>,
    /// The paths are files to report on, each scanned with its context (a `.tf` or tfvars
    /// file with its module directory and the local modules it calls): only findings in
    /// those files, or reached through a module call in them, are reported (pre-commit).
    pub in_context: bool,
    /// The day suppression expiry dates are compared with (today when `None`).
    pub today: Option<crate::suppress::Date>,
    /// `--no-ignore`: `.gitignore`, `.ignore` and `.git/info/exclude` are not read, so
    /// ignored files (a `cdk.out/` folder, generated templates) are scanned too.
    /// `.git/`, `.terraform/` and `node_modules/` stay skipped.
    pub no_ignore: bool,
    /// `--plan-source DIR`: the configuration directory of the Terraform plans scanned, whose
    /// `.tf` files their findings point at (by default the plan's own directory).
    pub plan_source: Option<PathBuf>,
    /// Time each check separately ([`crate::ScanResult::check_times`]; for the benchmark).
    pub time_checks: bool,
}

impl Default for ScanOptions {
    fn default() -> ScanOptions {
        ScanOptions {
            config: ConfigChoice::default(),
            min_severity: None,
            cwd: None,
            terraform_vars: Vec::new(),
            terraform_var_files: Vec::new(),
            follow_modules: true,
            buffers: BTreeMap::new(),
            exclude: Vec::new(),
            checks: Vec::new(),
            skip_checks: Vec::new(),
            baseline: None,
            in_context: false,
            today: None,
            no_ignore: false,
            plan_source: None,
            time_checks: false,
        }
    }
}
