//! Terraform frontend.
use palisade_model::Loaded;
use palisade_source::SourceFile;

/// Loads one module directory: all its `.tf` files (and `terraform.tfvars`, `*.auto.tfvars`,
/// their `.json` forms) evaluated together.
pub fn load_module(files: &[&SourceFile]) -> Loaded {
    let _ = files;
    Loaded::default()
}

/// Parses one file and drops the tree: the parse floor the benchmark compares against.
pub fn parse_only(file: &SourceFile) -> bool {
    let _ = file;
    true
}
