//! The checks of the coverage-guided fuzz targets (`fuzz/libfuzzer`, cargo-fuzz on nightly),
//! one function per target over the fuzzer's bytes, kept here so that stable tests replay the
//! seeds and every saved crasher through the same code (`tests/libfuzzer_inputs.rs`).
//!
//! Each returns normally for any input; a panic is a finding.

use arbitrary::{Result, Unstructured};
use instantly::types::{Account, Campaign, Lead, LeadPage};
use instantly_codegen::{Error, Settings, generate_tokens, load_document};
use instantly_runtime::__private::parse_retry_after;
use instantly_runtime::ErrorBody;
use instantly_runtime::reqwest::header::HeaderValue;
use instantly_runtime::serde::Serialize;
use instantly_runtime::serde::de::DeserializeOwned;
use instantly_spec::page::reader::read_page;
use instantly_spec::page::type_line::{is_type_line, parse_type_line};
use serde_json::{Map, Value, json};
use std::time::{Duration, UNIX_EPOCH};

/// A target's check of one input.
pub type Check = fn(&[u8]);

/// The targets, by name (the names of `fuzz/libfuzzer`'s binaries).
pub const TARGETS: [(&str, Check); 6] = [
    ("type_line", type_line),
    ("page_fragment", page_fragment),
    ("load_document", load_document_target),
    ("plan_small", plan_small),
    ("decode_instantly", decode_instantly),
    ("runtime_parsers", runtime_parsers),
];

/// The page's type-line grammar (`string | null`, `array of object`, …) on any text: an error
/// or a type.
pub fn type_line(data: &[u8]) {
    if let Ok(line) = std::str::from_utf8(data) {
        let _ = is_type_line(line);
        let _ = parse_type_line(line);
    }
}

/// The page reader on fragments of pages (the seeds cut the real page into pieces): a page, or
/// a diagnostic naming a line inside the text.
pub fn page_fragment(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data)
        && let Err(diagnostic) = read_page(text)
        && let Some(line) = diagnostic.line
    {
        assert!(
            line >= 1 && line <= text.lines().count() + 1,
            "line {line} of {diagnostic}"
        );
    }
}

/// An error from loading or generating must say where.
fn check_error(error: &Error, input: &str) {
    match error {
        Error::Unsupported { pointer, message } => {
            assert!(pointer.starts_with('#'), "{pointer}: {message}\n{input}");
            assert!(!message.is_empty(), "{pointer}: empty message\n{input}");
        }
        Error::Syntax { message, .. } => assert!(!message.is_empty(), "{input}"),
        other => panic!("{other}\n{input}"),
    }
}

/// The document loader (YAML or JSON text, the typed reader, references anywhere, OpenAPI 3.1
/// lowering) on any text: a document, or an error that says where.
pub fn load_document_target(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data)
        && let Err(error) = load_document(text)
    {
        check_error(&error, text);
    }
}

const NAMES: &[&str] = &[
    "a", "B", "item", "type", "self", "Value", "a b", "9x", "x-y", "", "id",
];
const TYPES: &[&str] = &[
    "string", "integer", "number", "boolean", "object", "array", "null",
];
const FORMATS: &[&str] = &[
    "",
    "date-time",
    "date",
    "uuid",
    "int32",
    "uint64",
    "binary",
    "byte",
    "float",
];
const COMPONENTS: &[&str] = &["S0", "S1", "S2"];
const CONTENT_TYPES: &[&str] = &[
    "application/json",
    "multipart/form-data",
    "application/x-www-form-urlencoded",
    "text/plain",
];

