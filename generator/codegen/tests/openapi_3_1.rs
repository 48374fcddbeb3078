//! OpenAPI 3.1 reads as the 3.0 it lowers to: `spec/openapi.yaml`, converted to 3.1 here the
//! way a 3.1 author would write it, generates the same client as the 3.0 original.

use instantly_codegen::{Settings, generate_file};
use serde_json::{Map, Value, json};
use std::path::PathBuf;

const ANNOTATIONS: &[&str] = &[
    "description",
    "title",
    "default",
    "example",
    "deprecated",
    "readOnly",
    "writeOnly",
];

/// One schema in 3.1 terms, its sub-schemas too; returns what it changed, by kind.
fn schema(value: &mut Value, changes: &mut Vec<&'static str>) {
    let Some(map) = value.as_object_mut() else {
        return;
    };
    for key in ["properties"] {
        if let Some(Value::Object(properties)) = map.get_mut(key) {
            for property in properties.values_mut() {
                schema(property, changes);
            }
        }
    }
    for key in ["items", "not", "additionalProperties"] {
        if let Some(child) = map.get_mut(key) {
            schema(child, changes);
        }
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        if let Some(Value::Array(members)) = map.get_mut(key) {
            members
                .iter_mut()
                .for_each(|member| schema(member, changes));
        }
    }
    // `nullable` → `null` among the types (or the type `null` alone).
    if map.remove("nullable") == Some(Value::Bool(true)) {
        let types = match map.remove("type") {
            Some(Value::String(single)) => json!([single, "null"]),
            _ => json!("null"),
        };
        if map.get("enum") == Some(&json!([null])) {
            map.remove("enum");
        }
        map.insert("type".to_owned(), types);
        changes.push("nullable → type with null");
    }
    if let Some(example) = map.remove("example") {
        map.insert("examples".to_owned(), json!([example]));
        changes.push("example → examples");
    }
    for (flag, bound) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        if map.get(flag) == Some(&Value::Bool(true))
            && let Some(limit) = map.remove(bound)
        {
            map.insert(flag.to_owned(), limit);
            changes.push("boolean exclusive bound → numeric");
        }
    }
    match map.get("format").and_then(Value::as_str) {
        Some("byte") => {
            map.remove("format");
            map.insert("contentEncoding".to_owned(), json!("base64"));
            changes.push("format byte → contentEncoding");
        }
        Some("binary") => {
            map.remove("format");
            map.insert(
                "contentMediaType".to_owned(),
                json!("application/octet-stream"),
            );
            changes.push("format binary → contentMediaType");
        }
        _ => {}
    }
    if let Some(Value::Array(values)) = map.get("enum")
        && let [single] = values.as_slice()
    {
        let single = single.clone();
        map.remove("enum");
        map.insert("const".to_owned(), single);
        changes.push("single-value enum → const");
    }
    // `allOf: [$ref]` beside annotations only → `$ref` with sibling keywords.
    let lone_reference = match map.get("allOf") {
        Some(Value::Array(members)) if members.len() == 1 => members[0]
            .as_object()
            .filter(|member| member.len() == 1)
            .and_then(|member| member.get("$ref"))
            .cloned(),
        _ => None,
    };
    let annotations_only = map.keys().all(|key| {
        key == "allOf"
            || ANNOTATIONS.contains(&key.as_str())
            || key.starts_with("x-")
            || key == "examples"
    });
    if let Some(reference) = lone_reference
        && annotations_only
    {
        map.remove("allOf");
        map.insert("$ref".to_owned(), reference);
        changes.push("allOf [$ref] → $ref with siblings");
    }
}

fn content(holder: &mut Value, changes: &mut Vec<&'static str>) {
    if let Some(Value::Object(content)) = holder.get_mut("content") {
        for media in content.values_mut() {
            if let Some(child) = media.get_mut("schema") {
                schema(child, changes);
            }
        }
    }
}

/// The document in OpenAPI 3.1 terms, and what the conversion changed.
fn to_3_1(mut document: Value) -> (Value, Vec<&'static str>) {
    let mut changes = Vec::new();
    document["openapi"] = json!("3.1.0");
    if let Some(Value::Object(schemas)) = document.pointer_mut("/components/schemas") {
        for value in schemas.values_mut() {
            schema(value, &mut changes);
        }
    }
    if let Some(Value::Object(paths)) = document.get_mut("paths") {
        for item in paths.values_mut() {
            for operation in item.as_object_mut().into_iter().flat_map(Map::values_mut) {
                if let Some(Value::Array(parameters)) = operation.get_mut("parameters") {
                    for parameter in parameters {
                        if let Some(child) = parameter.get_mut("schema") {
                            schema(child, &mut changes);
                        }
                    }
                }
                if let Some(body) = operation.get_mut("requestBody") {
                    content(body, &mut changes);
                }
                if let Some(Value::Object(responses)) = operation.get_mut("responses") {
                    responses
                        .values_mut()
                        .for_each(|response| content(response, &mut changes));
                }
            }
        }
    }
    (document, changes)
}

#[test]
fn the_3_1_form_of_the_instantly_document_generates_the_same_client() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec/openapi.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    let original: Value = serde_norway::from_str(&text).unwrap();
    let (converted, changes) = to_3_1(original);
    // The conversion exercised each 3.1 form it knows, so the comparison below means something.
    for kind in [
        "nullable → type with null",
        "example → examples",
        "single-value enum → const",
        "allOf [$ref] → $ref with siblings",
    ] {
        assert!(changes.contains(&kind), "no {kind} in the document");
    }
    let settings = Settings::instantly();
    let from_3_0 = generate_file(&text, &settings).unwrap();
    let from_3_1 = generate_file(&converted.to_string(), &settings).unwrap();
    if from_3_0 != from_3_1 {
        let diff = similar::TextDiff::from_lines(&from_3_0, &from_3_1);
        let changed: String = diff
            .unified_diff()
            .context_radius(2)
            .to_string()
            .lines()
            .take(120)
            .collect::<Vec<_>>()
            .join("\n");
        panic!("the 3.1 form generates another client:\n{changed}");
    }
}
