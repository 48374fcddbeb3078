//! For build scripts: read a document, generate, tell cargo about warnings and inputs, check
//! a committed copy, write into `OUT_DIR`. Every error is a message that names the file.
//!
//! ```no_run
//! use instantly_codegen::{Settings, build::{self, Document}};
//! fn main() -> std::process::ExitCode {
//!     build::run(|| {
//!         let document = Document::read("openapi.yaml")?;
//!         let client = document.generate(&Settings::default())?;
//!         document.print_warnings(&client.warnings);
//!         build::write_out("client.rs", &document.source(&client)?)?;
//!         Ok(())
//!     })
//! }
//! ```

use crate::{Error, Generated, SchemaType, Settings, Warning};
use openapiv3::OpenAPI;
use std::fmt::Display;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A document read for a build script: its text, its parse, and the name its errors carry.
pub struct Document {
    label: String,
    pub text: String,
    pub openapi: OpenAPI,
}

impl Document {
    /// Reads and parses the document at `path`, and tells cargo to rerun when it changes.
    pub fn read(path: impl AsRef<Path>) -> Result<Self, String> {
        let path = path.as_ref();
        println!("cargo::rerun-if-changed={}", path.display());
        let label = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|error| format!("{label}: {error}"))?;
        Self::parse(label, text)
    }

    /// Parses `text`; `label` names it in errors and warnings.
    pub fn parse(label: impl Into<String>, text: String) -> Result<Self, String> {
        let label = label.into();
        let openapi = crate::load_document(&text).map_err(|error| format!("{label}: {error}"))?;
        Ok(Self {
            label,
            text,
            openapi,
        })
    }

    /// The name of the document in messages (its path as given).
    pub fn label(&self) -> &str {
        &self.label
    }

    /// `error` prefixed with the document's name.
    pub fn error(&self, error: impl Display) -> String {
        format!("{}: {error}", self.label)
    }

    /// The client ([`crate::generate_tokens`]).
    pub fn generate(&self, settings: &Settings) -> Result<Generated, String> {
        crate::generate_tokens(&self.openapi, settings).map_err(|error| self.error(error))
    }

    /// The client and its dispatch module from one plan ([`crate::generate_with_dispatch`]).
    pub fn generate_with_dispatch(
        &self,
        settings: &Settings,
    ) -> Result<(Generated, Generated), String> {
        crate::generate_with_dispatch(&self.openapi, settings).map_err(|error| self.error(error))
    }

    /// The Rust type of every schema ([`crate::schema_types`]).
    pub fn schema_types(&self, settings: &Settings) -> Result<Vec<SchemaType>, String> {
        crate::schema_types(&self.openapi, settings).map_err(|error| self.error(error))
    }

    /// The formatted source of `generated`.
    pub fn source(&self, generated: &Generated) -> Result<String, String> {
        generated
            .to_source()
            .map_err(|error: Error| self.error(error))
    }

    /// One `cargo::warning` line per warning, naming the document.
    pub fn print_warnings(&self, warnings: &[Warning]) {
        for warning in warnings {
            println!("cargo::warning={}: {warning}", self.label);
        }
    }

    /// Fails, naming the file and its first differing line, when the committed copy at
    /// `committed` is not `generated`; `remedy` says how to bring it up to date. Cargo reruns
    /// the script when the committed copy changes.
    pub fn check_committed(
        &self,
        committed: impl AsRef<Path>,
        generated: &str,
        remedy: &str,
    ) -> Result<(), String> {
        let committed = committed.as_ref();
        println!("cargo::rerun-if-changed={}", committed.display());
        let text = std::fs::read_to_string(committed).unwrap_or_default();
        match first_difference(&text, generated) {
            None => Ok(()),
            Some(line) => Err(format!(
                "{} is not what the generator makes of {} (they differ from line {line}); {remedy}",
                committed.display(),
                self.label
            )),
        }
    }
}

/// The first line (1-based) at which two texts differ, `None` when they are equal.
fn first_difference(old: &str, new: &str) -> Option<usize> {
    if old == new {
        return None;
    }
    let line = old
        .lines()
        .zip(new.lines())
        .position(|(old, new)| old != new)
        .unwrap_or_else(|| old.lines().count().min(new.lines().count()));
    Some(line + 1)
}

/// The build script's `OUT_DIR`.
pub fn out_dir() -> Result<PathBuf, String> {
    std::env::var_os("OUT_DIR")
        .map(PathBuf::from)
        .ok_or_else(|| "OUT_DIR is not set (run from a build script)".to_owned())
}

/// Writes `text` to `OUT_DIR/file_name`, returning the path.
pub fn write_out(file_name: &str, text: &str) -> Result<PathBuf, String> {
    let target = out_dir()?.join(file_name);
    std::fs::write(&target, text).map_err(|error| format!("{}: {error}", target.display()))?;
    Ok(target)
}

/// Runs a build script's body: an error is printed as `error: …` and fails the build.
pub fn run(body: impl FnOnce() -> Result<(), String>) -> ExitCode {
    match body() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::first_difference;

    #[test]
    fn the_first_differing_line_is_named() {
        assert_eq!(first_difference("a\nb\n", "a\nb\n"), None);
        assert_eq!(first_difference("a\nb\n", "a\nc\n"), Some(2));
        assert_eq!(first_difference("a\n", "a\nb\n"), Some(2));
        assert_eq!(first_difference("", "a"), Some(1));
    }
}
