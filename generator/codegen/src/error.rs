use std::fmt;

/// Why generation failed. Every variant says where: a line in the document text, or the JSON
/// pointer of the construct that could not be mapped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text is not valid YAML/JSON, or not an OpenAPI 3.0 document.
    #[error("{}{message}", location_prefix(*.line, *.column))]
    Syntax {
        line: Option<usize>,
        column: Option<usize>,
        message: String,
    },
    /// A construct the generator cannot map to Rust, at `pointer` (e.g. `#/paths/~1foo/get/requestBody`).
    #[error("{pointer}: {message}")]
    Unsupported { pointer: String, message: String },
    /// A state the generator should never reach (a generator bug, reported, never a panic), at
    /// `pointer` (`#` for the whole document): generated tokens that do not parse as a Rust
    /// file, a parser that panicked, a plan that contradicts itself.
    #[error("internal error at {pointer}: {message}")]
    Internal { pointer: String, message: String },
}

fn location_prefix(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!("line {line}, column {column}: "),
        (Some(line), None) => format!("line {line}: "),
        _ => String::new(),
    }
}

impl Error {
    pub(crate) fn unsupported(
        pointer: &crate::pointer::Pointer,
        message: impl Into<String>,
    ) -> Self {
        Self::Unsupported {
            pointer: pointer.to_string(),
            message: message.into(),
        }
    }

    pub(crate) fn internal(pointer: &crate::pointer::Pointer, message: impl Into<String>) -> Self {
        Self::Internal {
            pointer: pointer.to_string(),
            message: message.into(),
        }
    }
}

/// Something the generator mapped by a documented fallback (usually `serde_json::Value`), or a
/// part of the document it left out. Generation still succeeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub pointer: String,
    pub message: String,
}

impl Warning {
    pub(crate) fn new(pointer: &crate::pointer::Pointer, message: impl Into<String>) -> Self {
        Self {
            pointer: pointer.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pointer, self.message)
    }
}
