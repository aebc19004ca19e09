//! Units of analysis (a Terraform module directory, a template, a policy file) and the
//! analysis of one: load through its frontend, run the checks, resolve and suppress.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use palisade_model::Loaded;
use palisade_source::{SourceFile, Span};

use crate::modules::ModuleDirs;
use crate::prepare::{FileRole, Prepared};
use crate::resolve::{resolve, resolve_diagnostic};
use crate::suppress::{judge, lint, Verdict};
use crate::{guarded, ResolvedFinding, ScanError, SuppressedFinding};

/// One unit of analysis.
pub(crate) enum Unit {
    /// A Terraform module directory: file indices, `.tf` first then tfvars, each sorted.
    Terraform(Vec<usize>),
    Template(usize),
    Policy(usize),
    /// A Terraform plan JSON: index into `prepared.plans`.
    Plan(usize),
}

pub(crate) fn units(prepared: &Prepared, candidates_dirs: &[Option<PathBuf>]) -> Vec<Unit> {
    let mut modules: BTreeMap<&Path, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    let mut out = Vec::new();
    for (i, role) in prepared.roles.iter().enumerate() {
        match role {
            FileRole::Terraform | FileRole::TfVars => {
                let Some(dir) = candidates_dirs[i].as_deref() else {
                    continue;
                };
                let entry = modules.entry(dir).or_default();
                if *role == FileRole::Terraform {
                    entry.0.push(i);
                } else {
                    entry.1.push(i);
                }
            }
            FileRole::Template => out.push(Unit::Template(i)),
            FileRole::Policy => out.push(Unit::Policy(i)),
            FileRole::Plan => {
                if let Some(p) = prepared.plans.iter().position(|p| p.plan == i) {
                    out.push(Unit::Plan(p));
                }
            }
            FileRole::Skip => {}
        }
    }
    for (dir, (tf, vars)) in modules {
        // tfvars without any .tf file configure nothing we can see.
        if tf.is_empty() {
            continue;
        }
        // A directory a scanned plan was made from, or a local module it calls: the plan's
        // results replace its own.
        if prepared
            .plans
            .iter()
            .any(|p| p.dir.as_deref() == Some(dir) || p.modules.iter().any(|(m, _)| m == dir))
        {
            continue;
        }
        out.push(Unit::Terraform(tf.into_iter().chain(vars).collect()));
    }
    out
}

/// Per-unit output, before suppression.
pub(crate) struct UnitOutput {
    pub(crate) findings: Vec<ResolvedFinding>,
    pub(crate) errors: Vec<ScanError>,
    pub(crate) notes: Vec<ScanError>,
    pub(crate) file_warnings: Vec<ScanError>,
    pub(crate) suppressed: Vec<SuppressedFinding>,
    /// Warnings about suppression comments, by file index.
    pub(crate) warnings: Vec<(usize, String)>,
    pub(crate) scanned_files: Vec<usize>,
    pub(crate) load: Duration,
    pub(crate) check: Duration,
    /// Per check, in `palisade_checks::registered()` order, when the scan times checks.
    pub(crate) check_times: Vec<Duration>,
    pub(crate) stats: palisade_model::EvalStats,
}

