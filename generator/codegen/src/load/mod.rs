//! Reading a document from YAML or JSON text.
//!
//! In two steps: the text becomes a JSON value (syntax errors carry their line), then the
//! typed `openapiv3` document is read out of the value by hand (`document`, `schema`), moving
//! each string and value into place. An error there names its JSON pointer. Reading by hand
//! rather than through `openapiv3`'s serde implementations costs each value once: serde's
//! untagged `ReferenceOr` buffers every value it reads and parses a failure again for its
//! message, so a broken schema nested 30 levels deep would take hours, and a good document
//! several times its parse. Parsing runs on a large stack (`stack`): the parsers recurse once
//! per nesting level, up to their limit of 128 levels.

mod document;
mod lower;
mod payloads;
mod places;
mod read;
mod refs;
mod schema;
mod value;

use crate::Error;
use crate::extensions::{Extension, LoadWarnings};
use crate::stack::on_large_stack;
use openapiv3::OpenAPI;
use read::{At, Context};
use serde::de::DeserializeSeed;
use serde_json::Value;
use value::AnyValue;

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

/// The JSON value of a YAML or JSON text as [`load_document`] reads it, before it reads the
/// document out of it: integers past 64 bits are the nearest float, YAML keys that are numbers
/// or booleans their text; a syntax error carries its line and column.
pub fn load_value(text: &str) -> Result<Value, Error> {
    let json = text.trim_start().starts_with('{');
    if json {
        let mut parser = serde_json::Deserializer::from_str(text);
        AnyValue
            .deserialize(&mut parser)
            .and_then(|value| parser.end().map(|()| value))
            .map_err(json_error)
    } else {
        AnyValue
            .deserialize(serde_norway::Deserializer::from_str(text))
            .map_err(yaml_error)
    }
}

fn load(text: &str) -> Result<OpenAPI, Error> {
    let mut value = load_value(text)?;
    let v3_1 = is_3_1(&value)?;
    let context = Context::new(v3_1);
    let at = At::Root(&context);
    if v3_1 {
        lower::document(&mut value, &at);
    }
    refs::resolve(&mut value)?;
    payloads::hoist(&mut value, &at);
    let mut document = document::document(value, &context)?;
    let warnings = context.into_warnings();
    if !warnings.is_empty() {
        LoadWarnings(warnings).write(&mut document.extensions);
    }
    Ok(document)
}

/// Whether the document is OpenAPI 3.1 (3.0 otherwise); any other version is refused before
/// anything else reads the document.
fn is_3_1(value: &Value) -> Result<bool, Error> {
    match value.get("openapi").and_then(Value::as_str) {
        Some(version) if version.starts_with("3.1") => Ok(true),
        Some(version) if !version.starts_with("3.0") => Err(Error::Unsupported {
            pointer: "#/openapi".to_owned(),
            message: format!(
                "OpenAPI version {version:?} is not supported; this generator reads 3.0.x and 3.1.x"
            ),
        }),
        _ => Ok(false),
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
    fn other_versions_are_refused_with_a_pointer() {
        let text = r#"{"openapi": "3.2.0", "info": {"title": "x", "version": "1"}, "paths": {}}"#;
        let error = load_document(text).unwrap_err();
        assert!(error.to_string().starts_with("#/openapi: "), "{error}");
    }

    /// Every document of the repository reads by hand exactly as `openapiv3`'s serde
    /// implementations read it.
    #[test]
    fn reading_by_hand_matches_openapiv3() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut paths = vec![root.join("spec/openapi.yaml")];
        for dir in [
            "tests/corpus/openapi",
            "tests/corpus/edge-cases",
            "generator/codegen/tests/output",
            "generator/codegen/tests/fixtures",
        ] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if matches!(
                    path.extension().and_then(|e| e.to_str()),
                    Some("json" | "yaml")
                ) {
                    paths.push(path);
                }
            }
        }
        paths.sort();
        let mut compared = 0;
        for path in &paths {
            let text = std::fs::read_to_string(path).unwrap();
            let value: Value = if text.trim_start().starts_with('{') {
                serde_json::from_str(&text).unwrap()
            } else {
                AnyValue
                    .deserialize(serde_norway::Deserializer::from_str(&text))
                    .unwrap()
            };
            // 3.1 documents are lowered as they are read: openapiv3 reads only 3.0.
            let version = value.get("openapi").and_then(Value::as_str);
            if !version.is_some_and(|version| version.starts_with("3.0")) {
                continue;
            }
            let by_serde = serde_json::from_value::<OpenAPI>(value.clone());
            let by_hand = document::document(value, &Context::default());
            match (by_serde, by_hand) {
                (Ok(expected), Ok(actual)) => {
                    // `Debug`, not `==`: it sees the order of maps too.
                    assert!(
                        format!("{expected:?}") == format!("{actual:?}"),
                        "{}: the documents differ",
                        path.display()
                    );
                }
                (Err(_), Err(_)) => {}
                (expected, actual) => panic!(
                    "{}: serde {:?}, by hand {:?}",
                    path.display(),
                    expected.err(),
                    actual.err()
                ),
            }
            compared += 1;
        }
        assert!(compared >= 20, "only {compared} documents compared");
    }

    fn error_of(paths: &str) -> String {
        let text = format!(
            r#"{{"openapi": "3.0.3", "info": {{"title": "x", "version": "1"}}, "paths": {paths}}}"#
        );
        load_document(&text).unwrap_err().to_string()
    }

    #[test]
    fn shape_errors_name_their_pointer() {
        assert_eq!(
            error_of(r#"{"/a": {"get": {"summary": "s"}}}"#),
            "#/paths/~1a/get: missing field `responses`"
        );
        assert_eq!(
            error_of(
                r#"{"/a": {"get": {"parameters": [{"name": "p", "in": "body", "schema": {}}], "responses": {}}}}"#
            ),
            "#/paths/~1a/get/parameters/0/in: unknown parameter location \"body\", expected `query`, `header`, `path` or `cookie`"
        );
        assert_eq!(
            error_of(
                r#"{"/a": {"get": {"responses": {"200": {"description": "d", "content": {"application/json": {"schema": {"type": "string", "minLength": -1}}}}}}}}"#
            ),
            "#/paths/~1a/get/responses/200/content/application~1json/schema/minLength: expected a non-negative integer, found a number"
        );
        assert_eq!(
            error_of(r#"{"/a": {"parameters": [{"$ref": 1}]}}"#),
            "#/paths/~1a/parameters/0: missing field `in`"
        );
    }
}
