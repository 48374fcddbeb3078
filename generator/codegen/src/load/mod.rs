//! Reading a document from YAML or JSON text.
//!
//! In three steps, so that no input makes the typed parse of `openapiv3` slow or deep: the
//! text becomes a JSON value (syntax errors carry their line), every schema in it is checked
//! on its own (`schemas`), then the typed document is read from the value. The typed parse of a
//! broken schema costs twice the parse of its children (`ReferenceOr` parses a failure again
//! for its message), so a broken schema nested 30 levels deep would take hours; checked one
//! by one, each costs its own size. Parsing runs on a large stack (`stack`): the parsers
//! recurse once per nesting level, up to their limit of 128 levels.

mod schemas;

use crate::Error;
use crate::stack::on_large_stack;
use openapiv3::OpenAPI;
use serde_json::Value;

/// Parses an OpenAPI 3.0.x document from JSON (text starting with `{`) or YAML.
/// Syntax and shape errors carry the line and column the parser stopped at; a schema that is
/// not a valid OpenAPI schema is an error naming its JSON pointer.
pub fn load_document(text: &str) -> Result<OpenAPI, Error> {
    on_large_stack(|| load(text)).unwrap_or_else(|| {
        Err(Error::internal(
            &crate::pointer::Pointer::root(),
            "the OpenAPI parser panicked (see the message above)",
        ))
    })
}

fn load(text: &str) -> Result<OpenAPI, Error> {
    let json = text.trim_start().starts_with('{');
    let value: Value = if json {
        serde_json::from_str(text).map_err(json_error)?
    } else {
        serde_norway::from_str(text).map_err(yaml_error)?
    };
    check_version(&value)?;
    schemas::check(&value)?;
    match serde_json::from_value::<OpenAPI>(value) {
        Ok(document) => Ok(document),
        // The value has no lines: parse the text again for the location of the error (every
        // schema is known good by now, so this parse is cheap).
        Err(error) if json => Err(serde_json::from_str::<OpenAPI>(text)
            .err()
            .map_or_else(|| shape_error(&error), json_error)),
        Err(error) => Err(serde_norway::from_str::<OpenAPI>(text)
            .err()
            .map_or_else(|| shape_error(&error), yaml_error)),
    }
}

/// Refuses any version but 3.0.x before anything else reads the document.
fn check_version(value: &Value) -> Result<(), Error> {
    match value.get("openapi").and_then(Value::as_str) {
        Some(version) if !version.starts_with("3.0") => Err(Error::Unsupported {
            pointer: "#/openapi".to_owned(),
            message: format!(
                "OpenAPI version {version:?} is not supported; this generator reads 3.0.x"
            ),
        }),
        _ => Ok(()),
    }
}

fn json_error(error: serde_json::Error) -> Error {
    Error::Syntax {
        line: Some(error.line()),
        column: Some(error.column()),
        message: strip_location(&error.to_string()),
    }
}

fn yaml_error(error: serde_norway::Error) -> Error {
    let location = error.location();
    Error::Syntax {
        line: location.as_ref().map(|l| l.line()),
        column: location.as_ref().map(|l| l.column()),
        message: strip_location(&error.to_string()),
    }
}

fn shape_error(error: &serde_json::Error) -> Error {
    Error::Syntax {
        line: None,
        column: None,
        message: error.to_string(),
    }
}

/// Both parsers put "at line L column C" into their messages; the error prints the location
/// itself, once, in front.
fn strip_location(message: &str) -> String {
    let Some(start) = message.find(" at line ") else {
        return message.to_owned();
    };
    let rest = &message[start + " at line ".len()..];
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = rest.strip_prefix(" column ").map_or(rest, |after| {
        after.trim_start_matches(|c: char| c.is_ascii_digit())
    });
    format!("{}{rest}", &message[..start])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_syntax_errors_report_the_line() {
        let text = "openapi: 3.0.3\ninfo:\n  title: x\n  version: '1'\npaths: {\n";
        match load_document(text) {
            Err(Error::Syntax {
                line: Some(line), ..
            }) => assert!(line >= 5, "line {line}"),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn locations_are_not_repeated_in_the_message() {
        assert_eq!(
            strip_location("bad at line 8 column 1, while parsing"),
            "bad, while parsing"
        );
        assert_eq!(strip_location("trailing at line 4 column 3"), "trailing");
    }

    #[test]
    fn json_syntax_errors_report_the_line() {
        let text = "{\n\"openapi\": \"3.0.3\",\n\"info\": {\n}}}";
        let error = load_document(text).unwrap_err();
        assert!(
            matches!(error, Error::Syntax { line: Some(4), .. }),
            "{error:?}"
        );
        assert!(error.to_string().starts_with("line 4, column"), "{error}");
    }

    #[test]
    fn openapi_3_1_is_refused_with_a_pointer() {
        let text = r#"{"openapi": "3.1.0", "info": {"title": "x", "version": "1"}, "paths": {}}"#;
        let error = load_document(text).unwrap_err();
        assert!(error.to_string().starts_with("#/openapi: "), "{error}");
    }
}
