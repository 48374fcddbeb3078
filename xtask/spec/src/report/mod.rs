//! The semantic change report: what a regeneration changes in the API, and whether that
//! breaks code written against the generated client.
//!
//! `compare` walks two OpenAPI documents (operations, parameters, bodies, responses, component
//! schemas and every nested property) and records each difference as a classified [`Change`],
//! a description change, or an "other" change the client does not see. `render` prints it as
//! Markdown; `semver` picks the client crate's next version (`cargo xtask codegen` writes it and
//! the CHANGELOG entry).

pub mod classify;
pub mod comparison;
pub mod context;
pub mod document;
pub mod enums;
pub mod generated;
pub mod model;
pub mod operations;
pub mod recorder;
pub mod references;
pub mod render;
pub mod schema;
pub mod semver;
pub mod shape;

#[cfg(test)]
mod tests;

use instantly_codegen::extensions::Extension;
use serde_json::Value;

pub use model::{Change, Impact, Kind, Level, Report, Section, TextChange};

/// Everything that changed from `old` to `new`, classified and in printing order.
pub fn compare(old: &Value, new: &Value) -> Report {
    let mut comparison = comparison::Comparison::new(operations::Documents { old, new });
    document::compare_documents(&mut comparison);
    comparison.finish()
}

/// An extension of a node, read through the document contract; a malformed one counts as
/// absent, as it does for the generator (which warns about it), so the report never fails on it.
fn extension<E: Extension>(node: &Value) -> Option<E> {
    E::read(node).ok().flatten()
}