pub(crate) fn analyze(unit: &Unit, prepared: &Prepared, modules: &ModuleDirs<'_>) -> UnitOutput {
    let sources = &prepared.sources;
    let t = Instant::now();
    let (loaded, files): (Option<Loaded>, Vec<usize>) = match unit {
        Unit::Terraform(idx) => {
            let files: Vec<&SourceFile> = idx.iter().map(|&i| &sources[i]).collect();
            // Every scanned module is a root module, so command-line values apply to each.
            let inputs = palisade_terraform::TerraformInputs {
                vars: prepared.vars.clone(),
                var_files: prepared.var_files.iter().map(|&i| &sources[i]).collect(),
                modules: prepared
                    .follow_modules
                    .then_some(modules as &dyn palisade_terraform::ModuleLoader),
            };
            (
                guarded(|| palisade_terraform::load_module_with(&files, &inputs)),
                idx.clone(),
            )
        }
        Unit::Template(i) => (
            guarded(|| palisade_cloudformation::load_template(&sources[*i])),
            vec![*i],
        ),
        Unit::Policy(i) => (
            guarded(|| palisade_cloudformation::load_policy(&sources[*i])),
            vec![*i],
        ),
        Unit::Plan(p) => {
            let plan = &prepared.plans[*p];
            let files = std::iter::once(plan.plan)
                .chain(
                    plan.tf
                        .iter()
                        .copied()
                        .filter(|&j| prepared.roles[j] == FileRole::Terraform),
                )
                .collect();
            (
                guarded(|| palisade_terraform::load_plan(&sources[plan.plan])),
                files,
            )
        }
    };
    let load = t.elapsed();
    let mut out = UnitOutput {
        findings: Vec::new(),
        errors: Vec::new(),
        notes: Vec::new(),
        file_warnings: Vec::new(),
        suppressed: Vec::new(),
        warnings: Vec::new(),
        scanned_files: files.clone(),
        load,
        check: Duration::ZERO,
        check_times: Vec::new(),
        stats: palisade_model::EvalStats::default(),
    };
    let Some(loaded) = loaded else {
        let first = files.first().copied().unwrap_or(0);
        out.errors.push(ScanError {
            file: sources
                .get(first)
                .map(|s| s.path.to_string_lossy().into_owned())
                .unwrap_or_default(),
            line: 1,
            column: 1,
            message: "internal error in the frontend; this unit was not analysed".into(),
            source: None,
        });
        return out;
    };
    out.stats = loaded.stats;
    for &i in &files {
        if let Some(file) = sources.get(i) {
            out.warnings
                .extend(lint(file, &prepared.policy).into_iter().map(|w| (i, w)));
        }
    }
    for d in &loaded.diagnostics {
        let resolved = resolve_diagnostic(d, sources);
        match d.level {
            palisade_source::Level::Error => out.errors.push(resolved),
            palisade_source::Level::Warning => out.file_warnings.push(resolved),
            palisade_source::Level::Note => out.notes.push(resolved),
        }
    }
    let t = Instant::now();
    let mut findings = if prepared.time_checks {
        let mut times = vec![Duration::ZERO; palisade_checks::registered().len()];
        let findings = guarded(|| palisade_checks::run_all_timed(&loaded.model, &mut times));
        out.check_times = times;
        findings
    } else {
        guarded(|| palisade_checks::run_all(&loaded.model))
    }
    .unwrap_or_default();
    out.check = t.elapsed();
    if let Unit::Plan(p) = unit {
        to_configuration(&mut findings, &prepared.plans[*p], sources);
    }
    let mut memo = crate::suppress::Memo::default();
    for f in findings {
        let Some(mut resolved) = resolve(&f, &loaded.model, sources) else {
            continue;
        };
        let verdict = match palisade_checks::find(f.check) {
            Some(check) => judge(
                check,
                &f,
                &resolved,
                &loaded.model,
                sources,
                &prepared.policy,
                &mut memo,
            ),
            None => Verdict::Reported(Vec::new()),
        };
        match verdict {
            Verdict::Suppressed(by) => out.suppressed.push(SuppressedFinding {
                finding: resolved,
                by,
            }),
            Verdict::Reported(notes) => {
                resolved.related.extend(notes);
                out.findings.push(resolved);
            }
        }
    }
    out
}

