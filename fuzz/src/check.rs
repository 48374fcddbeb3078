//! What must hold for every input, however broken: the generator returns a client or an error
//! naming a JSON pointer (never a panic, never tokens that do not parse as Rust), and the
//! normalizer returns a document or an error naming a line of the page.

use instantly_codegen::{
    Error, Generated, Settings, generate_dispatch, generate_tokens, load_document,
};
use instantly_spec::normalize::document::SideInputs;
use instantly_spec::normalize::document::normalize_page;
use openapiv3::OpenAPI;

/// The file name the normalizer gives page diagnostics.
const PAGE_FILE: &str = "spec/instantly-api-v2.txt";

/// How far an input got; every outcome is fine, a failed check is an `Err`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reached {
    /// The document did not parse (a syntax error with its line, or a schema at its pointer).
    RejectedByParser,
    /// The generator refused it, naming the JSON pointer.
    RejectedByGenerator,
    /// A client was generated (the dispatch module too, or refused with a pointer).
    Generated,
    /// The page did not normalize (an error at one of its lines).
    RejectedByNormalizer,
    /// The page normalized.
    Normalized,
}

/// One fuzz input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// OpenAPI document text (JSON or YAML) for the generator.
    Document(String),
    /// Scraped page text for the normalizer; `chain` also feeds the resulting document to the
    /// generator.
    Page { text: String, chain: bool },
}

impl Input {
    /// The file extension a crasher of this input is saved with.
    pub fn extension(&self) -> &'static str {
        match self {
            Self::Document(text) if text.trim_start().starts_with('{') => "json",
            Self::Document(_) => "yaml",
            Self::Page { chain: false, .. } => "txt",
            Self::Page { chain: true, .. } => "chain.txt",
        }
    }

    pub fn text(&self) -> &str {
        match self {
            Self::Document(text) | Self::Page { text, .. } => text,
        }
    }

    /// Runs the input through its stage; `Err` says which property failed.
    pub fn check(&self, side: &SideInputs) -> Result<Reached, String> {
        match self {
            Self::Document(text) => check_document(text),
            Self::Page { text, chain } => check_page(text, side, *chain),
        }
    }
}

pub fn check_document(text: &str) -> Result<Reached, String> {
    match load_document(text) {
        Ok(document) => check_generation(&document),
        Err(error) => expected_error(&error).map(|()| Reached::RejectedByParser),
    }
}

/// The client and the dispatch module of a parsed document.
pub fn check_generation(document: &OpenAPI) -> Result<Reached, String> {
    let settings = Settings::default();
    let client = match generate_tokens(document, &settings) {
        Ok(generated) => check_generated(&generated).map(|()| Reached::Generated)?,
        Err(error) => expected_error(&error).map(|()| Reached::RejectedByGenerator)?,
    };
    match generate_dispatch(document, &settings) {
        Ok(generated) => check_generated(&generated)?,
        Err(error) => expected_error(&error)?,
    }
    Ok(client)
}

fn check_generated(generated: &Generated) -> Result<(), String> {
    if let Some(warning) = generated
        .warnings
        .iter()
        .find(|w| !w.pointer.starts_with('#'))
    {
        return Err(format!("warning without a JSON pointer: {warning}"));
    }
    generated
        .to_source()
        .map(drop)
        .map_err(|error| format!("generated tokens are not a Rust file: {error}"))
}

/// An error is fine when it names where the problem is.
fn expected_error(error: &Error) -> Result<(), String> {
    match error {
        Error::Unsupported { pointer, message }
            if pointer.starts_with('#') && !message.is_empty() =>
        {
            Ok(())
        }
        Error::Syntax { message, .. } if !message.is_empty() => Ok(()),
        other => Err(format!(
            "error without a JSON pointer or message: {other:?}"
        )),
    }
}

pub fn check_page(text: &str, side: &SideInputs, chain: bool) -> Result<Reached, String> {
    match normalize_page(text, side) {
        Ok(normalized) if chain => {
            let document: OpenAPI =
                serde_json::from_value(normalized.document).map_err(|error| {
                    format!("the normalizer wrote a document openapiv3 rejects: {error}")
                })?;
            check_generation(&document).map(|_| Reached::Normalized)
        }
        Ok(_) => Ok(Reached::Normalized),
        Err(error) if error.message.is_empty() => Err(format!("error without a message: {error}")),
        Err(error) if error.file == PAGE_FILE => {
            let lines = text.lines().count() + 1;
            match error.line {
                Some(line) if (1..=lines).contains(&line) => Ok(Reached::RejectedByNormalizer),
                _ => Err(format!("error outside the page's {lines} lines: {error}")),
            }
        }
        Err(_) => Ok(Reached::RejectedByNormalizer),
    }
}
