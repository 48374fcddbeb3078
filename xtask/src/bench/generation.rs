//! Generation time and size: `instantly-bench generate` times both generators on each document
//! in one process, alternating them, and reports medians.

use super::{Document, Paths};
use crate::process::output_checked;
use serde_json::Value;
use std::process::Command;

/// One generator on one document: medians and sizes, or why it failed.
#[derive(Debug, Clone)]
pub enum Generated {
    Measured {
        /// Parsed document → tokens.
        tokens_ms: f64,
        /// Document text → formatted source (for review, the golden file).
        source_ms: f64,
        /// Document text → unformatted source (for the compiler: build.rs, the macro).
        compiler_ms: f64,
        lines: u64,
        code_lines: u64,
    },
    Failed(String),
}

/// One document: the floor and each generator's outcome.
#[derive(Debug, Clone)]
pub struct DocumentResults {
    pub document: Document,
    /// A bare `serde_json` parse of the document's JSON text (what both generators read).
    pub floor_ms: f64,
    pub ours: Generated,
    pub progenitor: Generated,
}

/// Per document, in [`super::DOCUMENTS`] order.
pub type Results = Vec<DocumentResults>;

pub fn measure(paths: &Paths, documents: &[Document], runs: usize) -> Result<Results, String> {
    let mut command = Command::new(paths.binary());
    command
        .arg("generate")
        .arg(runs.to_string())
        .current_dir(&paths.root);
    for document in documents {
        command.arg(format!("{}={}", document.slug, document.spec));
    }
    let stdout = output_checked(&mut command)?;
    let value: Value = serde_json::from_slice(&stdout)
        .map_err(|error| format!("instantly-bench generate printed no JSON: {error}"))?;
    let results = value.as_array().cloned().unwrap_or_default();
    documents
        .iter()
        .map(|document| {
            let entry = results
                .iter()
                .find(|entry| entry["name"] == document.slug)
                .ok_or_else(|| format!("no result for {}", document.slug))?;
            Ok(DocumentResults {
                document: *document,
                floor_ms: entry["floor_ms"].as_f64().unwrap_or(f64::NAN),
                ours: outcome(&entry["results"]["instantly-codegen"]),
                progenitor: outcome(&entry["results"]["progenitor"]),
            })
        })
        .collect()
}

fn outcome(value: &Value) -> Generated {
    if let Some(failure) = value["failure"].as_str() {
        return Generated::Failed(failure.to_owned());
    }
    Generated::Measured {
        tokens_ms: value["tokens_ms"].as_f64().unwrap_or(f64::NAN),
        source_ms: value["source_ms"].as_f64().unwrap_or(f64::NAN),
        compiler_ms: value["compiler_ms"].as_f64().unwrap_or(f64::NAN),
        lines: value["lines"].as_u64().unwrap_or(0),
        code_lines: value["code_lines"].as_u64().unwrap_or(0),
    }
}
