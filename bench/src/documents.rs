//! The documents measured, and the variants the measurements need: one progenitor can take
//! (it panics on operations with several response types), one restricted to a few operations
//! (for the run-time benchmarks), and one with one more field in one schema (for the
//! incremental rebuild).

use serde_json::Value;

/// Reads a document (JSON or YAML) as a JSON value, as the generator reads it (OpenAI's YAML
/// holds an integer past 64 bits, which `serde_json::Value` refuses).
pub fn read(path: &str) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|error| format!("{path}: {error}"))?;
    instantly_codegen::load_value(&text).map_err(|error| format!("{path}: {error}"))
}

/// The document as progenitor can take it: only its 2xx responses (it panics on operations
/// with several response types), components renamed where progenitor would give an inline
/// schema the same name (it emits both, which does not compile), and of two enum values that
/// differ only in punctuation (`Etc/GMT+12`, `Etc/GMT-12`) the second dropped (typify panics:
/// "Failed to make unique variant names"). The schemas are otherwise unchanged, so are the
/// types.
pub fn progenitor_compatible(mut document: Value) -> Value {
    for operation in operations_mut(&mut document) {
        if let Some(Value::Object(responses)) = operation.get_mut("responses") {
            responses.retain(|status, _| status.starts_with('2'));
        }
    }
    for name in names_progenitor_repeats(&document) {
        rename_component(&mut document, &name, &format!("{name}Component"));
    }
    drop_enum_values_typify_merges(&mut document);
    document
}

/// Keeps the first of the string enum values whose letters and digits are the same.
fn drop_enum_values_typify_merges(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if let Some(Value::Array(values)) = object.get_mut("enum") {
                let mut seen = std::collections::HashSet::new();
                values.retain(|value| {
                    value.as_str().is_none_or(|text| {
                        let key: String = text
                            .chars()
                            .filter(char::is_ascii_alphanumeric)
                            .map(|c| c.to_ascii_lowercase())
                            .collect();
                        seen.insert(key)
                    })
                });
            }
            object.values_mut().for_each(drop_enum_values_typify_merges);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_enum_values_typify_merges),
        _ => {}
    }
}

/// Components named like an inline object property of another component, which progenitor
/// (typify) names `{Component}{Property}`: `Account.warmup` against `AccountWarmup`.
fn names_progenitor_repeats(document: &Value) -> Vec<String> {
    let Some(schemas) = document
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    else {
        return Vec::new();
    };
    let mut names: Vec<String> = schemas
        .iter()
        .flat_map(|(name, schema)| {
            let properties = schema.get("properties").and_then(Value::as_object);
            properties
                .into_iter()
                .flatten()
                .filter(|(_, property)| property.get("properties").is_some())
                .map(move |(property, _)| format!("{name}{}", pascal_case(property)))
        })
        .filter(|derived| schemas.contains_key(derived))
        .collect();
    names.sort();
    names.dedup();
    names
}

fn pascal_case(name: &str) -> String {
    name.split(['_', '-', ' '])
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
        })
        .collect()
}

/// Renames a component schema and every reference to it.
fn rename_component(document: &mut Value, from: &str, to: &str) {
    if let Some(schemas) = document
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
        && let Some(schema) = schemas.shift_remove(from)
    {
        schemas.insert(to.to_owned(), schema);
    }
    let (from, to) = (
        format!("#/components/schemas/{from}"),
        format!("#/components/schemas/{to}"),
    );
    rewrite_references(document, &from, &to);
}

fn rewrite_references(value: &mut Value, from: &str, to: &str) {
    match value {
        Value::Object(object) => {
            if let Some(Value::String(reference)) = object.get_mut("$ref")
                && reference == from
            {
                *reference = to.to_owned();
            }
            object
                .values_mut()
                .for_each(|child| rewrite_references(child, from, to));
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|child| rewrite_references(child, from, to)),
        _ => {}
    }
}

/// [`progenitor_compatible`], with only the operations named and the component schemas they
/// reach.
pub fn restricted(document: Value, operation_ids: &[&str]) -> Value {
    let mut document = progenitor_compatible(document);
    if let Some(paths) = document.get_mut("paths").and_then(Value::as_object_mut) {
        for item in paths.values_mut() {
            if let Some(item) = item.as_object_mut() {
                item.retain(|_, operation| {
                    operation
                        .get("operationId")
                        .and_then(Value::as_str)
                        .is_some_and(|id| operation_ids.contains(&id))
                });
            }
        }
        paths.retain(|_, item| item.as_object().is_some_and(|item| !item.is_empty()));
    }
    let mut wanted: Vec<String> = Vec::new();
    references(document.get("paths").unwrap_or(&Value::Null), &mut wanted);
    let all = document
        .pointer("/components/schemas")
        .cloned()
        .unwrap_or(Value::Null);
    let mut kept = serde_json::Map::new();
    while let Some(reference) = wanted.pop() {
        let Some(name) = reference.strip_prefix("#/components/schemas/") else {
            continue;
        };
        if kept.contains_key(name) {
            continue;
        }
        if let Some(schema) = all.get(name) {
            references(schema, &mut wanted);
            kept.insert(name.to_owned(), schema.clone());
        }
    }
    if let Some(components) = document
        .get_mut("components")
        .and_then(Value::as_object_mut)
    {
        components.clear();
        components.insert("schemas".to_owned(), Value::Object(kept));
    }
    document
}

fn operations_mut(document: &mut Value) -> impl Iterator<Item = &mut Value> {
    document
        .get_mut("paths")
        .and_then(Value::as_object_mut)
        .into_iter()
        .flat_map(|paths| paths.values_mut())
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut())
}

fn references(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(object) => {
            if let Some(Value::String(reference)) = object.get("$ref") {
                out.push(reference.clone());
            }
            object.values().for_each(|child| references(child, out));
        }
        Value::Array(items) => items.iter().for_each(|child| references(child, out)),
        _ => {}
    }
}

/// The name of the property [`with_one_more_field`] adds.
pub const ADDED_FIELD: &str = "bench_added_field";

/// The document with one more optional string property in its first object schema that has
/// properties (document order): the smallest edit a maintainer regenerates for.
pub fn with_one_more_field(mut document: Value) -> Value {
    let schemas = document
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut);
    let first = schemas
        .into_iter()
        .flat_map(|schemas| schemas.values_mut())
        .find_map(|schema| schema.get_mut("properties").and_then(Value::as_object_mut));
    if let Some(properties) = first {
        properties.insert(
            ADDED_FIELD.to_owned(),
            serde_json::json!({"type": "string", "description": "Added by the benchmark."}),
        );
    }
    document
}
