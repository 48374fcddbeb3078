//! Errors and warnings that point at a place in an input file (`file:line: message`).

use std::fmt;

/// A problem found in an input file. As an error it stops the run; as a warning it is printed by
/// `cargo xtask codegen` and the run goes on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Diagnostic {
    /// The input file, relative to the workspace root (`spec/instantly-api-v2.txt`).
    pub file: String,
    /// 1-based line, when the problem has one.
    pub line: Option<usize>,
    pub message: String,
}

impl Diagnostic {
    pub fn new(file: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Where the scraped page lives, as printed in diagnostics.
pub const PAGE_FILE: &str = "spec/instantly-api-v2.txt";
/// Where the hand-kept overrides live, as printed in diagnostics.
pub const OVERRIDES_FILE: &str = "spec/overrides.yaml";

/// Where the reference's operation facts live, as printed in diagnostics.
pub const FACTS_FILE: &str = "spec/operations.yaml";

/// Warnings collected during one run, in the order they were found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Warnings(pub Vec<Diagnostic>);

impl Warnings {
    pub fn page(&mut self, line: usize, message: impl Into<String>) {
        self.0.push(Diagnostic::new(PAGE_FILE, Some(line), message));
    }

    pub fn facts(&mut self, line: Option<usize>, message: impl Into<String>) {
        self.0.push(Diagnostic::new(FACTS_FILE, line, message));
    }

    pub fn overrides(&mut self, line: Option<usize>, message: impl Into<String>) {
        self.0.push(Diagnostic::new(OVERRIDES_FILE, line, message));
    }
}