/// Points the findings of a plan at the resource blocks of its configuration: a resource of
/// the root module at its block, one inside a module call at the `module` block of the root
/// module. The planned value stays as related information. Without configuration (or
/// without the block) a finding stays at the resource in the plan JSON.
fn to_configuration(
    findings: &mut [palisade_checks::Finding],
    plan: &crate::prepare::PlanSource,
    sources: &[SourceFile],
) {
    if plan.tf.is_empty() {
        return;
    }
    let Some(file) = sources.get(plan.plan) else {
        return;
    };
    let resources = palisade_terraform::plan_resources(file);
    let headers_of = |files: &[usize]| {
        let tf: Vec<&SourceFile> = files.iter().filter_map(|&j| sources.get(j)).collect();
        palisade_terraform::block_headers(&tf)
    };
    let root = headers_of(&plan.tf);
    let modules: Vec<(&Path, Vec<palisade_terraform::BlockHeader>)> = plan
        .modules
        .iter()
        .map(|(d, files)| (d.as_path(), headers_of(files)))
        .collect();
    let Some(root_dir) = plan.dir.as_deref() else {
        return;
    };
    for f in findings.iter_mut() {
        if f.span.file != file.id {
            continue;
        }
        let Some(r) = resources
            .iter()
            .filter(|r| r.start <= f.span.start && f.span.end <= r.end)
            .min_by_key(|r| r.end - r.start)
        else {
            continue;
        };
        // Down the module calls while they are local modules; the deepest `module` block
        // reached stands in for a resource whose own block is not found.
        let mut dir = root_dir.to_path_buf();
        let mut headers = &root;
        let mut call: Option<Span> = None;
        let mut inside = true;
        for m in &r.modules {
            let Some(block) = headers
                .iter()
                .find(|h| h.ty == "module" && h.labels.first() == Some(m))
            else {
                inside = false;
                break;
            };
            call = Some(block.span);
            let next = block.source.as_deref().and_then(|src| {
                let d = PathBuf::from(palisade_terraform::normalize_dir(&dir.join(src)));
                modules
                    .iter()
                    .find(|(md, _)| *md == d)
                    .map(|(md, h)| (md.to_path_buf(), h))
            });
            match next {
                Some((d, h)) => {
                    dir = d;
                    headers = h;
                }
                None => {
                    inside = false;
                    break;
                }
            }
        }
        let own = inside
            .then(|| {
                headers.iter().find(|h| {
                    h.ty == r.mode
                        && h.labels.len() >= 2
                        && h.labels[0] == r.kind
                        && h.labels[1] == r.name
                })
            })
            .flatten()
            .map(|h| h.span);
        let Some(at) = own.or(call) else {
            continue;
        };
        let planned = f.span;
        f.span = at;
        f.extent = at;
        f.related.push(palisade_checks::Related {
            span: planned,
            message: format!("planned value of `{}` in the plan", r.address),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prepare::prepare;
    use crate::{ConfigChoice, ScanOptions};

    fn write(dir: &Path, rel: &str, text: &str) {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    #[test]
    fn terraform_files_of_a_directory_form_one_unit() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "a/x.tf",
            "a/y.tf",
            "a/terraform.tfvars",
            "b/z.tf",
            "c/only.auto.tfvars",
        ] {
            write(root, f, "");
        }
        let options = ScanOptions {
            config: ConfigChoice::Disabled,
            cwd: Some(root.to_path_buf()),
            ..ScanOptions::default()
        };
        let prepared = prepare(&[root.to_path_buf()], &options).unwrap();
        let dirs: Vec<Option<PathBuf>> = prepared
            .sources
            .iter()
            .map(|s| root.join(&s.path).parent().map(Path::to_path_buf))
            .collect();
        let units = units(&prepared, &dirs);
        let shape: Vec<Vec<String>> = units
            .iter()
            .map(|u| match u {
                Unit::Terraform(idx) => idx
                    .iter()
                    .map(|&i| prepared.sources[i].path.to_string_lossy().into_owned())
                    .collect(),
                _ => vec![],
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                vec!["a/x.tf", "a/y.tf", "a/terraform.tfvars"],
                vec!["b/z.tf"]
            ]
        );
    }
}
