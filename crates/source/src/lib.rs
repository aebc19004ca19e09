//! The vocabulary every other crate speaks: source files, byte spans, line/column lookup,
//! values that remember where they came from, and the parse diagnostic.
//!
//! Nothing here knows about Terraform, CloudFormation, IAM or LSP.

mod file;
mod value;

pub use file::{Diagnostic, FileId, Level, LineCol, SourceFile, Span};
pub use value::{Candidate, Provenance, Reference, StrPart, Value, ValueKind};