fn schema(u: &mut Unstructured, depth: u32, v3_1: bool) -> Result<Value> {
    if depth == 0 || u.is_empty() {
        return Ok(json!({"type": *u.choose(TYPES)?}));
    }
    Ok(match u.int_in_range(0..=10)? {
        0 => json!({"$ref": format!("#/components/schemas/{}", u.choose(COMPONENTS)?)}),
        1 => {
            let mut properties = Map::new();
            let mut required = Vec::new();
            for _ in 0..u.int_in_range(0..=3)? {
                let name = (*u.choose(NAMES)?).to_owned();
                if u.arbitrary()? {
                    required.push(json!(name.clone()));
                }
                properties.insert(name, schema(u, depth - 1, v3_1)?);
            }
            json!({"type": "object", "properties": properties, "required": required})
        }
        2 => json!({"type": "array", "items": schema(u, depth - 1, v3_1)?}),
        3 => {
            let keyword = *u.choose(&["oneOf", "anyOf", "allOf"])?;
            let members: Vec<Value> = (0..u.int_in_range(1..=3)?)
                .map(|_| schema(u, depth - 1, v3_1))
                .collect::<Result<_>>()?;
            json!({ keyword: members })
        }
        4 => json!({"type": "string", "enum": [*u.choose(NAMES)?, *u.choose(NAMES)?]}),
        5 => json!({"type": *u.choose(TYPES)?, "format": *u.choose(FORMATS)?}),
        6 => json!({"type": "object", "additionalProperties": schema(u, depth - 1, v3_1)?}),
        7 if v3_1 => json!({"type": [*u.choose(TYPES)?, *u.choose(TYPES)?]}),
        7 => json!({"type": *u.choose(TYPES)?, "nullable": true}),
        8 if v3_1 => json!({"$ref": "#/components/schemas/S1", "description": "d"}),
        8 => json!({"allOf": [{"$ref": "#/components/schemas/S1"}], "description": "d"}),
        9 => json!({"$ref": "#/components/schemas/S0/properties/a"}),
        _ => json!({"type": "integer", "enum": [1, 2], "minimum": 0}),
    })
}

fn document(u: &mut Unstructured) -> Result<Value> {
    let v3_1: bool = u.arbitrary()?;
    let mut components = Map::new();
    for name in COMPONENTS {
        components.insert((*name).to_owned(), schema(u, 3, v3_1)?);
    }
    let content_type = *u.choose(CONTENT_TYPES)?;
    Ok(json!({
        "openapi": if v3_1 { "3.1.0" } else { "3.0.3" },
        "info": {"title": "Fuzz", "version": "1"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": {"/x/{id}": {
            "get": {
                "operationId": *u.choose(NAMES)?,
                "parameters": [
                    {"name": "id", "in": "path", "required": true, "schema": schema(u, 1, v3_1)?},
                    {"name": *u.choose(NAMES)?, "in": "query", "schema": schema(u, 2, v3_1)?}
                ],
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": schema(u, 2, v3_1)?}}}}
            },
            "post": {
                "requestBody": {"required": u.arbitrary::<bool>()?, "content": {content_type: {"schema": schema(u, 2, v3_1)?}}},
                "responses": {"204": {"description": "done"}}
            }
        }},
        "components": {"schemas": components}
    }))
}

/// The planner and emitter on small documents built from the bytes: three component schemas,
/// two operations (a path and a query parameter, a body in one of four content types, a
/// response), OpenAPI 3.0 or 3.1. An error says where; otherwise the tokens parse as a file.
pub fn plan_small(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(document) = document(&mut u) else {
        return;
    };
    let text = document.to_string();
    let generated =
        load_document(&text).and_then(|document| generate_tokens(&document, &Settings::default()));
    match generated {
        Ok(generated) => {
            if let Err(error) = syn::parse2::<syn::File>(generated.tokens) {
                panic!("generated tokens are not a Rust file: {error}\n{text}");
            }
        }
        Err(error) => check_error(&error, &text),
    }
}

fn round_trip<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(data: &[u8]) {
    let Ok(value) = serde_json::from_slice::<T>(data) else {
        return;
    };
    let written = serde_json::to_vec(&value).expect("a decoded value encodes");
    let again: T = serde_json::from_slice(&written).expect("what was written decodes");
    assert_eq!(value, again, "{}", String::from_utf8_lossy(&written));
}

/// Any bytes as JSON into the generated Instantly types: an error, or a value that writes back
/// to JSON that decodes to the same value.
pub fn decode_instantly(data: &[u8]) {
    round_trip::<Lead>(data);
    round_trip::<LeadPage>(data);
    round_trip::<Campaign>(data);
    round_trip::<Account>(data);
}

/// The runtime's parsers of what a server sends: `Retry-After` (seconds or an HTTP date) and
/// the error body.
pub fn runtime_parsers(data: &[u8]) {
    if let Ok(value) = HeaderValue::from_bytes(data) {
        let now = UNIX_EPOCH + Duration::from_secs(1_767_225_600);
        let _ = parse_retry_after(&value, now);
    }
    let _ = format!("{:?}", ErrorBody::parse(data));
}
