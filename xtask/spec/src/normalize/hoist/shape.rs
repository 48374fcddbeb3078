//! What makes two schemas one Rust type, and what of a schema belongs to its place.
//!
//! The shape is what decides the generated type: types, formats, property names, which are
//! required, nullability inside, enum values (as a set), union members, references. Words
//! (descriptions, examples), value constraints and the flags a place sets on its value
//! (nullable, read-only, its default) are not shape: two places with the same shape share one
//! type, and each place keeps its own words and flags next to the reference.

use std::collections::BTreeMap;

use instantly_codegen::extensions::{
    Collapsed, CollapsedCount, DerivedFrom, EnumDescriptions, ExampleRepaired, Extension, PageType,
    ReferenceExample, ReferenceType, Source,
};
use serde_json::{Map, Value};

/// Keys that belong to the place a schema sits in, not to the shared type.
pub fn site_keys() -> [&'static str; 17] {
    [
        "title",
        "description",
        "nullable",
        "readOnly",
        "writeOnly",
        "deprecated",
        "default",
        "example",
        "externalDocs",
        Source::KEY,
        Collapsed::KEY,
        CollapsedCount::KEY,
        DerivedFrom::KEY,
        ExampleRepaired::KEY,
        PageType::KEY,
        ReferenceType::KEY,
        ReferenceExample::KEY,
    ]
}

/// The shape of a schema as a canonical string; `root` leaves out what belongs to the place.
pub fn shape_key(schema: &Value, root: bool) -> String {
    canonical(schema, root).to_string()
}

fn canonical(schema: &Value, root: bool) -> Value {
    let Some(object) = schema.as_object() else {
        return schema.clone();
    };
    if let Some(reference) = object.get("$ref") {
        return Value::Object(Map::from_iter([("$ref".to_owned(), reference.clone())]));
    }
    let mut shape = BTreeMap::<String, Value>::new();
    for key in ["type", "format"] {
        if let Some(value) = object.get(key) {
            shape.insert(key.to_owned(), value.clone());
        }
    }
    if !root && let Some(nullable) = object.get("nullable") {
        shape.insert("nullable".to_owned(), nullable.clone());
    }
    if let Some(values) = object.get("enum").and_then(Value::as_array) {
        let mut set: Vec<String> = values
            .iter()
            .filter(|value| !root || !value.is_null())
            .map(Value::to_string)
            .collect();
        set.sort();
        set.dedup();
        shape.insert("enum".to_owned(), set.into());
    }
    if let Some(properties) = object.get("properties").and_then(Value::as_object) {
        let sorted: BTreeMap<&String, Value> = properties
            .iter()
            .map(|(name, property)| (name, canonical(property, false)))
            .collect();
        shape.insert(
            "properties".to_owned(),
            serde_json::to_value(sorted).unwrap_or_default(),
        );
    }
    if let Some(required) = object.get("required").and_then(Value::as_array) {
        let mut names: Vec<String> = required.iter().map(Value::to_string).collect();
        names.sort();
        shape.insert("required".to_owned(), names.into());
    }
    for key in ["items", "additionalProperties", "not"] {
        if let Some(value) = object.get(key) {
            shape.insert(key.to_owned(), canonical(value, false));
        }
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(members) = object.get(key).and_then(Value::as_array) {
            let members: Vec<Value> = members.iter().map(|m| canonical(m, false)).collect();
            shape.insert(key.to_owned(), members.into());
        }
    }
    serde_json::to_value(shape).unwrap_or_default()
}

/// Splits a schema into what stays at its place and what the shared type holds. A `null` in
/// an enum is the place's (its `nullable`), so the shared enum lists only values.
pub fn split(schema: &Map<String, Value>) -> (Map<String, Value>, Map<String, Value>) {
    let site_keys = site_keys();
    let mut site = Map::new();
    let mut shape = Map::new();
    for (key, value) in schema {
        if site_keys.contains(&key.as_str()) {
            site.insert(key.clone(), value.clone());
        } else {
            shape.insert(key.clone(), value.clone());
        }
    }
    if let Some(values) = shape.get("enum").and_then(Value::as_array).cloned()
        && values.iter().any(Value::is_null)
    {
        let descriptions = EnumDescriptions::read(&shape).ok().flatten();
        let kept: Vec<usize> = (0..values.len())
            .filter(|i| !values[*i].is_null())
            .collect();
        let enum_values: Vec<Value> = kept.iter().map(|i| values[*i].clone()).collect();
        shape.insert("enum".to_owned(), enum_values.into());
        if let Some(EnumDescriptions(descriptions)) = descriptions {
            let kept = kept
                .iter()
                .map(|i| descriptions.get(*i).cloned().flatten())
                .collect();
            EnumDescriptions(kept).write(&mut shape);
        }
        site.insert("nullable".to_owned(), true.into());
    }
    (site, shape)
}

/// An enum's values with their descriptions, when the schema is an enum.
pub fn described_values(schema: &Map<String, Value>) -> Option<Vec<(Value, Option<String>)>> {
    let values = schema.get("enum")?.as_array()?;
    let descriptions = EnumDescriptions::read(schema)
        .ok()
        .flatten()
        .map(|EnumDescriptions(list)| list)
        .unwrap_or_default();
    Some(
        values
            .iter()
            .enumerate()
            .filter(|(_, value)| !value.is_null())
            .map(|(index, value)| (value.clone(), descriptions.get(index).cloned().flatten()))
            .collect(),
    )
}
