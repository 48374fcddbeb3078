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
use std::borrow::Cow;

pub use model::{Change, Impact, Kind, Level, Report, Section, TextChange};

/// Everything that changed from `old` to `new`, classified and in printing order. When either
/// is an OpenAPI 3.1 document, both are compared as the generator reads them (3.1 lowered to
/// 3.0, references into other definitions moved into `components`), so that
/// `type: [string, "null"]` and `nullable: true` are the same schema.
pub fn compare(old: &Value, new: &Value) -> Report {
    let lowered = [old, new].iter().any(|document| is_3_1(document));
    let (old, new) = if lowered {
        (as_read(old), as_read(new))
    } else {
        (Cow::Borrowed(old), Cow::Borrowed(new))
    };
    let documents = operations::Documents {
        old: &old,
        new: &new,
    };
    let mut comparison = comparison::Comparison::new(documents);
    document::compare_documents(&mut comparison);
    comparison.finish()
}

fn is_3_1(document: &Value) -> bool {
    document
        .get("openapi")
        .and_then(Value::as_str)
        .is_some_and(|version| version.starts_with("3.1"))
}

/// The document as the generator reads it; as written when it does not load (the comparison
/// then shows what it can).
fn as_read(document: &Value) -> Cow<'_, Value> {
    instantly_codegen::load_document(&document.to_string())
        .ok()
        .and_then(|read| serde_json::to_value(read).ok())
        .map_or(Cow::Borrowed(document), |mut read| {
            if let Some(map) = read.as_object_mut() {
                map.remove(instantly_codegen::extensions::LoadWarnings::KEY);
            }
            Cow::Owned(read)
        })
}

/// An extension of a node, read through the document contract; a malformed one counts as
/// absent, as it does for the generator (which warns about it), so the report never fails on it.
fn extension<E: Extension>(node: &Value) -> Option<E> {
    E::read(node).ok().flatten()
}
