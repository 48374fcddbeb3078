//! Reading a document from YAML or JSON text.

use crate::Error;
use openapiv3::OpenAPI;

/// Parses an OpenAPI 3.0.x document from JSON (text starting with `{`) or YAML.
/// Syntax and shape errors carry the line and column the parser stopped at.
pub fn load_document(text: &str) -> Result<OpenAPI, Error> {
    let document: OpenAPI = if text.trim_start().starts_with('{') {
        serde_json::from_str(text).map_err(|error| Error::Syntax {
            line: Some(error.line()),
            column: Some(error.column()),
            message: strip_location(&error.to_string()),
        })?
    } else {
        serde_norway::from_str(text).map_err(|error| {
            let location = error.location();
            Error::Syntax {
                line: location.as_ref().map(|l| l.line()),
                column: location.as_ref().map(|l| l.column()),
                message: strip_location(&error.to_string()),
            }
        })?
    };
    if !document.openapi.starts_with("3.0") {
        return Err(Error::Unsupported {
            pointer: "#/openapi".to_owned(),
            message: format!(
                "OpenAPI version {:?} is not supported; this generator reads 3.0.x",
                document.openapi
            ),
        });
    }
    Ok(document)
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
